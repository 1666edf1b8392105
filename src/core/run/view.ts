/**
 * What the checklist page shows of a run, computed without a browser: every item in run order
 * (procedure steps around the checklist's items), progress counts, the filters, the items
 * flagged "changed since", and the results whose item is not in the checklist any more
 * (never dropped: they are listed with what was recorded).
 */
import {
  changedSince,
  countStatuses,
  resultOf,
  STATUSES,
  type RunResults,
  type Status,
} from '../checklist/progress.ts';
import type { Checklist, ChecklistItem } from '../checklist/types.ts';
import { PRIORITIES, type Priority } from '../model.ts';
import type { ItemResult } from '../checklist/progress.ts';
import { isProcedureItem, parseItemId } from '../item-id.ts';
import { isCarried } from './carry-over.ts';
import type { Procedure } from './procedure.ts';

/** Statuses that mean the item was run (for the progress bar). */
export const DONE_STATUSES: readonly Status[] = ['passed', 'failed', 'blocked', 'na'];

export interface RunView {
  /** Every item with a status, in run order: procedure 1–2, changes, processes, procedure 6–7. */
  items: ChecklistItem[];
  /** The items the sign-off is about: procedure 1–2, changes, processes. */
  signOffItems: ChecklistItem[];
  byId: Map<string, ChecklistItem>;
}

export function runView(checklist: Checklist, procedure: Procedure): RunView {
  const signOffItems = [...procedure.before, ...checklist.items];
  const items = [...signOffItems, ...procedure.after];
  return { items, signOffItems, byId: new Map(items.map((i) => [i.id, i])) };
}

export interface Progress {
  counts: Record<Status, number>;
  total: number;
  /** Items with a status of DONE_STATUSES. */
  done: number;
  /** Items whose result was recorded for another text. */
  changed: number;
}

export function progressOf(items: readonly ChecklistItem[], results: RunResults): Progress {
  const counts = countStatuses({ items: items as ChecklistItem[] }, results);
  const done = DONE_STATUSES.reduce((n, s) => n + counts[s], 0);
  const changed = items.filter((i) => changedSince(resultOf(results, i.id), i)).length;
  return { counts, total: items.length, done, changed };
}

/** What one item adds to the progress: its status, and whether its result was for another text. */
export interface ItemMark {
  status: Status;
  changed: boolean;
}

/** The mark of `item` given its result (the same rule as progressOf, for one item). */
export function markOf(item: ChecklistItem, result: ItemResult | undefined): ItemMark {
  return { status: result?.status ?? 'untested', changed: changedSince(result, item) };
}

/**
 * The progress once one item's mark went from `before` to `after`: one item's work, so a
 * status click on a run of 38,000 items does not count them all again.
 */
export function progressMoved(progress: Progress, before: ItemMark, after: ItemMark): Progress {
  if (before.status === after.status && before.changed === after.changed) return progress;
  const counts = { ...progress.counts };
  counts[before.status]--;
  counts[after.status]++;
  const done = (s: Status) => (DONE_STATUSES.includes(s) ? 1 : 0);
  return {
    counts,
    total: progress.total,
    done: progress.done - done(before.status) + done(after.status),
    changed: progress.changed - Number(before.changed) + Number(after.changed),
  };
}

/** Group values of the module filter beyond module ids. */
export const GROUP_PROCESSES = '@processes';
export const GROUP_PROCEDURE = '@procedure';
/** The items of the target's open known issues: a group of their own, they have no module. */
export const GROUP_KNOWN = '@known';

/** The group an item is filtered (and assigned) by: its module, the known issues, the processes, or the procedure. */
export function groupOf(item: ChecklistItem): string {
  if (isProcedureItem(item.id)) return GROUP_PROCEDURE;
  if (item.knownIssue !== null) return GROUP_KNOWN;
  if (item.process !== null) return GROUP_PROCESSES;
  return item.module ?? '';
}

export interface ItemFilter {
  /** A status, or '' for all. */
  status: Status | '';
  /** A module id, GROUP_KNOWN, GROUP_PROCESSES, GROUP_PROCEDURE, or '' for all. */
  group: string;
  priority: Priority | '';
  /** Only items flagged "changed since". */
  changed: boolean;
  /** Only items whose result was carried over from an earlier run. */
  carried: boolean;
}

export const NO_FILTER: ItemFilter = { status: '', group: '', priority: '', changed: false, carried: false };

export function matchesFilter(item: ChecklistItem, result: ItemResult | undefined, filter: ItemFilter): boolean {
  if (filter.status && (result?.status ?? 'untested') !== filter.status) return false;
  if (filter.group && groupOf(item) !== filter.group) return false;
  if (filter.priority && item.priority !== filter.priority) return false;
  if (filter.changed && !changedSince(result, item)) return false;
  if (filter.carried && !isCarried(result)) return false;
  return true;
}

/** Reads a filter from an address (`status=failed&group=facturation&priority=high&changed=1&carried=1`). */
export function filterFromParams(params: URLSearchParams): ItemFilter {
  const status = params.get('status') ?? '';
  const priority = params.get('priority') ?? '';
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : '',
    group: params.get('group') ?? '',
    priority: (PRIORITIES as readonly string[]).includes(priority) ? (priority as Priority) : '',
    changed: params.get('changed') === '1',
    carried: params.get('carried') === '1',
  };
}

export type OrphanReason =
  /** The entry (or process) is in this checklist but no longer has the item. */
  | 'item-removed'
  /** The entry is on the path but not in this checklist (superseded, or filtered out), or the process is not picked. */
  | 'not-in-path'
  /** No entry of the path has that id: removed from the road book (or moved out of the path). */
  | 'entry-removed';

export interface Orphan {
  id: string;
  result: ItemResult;
  reason: OrphanReason;
  /** The entry or process id the item belonged to, when it can be read from the id. */
  owner: string | null;
}

/**
 * Results of the run that match no item of the checklist. `pathEntryIds` are the ids of every
 * entry of the versions on the path (before supersedes and filters).
 */
export function orphanResults(
  view: RunView,
  checklist: Pick<Checklist, 'entries' | 'processes'>,
  results: RunResults,
  pathEntryIds: ReadonlySet<string>,
): Orphan[] {
  const listed = new Set(checklist.entries.map((e) => e.id));
  const processes = new Set(checklist.processes.map((p) => p.id));
  const orphans: Orphan[] = [];
  for (const [id, result] of Object.entries(results)) {
    if (view.byId.has(id)) continue;
    const { kind, owner } = parseItemId(id);
    let reason: OrphanReason;
    if (owner === null) {
      reason = 'item-removed';
    } else if (kind === 'process') {
      reason = processes.has(owner) ? 'item-removed' : 'not-in-path';
    } else {
      reason = listed.has(owner) ? 'item-removed' : pathEntryIds.has(owner) ? 'not-in-path' : 'entry-removed';
    }
    orphans.push({ id, result, reason, owner });
  }
  return orphans;
}

/** Items whose result was recorded for another text of the item. */
export function changedItems(items: readonly ChecklistItem[], results: RunResults): ChecklistItem[] {
  return items.filter((i) => changedSince(resultOf(results, i.id), i));
}
