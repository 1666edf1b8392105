/**
 * The open run's header: its name (and a badge when read-only), its path, the notices about
 * it (withdrawn target, warnings, items changed since a rebuild, what to do before starting),
 * and whether it is saved, being saved, or refused by the browser.
 */
import { selectionText } from '../../core/i18n/labels.ts';
import type { Locale } from '../../core/model.ts';
import { requestToParams } from '../../core/run/request.ts';
import type { SavedRun } from '../../core/run/types.ts';
import { changedItems } from '../../core/run/view.ts';
import { h, part } from '../lib/dom.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { RunSession } from './session.ts';
import type { SaveState } from './write-queue.ts';

export interface HeaderContext {
  t: Translate;
  locale: Locale;
  /** The build id of the site now. */
  buildId: string | null;
  /** The upgrade page's address. */
  upgradeUrl: string;
}

export interface SaveStateContext {
  t: Translate;
  /** Whether the run was ever saved. */
  saved: boolean;
  state: SaveState;
  /** Whether the run has changes not confirmed written. */
  waiting: boolean;
  time(iso: string): string;
}

export function renderRunHeader(root: HTMLElement, session: RunSession, c: HeaderContext): void {
  const t = c.t;
  const { run, checklist } = session;
  part(root, 'run-title').replaceChildren(
    run.name,
    ...(session.readOnly ? [' ', h('span', { class: 'badge badge-read-only', text: t('run.readOnly.badge') })] : []),
  );
  const labels = checklist.labels;
  const processes = checklist.processes.map((p) => p.label).join(', ');
  part(root, 'run-path').replaceChildren(
    h('span', { text: checklist.from ? `${checklist.from} → ${checklist.to}` : checklist.to }),
    ' · ',
    selectionText('modules', labels.modules, checklist.modules, c.locale),
    ' · ',
    selectionText('editions', labels.editions, checklist.editions, c.locale),
    processes ? ` · ${t('run.withProcesses', { list: processes })}` : '',
  );
  const notices = part(root, 'run-notices');
  notices.replaceChildren();
  if (session.readOnly) {
    notices.append(
      h('p', {
        class: 'callout callout-read-only',
        data: { readOnly: session.readOnly.reason },
        text: t('run.readOnly.withdrawn', { version: session.readOnly.version }),
      }),
    );
  }
  if (checklist.warnings.length) {
    notices.append(
      h(
        'div',
        { class: 'banner banner-warning' },
        h('p', { class: 'banner-title', text: t('upgrade.warnings') }),
        ...checklist.warnings.map((w) => h('p', { text: w.message })),
      ),
    );
  }
  const changed = changedItems(session.view.items, run.results).length;
  if (run.buildId && run.buildId !== c.buildId && changed > 0) {
    notices.append(h('p', { class: 'callout callout-changed', text: t('run.rebuilt', { n: changed }) }));
  }
  if (checklist.dataChanges.length || checklist.actions.length) {
    const upgrade = `${c.upgradeUrl}?${requestToParams({ ...run.request, processes: [] })}`;
    notices.append(
      h(
        'p',
        { class: 'callout' },
        t('run.beforeStart', { data: checklist.dataChanges.length, actions: checklist.actions.length }),
        ' ',
        h('a', { attrs: { href: upgrade }, text: t('run.seeUpgrade') }),
      ),
    );
  }
}

export function renderSaveState(root: HTMLElement, run: SavedRun, c: SaveStateContext): void {
  const state = c.state;
  const refused = state.state === 'failed' && state.runs.includes(run.id);
  const shown: 'new' | 'failed' | 'saving' | 'saved' = !c.saved
    ? 'new'
    : refused
      ? 'failed'
      : c.waiting
        ? 'saving'
        : 'saved';
  const texts: Record<typeof shown, () => string> = {
    new: () => c.t('run.unsaved'),
    failed: () => c.t('run.notSaved', { reason: state.state === 'failed' ? state.reason : '' }),
    saving: () => c.t('run.saving'),
    saved: () => c.t('run.saved', { time: c.time(run.updated) }),
  };
  const label = part(root, 'run-saved');
  label.dataset.saveState = shown;
  label.textContent = texts[shown]();
  for (const name of ['callout', 'callout-error']) label.parentElement?.classList.toggle(name, refused);
  part(root, 'save-export').hidden = !refused;
  part(root, 'export-run').toggleAttribute('disabled', !c.saved);
}
