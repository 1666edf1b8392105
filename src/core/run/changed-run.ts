/**
 * The one rule for "the open run changed" (a result, its name, its sign-off form): it is
 * stamped with the time of the change and saved; a run not saved yet joins the library then
 * (a run opened from an address is saved as soon as something is recorded in it).
 */
import { render, type RunEffect } from './effects.ts';
import { openRun, withRun, type RunState, type Transition } from './run-state.ts';
import type { SavedRun } from './types.ts';

/** The state once the open run became `run` at `time` (ISO 8601). */
export function changedOpenRun(state: RunState, run: SavedRun, time: string): Transition {
  const open = state.open;
  if (!open || open.readOnly || openRun(state)?.id !== run.id) return { state, effects: [] };
  const stamped: SavedRun = { ...run, updated: time };
  const effects: RunEffect[] = [{ type: 'save', run: run.id }];
  if (open.saved) {
    effects.push(render(['saved-state']));
    return { state: withRun(state, stamped), effects };
  }
  const next: RunState = { ...state, runs: [stamped, ...state.runs], open: { ...open, saved: true, draft: null } };
  effects.push({ type: 'address', run: run.id }, render(['runs', 'path', 'saved-state']));
  return { state: next, effects };
}
