import { describe, expect, it } from 'vitest';
import {
  changePath,
  close,
  deleteRun,
  newRun,
  open,
  rename,
  runRemoved,
  runToOpen,
  type NewRunStamp,
} from '../../../src/core/run/library.ts';
import { initialState, openRun, type RunState } from '../../../src/core/run/run-state.ts';
import { run } from './fixture.ts';

const T = '2026-05-21T10:00:00.000Z';
const modules = [
  { id: 'facturation', label: 'Facturation' },
  { id: 'comptabilite', label: 'Comptabilité' },
];
const stamp: NewRunStamp = { id: 'fresh', time: T, buildId: 'b2', modules };
const request = { from: '15.2.0', to: '15.3.0', modules: ['facturation'], editions: [], processes: [] };

describe('which run an address opens', () => {
  const state = initialState([run()]);

  it('is the saved run of its id, else the saved run of its path, else a new run of the path', () => {
    expect(runToOpen(state, { run: 'run-1', request: null }, stamp)).toBe(state.runs[0]);
    expect(runToOpen(state, { run: 'gone', request: run().request }, stamp)).toBe(state.runs[0]);
    expect(runToOpen(state, { run: null, request }, stamp)).toEqual({
      ...newRun(request, stamp),
      name: '15.2.0 → 15.3.0 · Facturation',
      buildId: 'b2',
    });
    expect(runToOpen(state, { run: null, request: null }, stamp)).toBeNull();
  });
});

describe('opening, closing, changing the path', () => {
  it('opens a saved run (the address names it) or a draft, and closes it', () => {
    const state = initialState([run()]);
    const saved = open(state, { run: state.runs[0]!, readOnly: null });
    expect(saved.state.open).toEqual({ id: 'run-1', saved: true, readOnly: null, draft: null });
    expect(saved.effects[0]).toEqual({ type: 'address', run: 'run-1' });
    const draft = newRun(request, stamp);
    const opened = open(state, { run: draft, readOnly: null });
    expect(opened.state.open).toMatchObject({ id: 'fresh', saved: false, draft });
    expect(opened.effects.some((e) => e.type === 'address')).toBe(false);
    expect(close(opened.state).state.open).toBeNull();
  });

  it('changes the path of the open run: results kept, a default name follows the path', () => {
    const named = run({ name: '15.1.0 → 15.3.0 · Facturation, Comptabilité', results: { a: { status: 'passed' } } });
    const state = open(initialState([named]), { run: named, readOnly: null }).state;
    const { state: next, effects } = changePath(state, { request, time: T, modules });
    expect(openRun(next)).toMatchObject({
      request,
      name: '15.2.0 → 15.3.0 · Facturation',
      updated: T,
      results: named.results,
    });
    expect(effects).toEqual([{ type: 'save', run: 'run-1' }]);
    const own = open(initialState([run({ name: 'Recette' })]), { run: run({ name: 'Recette' }), readOnly: null }).state;
    expect(openRun(changePath(own, { request, time: T, modules }).state)!.name).toBe('Recette');
  });
});

describe('renaming and deleting', () => {
  it('renames (trimmed) and saves; an empty name changes nothing', () => {
    const state = initialState([run()]);
    const { state: next, effects } = rename(state, { run: 'run-1', name: '  Recette mai ', time: T });
    expect(next.runs[0]).toMatchObject({ name: 'Recette mai', updated: T });
    expect(effects[0]).toEqual({ type: 'save', run: 'run-1' });
    expect(rename(state, { run: 'run-1', name: '  ', time: T }).state).toBe(state);
  });

  it('removes from storage first, then from the library and the page, and says so', () => {
    const state: RunState = open(initialState([run(), run({ id: 'b' })]), { run: run(), readOnly: null }).state;
    expect(deleteRun(state, { run: 'run-1' })).toEqual({ state, effects: [{ type: 'remove', run: 'run-1' }] });
    const { state: next, effects } = runRemoved(state, { run: 'run-1' });
    expect(next.runs.map((r) => r.id)).toEqual(['b']);
    expect(next.open).toBeNull();
    expect(effects).toContainEqual({ type: 'address', run: null });
    expect(effects).toContainEqual({
      type: 'announce',
      messages: [{ key: 'run.deleted', params: { name: run().name } }],
    });
  });
});
