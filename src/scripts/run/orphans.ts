/**
 * Results kept in the run whose item is no longer on its path (checklist.md, "Identity and
 * progress"), each with why (core's orphanResults) and, unless the run is read-only, a button
 * to let it go.
 */
import { orphanReasonLabel, statusLabel } from '../../core/i18n/labels.ts';
import type { Locale } from '../../core/model.ts';
import { orphanResults } from '../../core/run/view.ts';
import { h, part } from '../lib/dom.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { RunSession } from './session.ts';

export interface OrphansContext {
  t: Translate;
  locale: Locale;
  time(iso: string | undefined): string;
}

export function renderOrphans(section: HTMLElement, session: RunSession | null, c: OrphansContext): void {
  const readOnly = !!session?.readOnly;
  const orphans = session
    ? orphanResults(session.view, session.checklist, session.run.results, session.pathEntryIds)
    : [];
  section.hidden = orphans.length === 0;
  const t = c.t;
  part(section, 'orphan-list').replaceChildren(
    ...orphans.map((o) =>
      h(
        'li',
        { class: 'orphan', data: { item: o.id, reason: o.reason } },
        h('p', null, h('code', { text: o.id }), ' — ', h('strong', { text: orphanReasonLabel(c.locale, o.reason) })),
        h(
          'p',
          null,
          h('span', {
            class: 'status-pill',
            data: { status: o.result.status },
            text: statusLabel(c.locale, o.result.status),
          }),
          o.result.comment ? ` ${o.result.comment}` : '',
          o.result.defect ? ` — ${t('export.md.defect', { defect: o.result.defect })}` : '',
          o.result.tester || o.result.time
            ? h('span', {
                class: 'muted',
                text: ` (${[o.result.tester, c.time(o.result.time)].filter(Boolean).join(', ')})`,
              })
            : '',
        ),
        readOnly
          ? ''
          : h('button', {
              data: { forget: o.id },
              attrs: { type: 'button', 'aria-label': t('run.orphans.forgetNamed', { id: o.id }) },
              text: t('run.orphans.forget'),
            }),
      ),
    ),
  );
}
