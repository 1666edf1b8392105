/**
 * The team run's progress on the page: for a tester who opened an assignment, their own items
 * done (core's assignedProgress); for everyone, each tester's items done over what they were
 * given (the lead's assignments) or over what they recorded (core's progressByTester); and
 * the items whose versions of different testers (or places) wait to be settled, with a way to
 * go through them.
 */
import { resultOf } from '../../core/checklist/progress.ts';
import type { ChecklistItem } from '../../core/checklist/types.ts';
import type { RunView } from '../../core/run/view.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { assignedProgress, teamProgress } from '../../core/run/testers.ts';
import { h, part } from '../lib/dom.ts';
import type { RunSession } from './session.ts';

/** Each item's place in run order, per view (made once per run shown). */
const places = new WeakMap<RunView, Map<string, number>>();

/**
 * The items of the run holding a result, in run order: until a run is well under way it has
 * far fewer results than items, and the panel repaints after every status click.
 */
function recordedItems(session: RunSession): readonly ChecklistItem[] {
  const { view } = session;
  const ids = Object.keys(session.run.results ?? {});
  if (ids.length * 4 > view.items.length) return view.items;
  let place = places.get(view);
  if (!place) places.set(view, (place = new Map(view.items.map((item, i) => [item.id, i]))));
  const at = place;
  return ids
    .filter((id) => at.has(id))
    .sort((a, b) => at.get(a)! - at.get(b)!)
    .map((id) => view.byId.get(id)!);
}

/** The items of the run in conflict, in run order. */
export function conflictItems(session: RunSession): string[] {
  const results = session.run.results;
  return recordedItems(session)
    .filter((i) => !!resultOf(results, i.id)?.conflict?.length)
    .map((i) => i.id);
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
  // Without assignments a line counts what its tester recorded: the items holding a result suffice.
  const counted = run.assignments?.length ? view.items : recordedItems(session);
  const lines = teamProgress(counted, run).filter((line) => line.tester !== run.assignment?.tester);
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
