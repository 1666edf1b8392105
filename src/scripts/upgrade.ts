/**
 * <rb-upgrade>: the cumulative road book of an upgrade path. Reads the path from the address
 * (?from=&to=&modules=&editions=, so it can be shared), asks core's planPath which versions
 * are on it, loads only those versions' data files, builds the checklist with core's
 * buildChecklist and shows, in this order: the intermediate installation a `minimumFrom`
 * requires (a banner: it changes the whole plan), what cannot simply be undone (database and
 * data changes), required actions, breaking changes, then every change grouped by module,
 * with links to the entry pages. Before those: support warnings, a better target, the known
 * issues open in the target and those the upgrade fixes, and the path as a timeline
 * (upgrade-known-issues.ts).
 */
import type { Checklist } from '../core/checklist/index.ts';
import type { DataIndex } from '../core/data-files.ts';
import { localeFrom, translator } from '../core/i18n/translate.ts';
import { installationSummary } from '../core/installation.ts';
import type { Locale } from '../core/model.ts';
import { requestToParams } from '../core/run/request.ts';
import { checklistUrl } from '../core/urls.ts';
import { DataFiles } from './lib/data.ts';
import { localIsoDate } from '../core/i18n/format.ts';
import { h, nextFrame, part } from './lib/dom.ts';
import { askedPath, openPath } from './lib/open-path.ts';
import { fillForm, readForm, wirePathForm } from './lib/path-form.ts';
import { UpgradeInstallation } from './upgrade-installation.ts';
import {
  actionsSection,
  appendChanges,
  breakingSection,
  pathSummary,
  replacedSection,
  undoSection,
  warningsBanner,
  type UpgradeContext,
} from './upgrade-sections.ts';
import {
  betterTargetBanner,
  fixedIssuesSection,
  openIssuesSection,
  supportBanner,
  timelineSection,
} from './upgrade-known-issues.ts';

const CHUNK = 400;

class RoadbookUpgrade extends HTMLElement {
  private data!: DataFiles;
  private index: DataIndex | null = null;
  private locale: Locale = 'fr';
  private t = translator('fr');
  private form!: HTMLFormElement;
  private output!: HTMLElement;
  private status!: HTMLElement;
  private error!: HTMLElement;
  private installation!: UpgradeInstallation;
  /** Bumped on each request, so a slower earlier answer never overwrites a later one. */
  private generation = 0;

  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    this.locale = localeFrom(this.dataset.locale);
    this.t = translator(this.locale);
    this.data = new DataFiles(this.dataset.base ?? '/');
    this.form = part<HTMLFormElement>(this, 'path-form');
    this.output = part(this, 'output');
    this.status = part(this, 'status');
    this.error = part(this, 'error');
    wirePathForm(this.form);
    // An installation recorded or forgotten while no path is asked for: the page starts again from it.
    this.installation = new UpgradeInstallation(
      this,
      this.form,
      this.t,
      () => {
        if (!askedPath() && this.dataset.state === 'idle') void this.show();
      },
      (installation) => (this.index ? installationSummary(installation, this.index) : installation.installed),
    );
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const choice = readForm(this.form);
      const url = new URL(location.href);
      url.search = requestToParams(choice).toString();
      history.pushState(null, '', url);
      void this.show();
    });
    window.addEventListener('popstate', () => void this.show());
    void this.show();
  }

  private async show(): Promise<void> {
    const generation = ++this.generation;
    let asked = askedPath();
    this.error.replaceChildren();
    // No path asked for: the one from the reader's installation, in the address so it can be shared.
    const started = asked ? null : this.installation.start();
    if (started) {
      const url = new URL(location.href);
      url.search = requestToParams(started).toString();
      history.replaceState(history.state, '', url);
      asked = started;
    }
    if (!asked) {
      this.installation.showing(null, false);
      this.output.replaceChildren();
      this.status.textContent = this.t('path.choose');
      this.dataset.state = 'idle';
      return;
    }
    if (!started) fillForm(this.form, asked);
    this.installation.showing(asked, !!started);
    this.status.textContent = this.t('path.loading');
    this.dataset.state = 'loading';
    try {
      this.index ??= await this.data.index();
    } catch (error) {
      return this.fail(
        generation,
        this.t('path.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
    const index = this.index;
    const opened = await openPath(this.data, index, { ...asked, processes: [] });
    if (generation !== this.generation) return;
    if (!opened.ok)
      return this.fail(
        generation,
        opened.stage === 'plan' ? opened.message : this.t('path.failed', { reason: opened.message }),
      );
    await this.render(opened.checklist, index, generation);
  }

  private fail(generation: number, message: string): void {
    if (generation !== this.generation) return;
    this.output.replaceChildren();
    this.status.textContent = '';
    this.error.replaceChildren(h('p', { class: 'callout callout-error', text: message }));
    this.dataset.state = 'error';
  }

  private async render(checklist: Checklist, index: DataIndex, generation: number): Promise<void> {
    const t = this.t;
    const ctx: UpgradeContext = {
      t,
      index,
      locale: this.locale,
      checklistUrl: this.dataset.checklistUrl ?? checklistUrl(index.base),
    };
    const changes = h(
      'section',
      { class: 'path-section path-changes', attrs: { 'aria-labelledby': 'path-changes-title' } },
      h('h2', { id: 'path-changes-title', text: t('upgrade.changes') }),
    );
    if (checklist.entries.length === 0) changes.append(h('p', { class: 'muted', text: t('upgrade.changesNone') }));
    const warnings = warningsBanner(checklist, ctx);
    const support = supportBanner(checklist, ctx, localIsoDate(new Date()));
    const better = betterTargetBanner(checklist, ctx);
    const fixed = fixedIssuesSection(checklist, ctx);
    const replaced = replacedSection(checklist, ctx);

    if (generation !== this.generation) return;
    this.output.replaceChildren(
      pathSummary(checklist, ctx),
      ...(warnings ? [warnings] : []),
      ...(support ? [support] : []),
      ...(better ? [better] : []),
      openIssuesSection(checklist, ctx),
      ...(fixed ? [fixed] : []),
      timelineSection(checklist, ctx),
      undoSection(checklist, ctx),
      actionsSection(checklist, ctx),
      breakingSection(checklist, ctx),
      changes,
      ...(replaced ? [replaced] : []),
    );
    this.status.textContent = t('upgrade.shown', {
      path: checklist.from ? `${checklist.from} → ${checklist.to}` : checklist.to,
      entries: checklist.entries.length,
    });
    this.dataset.state = 'rendering';

    // Every change by module, in chunks so a path of thousands of changes never blocks the page.
    let last: { module: string | null; list: HTMLUListElement | null } = { module: null, list: null };
    for (let start = 0; start < checklist.entries.length; start += CHUNK) {
      if (start > 0) await nextFrame();
      if (generation !== this.generation) return;
      last = appendChanges(changes, checklist, checklist.entries.slice(start, start + CHUNK), last, ctx);
    }
    this.dataset.state = 'ready';
  }
}

if (!customElements.get('rb-upgrade')) customElements.define('rb-upgrade', RoadbookUpgrade);
