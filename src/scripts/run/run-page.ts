/**
 * <rb-run>: the acceptance-test run of the checklist page.
 *
 * The path comes from the address (?from=&to=&modules=&editions=&processes=, plus run=<id>
 * once a run is saved, and view=report for the printable sign-off report). core's planPath
 * names the versions on it; only their data files are loaded; core's buildChecklist makes
 * the items, procedureItems the deployment steps around them. A run opened from an address
 * is saved in the browser as soon as the tester records something; several runs (paths) are
 * kept side by side, listed with open, rename and delete.
 *
 * Saving (RunStore): every change is written at once, to IndexedDB (localStorage where it
 * cannot be used). The header says whether the run is saved; a refused write says "not saved"
 * there, with the export at hand, and is retried until it goes through. Changes a page that
 * ended could not save are named at the next start, with a way to put them back. An
 * unreadable saved value is moved aside, reported, and offered as a download. Another tab's
 * changes to the open run arrive on the store's channel and are merged, never silently
 * overwritten: an item changed in both tabs keeps both versions, shown on its row until the
 * tester keeps one (core's mergeRun; `changedElsewhere` is what the channel calls with the
 * run's new saved state).
 *
 * A saved run whose target version was withdrawn since is opened read-only: its checklist is
 * the one of that target (core plans it when asked), its results and orphans are shown and
 * exported, nothing is recorded.
 */
