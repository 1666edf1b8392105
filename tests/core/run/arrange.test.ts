import { describe, expect, it } from 'vitest';
import { arrange } from '../../../src/core/run/arrange.ts';
import { open } from '../../../src/core/run/library.ts';
import { initialState, openRun } from '../../../src/core/run/run-state.ts';
import { run } from './fixture.ts';

const time = '2026-05-22T10:00:00.000Z';

describe('arranging the open run', () => {
  it('remembers the arrangement with a saved run, stamped and saved', () => {
    const saved = run();
    const state = open(initialState([saved]), { run: saved, readOnly: null }).state;
    const next = arrange(state, { arrangement: { order: 'risk', minimum: true }, time });
    expect(openRun(next.state)).toMatchObject({ arrangement: { order: 'risk', minimum: true }, updated: time });
    expect(next.effects).toContainEqual({ type: 'save', run: saved.id });
    const back = arrange(next.state, { arrangement: { order: 'road-book', minimum: false }, time });
    expect(openRun(back.state)).not.toHaveProperty('arrangement');
    expect(back.effects).toContainEqual({ type: 'save', run: saved.id });
  });

  it('keeps it on a run not saved yet without saving it', () => {
    const draft = run({ id: 'draft' });
    const state = open(initialState([]), { run: draft, readOnly: null }).state;
    const next = arrange(state, { arrangement: { minimum: true }, time });
    expect(openRun(next.state)?.arrangement).toEqual({ minimum: true });
    expect(next.state.runs).toEqual([]);
    expect(next.effects).toEqual([]);
  });

  it('changes nothing for the same arrangement, nor for a run open read-only', () => {
    const saved = run({ arrangement: { order: 'risk' } });
    const state = open(initialState([saved]), { run: saved, readOnly: null }).state;
    expect(arrange(state, { arrangement: { order: 'risk', minimum: false }, time }).state).toBe(state);
    const readOnly = open(initialState([saved]), {
      run: saved,
      readOnly: { reason: 'withdrawn', version: '15.3.0' },
    }).state;
    const tried = arrange(readOnly, { arrangement: { minimum: true }, time });
    expect(tried.state).toBe(readOnly);
    expect(tried.effects).toEqual([]);
  });
});
