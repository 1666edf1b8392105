/**
 * Bringing runs together: a progress file imported from another computer, or what another
 * tab of the same browser saved meanwhile. The rules, the same for both:
 *
 * - Runs are matched by id (a run keeps its id in every file it travels in). A run of the file
 *   that is not here is added as it is; a run that is only here is left alone. Runs are never
 *   matched by path: two testers who each started a run of the same path keep two runs.
 * - For a run on both sides, results merge item by item (merge-results.ts).
 * - The run's name, path, sign-off form, build id, arrangement and items changed since a
 *   carry-over follow the side saved last (`updated`); `created` is the earlier one and
 *   `updated` the later one. Assignments: mergedAssignments.
 *
 * Nothing is ever removed by a merge.
 */
import { mergedAssignments } from './assignment.ts';
import { mergeResults, type ResultsMerge } from './merge-results.ts';
import type { SavedRun } from './types.ts';

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
    // The items shown "changed since" an earlier run (carry-results.ts) follow the side saved last.
    ...(latest.carryChanged ? { carryChanged: latest.carryChanged } : {}),
    ...mergedAssignments(here, incoming, theirsLater),
    ...(latest.arrangement ? { arrangement: latest.arrangement } : {}),
  };
  const changed =
    results.taken.length > 0 ||
    results.conflicts.length > 0 ||
    (theirsLater && JSON.stringify(latest) !== JSON.stringify(here));
  return { run, results, changed };
}

export interface ImportReport {
  /** Runs of the file that were not here. */
  added: { id: string; name: string; results: number }[];
  /** Runs on both sides. */
  merged: { id: string; name: string; taken: number; kept: number; conflicts: number; same: number }[];
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
      conflicts: merged.results.conflicts.length,
      same: merged.results.same,
    });
  }
  return { runs, changed, report };
}
