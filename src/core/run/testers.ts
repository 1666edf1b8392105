/**
 * Who ran what in a team run (checklist.md, "Team runs"): the progress of each tester, for
 * the run page, and the same list for the sign-off report. A result counts for the tester it
 * names; a carried result counts apart (it was executed in an earlier run, not in this one),
 * and a result that names no one is listed under the empty name, last. The page's team
 * progress (teamProgress) puts first the testers the lead gave items, over their part.
 */
import { resultOf, STATUSES, type RunResults, type Status } from '../checklist/progress.ts';
import type { ChecklistItem } from '../checklist/types.ts';
import { assignedItems, assignedOrder } from './assignment.ts';
import { holdsSomething } from './merge-results.ts';
import type { RunAssignment, SavedRun } from './types.ts';
import { DONE_STATUSES, progressOf, type Progress } from './view.ts';

export interface TesterProgress {
  /** As the results write it (trimmed); '' for results that name no one. */
  tester: string;
  /** Every item this tester has a result for, executed or carried, in run order. */
  items: string[];
  /** Results executed in this run, per status. */
  counts: Record<Status, number>;
  /** Results executed in this run with a status of DONE_STATUSES. */
  done: number;
  /** Results carried over from earlier runs. */
  carried: number;
}

function noCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

/**
 * Each tester's progress over `items`, testers in the order of their first result in the run;
 * untested results that hold nothing are no one's work and are left out.
 */
export function progressByTester(items: readonly ChecklistItem[], results: RunResults): TesterProgress[] {
  const byName = new Map<string, TesterProgress>();
  for (const item of items) {
    const result = resultOf(results, item.id);
    if (!result || !holdsSomething(result)) continue;
    const tester = result.tester?.trim() ?? '';
    let progress = byName.get(tester);
    if (!progress) byName.set(tester, (progress = { tester, items: [], counts: noCounts(), done: 0, carried: 0 }));
    progress.items.push(item.id);
    if (result.carriedFrom) progress.carried++;
    else {
      progress.counts[result.status]++;
      if (DONE_STATUSES.includes(result.status)) progress.done++;
    }
  }
  const named = [...byName.values()].filter((p) => p.tester !== '');
  const unnamed = byName.get('');
  return unnamed ? [...named, unnamed] : named;
}

/** How many results were executed in this run and how many carried over, over `items`. */
export function executedAndCarried(
  items: readonly ChecklistItem[],
  results: RunResults,
): { executed: number; carried: number } {
  let executed = 0;
  let carried = 0;
  for (const item of items) {
    const result = resultOf(results, item.id);
    if (!result || !DONE_STATUSES.includes(result.status)) continue;
    if (result.carriedFrom) carried++;
    else executed++;
  }
  return { executed, carried };
}

/**
 * A tester's progress on what they were given (the run of an assignment, in their browser):
 * the same counts as the run's progress, over their items only.
 */
export function assignedProgress(
  items: readonly ChecklistItem[],
  results: RunResults,
  assignment: RunAssignment,
): Progress {
  return progressOf(assignedOrder(items, assignment).mine, results);
}

export interface TeamLine {
  tester: string;
  done: number;
  total: number;
}

/**
 * One line per tester: those the lead gave items first (done over their items), then anyone
 * else who recorded results (done over what they recorded), the unnamed last.
 */
export function teamProgress(items: readonly ChecklistItem[], run: SavedRun): TeamLine[] {
  const progress = progressByTester(items, run.results);
  const assigned = (run.assignments ?? []).map((a) => {
    const mine = assignedItems(items, a);
    const done = mine.filter((i) => {
      const result = resultOf(run.results, i.id);
      return !!result && DONE_STATUSES.includes(result.status) && (result.tester?.trim() ?? '') === a.tester;
    }).length;
    return { tester: a.tester, done, total: mine.length };
  });
  const others = progress
    .filter((p) => !assigned.some((a) => a.tester === p.tester))
    .map((p) => ({ tester: p.tester, done: p.done + p.carried, total: p.items.length }));
  return [...assigned, ...others];
}
