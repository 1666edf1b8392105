/**
 * The transitions of a team run's assignments (checklist.md, "Team runs"): the lead gives a
 * tester part of the open run, or takes it back (the run keeps who has what, `assignments`),
 * and a tester opens an assignment (a link or a file), which creates or updates that run in
 * their browser (assignment.ts, applyAssignment) and saves it at once, so the assignment is
 * kept even before anything is recorded.
 */
import { applyAssignment, withAssignment, type Assignment } from './assignment.ts';
import { changedOpenRun } from './changed-run.ts';
import { announce, render } from './effects.ts';
import { findRun, openRun, unchanged, withRun, type RunState, type Transition } from './run-state.ts';
import type { RunAssignment } from './types.ts';

/** The lead gives `assignment.tester` their part of the open run (replacing what that tester had). */
export function assign(state: RunState, action: { assignment: RunAssignment; time: string }): Transition {
  const run = openRun(state);
  const tester = action.assignment.tester.trim();
  if (!run || !tester) return unchanged(state);
  const given = { ...action.assignment, tester };
  const changed = changedOpenRun(
    state,
    { ...run, assignments: withAssignment(run.assignments ?? [], given) },
    action.time,
  );
  if (!changed.effects.length) return changed;
  return {
    state: changed.state,
    effects: [...changed.effects, render(['assign']), announce('assign.made', { tester })],
  };
}

/** The lead takes back what `tester` was given in the open run. */
export function unassign(state: RunState, action: { tester: string; time: string }): Transition {
  const run = openRun(state);
  const list = run?.assignments ?? [];
  if (!run || !list.some((a) => a.tester === action.tester)) return unchanged(state);
  const assignments = list.filter((a) => a.tester !== action.tester);
  const { assignments: _, ...rest } = run;
  const changed = changedOpenRun(state, assignments.length ? { ...run, assignments } : rest, action.time);
  if (!changed.effects.length) return changed;
  return {
    state: changed.state,
    effects: [...changed.effects, render(['assign']), announce('assign.removed', { tester: action.tester })],
  };
}

/**
 * A tester opened `assignment`: the run of its id is updated (results and sign-off kept) or
 * made, and saved; the page then opens it with the tester's name as its own.
 */
export function openAssignment(state: RunState, action: { assignment: Assignment; time: string }): Transition {
  const { assignment } = action;
  const existing =
    findRun(state, assignment.run.id) ?? (openRun(state)?.id === assignment.run.id ? openRun(state)! : undefined);
  const run = applyAssignment(assignment, existing, new Date(action.time));
  const inLibrary = !!findRun(state, run.id);
  const library = inLibrary ? withRun(state, run) : { ...state, runs: [run, ...state.runs] };
  // A draft of the same run open here becomes the saved run.
  const open = state.open?.id === run.id ? { ...state.open, saved: true, draft: null } : state.open;
  return {
    state: { ...library, open },
    effects: [
      { type: 'save', run: run.id },
      render(['runs']),
      announce(existing ? 'assign.openedUpdated' : 'assign.opened', { name: run.name, tester: assignment.tester }),
    ],
  };
}
