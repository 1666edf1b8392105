import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../src/core/checklist/progress.ts';
import {
  carryCandidates,
  carryResults,
  changedSinceCarry,
  undoAllCarriedResults,
  undoCarriedResult,
} from '../../../src/core/run/carry-results.ts';
import { open } from '../../../src/core/run/library.ts';
import { mergeRun } from '../../../src/core/run/merge.ts';
import { record } from '../../../src/core/run/record.ts';
import { initialState, openRun, type RunState } from '../../../src/core/run/run-state.ts';
import type { SavedRun } from '../../../src/core/run/types.ts';
import { parseProgressFile, progressFileText } from '../../../src/core/run/saved.ts';
import { checklist, run, SCOPE } from './fixture.ts';

const c = checklist();
const [arrondi, lettrage, valorisation, cloture] = c.items.map((i) => i.id) as [string, string, string, string];
const hashOf = (id: string) => c.items.find((i) => i.id === id)!.hash;
const T = '2026-06-01T08:00:00.000Z';

function result(id: string, status: ItemResult['status'], extra: Partial<ItemResult> = {}): ItemResult {
  return { status, time: '2026-04-10T09:00:00.000Z', tester: 'Marie', hash: hashOf(id), ...extra };
}

/** Signed off in April: arrondi passed, lettrage n/a, valorisation failed, clôture passed on a text since changed. */
const april = run({
  id: 'run-april',
  name: 'Recette avril',
  updated: '2026-04-30T18:00:00.000Z',
  results: {
    [arrondi]: result(arrondi, 'passed', { comment: 'Arrondi juste' }),
    [lettrage]: result(lettrage, 'na'),
    [valorisation]: result(valorisation, 'failed', { comment: 'Écart' }),
    [cloture]: result(cloture, 'passed', { hash: 'text-before' }),
  },
});

/** The state with `here` open (a draft unless `saved`) beside the earlier runs. */
function opened(here: SavedRun, { saved = false, readOnly = false } = {}): RunState {
  const state = initialState(saved ? [here, april] : [april]);
  return open(state, { run: here, readOnly: readOnly ? { reason: 'withdrawn', version: '15.3.0' } : null }).state;
}

const fresh = () => run({ id: 'run-june', name: 'Recette juin', results: {} });

describe('carrying results over into the open run', () => {
  it('takes passed and n/a results of the same text, remembers the changed ones, saves and says what happened', () => {
    const { state, effects } = carryResults(opened(fresh()), { checklist: c, earlier: [april], time: T });
    const june = openRun(state)!;
    expect(Object.keys(june.results)).toEqual([arrondi, lettrage]);
    expect(june.results[arrondi]).toMatchObject({
      status: 'passed',
      comment: 'Arrondi juste',
      tester: 'Marie',
      carriedFrom: { run: 'run-april', name: 'Recette avril', date: '2026-04-10T09:00:00.000Z' },
    });
    // The failed item is not carried; the changed one starts untested and is shown changed since.
    expect(june.results[valorisation]).toBeUndefined();
    expect(june.carryChanged).toEqual({
      [cloture]: { run: 'run-april', name: 'Recette avril', date: '2026-04-10T09:00:00.000Z' },
    });
    expect(changedSinceCarry(june, cloture)?.name).toBe('Recette avril');
    expect(changedSinceCarry(june, arrondi)).toBeNull();
    // A draft joins the library on its first change, and is written.
    expect(state.open).toMatchObject({ saved: true, draft: null });
    expect(state.runs[0]).toMatchObject({ id: 'run-june', updated: T });
    expect(effects).toContainEqual({ type: 'save', run: 'run-june' });
    expect(effects).toContainEqual({
      type: 'announce',
      messages: [{ key: 'run.carry.done', params: { n: 2, runs: 'Recette avril', changed: 1, refused: 1 } }],
    });
  });

  it('replaces nothing the tester entered in the run, and says how many it kept', () => {
    const here = run({
      id: 'run-june',
      results: { [arrondi]: { status: 'failed', comment: 'KO cette fois', hash: hashOf(arrondi), time: T } },
    });
    const { state, effects } = carryResults(opened(here, { saved: true }), { checklist: c, earlier: [april], time: T });
    const june = openRun(state)!;
    expect(june.results[arrondi]).toEqual(here.results[arrondi]);
    expect(june.results[lettrage]?.carriedFrom?.run).toBe('run-april');
    expect(effects).toContainEqual({
      type: 'announce',
      messages: [
        { key: 'run.carry.done', params: { n: 1, runs: 'Recette avril', changed: 1, refused: 1 } },
        { key: 'run.carry.kept', params: { n: 1 } },
      ],
    });
  });

  it('does not remember an item as changed once it was run here', () => {
    const here = run({ id: 'run-june', results: { [cloture]: result(cloture, 'passed', { time: T }) } });
    const june = openRun(
      carryResults(opened(here, { saved: true }), { checklist: c, earlier: [april], time: T }).state,
    )!;
    expect(june.carryChanged).toBeUndefined();
    // Remembered, then run: the mark goes.
    const carried = carryResults(opened(fresh()), { checklist: c, earlier: [april], time: T }).state;
    const item = c.items.find((i) => i.id === cloture)!;
    const ran = record(carried, {
      item,
      change: { status: 'passed' },
      statusSet: true,
      tester: 'Paul',
      time: T,
      rev: 'r1',
    }).state;
    expect(changedSinceCarry(openRun(ran)!, cloture)).toBeNull();
  });

  it('carries nothing into a run open read-only, nor from the open run itself', () => {
    const readOnly = opened(run({ id: 'run-june' }), { saved: true, readOnly: true });
    expect(carryResults(readOnly, { checklist: c, earlier: [april], time: T }).state).toBe(readOnly);
    const state = opened(april, { saved: false });
    expect(carryResults(state, { checklist: c, earlier: [april], time: T })).toEqual({ state, effects: [] });
  });

  it('lists the other saved runs as candidates, most recently changed first', () => {
    const may = run({ id: 'run-may', updated: '2026-05-30T00:00:00.000Z' });
    const state = open(initialState([april, may, fresh()]), { run: fresh(), readOnly: null }).state;
    expect(carryCandidates(state).map((r) => r.id)).toEqual(['run-may', 'run-april']);
  });
});