import type { DataIndex } from '../../core/data-files.ts';
import { exportChecklist, type ExportFormatId } from '../../core/export/index.ts';
import { translator } from '../../core/i18n/translate.ts';
import type { Locale } from '../../core/model.ts';
import type { Panel } from '../../core/run/effects.ts';
import type { UnsavedChanges } from '../../core/run/journal.ts';
import {
  changePath,
  close,
  deleteRun,
  newRun,
  open,
  rename,
  runToOpen,
  type NewRunStamp,
} from '../../core/run/library.ts';
import { procedureItems } from '../../core/run/procedure.ts';
import { forget, saved as savedRevisions } from '../../core/run/record.ts';
import {
  checklistRequest,
  processId,
  requestFromParams,
  requestToParams,
  resolveRequest,
  sameRequest,
} from '../../core/run/request.ts';
import { findRun } from '../../core/run/run-state.ts';
import { newRunId, parseSavedRun } from '../../core/run/saved.ts';
import { mergedOnWrite, mergeFromFile, mergeFromTab, putBack } from '../../core/run/sync.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import { filterFromParams, runView, NO_FILTER } from '../../core/run/view.ts';
import { upgradeUrl } from '../../core/urls.ts';
import { DataFiles } from '../lib/data.ts';
import { download, h, part } from '../lib/dom.ts';
import { openPath } from '../lib/open-path.ts';
import { fillForm, readForm, wirePathForm } from '../lib/path-form.ts';
import { Alerts } from './alerts.ts';
import { confirmAction } from './confirm.ts';
import { ItemList } from './item-list.ts';
import { ProcessesUi } from './processes-ui.ts';
import { Backups, downloadBackup } from './backups.ts';
import { renderOrphans } from './orphans.ts';
import { downloadProgress, readProgress } from './progress-files.ts';
import { RunController } from './run-controller.ts';
import { renderRunHeader, renderSaveState } from './run-header.ts';
import { RunList } from './run-list.ts';
import { sessionOf, type RunSession } from './session.ts';
import { SignOffUi } from './signoff-ui.ts';
import { RunStore, type SaveState, type StorageProblem } from './store.ts';

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
  private session: RunSession | null = null;
  private testerName = '';
  private generation = 0;

  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    void this.start();
  }

  private async start(): Promise<void> {
    this.locale = this.dataset.locale === 'en' ? 'en' : 'fr';
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
    this.store = await RunStore.open(this.scope, this.locale);
    if (!this.store.available) this.alerts.error(t('run.storage.unavailable'), [], 'storage-unavailable');

    const loaded = await this.store.loadRuns();
    this.controller = new RunController(loaded.runs, this.store, this.alerts, t);
    const library = await this.store.loadProcesses();
    for (const problem of [...loaded.problems, ...(library.problem ? [library.problem] : [])])
      this.reportProblem(problem);
    this.testerName = await this.store.tester();
    this.store.onSaveState((state) => this.onSaveState(state));
    this.store.onMerged((id, written) => void this.controller.apply((s) => mergedOnWrite(s, { run: id, written })));

    this.form = part<HTMLFormElement>(this, 'path-form');
    wirePathForm(this.form);
    this.processes = this.panel('rb-processes', ProcessesUi);
    this.processes.connect(this, t, this.locale, this.index, this.store, this.alerts, library.library);
    const controller = this.controller;
    this.items = this.panel('rb-items', ItemList);
    this.items.connect(t, this.locale, {
      apply: (transition) => void controller.apply(transition),
      stamp: () => controller.stamp(),
      own: (rev) => controller.state.own.has(rev),
      tester: () => this.testerName,
    });
    this.signoff = this.panel('rb-signoff', SignOffUi);
    this.signoff.connect(t, this.locale, this.items, this.alerts, {
      apply: (transition) => void controller.apply(transition),
      state: () => controller.state,
      closeReport: () => this.closeReport(),
      tester: () => this.testerName,
      flush: () => this.flush(),
    });
    controller.attach({
      address: (run) => this.address(run),
      open: (run) => {
        history.pushState(null, '', this.runUrl(run, true, new URLSearchParams()));
        void this.open(run, { filter: NO_FILTER, report: false });
      },
      render: (panels, items) => this.render(panels, items),
      report: () => this.openReport(true),
      refused: (problems) => this.signoff.showProblems(problems),
      reveal: (item) => void this.items.reveal(item),
    });
    this.connectRunList();
    this.reportUnsaved(await this.store.unsaved(controller.state.runs));
    this.wire();
    this.renderRuns();
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
      href: (run) => this.runUrl(run, true, new URLSearchParams()).href,
      time: (iso) => this.items.formatTime(iso),
      open: (run) => void this.openFromList(run),
      rename: (run, name) =>
        void this.controller.apply((s) => rename(s, { run: run.id, name, time: new Date().toISOString() })),
      remove: async (run) => {
        await this.controller.apply((s) => deleteRun(s, { run: run.id }));
        if (!findRun(this.controller.state, run.id)) this.runList.focusTitle();
      },
      confirm: this.confirm,
      exportAll: () => this.exportProgress(this.controller.state.runs),
      import: (file) => void this.importProgress(file),
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
    history.pushState(null, '', this.runUrl(run, true, new URLSearchParams()));
    await this.open(run, { filter: NO_FILTER, report: false });
    part(this, 'run-title').focus();
  }

  private renderRuns(): void {
    this.runList.render(this.controller.state);
  }

  private wire(): void {
    const t = this.t;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const apply = (event.submitter as HTMLButtonElement | null)?.value === 'apply';
      void this.submitPath(apply);
    });
    const tester = part<HTMLInputElement>(this, 'tester');
    tester.value = this.testerName;
    tester.addEventListener('input', () => {
      this.testerName = tester.value.trim();
      void this.store.saveTester(this.testerName).then((saved) => {
        if (!saved.ok) this.alerts.error(t('run.storage.full', { reason: saved.reason }), [], 'storage-full');
      });
    });
    part(this, 'export-run').addEventListener('click', () => {
      const run = this.controller.run;
      if (run) this.exportProgress([run]);
    });
    part(this, 'downloads').addEventListener('click', (event) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-export]') : null;
      if (button) void this.downloadFormat(button, button.dataset.export as ExportFormatId);
    });
    part(this, 'orphans').addEventListener('click', (event) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-forget]') : null;
      if (button) void this.forgetOrphan(button.dataset.forget!);
    });
    part(this, 'save-export').addEventListener('click', () => this.exportUnsaved());
    this.store.onChange((change) => void this.onStorage({ key: change.key, newValue: change.value }));
    window.addEventListener('pagehide', () => this.flush());
    // A write the browser refused is tried again whenever the tester comes back to the page.
    window.addEventListener('focus', () => this.store.retry());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flush();
      else this.store.retry();
    });
    window.addEventListener('beforeunload', (event) => {
      // Leaving with changes the browser refused to save: the browser asks first. (A write under
      // way is not asked about: it ends within moments, and the journal names it if it does not.)
      if (this.store.saveState.state === 'failed') event.preventDefault();
    });
    window.addEventListener('popstate', () => {
      this.flush();
      void this.route();
    });
  }

  // Routing ------------------------------------------------------------------------------

  /** Opens what the address asks for. */
  private async route(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const asked = requestFromParams(params);
    const runId = params.get('run');
    let run = runId ? findRun(this.controller.state, runId) : undefined;
    if (!run && asked) {
      const resolved = resolveRequest(asked, this.index.processes, this.processes.own);
      if (resolved.unknown.length) {
        this.alerts.error(
          this.t('run.unknownProcesses', { ids: resolved.unknown.join(', ') }),
          [],
          'unknown-processes',
        );
      }
      run = runToOpen(this.controller.state, { run: null, request: resolved.request }, this.newRunStamp()) ?? undefined;
    }
    if (run && this.session && this.controller.run?.id === run.id) {
      // Same run (back / forward between the run and its report): only the view changes.
      if (params.get('view') === 'report') this.openReport(false);
      else if (this.dataset.view === 'report') {
        this.setView(null);
        part(this, 'report').hidden = true;
      }
      return;
    }
    if (!run) {
      this.closeRun();
      fillForm(this.form, { processes: this.processes.library.picks });
      this.processes.renderChoices(this.processes.library.picks);
      this.dataset.state = 'idle';
      return;
    }
    await this.open(run, { filter: filterFromParams(params), report: params.get('view') === 'report' });
  }

  /** What a new run made now is made of besides its path. */
  private newRunStamp(): NewRunStamp {
    return { id: newRunId(), time: new Date().toISOString(), buildId: this.index.buildId, modules: this.index.modules };
  }

  /** The address of a run (the path, its id once saved, the filters and view kept). */
  private runUrl(run: SavedRun, saved: boolean, keep: URLSearchParams = new URLSearchParams(location.search)): URL {
    const url = new URL(location.href);
    const params = requestToParams(run.request);
    if (saved) params.set('run', run.id);
    for (const name of ['status', 'group', 'priority', 'changed', 'view']) {
      const value = keep.get(name);
      if (value) params.set(name, value);
    }
    url.search = params.toString();
    url.hash = '';
    return url;
  }

  private async submitPath(apply: boolean): Promise<void> {
    this.flush();
    const choice = readForm(this.form);
    const { request } = resolveRequest(choice, this.index.processes, this.processes.own);
    void this.processes.rememberPicks(choice.processes);
    let run: SavedRun;
    let saved: boolean;
    const current = this.controller.run;
    if (apply && current && this.controller.state.open?.saved) {
      const time = new Date().toISOString();
      await this.controller.apply((s) => changePath(s, { request, time, modules: this.index.modules }));
      run = this.controller.run ?? current;
      saved = true;
    } else {
      const match = this.controller.state.runs.find((r) => sameRequest(r.request, request));
      run = match ?? newRun(request, this.newRunStamp());
      saved = !!match;
    }
    history.pushState(null, '', this.runUrl(run, saved, new URLSearchParams()));
    await this.open(run, { filter: NO_FILTER, report: false });
    part(this, 'run-title').focus();
  }

  private closeRun(): void {
    void this.controller.apply(close);
    this.closeView();
  }

  /** Hides the run once none is open. */
  private closeView(): void {
    this.generation++;
    this.session = null;
    part(this, 'run').hidden = true;
    part(this, 'report').hidden = true;
    this.setView(null);
    part(this, 'apply').hidden = true;
    this.renderRuns();
  }

  private async open(run: SavedRun, options: { filter: typeof NO_FILTER; report: boolean }): Promise<void> {
    const generation = ++this.generation;
    const t = this.t;
    const saved = !!findRun(this.controller.state, run.id);
    const processIds = run.request.processes.map(processId);
    fillForm(this.form, { ...run.request, processes: processIds });
    this.processes.renderChoices(processIds);
    const status = part(this, 'path-status');
    const pathError = part(this, 'path-error');
    pathError.replaceChildren();
    status.textContent = t('path.loading');
    this.dataset.state = 'loading';

    // A run started before its target was withdrawn: shown read-only, never lost.
    const opened = await openPath(this.data, this.index, checklistRequest(run.request), { withdrawnTarget: saved });
    if (generation !== this.generation) return;
    if (!opened.ok) {
      if (opened.stage === 'plan') this.closeRun();
      status.textContent = '';
      pathError.replaceChildren(
        h('p', {
          class: 'callout callout-error',
          attrs: { role: 'alert' },
          text: t(opened.stage === 'plan' ? 'run.pathError' : 'path.failed', { reason: opened.message }),
        }),
      );
      this.dataset.state = 'error';
      return;
    }
    const { checklist, entryIds: pathEntryIds } = opened;
    const procedure = procedureItems(checklist, this.locale);
    const view = runView(checklist, procedure);
    const readOnly = opened.withdrawn ? { reason: 'withdrawn' as const, version: opened.withdrawn } : null;
    const controller = this.controller;
    const session = sessionOf(run, () => controller.run, { readOnly, checklist, procedure, view, pathEntryIds });
    this.session = session;
    await controller.apply((s) => open(s, { run, readOnly }));
    this.toggleAttribute('data-read-only', !!readOnly);
    part(this, 'run').hidden = false;
    this.renderHeader();
    this.bindSignOff(session);
    status.textContent = t('run.opened', { name: run.name, n: view.items.length });
    this.dataset.state = 'rendering';
    const rendered = this.items.show(session, options.filter);
    this.renderOrphans();
    await rendered;
    if (generation !== this.generation) return;
    this.dataset.state = 'ready';
    if (options.report) this.openReport(false);
    else if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }

  /** Fills the sign-off form from the run; read-only, it shows what was entered and its button still opens the report. */
  private bindSignOff(session: RunSession): void {
    this.signoff.bind(session);
    for (const control of part(this, 'signoff-form').querySelectorAll<HTMLInputElement>(
      'input, textarea, select, button:not([type="submit"])',
    ))
      control.disabled = !!session.readOnly;
  }

  private renderHeader(): void {
    if (!this.session) return;
    renderRunHeader(this, this.session, {
      t: this.t,
      locale: this.locale,
      buildId: this.index.buildId,
      upgradeUrl: this.dataset.upgradeUrl ?? upgradeUrl(this.index.base),
    });
    this.renderSavedState();
  }

  private renderSavedState(): void {
    const run = this.controller.run;
    if (!this.session || !run) return;
    renderSaveState(this, run, {
      t: this.t,
      saved: !!this.controller.state.open?.saved,
      state: this.store.saveState,
      waiting: this.store.waiting(run.id),
      time: (iso) => this.items.formatTime(iso),
    });
  }

  // Effects of the run's transitions ----------------------------------------------------

  /** The address names the open run (replaced), or the page with no run (a new entry). */
  private address(run: SavedRun | null): void {
    if (run) history.replaceState(history.state, '', this.runUrl(run, true));
    else history.pushState(null, '', `${location.pathname}`);
  }

  /** Repaints what a transition made out of date. */
  private render(panels: ReadonlySet<Panel>, items: string[] | undefined): void {
    const session = this.session;
    if (session && !this.controller.run) this.closeView();
    const open = this.controller.state.open;
    if (this.session) {
      if (panels.has('items')) this.items.repaint(items);
      if (panels.has('orphans')) this.renderOrphans();
      if (panels.has('header')) this.renderHeader();
      else if (panels.has('saved-state')) this.renderSavedState();
      // The form is not rewritten under the tester's hands.
      if (panels.has('signoff') && !part(this, 'signoff-form').contains(document.activeElement))
        this.bindSignOff(this.session);
    }
    if (panels.has('path')) part(this, 'apply').hidden = !open?.saved || !!open.readOnly;
    if (panels.has('runs')) this.renderRuns();
  }

  // Saving -------------------------------------------------------------------------------

  /** Asks the store to write whatever is waiting now (the page is left, a file is made). */
  flush(): void {
    void this.store.flush();
  }

  /** The store's news: the header says the truth; a refused write is said once, with the file at hand. */
  private onSaveState(state: SaveState): void {
    // A saved result starts a new revision: the next edit of it derives from what is stored.
    if (state.state === 'saved') void this.controller.apply(savedRevisions);
    if (state.state === 'failed') {
      this.alerts.error(
        this.t('run.storage.full', { reason: state.reason }),
        [{ label: this.t('run.storage.fullDownload'), run: () => this.exportUnsaved() }],
        'storage-full',
      );
    } else if (state.state === 'saved') {
      this.alerts.clear('storage-full');
    }
    this.renderSavedState();
  }

  /** The runs the browser refused to save, as a progress file. */
  private exportUnsaved(): void {
    const state = this.store.saveState;
    if (state.state !== 'failed') return;
    const runs = state.runs.flatMap((id) => {
      const run = this.controller.run?.id === id ? this.controller.run : findRun(this.controller.state, id);
      return run ? [run] : [];
    });
    this.exportProgress(runs);
  }

  /** Changes a page that ended could not save: named, with a way to put them back. */
  private reportUnsaved(found: readonly UnsavedChanges[]): void {
    if (!found.length) return;
    const t = this.t;
    const list = h(
      'ul',
      null,
      ...found.map((c) =>
        h('li', {
          text: t(c.items.length ? 'run.lastSession.run' : 'run.lastSession.runForm', {
            name: c.run.name,
            n: c.items.length,
            items: c.items.join(', '),
            time: this.items.formatTime(c.time),
          }),
        }),
      ),
    );
    this.alerts.error(
      h('div', null, h('p', { text: t('run.lastSession.unsaved') }), list),
      [
        { label: t('run.lastSession.restore'), run: () => void this.putBack(found) },
        { label: t('run.lastSession.forget'), run: () => void this.forgetUnsaved() },
      ],
      'last-session',
    );
  }

  private async putBack(found: readonly UnsavedChanges[]): Promise<void> {
    await this.controller.apply((s) => putBack(s, { found }));
    const state = await this.store.flush();
    if (state.state !== 'saved') return;
    await this.store.forgetUnsaved();
    this.alerts.clear('last-session');
    this.alerts.info(this.t('run.lastSession.restored'));
  }

  private async forgetUnsaved(): Promise<void> {
    await this.store.forgetUnsaved();
    this.alerts.clear('last-session');
  }

  private async onStorage(event: { key: string; newValue: string | null }): Promise<void> {
    if (event.key === this.store.processesKey) {
      const library = await this.store.loadProcesses();
      if (!library.problem) {
        this.processes.library = library.library;
        this.processes.renderChoices(
          [...this.form.querySelectorAll<HTMLInputElement>('input[name="processes"]:checked')].map((b) => b.value),
        );
      }
      return;
    }
    const id = this.store.isRunKey(event.key);
    if (!id) return;
    const theirs = event.newValue === null ? null : parseSavedRun(event.newValue, this.scope, this.locale);
    if (theirs && !theirs.ok) return;
    if (theirs) this.store.noteSeen(event.key, event.newValue);
    // Another tab changed a run: the open one merges it in (core/run/sync.ts), the others take it.
    await this.controller.apply((s) => mergeFromTab(s, { run: id, theirs: theirs ? theirs.run : null }));
  }

  // Orphans and backups -----------------------------------------------------------------

  private renderOrphans(): void {
    renderOrphans(part(this, 'orphans'), this.session, {
      t: this.t,
      locale: this.locale,
      time: (iso) => this.items.formatTime(iso),
    });
  }

  private async forgetOrphan(id: string): Promise<void> {
    const session = this.session;
    if (!session || session.readOnly) return;
    if (!(await this.confirm(this.t('run.orphans.forgetConfirm', { id }), this.t('run.orphans.forget')))) return;
    await this.controller.apply((s) => forget(s, { item: id, time: new Date().toISOString() }));
    this.flush();
  }

  private reportProblem(problem: StorageProblem): void {
    const t = this.t;
    const message = problem.salvaged
      ? t('run.storage.salvaged', { n: problem.salvaged.dropped })
      : problem.backup
        ? t('run.storage.corrupt', { what: problem.what, reason: problem.message })
        : t('run.storage.corruptKept', { what: problem.what, reason: problem.message });
    this.alerts.error(message, [
      { label: t('run.storage.download'), run: () => downloadBackup(this.index.product, problem.raw, Date.now()) },
    ]);
  }

  // Files --------------------------------------------------------------------------------

  private exportProgress(runs: readonly SavedRun[]): void {
    this.flush();
    downloadProgress(runs, { ...this.scope, buildId: this.index.buildId });
  }

  private async importProgress(file: File): Promise<void> {
    this.flush();
    const read = await readProgress(file, this.scope, this.locale, this.t);
    if (!read.ok) {
      this.alerts.error(read.message, [], 'import');
      return;
    }
    await this.controller.apply((s) => mergeFromFile(s, { runs: read.runs, dropped: read.dropped.length }));
    await this.store.flush();
  }

  private async downloadFormat(button: HTMLButtonElement, id: ExportFormatId): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.flush();
    button.setAttribute('aria-busy', 'true');
    button.disabled = true;
    try {
      const result = await exportChecklist(id, session.checklist, session.run.results, { origin: location.origin });
      download(result.fileName, result.data, result.mimeType);
    } catch (error) {
      this.alerts.error(
        this.t('run.downloadFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      button.removeAttribute('aria-busy');
      button.disabled = false;
    }
  }

  // Report view --------------------------------------------------------------------------

  private openReport(push: boolean): void {
    this.flush();
    const container = part(this, 'report');
    if (!this.signoff.renderReport(container)) {
      if (!push) history.replaceState(history.state, '', this.runUrlWithout('view'));
      return;
    }
    if (push) {
      const url = new URL(location.href);
      url.searchParams.set('view', 'report');
      url.hash = '';
      history.pushState(null, '', url);
    }
    this.setView('report');
    container.hidden = false;
    container.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
    container.querySelector<HTMLElement>('h2')?.focus();
    window.scrollTo(0, 0);
  }

  /** The report view hides the run (and, from <html>, the page's own header). */
  private setView(view: 'report' | null): void {
    if (view) {
      this.dataset.view = view;
      document.documentElement.dataset.runView = view;
    } else {
      delete this.dataset.view;
      delete document.documentElement.dataset.runView;
    }
  }

  private runUrlWithout(name: string): URL {
    const url = new URL(location.href);
    url.searchParams.delete(name);
    return url;
  }

  private closeReport(): void {
    history.pushState(null, '', this.runUrlWithout('view'));
    this.setView(null);
    part(this, 'report').hidden = true;
    part(this, 'signoff-title').focus();
  }
}

if (!customElements.get('rb-run')) customElements.define('rb-run', RoadbookRun);
