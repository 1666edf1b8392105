/**
 * The team run's progress on the page: for a tester who opened an assignment, their own items
 * done (core's assignedProgress); for everyone, each tester's items done over what they were
 * given (the lead's assignments) or over what they recorded (core's progressByTester); and
 * the items whose versions of different testers (or places) wait to be settled, with a way to
 * go through them.
 */
import { resultOf } from '../../core/checklist/progress.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { assignedProgress, teamProgress } from '../../core/run/testers.ts';
import { h, part } from '../lib/dom.ts';
import type { RunSession } from './session.ts';

/** The items of the run in conflict, in run order. */
export function conflictItems(session: RunSession): string[] {
  const results = session.run.results;
  return session.view.items.filter((i) => !!resultOf(results, i.id)?.conflict?.length).map((i) => i.id);
}

/** Paints the progress lines and the conflicts count in `root` (the team panel). */
export function renderTeamProgress(root: HTMLElement, session: RunSession, t: Translate): void {
  const { run, view } = session;
  const mine = part(root, 'team-mine');
  mine.hidden = !run.assignment;
  if (run.assignment) {
    const p = assignedProgress(view.items, run.results, run.assignment);
    mine.textContent = t('team.mine', { tester: run.assignment.tester, done: p.done, total: p.total });
  }
  // A tester's own line is the one above, over their items.
  const lines = teamProgress(view.items, run).filter((line) => line.tester !== run.assignment?.tester);
  // A run of one tester alone has no team progress to show.
  part(root, 'team-progress').hidden = !run.assignment && lines.length === 0;
  part(root, 'team-testers').replaceChildren(
    ...lines.map((line) =>
      h('li', {
        data: { tester: line.tester },
        text: t('team.tester', { tester: line.tester || t('team.unnamed'), done: line.done, total: line.total }),
      }),
    ),
  );
  const conflicts = conflictItems(session);
  part(root, 'team-conflicts').hidden = conflicts.length === 0;
  part(root, 'team-conflict-count').textContent = t('team.conflicts', { n: conflicts.length });
}
