/**
 * <rb-installation-news>: the home page's "what is new for your installation". Empty and
 * hidden until an installation is recorded (so nothing shows without scripts or storage);
 * then it opens, as the upgrade page does, the path from the installed version to the newest
 * published one for the installation's modules and editions (core's installationNews, the
 * checklist engine through openPath), and says how many versions, changes, data changes and
 * fixed known issues that path holds and which known issues stay open, with the upgrade page
 * of that path one click away. Follows the store: recorded, changed or forgotten, here or in
 * another tab.
 */
import type { ChecklistKnownIssue } from '../core/checklist/index.ts';
import type { DataIndex } from '../core/data-files.ts';
import { counter } from '../core/i18n/count.ts';
import { choiceLabels, severityLabel } from '../core/i18n/labels.ts';
import { localeFrom, translator } from '../core/i18n/translate.ts';
import { installationNews, newsCounts, type NewsCounts, type NewsPath } from '../core/installation-pages.ts';
import type { Installation } from '../core/installation.ts';
import type { Locale } from '../core/model.ts';
import { requestToParams } from '../core/run/request.ts';
import { upgradeUrl } from '../core/urls.ts';
import type { DataFiles } from './lib/data.ts';
import { h, nextFrame } from './lib/dom.ts';
import { installationStore } from './lib/installation-store.ts';
import { openPath } from './lib/open-path.ts';
import { pageDataFiles } from './lib/page-data.ts';

