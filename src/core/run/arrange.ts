/**
 * The open run's arrangement (risk.ts: the order and the minimum set), remembered with the
 * run so that opening it again, from the list or in another tab, shows it arranged the same.
 * A change of arrangement is a change of the run (stamped and saved, like a rename), except
 * for a run not saved yet (it keeps the arrangement and is saved with it once something is
 * recorded) and a run open read-only (it keeps the arrangement while open, for the page and
 * its downloads, and is never written for it).
 */
import { CHECKLIST_ORDERS, isArranged, type ChecklistArrangement, type ChecklistOrder } from '../checklist/risk.ts';
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
  if (!run || !open || sameArrangement(run.arrangement, action.arrangement)) return unchanged(state);
  const { arrangement: _previous, ...rest } = run;
  const kept = keptArrangement(action.arrangement);
  const next: SavedRun = { ...rest, ...(kept ? { arrangement: kept } : {}) };
  if (!open.saved || open.readOnly) return { state: withRun(state, next), effects: [] };
  return {
    state: withRun(state, { ...next, updated: action.time }),
    effects: [{ type: 'save', run: run.id }, render(['saved-state'])],
  };
}

/** The address parameters of an arrangement: `order=risk`, `minimum=1` (absent: the default). */
export const ARRANGEMENT_PARAMS = ['order', 'minimum'] as const;

/** The arrangement an address asks for; null when it says nothing of it (the run's own then applies). */
export function arrangementFromParams(params: URLSearchParams): ChecklistArrangement | null {
  if (!ARRANGEMENT_PARAMS.some((name) => params.has(name))) return null;
  const order = params.get('order');
  return {
    order: (CHECKLIST_ORDERS as readonly (string | null)[]).includes(order) ? (order as ChecklistOrder) : 'road-book',
    minimum: params.get('minimum') === '1',
  };
}

/** Writes `arrangement` in `params`, removing what the default needs not say. */
export function setArrangementParams(params: URLSearchParams, arrangement: ChecklistArrangement): void {
  const kept = keptArrangement(arrangement);
  if (kept?.order) params.set('order', kept.order);
  else params.delete('order');
  if (kept?.minimum) params.set('minimum', '1');
  else params.delete('minimum');
}
