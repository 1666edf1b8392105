/**
 * Which changes need a customer's attention before they upgrade (design README, the
 * attention feed): a change of behaviour, a change of data (no way back without restoring
 * it), a required action, or a security fix. One rule for the feed and for every page or
 * export that marks them. Browser-safe.
 */
import type { EntryRecord } from './model.ts';

/** The id of the security type among roadbook.yml's entry types (one of the defaults). */
export const SECURITY_TYPE = 'securite';

export const ATTENTION_REASONS = ['breaking', 'data-change', 'action', 'security'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

type AttentionFields = Pick<EntryRecord, 'breaking' | 'data' | 'action' | 'type'>;

/** What each reason looks at: a data list, so a new reason is one line (and one label). */
const APPLIES: Record<AttentionReason, (entry: AttentionFields) => boolean> = {
  breaking: (entry) => entry.breaking,
  'data-change': (entry) => entry.data !== null,
  action: (entry) => entry.action !== null,
  security: (entry) => entry.type === SECURITY_TYPE,
};

/** Why `entry` needs attention, in the order of ATTENTION_REASONS; empty when it does not. */
export function attentionReasons(entry: AttentionFields): AttentionReason[] {
  return ATTENTION_REASONS.filter((reason) => APPLIES[reason](entry));
}
