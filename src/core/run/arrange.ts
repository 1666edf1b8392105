/**
 * The open run's arrangement (risk.ts: the order and the minimum set), remembered with the
 * run so that opening it again, from the list or in another tab, shows it arranged the same.
 * A change of arrangement is a change of the run (stamped and saved, like a rename), except
 * for a run not saved yet (it keeps the arrangement and is saved with it once something is
 * recorded) and a run open read-only (never written: the page still shows the arrangement
 * asked for).
 */
import { isArranged, type ChecklistArrangement } from '../checklist/risk.ts';
import { render } from './effects.ts';
import { openRun, unchanged, withRun, type RunState, type Transition } from './run-state.ts';
import type { SavedRun } from './types.ts';

/** The arrangement as a run keeps it: none for the default, only what differs from it. */
export function keptArrangement(arrangement: ChecklistArrangement): ChecklistArrangement | undefined {
  if (!isArranged(arrangement)) return undefined;
  return {
    ...(arrangement.order === 'risk' ? { order: 'risk' as const } : {}),
    ...(arrangement.minimum ? { minimum: true } : {}),
  };
}

function sameArrangement(a: ChecklistArrangement | undefined, b: ChecklistArrangement | undefined): boolean {
  return (a?.order ?? 'road-book') === (b?.order ?? 'road-book') && !!a?.minimum === !!b?.minimum;
}

export function arrange(state: RunState, action: { arrangement: ChecklistArrangement; time: string }): Transition {
  const run = openRun(state);
  const open = state.open;
  if (!run || !open || open.readOnly || sameArrangement(run.arrangement, action.arrangement)) return unchanged(state);
  const { arrangement: _previous, ...rest } = run;
  const kept = keptArrangement(action.arrangement);
  const next: SavedRun = { ...rest, ...(kept ? { arrangement: kept } : {}) };
  if (!open.saved) return { state: withRun(state, next), effects: [] };
  return {
    state: withRun(state, { ...next, updated: action.time }),
    effects: [{ type: 'save', run: run.id }, render(['saved-state'])],
  };
}
