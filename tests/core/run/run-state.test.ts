import { describe, expect, it } from 'vitest';
import { canRecord, findRun, initialState, openRun, withRun, withoutRun } from '../../../src/core/run/run-state.ts';
import { run } from './fixture.ts';

describe('the run state', () => {
  it('finds the open run in the library, or as its draft while not saved', () => {
    const saved = run({ id: 'a' });
    const draft = run({ id: 'b' });
    const state = initialState([saved]);
    expect(openRun(state)).toBeNull();
    expect(openRun({ ...state, open: { id: 'a', saved: true, readOnly: null, draft: null } })).toBe(saved);
    expect(openRun({ ...state, open: { id: 'b', saved: false, readOnly: null, draft } })).toBe(draft);
    expect(findRun(state, 'b')).toBeUndefined();
  });

  it('records only in an open run that is not read-only', () => {
    const state = initialState([run()]);
    expect(canRecord(state)).toBe(false);
    expect(canRecord({ ...state, open: { id: 'run-1', saved: true, readOnly: null, draft: null } })).toBe(true);
    const readOnly = { reason: 'withdrawn', version: '15.3.0' } as const;
    expect(canRecord({ ...state, open: { id: 'run-1', saved: true, readOnly, draft: null } })).toBe(false);
  });

  it('replaces a run by id without touching the value it came from, and adds one not there first', () => {
    const first = run({ id: 'a', name: 'A' });
    const state = initialState([first, run({ id: 'b' })]);
    const renamed = withRun(state, { ...first, name: 'A2' });
    expect(renamed.runs.map((r) => r.name)).toEqual(['A2', state.runs[1]!.name]);
    expect(state.runs[0]!.name).toBe('A');
    expect(withRun(state, run({ id: 'c' })).runs.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(withoutRun(state, 'a').runs.map((r) => r.id)).toEqual(['b']);
  });
});
