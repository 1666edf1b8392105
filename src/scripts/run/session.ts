/**
 * A run open in the page: the saved run (results included, changed in place as the tester
 * works) and everything computed from its path with core: the checklist, the procedure steps
 * around it, the run view, and the ids of every entry of the versions on the path (to tell
 * why a saved result has no item any more).
 */
import type { Checklist } from '../../core/checklist/types.ts';
import type { Procedure } from '../../core/run/procedure.ts';
import type { SavedRun } from '../../core/run/types.ts';
import type { RunView } from '../../core/run/view.ts';

/**
 * Why a run is open read-only (shown, exported, never recorded in): its target version was
 * withdrawn from the road book after the run started.
 */
export interface ReadOnly {
  reason: 'withdrawn';
  version: string;
}

export interface RunSession {
  run: SavedRun;
  /** False until the run is first written to storage (a run opened from an address, nothing recorded yet). */
  saved: boolean;
  /** Null for a run that can be recorded in. */
  readOnly: ReadOnly | null;
  checklist: Checklist;
  procedure: Procedure;
  view: RunView;
  pathEntryIds: Set<string>;
}
