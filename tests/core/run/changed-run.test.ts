import { describe, expect, it } from 'vitest';
import { changedOpenRun } from '../../../src/core/run/changed-run.ts';
import { initialState, type RunState } from '../../../src/core/run/run-state.ts';
import { run } from './fixture.ts';

const T = '2026-05-21T10:00:00.000Z';

describe('a change of the open run', () => {
  it('stamps and saves a saved run', () => {
    const state: RunState = {
      ...initialState([run()]),
      open: { id: 'run-1', saved: true, readOnly: null, draft: null },
    };
    const { state: next, effects } = changedOpenRun(state, { ...run(), name: 'x' }, T);
    expect(next.runs[0]).toMatchObject({ name: 'x', updated: T });
    expect(effects).toEqual([
      { type: 'save', run: 'run-1' },
      { type: 'render', panels: ['saved-state'] },
    ]);
  });

  it('saves a draft for the first time: it joins the library first, and the address names it', () => {
    const draft = run({ id: 'new' });
    const state: RunState = { ...initialState([run()]), open: { id: 'new', saved: false, readOnly: null, draft } };
    const { state: next, effects } = changedOpenRun(state, draft, T);
    expect(next.runs.map((r) => r.id)).toEqual(['new', 'run-1']);
    expect(next.open).toEqual({ id: 'new', saved: true, readOnly: null, draft: null });
    expect(effects).toContainEqual({ type: 'save', run: 'new' });
    expect(effects).toContainEqual({ type: 'address', run: 'new' });
  });

  it('changes nothing in a read-only run', () => {
    const readOnly = { reason: 'withdrawn', version: '15.3.0' } as const;
    const state: RunState = { ...initialState([run()]), open: { id: 'run-1', saved: true, readOnly, draft: null } };
    expect(changedOpenRun(state, { ...run(), name: 'x' }, T)).toEqual({ state, effects: [] });
  });
});
