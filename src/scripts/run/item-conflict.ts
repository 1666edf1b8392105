/**
 * A result in conflict on its row: its versions side by side, each with what was recorded and
 * a button to keep it; the version this page made is "yours", another tester's is named after them.
 */
import type { ItemResult } from '../../core/checklist/progress.ts';
import { statusLabel } from '../../core/i18n/labels.ts';
import type { MessageKey } from '../../core/i18n/translate.ts';
import { versionsOf, type ResultVersion } from '../../core/run/merge-results.ts';
import { h } from '../lib/dom.ts';
import type { Row, RowContext } from './item-row.ts';

/** The versions of a result in conflict, side by side, each with what was recorded and a button to keep it. */
export function paintConflict(row: Row, result: ItemResult | undefined, ctx: RowContext): void {
  const versions = result?.conflict?.length ? versionsOf(result) : [];
  row.el.toggleAttribute('data-conflict', versions.length > 1);
  if (versions.length < 2) {
    row.conflict?.remove();
    row.conflict = null;
    return;
  }
  const t = ctx.t;
  const id = row.el.id;
  const mine = versions.findIndex((v) => v.rev !== undefined && ctx.own(v.rev));
  // Versions of a team run name their tester (two testers' results met in the lead's import).
  const label = (i: number) => {
    if (i === mine) return t('run.conflict.mine');
    const tester = versions[i]!.tester?.trim();
    if (tester) return t('run.conflict.byTester', { tester });
    return mine < 0 ? t('run.conflict.version', { n: i + 1 }) : t('run.conflict.other');
  };
  const keepLabel = (i: number) =>
    mine < 0 ? t('run.conflict.keep') : t(i === mine ? 'run.conflict.keepMine' : 'run.conflict.keepOther');
  const fact = (name: MessageKey, value: string | Node | undefined) =>
    h('div', null, h('dt', { text: t(name) }), h('dd', null, value || t('run.conflict.none')));
  const version = (v: ResultVersion, i: number) =>
    h(
      'li',
      {
        class: 'run-conflict-version',
        data: { version: String(i), side: mine < 0 ? '' : i === mine ? 'mine' : 'other' },
      },
      h('p', { class: 'run-conflict-label', text: label(i) }),
      h(
        'dl',
        null,
        fact(
          'run.conflict.status',
          h('span', { class: 'status-pill', data: { status: v.status }, text: statusLabel(ctx.locale, v.status) }),
        ),
        fact('run.conflict.comment', v.comment),
        fact('run.conflict.defect', v.defect),
        fact('run.conflict.tester', v.tester),
        fact('run.conflict.time', ctx.formatTime(v.time)),
      ),
      ctx.readOnly()
        ? ''
        : h('button', {
            class: 'no-print',
            data: { action: 'keep-version', version: String(i) },
            attrs: { type: 'button', 'aria-describedby': `${id}-step` },
            text: keepLabel(i),
          }),
    );
  const box = h(
    'div',
    { class: 'run-conflict', attrs: { role: 'group', 'aria-labelledby': `${id}-conflict` } },
    h('p', { class: 'run-conflict-title', id: `${id}-conflict`, text: t('run.conflict.title') }),
    h('ul', { class: 'run-conflict-versions' }, ...versions.map(version)),
    // Editing is offered on the version this page made (after a reload, keep one, then edit it).
    ctx.readOnly() || mine < 0
      ? ''
      : h('button', {
          class: 'no-print',
          data: { action: 'edit-mine' },
          attrs: { type: 'button' },
          text: t('run.conflict.edit'),
        }),
  );
  if (row.conflict) row.conflict.replaceWith(box);
  else row.notes.after(box);
  row.conflict = box;
}