describe('undoing carried results', () => {
  const carried = () => carryResults(opened(fresh()), { checklist: c, earlier: [april], time: T }).state;

  it('undoes one: the item is untested again, saved and said', () => {
    const { state, effects } = undoCarriedResult(carried(), { item: arrondi, time: T });
    const june = openRun(state)!;
    expect(june.results[arrondi]).toBeUndefined();
    expect(june.results[lettrage]?.carriedFrom).toBeDefined();
    expect(effects).toContainEqual({ type: 'save', run: 'run-june' });
    expect(effects).toContainEqual({
      type: 'announce',
      messages: [{ key: 'run.carry.undone', params: { id: arrondi, run: 'Recette avril' } }],
    });
  });

  it('leaves a result executed in this run alone: recording over a carried result makes it this run’s', () => {
    const state = carried();
    const item = c.items.find((i) => i.id === arrondi)!;
    const rerun = record(state, {
      item,
      change: { status: 'failed' },
      statusSet: true,
      tester: 'P',
      time: T,
      rev: 'r',
    });
    expect(openRun(rerun.state)!.results[arrondi]).toMatchObject({ status: 'failed', tester: 'P' });
    expect(openRun(rerun.state)!.results[arrondi]!.carriedFrom).toBeUndefined();
    // What the earlier run wrote is not carried into the new result.
    expect(openRun(rerun.state)!.results[arrondi]!.comment).toBeUndefined();
    expect(undoCarriedResult(rerun.state, { item: arrondi, time: T }).state).toBe(rerun.state);
  });

  it('undoes all: only carried results go, and nothing is shown changed since any more', () => {
    const state = carried();
    const item = c.items.find((i) => i.id === valorisation)!;
    const withOwn = record(state, {
      item,
      change: { status: 'passed' },
      statusSet: true,
      tester: 'P',
      time: T,
      rev: 'r',
    });
    const { state: next, effects } = undoAllCarriedResults(withOwn.state, { time: T });
    const june = openRun(next)!;
    expect(Object.keys(june.results)).toEqual([valorisation]);
    expect(june.carryChanged).toBeUndefined();
    expect(effects).toContainEqual({ type: 'announce', messages: [{ key: 'run.carry.undoneAll', params: { n: 2 } }] });
    expect(undoAllCarriedResults(next, { time: T }).state).toBe(next);
  });
});

describe('the items changed since, in the progress file and in a merge', () => {
  it('follow the side saved last when two copies of the run merge', () => {
    const june = openRun(carryResults(opened(fresh()), { checklist: c, earlier: [april], time: T }).state)!;
    const before = { ...fresh(), updated: '2026-05-31T00:00:00.000Z' };
    expect(mergeRun(before, june).run.carryChanged).toEqual(june.carryChanged);
    expect(mergeRun(june, before).run.carryChanged).toEqual(june.carryChanged);
    const undone = {
      ...openRun(undoAllCarriedResults(opened(june, { saved: true }), { time: T }).state)!,
      updated: '2026-06-02T00:00:00.000Z',
    };
    expect(mergeRun(june, undone).run.carryChanged).toBeUndefined();
  });

  it('travel with the run and are read back', () => {
    const june = openRun(carryResults(opened(fresh()), { checklist: c, earlier: [april], time: T }).state)!;
    const text = progressFileText([june], { ...SCOPE, buildId: 'b' }, new Date(T));
    const parsed = parseProgressFile(text, SCOPE, 'fr');
    expect(parsed.ok && parsed.runs[0]!.carryChanged).toEqual(june.carryChanged);
  });
});
