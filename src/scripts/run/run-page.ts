/**
 * <rb-run>: the acceptance-test run of the checklist page. It routes and wires; every other
 * job is a module of its own.
 *
 * Routing: the address (?from=&to=&modules=&editions=&processes=, plus run=<id> once a run is
 * saved, and view=report for the printable sign-off report; run-address.ts) opens a run, the
 * report view (report-view.ts) or nothing; the path form and the run list open one too, and
 * back / forward (popstate) routes again. A run opened from an address is saved in the browser
 * as soon as the tester records something; several runs (paths) are kept side by side.
 * The open run is shown across the panels by run-display.ts, once its path is loaded
 * (run-loading.ts); a saved run whose target version was withdrawn since is opened read-only.
 * Which run an address or the path form means is run-choice.ts's.
 *
 * Wiring: the store (RunStore) and the controller (run-controller.ts, the one holder of the
 * runs) to the panels (<rb-run-list>, <rb-backups>, <rb-processes>, <rb-items>, <rb-signoff>,
 * <rb-carry>) and to the modules around them: the saved state in the header (saved-state.ts), the files
 * (run-files.ts), the journal's notice (unsaved-notice.ts), unreadable values
 * (storage-problems.ts), the other tabs' news (other-tabs.ts), saving when the page is left
 * (page-leaving.ts), orphan results (orphans.ts), the tester's name (tester-name.ts), the
 * team run (<rb-team>, assign-panel.ts) and the assignments a tester opens (assign-open.ts: an
 * address with `assign=`, the "open an assignment" file, or one dropped on the run list's import).
 */
import type { DataIndex } from '../../core/data-files.ts';
import { localeFrom, translator } from '../../core/i18n/translate.ts';
import type { Locale } from '../../core/model.ts';
import type { Panel } from '../../core/run/effects.ts';
import { isAssignmentLink } from '../../core/run/assignment.ts';
import { deleteRun, rename } from '../../core/run/library.ts';
import { findRun } from '../../core/run/run-state.ts';
import { mergedOnWrite } from '../../core/run/sync.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import { filterFromParams, NO_FILTER, type ItemFilter } from '../../core/run/view.ts';
import { DataFiles } from '../lib/data.ts';
import { afterPaint, part } from '../lib/dom.ts';
import { askedPath } from '../lib/open-path.ts';
import { installationStore } from '../lib/installation-store.ts';
import { fillForm, fillFromInstallation, wirePathForm } from '../lib/path-form.ts';
import { Alerts } from './alerts.ts';
import {
  isAssignmentFile,
  openAssignmentFile,
  openAssignmentLink,
  wireAssignmentFile,
  type AssignOpenContext,
} from './assign-open.ts';
import { TeamPanel } from './assign-panel.ts';
import { Backups } from './backups.ts';
import { CarryPanel } from './carry-panel.ts';
import { confirmAction } from './confirm.ts';
import { onDatabaseBlocked } from './database.ts';
import { EvidenceRows } from './evidence-rows.ts';
import { ItemList } from './item-list.ts';
import { wireForgetOrphan } from './orphans.ts';
import { followOtherTabs } from './other-tabs.ts';
import { saveAroundLeaving } from './page-leaving.ts';
import { ProcessesUi } from './processes-ui.ts';
import { ReportView } from './report-view.ts';
import { runUrl } from './run-address.ts';
import { runFromAddress, runFromForm, type RunChoiceContext } from './run-choice.ts';
import { RunController } from './run-controller.ts';
import { RunDisplay } from './run-display.ts';
import { RunFiles } from './run-files.ts';
import { RunList } from './run-list.ts';
import { SavedState } from './saved-state.ts';
import type { RunSession } from './session.ts';
import { SignOffUi } from './signoff-ui.ts';
import { reportStorageProblem } from './storage-problems.ts';
import { RunStore } from './store.ts';
import { TesterName } from './tester-name.ts';
import { reportUnsaved } from './unsaved-notice.ts';

/** The changes that repaint the team panel: results, assignments, the run's header (a merge, a rename). */
const TEAM_PANELS: readonly Panel[] = ['items', 'assign', 'header'];

