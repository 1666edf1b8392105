import { describe, expect, it } from 'vitest';
import { assign, openAssignment, unassign } from '../../../src/core/run/assign-edit.ts';
import { makeAssignment } from '../../../src/core/run/assignment.ts';
import { open } from '../../../src/core/run/library.ts';
import { initialState, openRun, type RunState } from '../../../src/core/run/run-state.ts';
import type { RunAssignment } from '../../../src/core/run/types.ts';
import { run } from './fixture.ts';

const T = '2026-05-21T10:00:00.000Z';
const MARIE: RunAssignment = { tester: 'Marie', modules: ['facturation'], groups: [], items: [] };
const PAUL: RunAssignment = { tester: 'Paul', modules: [], groups: ['@procedure'], items: ['process:cloture#1'] };

/** The lead's page with run-1 open (saved unless `draft`). */
function lead(draft = false): RunState {
  const base = initialState(draft ? [] : [run()]);
  return open(base, { run: run(), readOnly: null }).state;
}

describe('the lead assigns', () => {
  it('keeps who has what on the open run, one assignment per tester, saved', () => {
    const first = assign(lead(), { assignment: { ...MARIE, tester: '  Marie ' }, time: T });
    expect(openRun(first.state)!.assignments).toEqual([MARIE]);
    expect(openRun(first.state)!.updated).toBe(T);
    expect(first.effects).toContainEqual({ type: 'save', run: 'run-1' });
    expect(first.effects).toContainEqual({ type: 'render', panels: ['assign'] });
    expect(first.effects).toContainEqual({
      type: 'announce',
      messages: [{ key: 'assign.made', params: { tester: 'Marie' } }],
    });
    const second = assign(first.state, { assignment: PAUL, time: T });
    const again = assign(second.state, { assignment: { ...MARIE, modules: ['comptabilite'] }, time: T });
    expect(openRun(again.state)!.assignments).toEqual([{ ...MARIE, modules: ['comptabilite'] }, PAUL]);
  });

  it('saves a run opened from an address (a draft) when it is first assigned', () => {
    const next = assign(lead(true), { assignment: MARIE, time: T });
    expect(next.state.open).toMatchObject({ saved: true, draft: null });
    expect(next.state.runs.map((r) => r.id)).toEqual(['run-1']);
  });

  it('refuses a nameless tester and a page without a run, and a read-only run', () => {
    expect(assign(lead(), { assignment: { ...MARIE, tester: ' ' }, time: T }).effects).toEqual([]);
    expect(assign(initialState([run()]), { assignment: MARIE, time: T }).effects).toEqual([]);
    const readOnly = open(initialState([run()]), { run: run(), readOnly: { reason: 'withdrawn', version: '15.3.0' } });
    expect(assign(readOnly.state, { assignment: MARIE, time: T }).effects).toEqual([]);
  });

  it('takes back a tester’s part; the last one taken back leaves no list', () => {
    const both = assign(assign(lead(), { assignment: MARIE, time: T }).state, { assignment: PAUL, time: T }).state;
    const one = unassign(both, { tester: 'Marie', time: T });
    expect(openRun(one.state)!.assignments).toEqual([PAUL]);
    const none = unassign(one.state, { tester: 'Paul', time: T });
    expect(openRun(none.state)).not.toHaveProperty('assignments');
    expect(unassign(none.state, { tester: 'Paul', time: T }).effects).toEqual([]);
  });
});

describe('a tester opens an assignment', () => {
  const assignment = makeAssignment(run({ name: 'Recette équipe' }), 'Paul', PAUL, new Date(T));

  it('makes the run of that id, saved at once, with the assignment', () => {
    const next = openAssignment(initialState([]), { assignment, time: T });
    expect(next.state.runs).toHaveLength(1);
    expect(next.state.runs[0]).toMatchObject({
      id: 'run-1',
      name: 'Recette équipe',
      results: {},
      assignment: { tester: 'Paul', modules: [], groups: ['@procedure'], items: ['process:cloture#1'] },
    });
    expect(next.effects).toEqual([
      { type: 'save', run: 'run-1' },
      { type: 'render', panels: ['runs'] },
      { type: 'announce', messages: [{ key: 'assign.opened', params: { name: 'Recette équipe', tester: 'Paul' } }] },
    ]);
  });

  it('updates the run of that id, its results kept, and a draft of it open becomes saved', () => {
    const results = { 'procedure:backup': { status: 'passed' as const, time: T } };
    const kept = openAssignment(initialState([run({ results })]), { assignment, time: T });
    expect(kept.state.runs[0]).toMatchObject({ results, name: 'Recette équipe', assignment: { tester: 'Paul' } });
    expect(kept.effects).toContainEqual({
      type: 'announce',
      messages: [{ key: 'assign.openedUpdated', params: { name: 'Recette équipe', tester: 'Paul' } }],
    });
    const draft = openAssignment(lead(true), { assignment, time: T });
    expect(draft.state.open).toMatchObject({ id: 'run-1', saved: true, draft: null });
    expect(draft.state.runs.map((r) => r.id)).toEqual(['run-1']);
  });
});
