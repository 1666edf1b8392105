/**
 * The labels people read for the values of every closed list: the model's (result statuses,
 * priorities, known issues' severities, sign-off decisions, version statuses, why a result is orphaned), in the
 * interface language, and roadbook.yml's own choices (entry types, modules, editions), whose
 * labels the road book gives. Every page, script and export shows a value through here.
 */
import type { AttentionReason } from '../attention.ts';
import type { Status } from '../checklist/progress.ts';
import type { Choice, KnownIssueSeverity, Locale, Priority, VersionStatus } from '../model.ts';
import type { Decision } from '../run/types.ts';
import type { OrphanReason } from '../run/view.ts';
import { translate, type MessageKey } from './translate.ts';

// One key per value: a list that gains a value without its label does not compile.
const STATUS_KEYS: Record<Status, MessageKey> = {
  untested: 'status.untested',
  passed: 'status.passed',
  failed: 'status.failed',
  blocked: 'status.blocked',
  retest: 'status.retest',
  na: 'status.na',
};

const PRIORITY_KEYS: Record<Priority, MessageKey> = {
  critical: 'priority.critical',
  high: 'priority.high',
  normal: 'priority.normal',
  low: 'priority.low',
};

const SEVERITY_KEYS: Record<KnownIssueSeverity, MessageKey> = {
  blocking: 'knownIssue.severity.blocking',
  major: 'knownIssue.severity.major',
  minor: 'knownIssue.severity.minor',
};

const DECISION_KEYS: Record<Decision, MessageKey> = {
  accepted: 'signoff.decision.accepted',
  reserves: 'signoff.decision.reserves',
  refused: 'signoff.decision.refused',
};

const VERSION_STATUS_KEYS: Record<VersionStatus, MessageKey> = {
  published: 'versionStatus.published',
  draft: 'versionStatus.draft',
  withdrawn: 'versionStatus.withdrawn',
};

const ORPHAN_REASON_KEYS: Record<OrphanReason, MessageKey> = {
  'item-removed': 'run.orphan.item-removed',
  'not-in-path': 'run.orphan.not-in-path',
  'entry-removed': 'run.orphan.entry-removed',
};

const ATTENTION_KEYS: Record<AttentionReason, MessageKey> = {
  breaking: 'attention.breaking',
  'data-change': 'attention.data-change',
  action: 'attention.action',
  security: 'attention.security',
};

/** "Réussi" / "Passed". */
export function statusLabel(locale: Locale, status: Status): string {
  return translate(locale, STATUS_KEYS[status]);
}

/** "Critique" / "Critical". */
export function priorityLabel(locale: Locale, priority: Priority): string {
  return translate(locale, PRIORITY_KEYS[priority]);
}

/** "Bloquant" / "Blocking": a known issue's severity. */
export function severityLabel(locale: Locale, severity: KnownIssueSeverity): string {
  return translate(locale, SEVERITY_KEYS[severity]);
}

/** "Acceptée avec réserves" / "Accepted with reservations". */
export function decisionLabel(locale: Locale, decision: Decision): string {
  return translate(locale, DECISION_KEYS[decision]);
}

/** "Retirée" / "Withdrawn". */
export function versionStatusLabel(locale: Locale, status: VersionStatus): string {
  return translate(locale, VERSION_STATUS_KEYS[status]);
}

/** Why a saved result has no item in the checklist any more. */
export function orphanReasonLabel(locale: Locale, reason: OrphanReason): string {
  return translate(locale, ORPHAN_REASON_KEYS[reason]);
}

/** "Changement de données" / "Data change": why a change needs attention. */
export function attentionLabel(locale: Locale, reason: AttentionReason): string {
  return translate(locale, ATTENTION_KEYS[reason]);
}

/** The label roadbook.yml gives a choice (type, module, edition); an unknown id as it is. */
export function labelOf(choices: readonly Choice[], id: string): string {
  return choices.find((c) => c.id === id)?.label ?? id;
}

/** labelOf for many look-ups in one list (a page of 10,000 entries): built once, then a map. */
export function choiceLabels(choices: readonly Choice[]): (id: string) => string {
  const labels = new Map(choices.map((c) => [c.id, c.label]));
  return (id) => labels.get(id) ?? id;
}

/** Selected modules (or editions) as labels, or "all modules" ("all editions"). */
export function selectionText(
  kind: 'modules' | 'editions',
  choices: readonly Choice[],
  selected: readonly string[],
  locale: Locale,
): string {
  if (selected.length > 0) return selected.map((id) => labelOf(choices, id)).join(', ');
  return translate(locale, kind === 'modules' ? 'export.allModules' : 'export.allEditions');
}
