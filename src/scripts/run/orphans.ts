/**
 * Results kept in the run whose item is no longer on its path (checklist.md, "Identity and
 * progress"), each with why (core's orphanResults) and, unless the run is read-only, a button
 * to let it go (after confirming; core's `forget`).
 */
import { orphanReasonLabel, statusLabel } from '../../core/i18n/labels.ts';
import type { Locale } from '../../core/model.ts';
import { forget } from '../../core/run/record.ts';
import type { Transition, RunState } from '../../core/run/run-state.ts';
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

export interface ForgetContext {
  t: Translate;
  /** The run showing, if any. */
  session(): RunSession | null;
  confirm(text: string, label: string): Promise<boolean>;
  apply(transition: (state: RunState) => Transition): Promise<void>;
  /** Writes what waits now. */
  flush(): void;
}

/** Wires the buttons "let it go" of `section` (once: the list inside is redrawn). */
export function wireForgetOrphan(section: HTMLElement, c: ForgetContext): void {
  section.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-forget]') : null;
    if (button) void forgetOrphan(button.dataset.forget!, c);
  });
}

async function forgetOrphan(id: string, c: ForgetContext): Promise<void> {
  const session = c.session();
  if (!session || session.readOnly) return;
  if (!(await c.confirm(c.t('run.orphans.forgetConfirm', { id }), c.t('run.orphans.forget')))) return;
  await c.apply((s) => forget(s, { item: id, time: new Date().toISOString() }));
  c.flush();
}
