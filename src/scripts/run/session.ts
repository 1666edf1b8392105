/**
 * A run open in the page: the run as the page's state holds it now (read-only here: runs
 * change only through the controller's transitions) and everything computed from its path
 * with core: the checklist, the procedure steps around it, the run view, and the ids of every
 * entry of the versions on the path (to tell why a saved result has no item any more).
 */
import type { Checklist } from '../../core/checklist/types.ts';
import type { Procedure } from '../../core/run/procedure.ts';
import type { ReadOnly } from '../../core/run/run-state.ts';
import type { SavedRun } from '../../core/run/types.ts';
import type { RunView } from '../../core/run/view.ts';

export interface RunSession {
  /** The run now (the open run of the state; the last one seen once it is closed). */
  readonly run: SavedRun;
  /** Null for a run that can be recorded in. */
  readOnly: ReadOnly | null;
  checklist: Checklist;
  procedure: Procedure;
  view: RunView;
  pathEntryIds: Set<string>;
}

/** A session whose run is read from `current` (the controller's open run) while it is the run `first`. */
export function sessionOf(
  first: SavedRun,
  current: () => SavedRun | null,
  computed: Omit<RunSession, 'run'>,
): RunSession {
  let last = first;
  return {
    ...computed,
    get run() {
      const now = current();
      if (now?.id === first.id) last = now;
      return last;
    },
  };
}
