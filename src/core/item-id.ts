/**
 * The one place for how a checklist item's id is written and read back: `<entry id>#<key>`
 * for an entry's item, `process:<process id>#<n>` for step n (from 1) of a process and
 * `procedure:<key>` for a step of the upgrade procedure, `known:<issue id>` for the item of an
 * open known issue of the target. Progress is stored by these ids, so
 * making and reading them in one module keeps a republished site reading what testers saved.
 * Browser-safe.
 */

import { textDigest } from './checklist/digest.ts';
import type { KnownIssue } from './model.ts';

export const PROCESS_PREFIX = 'process:';
export const PROCEDURE_PREFIX = 'procedure:';
export const KNOWN_ISSUE_PREFIX = 'known:';
const KEY_SEPARATOR = '#';

export type ItemIdKind = 'entry' | 'process' | 'procedure' | 'known';

/**
 * An item id read back: who owns the item (null for the procedure; the issue id for a known
 * issue) and its key there (a known issue's own id: it has one item).
 */
export interface ItemIdParts {
  kind: ItemIdKind;
  owner: string | null;
  key: string;
}

export function entryItemId(entryId: string, key: string): string {
  return `${entryId}${KEY_SEPARATOR}${key}`;
}

/** The id of step `n` (from 1) of a process. */
export function processItemId(processId: string, n: number): string {
  return `${processGroupKey(processId)}${KEY_SEPARATOR}${n}`;
}

export function procedureItemId(key: string): string {
  return `${PROCEDURE_PREFIX}${key}`;
}

/** What groups the items of one process apart from the modules' groups: `process:<id>`. */
export function processGroupKey(processId: string): string {
  return `${PROCESS_PREFIX}${processId}`;
}

/** The one item of an open known issue: `known:<issue id>`. */
export function knownIssueItemId(issueId: string): string {
  return `${KNOWN_ISSUE_PREFIX}${issueId}`;
}

export function isKnownIssueItem(id: string): boolean {
  return id.startsWith(KNOWN_ISSUE_PREFIX);
}

/**
 * What a tester verifies for a known issue, as a digest: its title and workaround. A result
 * is carried over, and the seal says nothing changed, while both stay the same; the words
 * around them (the interface language) do not count.
 */
export function knownIssueHash(issue: Pick<KnownIssue, 'title' | 'workaround'>): string {
  return textDigest([issue.title, issue.workaround ?? ''].join('\n'));
}

export function isProcedureItem(id: string): boolean {
  return id.startsWith(PROCEDURE_PREFIX);
}

/**
 * Splits an id at its last `#` (entry and process ids never hold one, keys may not either).
 * An id without a `#` after its owner reads as an entry id with an empty key, so a stray stored id still names
 * the entry it may have belonged to.
 */
export function parseItemId(id: string): ItemIdParts {
  if (isProcedureItem(id)) return { kind: 'procedure', owner: null, key: id.slice(PROCEDURE_PREFIX.length) };
  if (isKnownIssueItem(id)) {
    const issue = id.slice(KNOWN_ISSUE_PREFIX.length);
    return { kind: 'known', owner: issue, key: issue };
  }
  const kind: ItemIdKind = id.startsWith(PROCESS_PREFIX) ? 'process' : 'entry';
  const rest = kind === 'process' ? id.slice(PROCESS_PREFIX.length) : id;
  const hash = rest.lastIndexOf(KEY_SEPARATOR);
  if (hash <= 0) return { kind, owner: rest, key: '' };
  return { kind, owner: rest.slice(0, hash), key: rest.slice(hash + 1) };
}

/** The HTML id of an entry's item on its page (`item-GES-100--remise`): `#` is not kept in it. */
export function itemAnchor(id: string): string {
  return `item-${id.replace(KEY_SEPARATOR, '--')}`;
}