class RoadbookRun extends HTMLElement {
  private locale: Locale = 'fr';
  private t = translator('fr');
  private data!: DataFiles;
  private index!: DataIndex;
  private scope!: RunScope;
  private store!: RunStore;
  private alerts!: Alerts;
  private items!: ItemList;
  private signoff!: SignOffUi;
  private processes!: ProcessesUi;
  private form!: HTMLFormElement;
  private controller!: RunController;
  private runList!: RunList;
  private report!: ReportView;
  private savedState!: SavedState;
  private files!: RunFiles;
  private tester!: TesterName;
  private evidence!: EvidenceRows;
  private team!: TeamPanel;
  private display: RunDisplay | null = null;
  private carry!: CarryPanel;

  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    void this.start();
  }

  private async start(): Promise<void> {
    this.locale = localeFrom(this.dataset.locale);
    this.t = translator(this.locale);
    const t = this.t;
    this.alerts = new Alerts(part(this, 'alerts'), part(this, 'status'), t('run.close'));
    this.data = new DataFiles(this.dataset.base ?? '/');
    try {
      this.index = await this.data.index();
    } catch (error) {
      this.alerts.error(t('path.failed', { reason: error instanceof Error ? error.message : String(error) }));
      this.dataset.state = 'error';
      return;
    }
    this.scope = { product: this.index.product, base: this.index.base };
    const stopFollowing = onDatabaseBlocked({
      blocked: () => this.alerts.error(t('run.storage.blocked'), [], 'storage-blocked'),
      opened: () => this.alerts.clear('storage-blocked'),
    });
    const store = (this.store = await RunStore.open(this.scope, this.locale));
    stopFollowing();
    if (!store.available) this.alerts.error(t('run.storage.unavailable'), [], 'storage-unavailable');

    const loaded = await store.loadRuns();
    const controller = (this.controller = new RunController(loaded.runs, store, this.alerts, t));
    const library = await store.loadProcesses();
    for (const problem of [...loaded.problems, ...(library.problem ? [library.problem] : [])])
      reportStorageProblem(problem, { t, alerts: this.alerts, product: this.index.product });
    this.tester = new TesterName(part(this, 'tester'), await store.tester(), store, this.alerts, t);
    const time = (iso: string) => this.items.formatTime(iso);
    this.files = new RunFiles({
      t,
      locale: this.locale,
      scope: this.scope,
      buildId: this.index.buildId,
      alerts: this.alerts,
      store,
      controller,
      session: () => this.session,
    });
    this.savedState = new SavedState({
      root: this,
      t,
      alerts: this.alerts,
      store,
      controller,
      showing: () => !!this.session,
      time,
      exportRuns: (runs) => void this.files.exportRuns(runs),
    });
    store.onMerged((id, written) => void controller.apply((s) => mergedOnWrite(s, { run: id, written })));

    this.form = part<HTMLFormElement>(this, 'path-form');
    wirePathForm(this.form);
    this.processes = this.panel('rb-processes', ProcessesUi);
    this.processes.connect(this, t, this.locale, this.index, store, this.alerts, library.library);
    this.items = this.panel('rb-items', ItemList);
    this.items.connect(t, this.locale, {
      apply: (transition) => void controller.apply(transition),
      stamp: () => controller.stamp(),
      own: (rev) => controller.state.own.has(rev),
      tester: () => this.tester.name,
    });
    this.evidence = new EvidenceRows({
      root: this.items,
      scope: this.scope,
      controller,
      session: () => this.session,
      tester: () => this.tester.name,
      t,
      alerts: this.alerts,
    });
    this.signoff = this.panel('rb-signoff', SignOffUi);
    this.signoff.connect(t, this.locale, this.items, this.alerts, {
      apply: (transition) => void controller.apply(transition),
      state: () => controller.state,
      closeReport: () => this.report.close(),
      tester: () => this.tester.name,
      flush: () => this.flush(),
    });
    this.report = new ReportView(this, this.signoff, () => this.flush());
    this.team = this.panel('rb-team', TeamPanel);
    this.team.connect({
      t,
      locale: this.locale,
      scope: this.scope,
      modules: this.index.modules,
      apply: (transition) => void controller.apply(transition),
      session: () => this.session,
      reveal: (item) => void this.items.reveal(item),
      info: (text) => this.alerts.info(text),
      filters: () => part<HTMLFormElement>(this, 'filters'),
    });
    controller.attach({
      address: (run) => this.address(run),
      open: (run) => {
        history.pushState(null, '', runUrl(run, true, new URLSearchParams()));
        void this.open(run, { filter: NO_FILTER, report: false });
      },
      render: (panels, items) => {
        this.display?.render(panels, items);
        if (panels.has('runs') || panels.has('header')) this.carry.render();
        if (TEAM_PANELS.some((p) => panels.has(p))) this.team.queue(panels);
      },
      report: () => this.report.open(true),
      refused: (problems) => this.signoff.showProblems(problems),
      reveal: (item) => void this.items.reveal(item),
    });
    this.connectRunList();
    this.connectCarry();
    const display = (this.display = new RunDisplay({
      root: this,
      t,
      locale: this.locale,
      data: this.data,
      index: this.index,
      controller,
      form: this.form,
      processes: this.processes,
      items: this.items,
      signoff: this.signoff,
      runList: this.runList,
      report: this.report,
      savedState: this.savedState,
    }));
    reportUnsaved(await store.unsaved(controller.state.runs), { t, alerts: this.alerts, store, controller, time });
    this.wire();
    display.renderRuns();
    await this.connectBackups();
    await this.route();
  }

  /** The panels of the page: each finds its parts inside itself. */
  private panel<T extends HTMLElement>(tag: string, type: new () => T): T {
    const el = this.querySelector(tag);
    if (!(el instanceof type)) throw new Error(`<${tag}> missing in <rb-run>`);
    return el;
  }

  private confirm = (text: string, label: string) => confirmAction(this, text, label);

  private connectRunList(): void {
    this.runList = this.panel('rb-run-list', RunList);
    this.runList.connect({
      t: this.t,
      href: (run) => runUrl(run, true, new URLSearchParams()).href,
      time: (iso) => this.items.formatTime(iso),
      open: (run) => void this.openFromList(run),
      rename: (run, name) =>
        void this.controller.apply((s) => rename(s, { run: run.id, name, time: new Date().toISOString() })),
      remove: async (run) => {
        await this.controller.apply((s) => deleteRun(s, { run: run.id }));
        if (findRun(this.controller.state, run.id)) return;
        this.runList.focusTitle();
        await this.evidence.runDeleted(run.id);
      },
      confirm: this.confirm,
      exportAll: () => void this.files.exportRuns(this.controller.state.runs),
      import: (file) => void this.importFile(file),
    });
  }

  private connectCarry(): void {
    this.carry = this.panel('rb-carry', CarryPanel);
    this.carry.connect({
      t: this.t,
      locale: this.locale,
      scope: this.scope,
      modules: this.index.modules,
      alerts: this.alerts,
      items: this.items,
      state: () => this.controller.state,
      session: () => this.session,
      apply: (transition) => this.controller.apply(transition),
      confirm: this.confirm,
      time: (iso) => this.items.formatTime(iso),
    });
  }

  private connectBackups(): Promise<void> {
    return this.panel('rb-backups', Backups).connect({
      t: this.t,
      store: this.store,
      product: this.index.product,
      time: (iso) => this.items.formatTime(iso),
      confirm: this.confirm,
    });
  }

  private async openFromList(run: SavedRun): Promise<void> {
    this.flush();
    history.pushState(null, '', runUrl(run, true, new URLSearchParams()));
    await this.open(run, { filter: NO_FILTER, report: false });
    part(this, 'run-title').focus();
  }

  /** The run shown, if any. */
  private get session(): RunSession | null {
    return this.display?.session ?? null;
  }

  private async open(run: SavedRun, options: { filter: ItemFilter; report: boolean }): Promise<void> {
    this.evidence.showing(run.id);
    await this.display!.open(run, options);
    this.team.render();
  }

  private get assigning(): AssignOpenContext {
    const { t, locale, scope, alerts, controller, tester } = this;
    return { t, locale, scope, alerts, controller, tester };
  }

  /** A file on the run list's import: an assignment is opened, anything else imported as progress. */
  private async importFile(file: File): Promise<void> {
    if (await isAssignmentFile(file)) await this.openAssigned(await openAssignmentFile(file, this.assigning));
    else await this.files.import(file);
  }

  /** Shows the run an assignment opened (a new address entry). */
  private async openAssigned(run: SavedRun | null): Promise<void> {
    if (!run) return;
    this.flush();
    history.pushState(null, '', runUrl(run, true, new URLSearchParams()));
    await this.open(run, { filter: NO_FILTER, report: false });
    part(this, 'run-title').focus();
  }

  private wire(): void {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const apply = (event.submitter as HTMLButtonElement | null)?.value === 'apply';
      void this.submitPath(apply);
    });
    wireAssignmentFile(part(this, 'assign-open'), this.assigning, (run) => this.openAssigned(run));
    part(this, 'export-run').addEventListener('click', () => {
      const run = this.controller.run;
      if (run) void this.files.exportRuns([run]);
    });
    this.files.wireDownloads(part(this, 'downloads'));
    wireForgetOrphan(part(this, 'orphans'), {
      t: this.t,
      session: () => this.session,
      confirm: this.confirm,
      apply: (transition) => this.controller.apply(transition),
      flush: () => this.flush(),
    });
    followOtherTabs({
      store: this.store,
      controller: this.controller,
      processes: this.processes,
      form: this.form,
      scope: this.scope,
      locale: this.locale,
    });
    saveAroundLeaving(this.store);
    window.addEventListener('popstate', () => {
      this.flush();
      void this.route();
    });
  }

  // Routing ------------------------------------------------------------------------------

  /** Opens what the address asks for. */
  private async route(): Promise<void> {
    const params = new URLSearchParams(location.search);
    if (isAssignmentLink(params)) {
      // The link is read once: the address then names the run it opened (a reload does not apply it again).
      const assigned = await openAssignmentLink(params, this.assigning);
      history.replaceState(null, '', assigned ? runUrl(assigned, true, new URLSearchParams()) : location.pathname);
      if (assigned) return this.open(assigned, { filter: NO_FILTER, report: false });
      return this.route();
    }
    const run = runFromAddress(params, this.choice());
    if (run && this.session && this.controller.run?.id === run.id) {
      // Same run (back / forward between the run and its report): only the view changes.
      if (params.get('view') === 'report') this.report.open(false);
      else if (this.report.shown) this.report.hide();
      return;
    }
    if (!run) {
      this.display!.closeRun();
      fillForm(this.form, { processes: this.processes.library.picks });
      // An address that names neither a run nor a path: the form offers the path from the
      // reader's installation, for them to start (nothing is started for them).
      const installation = installationStore().get();
      if (installation && !params.has('run') && !askedPath(location.search))
        fillFromInstallation(this.form, installation);
      this.processes.renderChoices(this.processes.library.picks);
      this.dataset.state = 'idle';
      return;
    }
    await this.open(run, { filter: filterFromParams(params), report: params.get('view') === 'report' });
  }

  private async submitPath(apply: boolean): Promise<void> {
    this.flush();
    const { run, saved } = await runFromForm(this.form, apply, this.choice());
    history.pushState(null, '', runUrl(run, saved, new URLSearchParams()));
    await this.open(run, { filter: NO_FILTER, report: false });
    part(this, 'run-title').focus();
  }

  private choice(): RunChoiceContext {
    const { t, alerts, index, controller, processes } = this;
    return { t, alerts, index, controller, processes };
  }

  // Effects of the run's transitions ----------------------------------------------------

  /**
   * The address names the open run (replaced), or the page with no run (a new entry). A run
   * is named once the change that saved it is painted, if it is still the run open:
   * Chromium's `replaceState` took 70–170 ms on a page of 38,000 items, which the first status
   * click of a new run would otherwise wait for.
   */
  private address(run: SavedRun | null): void {
    if (!run) {
      history.pushState(null, '', `${location.pathname}`);
      return;
    }
    void afterPaint().then(() => {
      // The run as it is then (its path may have changed meanwhile), if it is still the one open.
      const open = this.controller.run;
      if (open?.id !== run.id) return;
      const url = runUrl(open, true);
      if (url.href !== location.href) history.replaceState(history.state, '', url);
    });
  }

  // Saving -------------------------------------------------------------------------------

  /** Asks the store to write whatever is waiting now (the page is left, a file is made). */
  flush(): void {
    void this.store.flush();
  }
}

if (!customElements.get('rb-run')) customElements.define('rb-run', RoadbookRun);
