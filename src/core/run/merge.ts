/**
 * Bringing runs together: a progress file imported from another computer, or what another
 * tab of the same browser saved meanwhile. The rules, the same for both:
 *
 * - Runs are matched by id (a run keeps its id in every file it travels in). A run of the file
 *   that is not here is added as it is; a run that is only here is left alone. Runs are never
 *   matched by path: two testers who each started a run of the same path keep two runs.
 * - For a run on both sides, results merge item by item: a result only on one side is kept;
 *   on both sides, the one with the later `time` wins; a result without time is older than
 *   any timed one; on a tie the result already here stays (nothing here is replaced by
 *   something that is not newer).
 * - The run's name, path, sign-off form and build id follow the side saved last (`updated`);
 *   `created` is the earlier one and `updated` the later one.
 *
 * Nothing is ever removed by a merge.
 */
import type { ItemResult, RunResults } from '../checklist/progress.ts';
import type { SavedRun } from './types.ts';

export interface ResultsMerge {
  results: RunResults;
  /** Items whose result came from the incoming side (new here, or newer there). */
  taken: string[];
  /** Items on both sides that differ, where the result here stayed (as new or newer). */
  kept: string[];
  /** Items on both sides with the same result. */
  same: number;
}

function timeOf(result: ItemResult): number {
  const t = result.time ? Date.parse(result.time) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

export function sameResult(a: ItemResult, b: ItemResult): boolean {
  const keys: (keyof ItemResult)[] = ['status', 'comment', 'tester', 'time', 'defect', 'hash'];
  return keys.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

export function mergeResults(here: RunResults, incoming: RunResults): ResultsMerge {
  const entries = new Map<string, ItemResult>(Object.entries(here));
  const taken: string[] = [];
  const kept: string[] = [];
  let same = 0;
  for (const [id, theirs] of Object.entries(incoming)) {
    const ours = entries.get(id);
    if (!ours) {
      entries.set(id, theirs);
      taken.push(id);
    } else if (sameResult(ours, theirs)) {
      same += 1;
    } else if (timeOf(theirs) > timeOf(ours)) {
      entries.set(id, theirs);
      taken.push(id);
    } else {
      kept.push(id);
    }
  }
  return { results: Object.fromEntries(entries), taken, kept, same };
}

export interface RunMerge {
  run: SavedRun;
  results: ResultsMerge;
  /** True when anything of the run here changed. */
  changed: boolean;
}

/** One run present on both sides (same id). */
export function mergeRun(here: SavedRun, incoming: SavedRun): RunMerge {
  const results = mergeResults(here.results, incoming.results);
  const theirsLater = Date.parse(incoming.updated) > Date.parse(here.updated);
  const latest = theirsLater ? incoming : here;
  const run: SavedRun = {
    id: here.id,
    name: latest.name,
    created: Date.parse(incoming.created) < Date.parse(here.created) ? incoming.created : here.created,
    updated: theirsLater ? incoming.updated : here.updated,
    buildId: latest.buildId,
    request: latest.request,
    results: results.results,
    signOff: latest.signOff ?? (theirsLater ? here.signOff : incoming.signOff),
  };
  const changed = results.taken.length > 0 || (theirsLater && JSON.stringify(latest) !== JSON.stringify(here));
  return { run, results, changed };
}

export interface ImportReport {
  /** Runs of the file that were not here. */
  added: { id: string; name: string; results: number }[];
  /** Runs on both sides. */
  merged: { id: string; name: string; taken: number; kept: number; same: number }[];
}

export interface ImportOutcome {
  /** Every run, those here first in their order, then the added ones. */
  runs: SavedRun[];
  /** The runs to save (added or changed). */
  changed: SavedRun[];
  report: ImportReport;
}

export function importRuns(here: readonly SavedRun[], incoming: readonly SavedRun[]): ImportOutcome {
  const byId = new Map(here.map((r) => [r.id, r]));
  const runs = [...here];
  const changed: SavedRun[] = [];
  const report: ImportReport = { added: [], merged: [] };
  for (const theirs of incoming) {
    const ours = byId.get(theirs.id);
    if (!ours) {
      runs.push(theirs);
      changed.push(theirs);
      byId.set(theirs.id, theirs);
      report.added.push({ id: theirs.id, name: theirs.name, results: Object.keys(theirs.results).length });
      continue;
    }
    const merged = mergeRun(ours, theirs);
    runs[runs.indexOf(ours)] = merged.run;
    byId.set(theirs.id, merged.run);
    if (merged.changed) changed.push(merged.run);
    report.merged.push({
      id: ours.id,
      name: merged.run.name,
      taken: merged.results.taken.length,
      kept: merged.results.kept.length,
      same: merged.results.same,
    });
  }
  return { runs, changed, report };
}
