/**
 * The attachments of the open run's items, wired to the page: the item list tells its
 * `<rb-evidence>` elements (made by item-row.ts) which road book and run they belong to, each
 * change they report is recorded on the item's result (core/run/record.ts, `attach`: an edit
 * like the others, saved by the controller), and a deleted run's files leave the store with it.
 */
import type { ChecklistItem } from '../../core/checklist/types.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { attach } from '../../core/run/record.ts';
import { storagePrefix } from '../../core/run/storage-keys.ts';
import type { RunScope } from '../../core/run/types.ts';
import type { Alerts } from './alerts.ts';
import { EVIDENCE_CHANGE } from './evidence-element.ts';
import { evidenceStore } from './evidence-store.ts';
import type { RunController } from './run-controller.ts';
import type { RunSession } from './session.ts';

export interface EvidenceRowsContext {
  /** The item list: the elements of its rows find the road book and the run here. */
  root: HTMLElement;
  scope: RunScope;
  controller: RunController;
  session(): RunSession | null;
  /** The default tester name. */
  tester(): string;
  t: Translate;
  alerts: Alerts;
}

/** The item `id` of the open run's path (a change or process item, or a procedure step). */
function itemOf(session: RunSession, id: string): Pick<ChecklistItem, 'id' | 'hash'> | undefined {
  const { checklist, procedure } = session;
  return [...procedure.before, ...checklist.items, ...procedure.after].find((item) => item.id === id);
}

export class EvidenceRows {
  private readonly c: EvidenceRowsContext;

  constructor(c: EvidenceRowsContext) {
    this.c = c;
    c.root.dataset.product = c.scope.product;
    c.root.dataset.base = c.scope.base;
    c.root.addEventListener(EVIDENCE_CHANGE, (event) => {
      const { runId, itemId, added, removed } = event.detail;
      const session = c.session();
      const item = session && session.run.id === runId ? itemOf(session, itemId) : undefined;
      if (!item) return;
      const stamp = c.controller.stamp();
      const tester = c.tester();
      void c.controller.apply((state) => attach(state, { item, added, removed, tester, ...stamp }));
    });
  }

  /** The rows made from now on belong to run `runId`. */
  showing(runId: string): void {
    this.c.root.dataset.runId = runId;
  }

  /** Removes the files of a run that was deleted; a failure is said (the files would take room for nothing). */
  async runDeleted(runId: string): Promise<void> {
    const store = await evidenceStore(storagePrefix(this.c.scope));
    const removed = store ? await store.deleteRun(runId) : { ok: true as const };
    if (!removed.ok) this.c.alerts.error(this.c.t('run.storage.full', { reason: removed.reason }), [], 'storage-full');
  }
}