class RoadbookInstallationNews extends HTMLElement {
  private locale: Locale = 'fr';
  private t = translator('fr');
  private data!: DataFiles;
  private index: DataIndex | null = null;
  private status!: HTMLElement;
  private output!: HTMLElement;
  /** Bumped on each change of the installation, so a slower earlier answer never overwrites a later one. */
  private generation = 0;

  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    this.locale = localeFrom(this.dataset.locale);
    this.t = translator(this.locale);
    this.data = pageDataFiles(this.dataset.base ?? '/');
    this.status = h('p', { class: 'installation-news-status', attrs: { role: 'status' } });
    this.output = h('div', { class: 'installation-news-output' });
    this.replaceChildren(
      h(
        'section',
        { class: 'installation-news', attrs: { 'aria-labelledby': 'installation-news-title' } },
        h('h2', { id: 'installation-news-title', text: this.t('site.installation.news.heading') }),
        this.status,
        this.output,
      ),
    );
    const store = installationStore();
    store.subscribe((installation) => void this.show(installation));
    void this.show(store.get());
  }

  private async show(installation: Installation | null): Promise<void> {
    const generation = ++this.generation;
    const t = this.t;
    this.output.replaceChildren();
    if (!installation) {
      this.status.textContent = '';
      this.hidden = true;
      this.dataset.state = 'none';
      return;
    }
    this.hidden = false;
    this.status.textContent = t('site.installation.news.loading');
    this.dataset.state = 'loading';
    // The page paints first; the index and the path's files come after.
    await nextFrame();
    if (generation !== this.generation) return;
    let index: DataIndex;
    try {
      index = this.index ??= await this.data.index();
    } catch (error) {
      return this.fail(generation, error instanceof Error ? error.message : String(error));
    }
    if (generation !== this.generation) return;
    const news = installationNews(installation, index);
    if (news.kind === 'unknown') {
      this.status.textContent = '';
      this.output.replaceChildren(
        h('p', { class: 'callout', text: t('site.installation.news.unknown', { version: news.installed }) }),
      );
      this.dataset.state = 'unknown';
      return;
    }
    // Up to date: the installed version alone, which may have been withdrawn since.
    const opened = await openPath(
      this.data,
      index,
      { ...news.request, processes: [] },
      { withdrawnTarget: news.kind === 'current' },
    );
    if (generation !== this.generation) return;
    if (!opened.ok) return this.fail(generation, opened.message);
    const counts = newsCounts(opened.checklist);
    const path = news.request;
    this.output.replaceChildren(
      ...(news.kind === 'behind'
        ? [this.summary(path, counts, index), this.issues(counts.open, counts.blocking, 'latest', path.to, index)]
        : [
            h('p', {
              class: 'installation-news-current',
              text: t('site.installation.news.current', { version: path.to }),
            }),
            this.issues(counts.open, counts.blocking, 'installed', path.to, index),
          ]),
    );
    this.status.textContent = '';
    this.dataset.state = news.kind;
  }

  private fail(generation: number, reason: string): void {
    if (generation !== this.generation) return;
    this.status.textContent = '';
    this.output.replaceChildren(
      h('p', { class: 'callout callout-error', text: this.t('site.installation.news.failed', { reason }) }),
    );
    this.dataset.state = 'error';
  }

  private summary(path: NewsPath, counts: NewsCounts, index: DataIndex): HTMLElement {
    const t = this.t;
    const tn = counter(this.locale);
    const choices = [
      ...path.modules.map(choiceLabels(index.modules)),
      ...path.editions.map(choiceLabels(index.editions)),
    ];
    const scope = choices.length
      ? t('site.installation.news.scope', { choices: choices.join(', ') })
      : t('site.installation.news.scopeAll');
    const count = (name: string, text: string) => h('span', { data: { count: name }, text });
    const base = this.dataset.base ?? '/';
    return h(
      'div',
      { class: 'installation-news-summary' },
      h(
        'p',
        null,
        t('site.installation.news.since', { version: path.from ?? '', scope }),
        ' ',
        count('versions', tn('site.installation.news.versions', counts.versions)),
        ', ',
        count('changes', tn('site.installation.news.changes', counts.changes)),
        ', ',
        count('dataChanges', tn('site.installation.news.dataChanges', counts.dataChanges)),
        ', ',
        count('fixed', tn('site.installation.news.fixed', counts.fixed)),
        '.',
      ),
      h(
        'p',
        null,
        h(
          'a',
          {
            class: 'button installation-news-path',
            attrs: { href: `${upgradeUrl(base)}?${requestToParams(path)}` },
          },
          t('site.installation.news.path'),
        ),
      ),
    );
  }

  /** The known issues open in `version`: blocking ones called out first, then the others. */
  private issues(
    open: readonly ChecklistKnownIssue[],
    blocking: number,
    which: 'latest' | 'installed',
    version: string,
    index: DataIndex,
  ): HTMLElement {
    const t = this.t;
    const labels = choiceLabels(index.modules);
    const item = (issue: ChecklistKnownIssue) =>
      h(
        'li',
        { class: 'known-issue', data: { severity: issue.severity, issue: issue.id } },
        h('span', {
          class: 'badge badge-severity',
          data: { value: issue.severity },
          text: severityLabel(this.locale, issue.severity),
        }),
        ' ',
        h('strong', { text: issue.title }),
        ' ',
        h('span', {
          class: 'muted',
          text: `${issue.id}${issue.modules.length ? ` · ${issue.modules.map(labels).join(', ')}` : ''}`,
        }),
      );
    const none = which === 'latest' ? 'site.installation.news.openNone' : 'site.installation.news.openInstalledNone';
    if (open.length === 0)
      return h('div', { class: 'installation-news-open' }, h('p', { class: 'muted', text: t(none, { version }) }));
    const title = which === 'latest' ? 'site.installation.news.open' : 'site.installation.news.openInstalled';
    const blockers = open.filter((i) => i.severity === 'blocking');
    const others = open.filter((i) => i.severity !== 'blocking');
    return h(
      'div',
      { class: 'installation-news-open' },
      h('p', { text: t(title, { version }) }),
      blocking
        ? h(
            'div',
            { class: 'callout callout-error known-blocking', attrs: { role: 'note' } },
            h('p', { class: 'callout-title', text: counter(this.locale)('upgrade.known.blocking', blocking) }),
            h('ul', { class: 'known-issue-list' }, ...blockers.map(item)),
          )
        : null,
      others.length ? h('ul', { class: 'known-issue-list' }, ...others.map(item)) : null,
    );
  }
}

if (!customElements.get('rb-installation-news'))
  customElements.define('rb-installation-news', RoadbookInstallationNews);
