/**
 * The run page's transitions for carrying results over (checklist.md, "Carrying results
 * over"): the open run takes what earlier runs verified on the same text (carry-over.ts
 * decides what), one carried result or all of them are undone, and the items whose text
 * changed since an earlier run are remembered on the run (`carryChanged`) to be shown
 * "changed since <run>" until they are run again here. Nothing a tester entered in the open
 * run is replaced, and nothing is carried into a run open read-only.
 */
import { resultOf, type CarriedFrom } from '../checklist/progress.ts';
import type { Checklist } from '../checklist/types.ts';
import { applyCarryOver, carryOver, isCarried, undoAllCarried, undoCarried } from './carry-over.ts';
import { changedOpenRun } from './changed-run.ts';
import { render, type Message } from './effects.ts';
import { canRecord, openRun, unchanged, type RunState, type Transition } from './run-state.ts';
import type { SavedRun } from './types.ts';

export interface CarryAction {
  /** The open run's checklist (its items; the procedure steps are never carried). */
  checklist: Pick<Checklist, 'items'>;
  /** The earlier runs to carry from: saved in this browser, or read from progress files. */
  earlier: readonly SavedRun[];
  /** ISO 8601: when the tester asked. */
  time: string;
}

/** True while the item still waits to be run here: it has no status in this run. */
function notRunHere(run: SavedRun, itemId: string): boolean {
  return (resultOf(run.results, itemId)?.status ?? 'untested') === 'untested';
}

/**
 * The earlier run the item changed since, while it is to be run again here (null once it has
 * a status in this run, or when no carrying found it changed).
 */
export function changedSinceCarry(run: SavedRun, itemId: string): CarriedFrom | null {
  const from = run.carryChanged && Object.hasOwn(run.carryChanged, itemId) ? run.carryChanged[itemId] : undefined;
  return from && notRunHere(run, itemId) ? from : null;
}

/** The runs a tester may carry from: every other saved run, most recently changed first. */
export function carryCandidates(state: RunState): SavedRun[] {
  const open = state.open?.id;
  return state.runs.filter((r) => r.id !== open).sort((a, b) => b.updated.localeCompare(a.updated));
}

/** The run's `carryChanged` without `items`; the field goes once it is empty. */
function withoutChanged(run: SavedRun, items: (id: string) => boolean): SavedRun {
  if (!run.carryChanged) return run;
  const kept = Object.entries(run.carryChanged).filter(([id]) => !items(id));
  const { carryChanged: _all, ...rest } = run;
  return kept.length ? { ...rest, carryChanged: Object.fromEntries(kept) } : rest;
}

/** The open run takes the results the earlier runs verified on the same text, and says what happened. */
export function carryResults(state: RunState, action: CarryAction): Transition {
  const run = openRun(state);
  const earlier = action.earlier.filter((r) => r.id !== run?.id);
  if (!run || !canRecord(state) || earlier.length === 0) return unchanged(state);
  const plan = carryOver(action.checklist, earlier);
  const { results, taken } = applyCarryOver(run.results, plan);
  const takenHere = new Set(taken);
  // Items changed since: remembered while nothing was recorded for them here.
  const changed = plan.changed.filter((c) => notRunHere(run, c.item));
  const base = withoutChanged(run, (id) => takenHere.has(id));
  const carryChanged = {
    ...base.carryChanged,
    ...Object.fromEntries(changed.map((c) => [c.item, { run: c.run.id, name: c.run.name, date: c.date }])),
  };
  const next: SavedRun = {
    ...base,
    results,
    ...(Object.keys(carryChanged).length ? { carryChanged } : {}),
  };
  const names = earlier.map((r) => r.name).join(', ');
  const kept = Object.keys(plan.results).length - taken.length;
  const messages: Message[] = [
    {
      key: 'run.carry.done',
      params: { n: taken.length, runs: names, changed: plan.changed.length, refused: plan.refused.length },
    },
    ...(kept ? [{ key: 'run.carry.kept', params: { n: kept } } as const] : []),
  ];
  if (taken.length === 0 && changed.length === 0) return { state, effects: [{ type: 'announce', messages }] };
  const done = changedOpenRun(state, next, action.time);
  return {
    state: done.state,
    effects: [...done.effects, render(['items', 'header', 'signoff']), { type: 'announce', messages }],
  };
}

/** The tester undid one carried result: the item is untested again (a result executed here stays). */
export function undoCarriedResult(state: RunState, action: { item: string; time: string }): Transition {
  const run = openRun(state);
  if (!run || !canRecord(state) || !isCarried(resultOf(run.results, action.item))) return unchanged(state);
  const from = resultOf(run.results, action.item)!.carriedFrom!;
  const done = changedOpenRun(state, { ...run, results: undoCarried(run.results, action.item) }, action.time);
  return {
    state: done.state,
    effects: [
      ...done.effects,
      render(['items', 'header', 'signoff'], [action.item]),
      { type: 'announce', messages: [{ key: 'run.carry.undone', params: { id: action.item, run: from.name } }] },
    ],
  };
}

/**
 * The tester undid every carried result of the open run: those items are untested again and
 * nothing is shown "changed since" an earlier run any more; results executed here stay.
 */
export function undoAllCarriedResults(state: RunState, action: { time: string }): Transition {
  const run = openRun(state);
  if (!run || !canRecord(state)) return unchanged(state);
  const results = undoAllCarried(run.results);
  const n = Object.keys(run.results).length - Object.keys(results).length;
  if (n === 0 && !run.carryChanged) return unchanged(state);
  const done = changedOpenRun(state, { ...withoutChanged(run, () => true), results }, action.time);
  return {
    state: done.state,
    effects: [
      ...done.effects,
      render(['items', 'header', 'signoff']),
      { type: 'announce', messages: [{ key: 'run.carry.undoneAll', params: { n } }] },
    ],
  };
}
