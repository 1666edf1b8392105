/**
 * The notice of changes a page that ended could not save (the store's journal,
 * core/run/journal.ts): each run named with its items, and two ways out — put them back
 * (core's putBack, then written; the journal is forgotten only once they are) or forget them.
 */
import type { Translate } from '../../core/i18n/translate.ts';
import type { UnsavedChanges } from '../../core/run/journal.ts';
import { putBack } from '../../core/run/sync.ts';
import { h } from '../lib/dom.ts';
import type { Alerts } from './alerts.ts';
import type { RunController } from './run-controller.ts';
import type { RunStore } from './store.ts';

export interface UnsavedNoticeContext {
  t: Translate;
  alerts: Alerts;
  store: RunStore;
  controller: RunController;
  /** A date-time as the page writes it. */
  time(iso: string): string;
}

const ALERT = 'last-session';

/** Names the changes `found` (nothing when there are none), with a way to put them back. */
export function reportUnsaved(found: readonly UnsavedChanges[], c: UnsavedNoticeContext): void {
  if (!found.length) return;
  const t = c.t;
  const list = h(
    'ul',
    null,
    ...found.map((change) =>
      h('li', {
        text: t(change.items.length ? 'run.lastSession.run' : 'run.lastSession.runForm', {
          name: change.run.name,
          n: change.items.length,
          items: change.items.join(', '),
          time: c.time(change.time),
        }),
      }),
    ),
  );
  c.alerts.error(
    h('div', null, h('p', { text: t('run.lastSession.unsaved') }), list),
    [
      { label: t('run.lastSession.restore'), run: () => void restore(found, c) },
      { label: t('run.lastSession.forget'), run: () => void forget(c) },
    ],
    ALERT,
  );
}

async function restore(found: readonly UnsavedChanges[], c: UnsavedNoticeContext): Promise<void> {
  await c.controller.apply((s) => putBack(s, { found }));
  const state = await c.store.flush();
  if (state.state !== 'saved') return;
  await c.store.forgetUnsaved();
  c.alerts.clear(ALERT);
  c.alerts.info(c.t('run.lastSession.restored'));
}

async function forget(c: UnsavedNoticeContext): Promise<void> {
  await c.store.forgetUnsaved();
  c.alerts.clear(ALERT);
}
