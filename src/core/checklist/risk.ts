/**
 * Order by risk and the minimum set (checklist.md, "Order by risk"): testing time on the copy
 * of production is short, so the riskiest changes come first and a run may be cut down to
 * what must be verified. Both apply to the run page and to every download made from it.
 *
 * The order: each change (an entry's items, a process's steps, a known issue's item) takes the
 * rank of the first rule of RISK_RULES it meets (data change, breaking change, required
 * action, open known issue of the target), changes that meet none come after them; within a
 * rank, by the most urgent priority of the change's items (critical → low); then as the
 * checklist lists them. The items of one change stay together, in their order: a tester
 * verifies a change in one go, and a test-management tool reads them as one case.
 *
 * The minimum set: critical and high items, every item of an entry with a data change, the
 * known-issue items and the strategic processes' steps.
 */
import { PRIORITIES, type Priority } from '../model.ts';
import type { Checklist, ChecklistEntry, ChecklistItem } from './types.ts';

export type RiskReason = 'data-change' | 'breaking' | 'action' | 'known-issue';

interface RiskRule {
  reason: RiskReason;
  applies(item: ChecklistItem, entry: ChecklistEntry | undefined): boolean;
}

/** The ranks of the order, riskiest first: a data list, so a new kind of risk slots in. */
export const RISK_RULES: readonly RiskRule[] = [
  { reason: 'data-change', applies: (_item, entry) => !!entry?.data },
  { reason: 'breaking', applies: (_item, entry) => !!entry?.breaking },
  { reason: 'action', applies: (_item, entry) => !!entry?.action },
  { reason: 'known-issue', applies: (item) => item.knownIssue !== null },
];

/** Priorities of the minimum set. */
export const MINIMUM_PRIORITIES: readonly Priority[] = ['critical', 'high'];

export const CHECKLIST_ORDERS = ['road-book', 'risk'] as const;
export type ChecklistOrder = (typeof CHECKLIST_ORDERS)[number];

/** How a checklist is arranged for a page or a download; the default is the road book's order, every item. */
export interface ChecklistArrangement {
  order?: ChecklistOrder;
  /** Only the minimum set. */
  minimum?: boolean;
}

type EntryLookup = (item: ChecklistItem) => ChecklistEntry | undefined;

function entryLookup(checklist: Pick<Checklist, 'entries'>): EntryLookup {
  const entries = new Map(checklist.entries.map((e) => [e.id, e]));
  return (item) => (item.entry !== null ? entries.get(item.entry) : undefined);
}

/** What makes an item risky, in the order of RISK_RULES; empty for none. */
export function riskReasons(item: ChecklistItem, checklist: Pick<Checklist, 'entries'>): RiskReason[] {
  const entry = entryLookup(checklist)(item);
  return RISK_RULES.filter((r) => r.applies(item, entry)).map((r) => r.reason);
}

/** The change an item belongs to: its entry, process or known issue. */
export function changeKey(item: ChecklistItem): string {
  if (item.entry !== null) return `entry:${item.entry}`;
  if (item.process !== null) return `process:${item.process}`;
  if (item.knownIssue !== null) return `known:${item.knownIssue}`;
  return `item:${item.id}`;
}

/** One change of the risk order: its items together, and the first rule of RISK_RULES it meets (null: none). */
export interface RiskChange {
  /** `changeKey` of its items. */
  key: string;
  reason: RiskReason | null;
  items: ChecklistItem[];
}

/** The checklist's changes in risk order (see above), each with why it ranks where it does. */
export function riskChanges(checklist: Pick<Checklist, 'items' | 'entries'>): RiskChange[] {
  const entryOf = entryLookup(checklist);
  const changes = new Map<string, { rank: number; urgency: number; first: number; items: ChecklistItem[] }>();
  checklist.items.forEach((item, index) => {
    const key = changeKey(item);
    const found = RISK_RULES.findIndex((r) => r.applies(item, entryOf(item)));
    const rank = found === -1 ? RISK_RULES.length : found;
    const urgency = PRIORITIES.indexOf(item.priority);
    const change = changes.get(key);
    if (!change) changes.set(key, { rank, urgency, first: index, items: [item] });
    else {
      change.rank = Math.min(change.rank, rank);
      change.urgency = Math.min(change.urgency, urgency);
      change.items.push(item);
    }
  });
  return [...changes.entries()]
    .sort(([, a], [, b]) => a.rank - b.rank || a.urgency - b.urgency || a.first - b.first)
    .map(([key, c]) => ({ key, reason: RISK_RULES[c.rank]?.reason ?? null, items: c.items }));
}

/** The checklist's items in risk order (see above). */
export function orderByRisk(checklist: Pick<Checklist, 'items' | 'entries'>): ChecklistItem[] {
  return riskChanges(checklist).flatMap((c) => c.items);
}

/** True when the item is in the minimum set (see above). */
export function inMinimumSet(item: ChecklistItem, checklist: Pick<Checklist, 'entries'>): boolean {
  return isMinimum(item, entryLookup(checklist)(item));
}

function isMinimum(item: ChecklistItem, entry: ChecklistEntry | undefined): boolean {
  return (
    MINIMUM_PRIORITIES.includes(item.priority) || !!entry?.data || item.knownIssue !== null || item.process !== null
  );
}

/** The minimum set, in the checklist's order. */
export function minimumSet(checklist: Pick<Checklist, 'items' | 'entries'>): ChecklistItem[] {
  const entryOf = entryLookup(checklist);
  return checklist.items.filter((item) => isMinimum(item, entryOf(item)));
}

/**
 * The checklist with its items arranged: ordered, then cut down to the minimum set. The rest
 * of the checklist (path, entries, data changes…) is unchanged; with the default arrangement
 * the checklist itself is returned.
 */
export function arrangeChecklist<C extends Pick<Checklist, 'items' | 'entries'>>(
  checklist: C,
  arrangement: ChecklistArrangement | undefined,
): C {
  const order = arrangement?.order ?? 'road-book';
  if (order === 'road-book' && !arrangement?.minimum) return checklist;
  let items = order === 'risk' ? orderByRisk(checklist) : [...checklist.items];
  if (arrangement?.minimum) {
    const entryOf = entryLookup(checklist);
    items = items.filter((item) => isMinimum(item, entryOf(item)));
  }
  return { ...checklist, items };
}

/** True when the arrangement changes anything: the JSON export then says how it was arranged. */
export function isArranged(arrangement: ChecklistArrangement | undefined): boolean {
  return (arrangement?.order ?? 'road-book') !== 'road-book' || !!arrangement?.minimum;
}
