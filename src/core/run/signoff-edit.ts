/**
 * The sign-off form of the open run: each edit saved as the tester types, and the request
 * for the report, which signoff.ts's rules (signOffProblems) grant or refuse.
 */
import type { ChecklistItem } from '../checklist/types.ts';
import type { Locale } from '../model.ts';
import { changedOpenRun } from './changed-run.ts';
import { openRun, unchanged, type RunState, type Transition } from './run-state.ts';
import { signOffProblems, type SignOffProblem } from './signoff-problems.ts';
import type { SignOffForm } from './types.ts';

export function editSignOff(state: RunState, action: { form: SignOffForm; time: string }): Transition {
  const run = openRun(state);
  if (!run) return unchanged(state);
  return changedOpenRun(state, { ...run, signOff: action.form }, action.time);
}

/**
 * "Établir le PV": the form as it stands is saved, then the report is shown, or what refuses
 * it. `items`: the items the sign-off covers (RunView.signOffItems).
 */
export function requestSignOff(
  state: RunState,
  action: { form: SignOffForm; time: string; items: readonly ChecklistItem[]; locale: Locale },
): Transition {
  const edited = editSignOff(state, action);
  const run = openRun(edited.state);
  if (!run) return edited;
  const problems = signOffRefusals(edited.state, action);
  return {
    state: edited.state,
    effects: [...edited.effects, problems.length ? { type: 'refused', problems } : { type: 'report' }],
  };
}

/**
 * What refuses the sign-off of the open run now (signoff.ts's rules): its saved form, or
 * `form` (what the page shows) while none was saved.
 */
export function signOffRefusals(
  state: RunState,
  action: { form: SignOffForm; items: readonly ChecklistItem[]; locale: Locale },
): SignOffProblem[] {
  const run = openRun(state);
  return run ? signOffProblems(action.items, run.results, run.signOff ?? action.form, action.locale) : [];
}
