/**
 * Whether the open run is saved, said in its header and kept true: the store's news repaints
 * it; a refused write is said once as an alert, with the runs it holds offered as a progress
 * file (from the alert and from the header's own button); a write that went through clears it
 * and starts a new revision of the results saved (core's `saved`).
 */
import type { Translate } from '../../core/i18n/translate.ts';
import { saved as savedRevisions } from '../../core/run/record.ts';
import { findRun } from '../../core/run/run-state.ts';
import type { SavedRun } from '../../core/run/types.ts';
import { part } from '../lib/dom.ts';
import type { Alerts } from './alerts.ts';
import type { RunController } from './run-controller.ts';
import { renderSaveState } from './run-header.ts';
import type { RunStore } from './store.ts';
import type { SaveState } from './write-queue.ts';

export interface SavedStateContext {
  /** The element holding the header (<rb-run>). */
  root: HTMLElement;
  t: Translate;
  alerts: Alerts;
  store: RunStore;
  controller: RunController;
  /** Whether a run shows in the page. */
  showing(): boolean;
  /** A date-time as the page writes it. */
  time(iso: string): string;
  /** Downloads `runs` as a progress file. */
  exportRuns(runs: readonly SavedRun[]): void;
}

const ALERT = 'storage-full';

export class SavedState {
  private readonly c: SavedStateContext;

  /** Listens to the store and wires the header's "export what was not saved" button. */
  constructor(c: SavedStateContext) {
    this.c = c;
    c.store.onSaveState((state) => this.changed(state));
    part(c.root, 'save-export').addEventListener('click', () => this.exportUnsaved());
  }

  /** Repaints the open run's saved state. */
  render(): void {
    const { controller, store } = this.c;
    const run = controller.run;
    if (!this.c.showing() || !run) return;
    renderSaveState(this.c.root, run, {
      t: this.c.t,
      saved: !!controller.state.open?.saved,
      state: store.saveState,
      waiting: store.waiting(run.id),
      time: this.c.time,
    });
  }

  private changed(state: SaveState): void {
    const { t, alerts, controller } = this.c;
    // A saved result starts a new revision: the next edit of it derives from what is stored.
    if (state.state === 'saved') void controller.apply(savedRevisions);
    if (state.state === 'failed') {
      alerts.error(
        t('run.storage.full', { reason: state.reason }),
        [{ label: t('run.storage.fullDownload'), run: () => this.exportUnsaved() }],
        ALERT,
      );
    } else if (state.state === 'saved') {
      alerts.clear(ALERT);
    }
    this.render();
  }

  /** The runs the browser refused to save, as a progress file. */
  private exportUnsaved(): void {
    const state = this.c.store.saveState;
    if (state.state !== 'failed') return;
    const controller = this.c.controller;
    const runs = state.runs.flatMap((id) => {
      const run = controller.run?.id === id ? controller.run : findRun(controller.state, id);
      return run ? [run] : [];
    });
    this.c.exportRuns(runs);
  }
}
