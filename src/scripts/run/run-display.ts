/**
 * The open run across the page's panels: shown once its path is loaded (run-loading.ts) —
 * header, sign-off, rows, orphans —, repainted where a transition made it out of date, hidden
 * when no run is open. A run asked for while another one loads wins: the older one is never
 * shown.
 */
import type { DataIndex } from '../../core/data-files.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { Locale } from '../../core/model.ts';
import type { Panel } from '../../core/run/effects.ts';
import { close, open } from '../../core/run/library.ts';
import { findRun } from '../../core/run/run-state.ts';
import type { SavedRun } from '../../core/run/types.ts';
import type { ItemFilter } from '../../core/run/view.ts';
import { upgradeUrl } from '../../core/urls.ts';
import type { DataFiles } from '../lib/data.ts';
import { part } from '../lib/dom.ts';
import type { ItemList } from './item-list.ts';
import { renderOrphans } from './orphans.ts';
import type { ProcessesUi } from './processes-ui.ts';
import type { ReportView } from './report-view.ts';
import type { RunController } from './run-controller.ts';
import { renderRunHeader } from './run-header.ts';
import type { RunList } from './run-list.ts';
import { loadRun } from './run-loading.ts';
import { removePreview } from './run-preview.ts';
import type { SavedState } from './saved-state.ts';
import { sessionOf, type RunSession } from './session.ts';
import type { SignOffUi } from './signoff-ui.ts';

export interface RunDisplayContext {
  /** <rb-run>: its `data-state` says the stage, `data-read-only` a run shown read-only. */
  root: HTMLElement;
  t: Translate;
  locale: Locale;
  data: DataFiles;
  index: DataIndex;
  controller: RunController;
  form: HTMLFormElement;
  processes: ProcessesUi;
  items: ItemList;
  signoff: SignOffUi;
  runList: RunList;
  report: ReportView;
  savedState: SavedState;
}

export class RunDisplay {
  private readonly c: RunDisplayContext;
  private shown: RunSession | null = null;
  private generation = 0;

  constructor(c: RunDisplayContext) {
    this.c = c;
  }

  /** The run shown, if any. */
  get session(): RunSession | null {
    return this.shown;
  }

  /** Loads and shows `run` (rows filtered by `filter`; `report`: then its report). */
  async open(run: SavedRun, options: { filter: ItemFilter; report: boolean }): Promise<void> {
    const c = this.c;
    const generation = ++this.generation;
    const controller = c.controller;
    const saved = !!findRun(controller.state, run.id);
    const load = await loadRun(run, saved, () => generation === this.generation, c);
    if (!load.ok) {
      if (load.stage === 'plan') this.closeRun();
      return;
    }
    const { loaded } = load;
    const readOnly = loaded.readOnly;
    const session = sessionOf(run, () => controller.run, loaded);
    this.shown = session;
    await controller.apply((s) => open(s, { run, readOnly }));
    c.root.toggleAttribute('data-read-only', !!readOnly);
    part(c.root, 'run').hidden = false;
    this.renderHeader();
    this.bindSignOff(session);
    part(c.root, 'path-status').textContent = c.t('run.opened', { name: run.name, n: loaded.view.items.length });
    c.root.dataset.state = 'rendering';
    const rendered = c.items.show(session, options.filter);
    // The run's first rows are in the page now: the preview of its path goes.
    removePreview(c.root);
    this.renderOrphans();
    await rendered;
    if (generation !== this.generation) return;
    c.root.dataset.state = 'ready';
    if (options.report) c.report.open(false);
    else if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }

  /** Closes the open run (core's `close`) and hides it. */
  closeRun(): void {
    void this.c.controller.apply(close);
    this.hide();
  }

  /** Repaints what a transition made out of date (`items`: only those rows). */
  render(panels: ReadonlySet<Panel>, items: string[] | undefined): void {
    const c = this.c;
    if (this.shown && !c.controller.run) this.hide();
    const open = c.controller.state.open;
    if (this.shown) {
      if (panels.has('items')) c.items.repaint(items);
      if (panels.has('orphans')) this.renderOrphans();
      if (panels.has('header')) this.renderHeader();
      else if (panels.has('saved-state')) c.savedState.render();
      // The form is not rewritten under the tester's hands.
      if (panels.has('signoff') && !part(c.root, 'signoff-form').contains(document.activeElement))
        this.bindSignOff(this.shown);
    }
    if (panels.has('path')) part(c.root, 'apply').hidden = !open?.saved || !!open.readOnly;
    if (panels.has('runs')) this.renderRuns();
  }

  /** Repaints the list of saved runs. */
  renderRuns(): void {
    this.c.runList.render(this.c.controller.state);
  }

  /** Hides the run once none is open. */
  private hide(): void {
    const c = this.c;
    this.generation++;
    removePreview(c.root);
    this.shown = null;
    part(c.root, 'run').hidden = true;
    c.report.hide();
    part(c.root, 'apply').hidden = true;
    this.renderRuns();
  }

  /** Fills the sign-off form from the run; read-only, it shows what was entered and its button still opens the report. */
  private bindSignOff(session: RunSession): void {
    this.c.signoff.bind(session);
    for (const control of part(this.c.root, 'signoff-form').querySelectorAll<HTMLInputElement>(
      'input, textarea, select, button:not([type="submit"])',
    ))
      control.disabled = !!session.readOnly;
  }

  private renderHeader(): void {
    const c = this.c;
    if (!this.shown) return;
    renderRunHeader(c.root, this.shown, {
      t: c.t,
      locale: c.locale,
      buildId: c.index.buildId,
      upgradeUrl: c.root.dataset.upgradeUrl ?? upgradeUrl(c.index.base),
    });
    c.savedState.render();
  }

  private renderOrphans(): void {
    const c = this.c;
    renderOrphans(part(c.root, 'orphans'), this.shown, {
      t: c.t,
      locale: c.locale,
      time: (iso) => c.items.formatTime(iso),
    });
  }
}
