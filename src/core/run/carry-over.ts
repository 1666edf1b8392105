/**
 * Carrying results over from earlier runs (checklist.md, "Carrying results over"): what a new
 * run may take from runs made before it, so a company does not re-run what it already verified
 * on the same text. Pure functions over plain data; the run page calls them from a transition.
 *
 * The rules, item by item of the checklist (the procedure steps are never carried: copying
 * the production data, installing and signing off belong to each run):
 * - Of every earlier run holding a result for the item's id, the most recent result decides
 *   (its `time`; a result without one dates from its run's `updated`). Results that hold
 *   nothing (not run, no comment, no defect) are not results and are passed over.
 * - That result is carried when its status is `passed` or `na`, it has no open conflict, and
 *   its hash is the item's hash now: same status, comment, tester, date (and defect), plus
 *   `carriedFrom`. A result that was itself carried keeps its `carriedFrom`: the run where it
 *   was really executed.
 * - A most recent result of another hash (or of none) is never carried: the item is listed in
 *   `changed`, to be shown "changed since <run>". A most recent result `failed`, `blocked`,
 *   `retest`, or still in conflict, is never carried either (an older pass does not hide a
 *   later failure): listed in `refused`.
 */
import type { CarriedFrom, ItemResult, RunResults, Status } from '../checklist/progress.ts';
import type { Checklist, ChecklistItem } from '../checklist/types.ts';
import { holdsSomething } from './merge-results.ts';
import type { SavedRun } from './types.ts';

/** Statuses a result may be carried with. */
export const CARRIED_STATUSES: readonly Status[] = ['passed', 'na'];

/** An earlier run as a carried result names it. */
export interface RunRef {
  id: string;
  name: string;
}

/** The result an item would take from the runs, and the run it is in. */
interface Latest {
  result: ItemResult;
  run: RunRef;
  date: string;
  at: number;
}

export interface CarryOverPlan {
  /** Results to take over, by item id, each with its `carriedFrom`. */
  results: RunResults;
  /** Items whose most recent earlier result was for another text: they start untested. */
  changed: { item: string; run: RunRef; date: string }[];
  /** Items whose most recent earlier result is one that is never carried. */
  refused: { item: string; status: Status; run: RunRef; date: string }[];
}

function timeOf(date: string): number {
  const t = Date.parse(date);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** The most recent result for `itemId` among the runs; on equal dates the run listed first wins. */
function latestResult(itemId: string, runs: readonly SavedRun[]): Latest | null {
  let latest: Latest | null = null;
  for (const run of runs) {
    const result = Object.hasOwn(run.results, itemId) ? run.results[itemId] : undefined;
    if (!result || !holdsSomething(result)) continue;
    const date = result.time ?? run.updated;
    const at = timeOf(date);
    if (latest === null || at > latest.at) latest = { result, run: { id: run.id, name: run.name }, date, at };
  }
  return latest;
}

/** The result as carried: what the tester recorded, the item's hash, and where it was executed. */
function carried(latest: Latest, item: ChecklistItem): ItemResult {
  const { result } = latest;
  const from: CarriedFrom = result.carriedFrom ?? { run: latest.run.id, name: latest.run.name, date: latest.date };
  return {
    status: result.status,
    ...(result.comment !== undefined ? { comment: result.comment } : {}),
    ...(result.tester !== undefined ? { tester: result.tester } : {}),
    time: latest.date,
    ...(result.defect !== undefined ? { defect: result.defect } : {}),
    hash: item.hash,
    carriedFrom: { ...from },
  };
}

/** What the checklist's items may take over from `earlierRuns` (see the rules above). */
export function carryOver(checklist: Pick<Checklist, 'items'>, earlierRuns: readonly SavedRun[]): CarryOverPlan {
  const plan: CarryOverPlan = { results: {}, changed: [], refused: [] };
  for (const item of checklist.items) {
    const latest = latestResult(item.id, earlierRuns);
    if (latest === null) continue;
    const { result, run, date } = latest;
    if (result.hash !== item.hash) plan.changed.push({ item: item.id, run, date });
    else if (!CARRIED_STATUSES.includes(result.status) || result.conflict?.length)
      plan.refused.push({ item: item.id, status: result.status, run, date });
    else plan.results[item.id] = carried(latest, item);
  }
  return plan;
}

/**
 * The run's results with the plan's taken over. A result already in the run that holds
 * something stays as it is: nothing a tester entered in this run is replaced. Returns the
 * results and the ids actually taken.
 */
export function applyCarryOver(results: RunResults, plan: CarryOverPlan): { results: RunResults; taken: string[] } {
  const next: RunResults = { ...results };
  const taken: string[] = [];
  for (const [id, result] of Object.entries(plan.results)) {
    const here = Object.hasOwn(results, id) ? results[id] : undefined;
    if (here && holdsSomething(here)) continue;
    next[id] = result;
    taken.push(id);
  }
  return { results: next, taken };
}

export function isCarried(result: ItemResult | undefined): boolean {
  return !!result?.carriedFrom;
}

/** Undoes one carried result: the item is untested again. A result executed in this run is kept. */
export function undoCarried(results: RunResults, itemId: string): RunResults {
  if (!isCarried(Object.hasOwn(results, itemId) ? results[itemId] : undefined)) return results;
  const { [itemId]: _undone, ...rest } = results;
  return rest;
}

/** Undoes every carried result; results executed in this run are kept. */
export function undoAllCarried(results: RunResults): RunResults {
  return Object.fromEntries(Object.entries(results).filter(([, result]) => !isCarried(result)));
}

/** Items whose result was carried over (the "carried" filter of the page). */
export function carriedItems(items: readonly ChecklistItem[], results: RunResults): ChecklistItem[] {
  return items.filter((i) => isCarried(Object.hasOwn(results, i.id) ? results[i.id] : undefined));
}

/** The earlier runs the carried results came from, with how many results each gave, in first-use order. */
export function carriedSources(
  items: readonly Pick<ChecklistItem, 'id'>[],
  results: RunResults,
): (RunRef & { count: number })[] {
  const sources = new Map<string, RunRef & { count: number }>();
  for (const item of items) {
    const from = Object.hasOwn(results, item.id) ? results[item.id]?.carriedFrom : undefined;
    if (!from) continue;
    const known = sources.get(from.run);
    if (known) known.count++;
    else sources.set(from.run, { id: from.run, name: from.name, count: 1 });
  }
  return [...sources.values()];
}
