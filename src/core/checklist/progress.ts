/**
 * A run of a checklist (checklist.md, "Identity and progress" and "Statuses"): what a tester
 * recorded per item id. Results are keyed by item id, so they survive a rebuild, a reload and
 * a change of path that keeps the item; each remembers the hash of the item it was given for,
 * so an item whose text changed since keeps its mark and is flagged.
 */
import type { Attachment } from '../run/evidence.ts';
import type { Checklist, ChecklistItem } from './types.ts';

/** In the order a tester meets them; labels are `status.<status>` in src/i18n. */
export const STATUSES = ['untested', 'passed', 'failed', 'blocked', 'retest', 'na'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that need a comment before sign-off. */
export const NEEDS_COMMENT: readonly Status[] = ['failed', 'blocked'];

/**
 * Where a result carried over from an earlier run was recorded (checklist.md, "Carrying results
 * over"): that run, and the date of the result there. Never set on a result executed in this run.
 */
export interface CarriedFrom {
  /** Id of the earlier run. */
  run: string;
  /** Its name, as it was when the result was carried. */
  name: string;
  /** When the result was recorded there (ISO 8601). */
  date: string;
}

export interface ItemResult {
  status: Status;
  /** The result obtained, or why the item is blocked or not applicable. */
  comment?: string;
  /** Who ran the item. */
  tester?: string;
  /** When, as an ISO 8601 date-time (`2026-05-20T14:03:00.000Z`). */
  time?: string;
  /** A defect reference (ticket number, URL). */
  defect?: string;
  /** The item's `hash` when the result was recorded. */
  hash?: string | null;
  /**
   * This version of the result: a short random id, renewed at each edit that follows a save,
   * so two tabs (or two computers) can tell a result derived from theirs from one changed at
   * the same time (core/run/merge.ts).
   */
  rev?: string;
  /** The revisions this one was made from: the one edited, or every version of a conflict settled. */
  base?: string[];
  /**
   * Other versions of the same item recorded at the same time elsewhere and not settled yet:
   * kept (never dropped) until a tester picks one.
   */
  conflict?: ItemResult[];
  /** Set when the result was taken over from an earlier run instead of being executed in this one. */
  carriedFrom?: CarriedFrom;
  /** Files attached as evidence (core/run/evidence.ts); their bytes are kept beside the run. */
  evidence?: Attachment[];
}

/** Results of a run, by item id. */
export type RunResults = Record<string, ItemResult>;

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** The result of one item; undefined when nothing was recorded. */
export function resultOf(results: RunResults | undefined, itemId: string): ItemResult | undefined {
  return results && Object.hasOwn(results, itemId) ? results[itemId] : undefined;
}

/** The status of one item, `untested` when nothing was recorded. */
export function statusOf(results: RunResults | undefined, itemId: string): Status {
  return resultOf(results, itemId)?.status ?? 'untested';
}

/** A result for `item`, remembering the item's hash. */
export function recordResult(item: Pick<ChecklistItem, 'hash'>, result: Omit<ItemResult, 'hash'>): ItemResult {
  return { ...result, hash: item.hash };
}

/** True when the item's text changed since the result was recorded (its hash differs). */
export function changedSince(result: ItemResult | undefined, item: Pick<ChecklistItem, 'hash'>): boolean {
  return !!result && typeof result.hash === 'string' && result.hash !== item.hash;
}

/** Items that stop a sign-off: failed or blocked without a comment. */
export function signOffBlockers(checklist: Pick<Checklist, 'items'>, results: RunResults | undefined): ChecklistItem[] {
  return checklist.items.filter((item) => {
    const result = resultOf(results, item.id);
    return !!result && NEEDS_COMMENT.includes(result.status) && !result.comment?.trim();
  });
}

/** How many items of the checklist have each status. */
export function countStatuses(
  checklist: Pick<Checklist, 'items'>,
  results: RunResults | undefined,
): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const item of checklist.items) counts[statusOf(results, item.id)]++;
  return counts;
}
