/**
 * <rb-upgrade>: the cumulative road book of an upgrade path. Reads the path from the address
 * (?from=&to=&modules=&editions=, so it can be shared), asks core's planPath which versions
 * are on it, loads only those versions' data files, builds the checklist with core's
 * buildChecklist and shows, in this order: the intermediate installation a `minimumFrom`
 * requires (a banner: it changes the whole plan), what cannot simply be undone (database and
 * data changes), required actions, breaking changes, then every change grouped by module,
 * with links to the entry pages.
 */
import { buildChecklist, planPath, sourceFromDataFiles, type Checklist } from '../core/checklist/index.ts';
import type { DataIndex } from '../core/data-files.ts';
import { choiceLabels, versionStatusLabel } from '../core/i18n/labels.ts';
import { counter } from '../core/i18n/count.ts';
import { translator } from '../core/i18n/translate.ts';
import type { Locale } from '../core/model.ts';
import { requestFromParams, requestToParams } from '../core/run/request.ts';
import { checklistUrl, versionUrl } from '../core/urls.ts';
import { DataFiles, includesDrafts } from './lib/data.ts';
import { h, nextFrame, part } from './lib/dom.ts';
import { fillForm, readForm, wirePathForm } from './lib/path-form.ts';

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
  /** Bumped on each request, so a slower earlier answer never overwrites a later one. */
  private generation = 0;

  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    this.locale = this.dataset.locale === 'en' ? 'en' : 'fr';
    this.t = translator(this.locale);
    this.data = new DataFiles(this.dataset.base ?? '/');
    this.form = part<HTMLFormElement>(this, 'path-form');
    this.output = part(this, 'output');
    this.status = part(this, 'status');
    this.error = part(this, 'error');
    wirePathForm(this.form);
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
    const asked = requestFromParams(new URLSearchParams(location.search));
    this.error.replaceChildren();
    if (!asked) {
      this.output.replaceChildren();
      this.status.textContent = this.t('path.choose');
      this.dataset.state = 'idle';
      return;
    }
    fillForm(this.form, asked);
    this.status.textContent = this.t('path.loading');
    this.dataset.state = 'loading';
    try {
      this.index ??= await this.data.index();
      const index = this.index;
      const includeDrafts = includesDrafts(index);
      const request = { ...asked, processes: [] };
      const plan = planPath({ ...index, includeDrafts }, request);
      if (!plan.ok) return this.fail(generation, plan.error.message);
      const files = await this.data.versions(plan.versions.map((v) => v.slug));
      if (generation !== this.generation) return;
      const checklist = buildChecklist(sourceFromDataFiles(index, files, { includeDrafts }), request);
      await this.render(checklist, index, generation);
    } catch (error) {
      this.fail(generation, this.t('path.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
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
    const base = index.base;
    const count = counter(this.locale);
    const typeLabel = choiceLabels(index.types);
    const moduleLabel = choiceLabels(checklist.labels.modules);
    const entryLink = (entry: string, url: string, title?: string) =>
      h('a', { attrs: { href: url } }, h('span', { class: 'entry-id', text: entry }), title ? ` ${title}` : '');

    const summary = h(
      'section',
      { class: 'path-summary', attrs: { 'aria-labelledby': 'path-title' } },
      h('h2', {
        id: 'path-title',
        text: checklist.from
          ? t('upgrade.summary.title', { from: checklist.from, to: checklist.to })
          : t('upgrade.summary.titleOne', { to: checklist.to }),
      }),
      h(
        'p',
        null,
        h('span', { class: 'path-label', text: t('upgrade.summary.versions') }),
        ' ',
        ...checklist.path.versions.flatMap((v, i) => [
          i > 0 ? ', ' : '',
          h('a', { attrs: { href: v.url } }, v.version),
          v.status === 'withdrawn'
            ? h('span', { class: 'badge badge-withdrawn', text: versionStatusLabel(this.locale, 'withdrawn') })
            : '',
          v.status === 'draft'
            ? h('span', { class: 'badge badge-draft', text: versionStatusLabel(this.locale, 'draft') })
            : '',
        ]),
      ),
      h(
        'p',
        { class: 'path-counts' },
        count('site.counts.entries', checklist.entries.length),
        ' · ',
        count('site.counts.items', checklist.items.length),
      ),
      h(
        'p',
        { class: 'no-print' },
        h(
          'a',
          {
            class: 'button',
            attrs: { href: `${this.dataset.checklistUrl ?? checklistUrl(base)}?${requestToParams(checklist)}` },
          },
          t('upgrade.startRun'),
        ),
      ),
    );

    const warnings = checklist.warnings.length
      ? h(
          'section',
          { class: 'banner banner-warning', attrs: { 'aria-labelledby': 'path-warnings' } },
          h('h2', { id: 'path-warnings', class: 'banner-title', text: t('upgrade.warnings') }),
          ...checklist.warnings.map((w) => h('p', { text: w.message })),
        )
      : null;

    const section = (id: string, title: string, help: string | null, list: HTMLElement | null, none: string) =>
      h(
        'section',
        { class: `path-section path-${id}`, attrs: { 'aria-labelledby': `path-${id}-title` } },
        h('h2', { id: `path-${id}-title`, text: title }),
        help ? h('p', { class: 'highlights-help', text: help }) : null,
        list ?? h('p', { class: 'muted', text: none }),
      );

    const undo = section(
      'undo',
      t('upgrade.undo'),
      checklist.dataChanges.length ? t('upgrade.undoHelp') : null,
      checklist.dataChanges.length
        ? h(
            'ul',
            { class: 'change-list' },
            ...checklist.dataChanges.map((c) =>
              c.kind === 'database'
                ? h('li', { class: 'data-database' }, h('strong', { text: c.version }), ' ', c.text)
                : h(
                    'li',
                    null,
                    h('strong', { text: c.version }),
                    ' ',
                    entryLink(c.entry, c.url, c.title),
                    c.superseded ? h('span', { class: 'muted', text: ` ${t('upgrade.supersededData')}` }) : '',
                    h('p', { text: c.text }),
                  ),
            ),
          )
        : null,
      t('upgrade.undoNone'),
    );
    const actions = section(
      'actions',
      t('upgrade.actions'),
      null,
      checklist.actions.length
        ? h(
            'ul',
            { class: 'change-list' },
            ...checklist.actions.map((a) =>
              h(
                'li',
                null,
                h('strong', { text: a.version }),
                ' ',
                entryLink(a.entry, a.url, a.title),
                h('p', { text: a.text }),
              ),
            ),
          )
        : null,
      t('upgrade.actionsNone'),
    );
    const breaking = section(
      'breaking',
      t('upgrade.breaking'),
      null,
      checklist.breaking.length
        ? h(
            'ul',
            { class: 'change-list' },
            ...checklist.breaking.map((b) =>
              h('li', null, h('strong', { text: b.version }), ' ', entryLink(b.entry, b.url, b.title)),
            ),
          )
        : null,
      t('upgrade.breakingNone'),
    );

    const changes = h(
      'section',
      { class: 'path-section path-changes', attrs: { 'aria-labelledby': 'path-changes-title' } },
      h('h2', { id: 'path-changes-title', text: t('upgrade.changes') }),
    );
    if (checklist.entries.length === 0) changes.append(h('p', { class: 'muted', text: t('upgrade.changesNone') }));

    const replaced = checklist.superseded.length
      ? section(
          'replaced',
          t('upgrade.replaced'),
          null,
          h(
            'ul',
            { class: 'change-list' },
            ...checklist.superseded.map((s) =>
              h('li', {
                text: t('upgrade.replacedBy', {
                  entry: `${s.entry} – ${s.title}`,
                  version: s.version,
                  by: s.by.join(', '),
                }),
              }),
            ),
          ),
          '',
        )
      : null;

    if (generation !== this.generation) return;
    this.output.replaceChildren(
      summary,
      ...(warnings ? [warnings] : []),
      undo,
      actions,
      breaking,
      changes,
      ...(replaced ? [replaced] : []),
    );
    this.status.textContent = t('upgrade.shown', {
      path: checklist.from ? `${checklist.from} → ${checklist.to}` : checklist.to,
      entries: checklist.entries.length,
    });
    this.dataset.state = 'rendering';

    // Every change by module, in chunks so a path of thousands of changes never blocks the page.
    let list: HTMLUListElement | null = null;
    let module: string | null = null;
    for (let start = 0; start < checklist.entries.length; start += CHUNK) {
      if (start > 0) await nextFrame();
      if (generation !== this.generation) return;
      const fragment = document.createDocumentFragment();
      for (const entry of checklist.entries.slice(start, start + CHUNK)) {
        if (entry.module !== module || !list) {
          module = entry.module;
          const n = checklist.entries.filter((e) => e.module === module).length;
          list = h('ul', { class: 'entry-list compact' });
          fragment.append(
            h(
              'section',
              { class: 'module-group', data: { module } },
              h(
                'h3',
                { id: `module-${module}` },
                moduleLabel(module),
                ' ',
                h('span', { class: 'muted', text: `(${n})` }),
              ),
              list,
            ),
          );
        }
        list.append(
          h(
            'li',
            { class: 'entry', data: { entry: entry.id } },
            h('p', { class: 'entry-title' }, entryLink(entry.id, entry.url, entry.title)),
            h(
              'p',
              { class: 'entry-line' },
              h('a', { attrs: { href: versionUrl(base, entry.versionSlug) } }, entry.version),
              h('span', { class: 'badge badge-type', data: { value: entry.type }, text: typeLabel(entry.type) }),
              entry.breaking ? h('span', { class: 'badge badge-breaking', text: t('site.badge.breaking') }) : '',
              entry.data ? h('span', { class: 'badge badge-data', text: t('site.badge.data') }) : '',
              entry.action ? h('span', { class: 'badge badge-action', text: t('site.badge.action') }) : '',
              entry.itemCount ? h('span', { class: 'muted', text: count('site.counts.items', entry.itemCount) }) : '',
            ),
          ),
        );
      }
      changes.append(fragment);
    }
    this.dataset.state = 'ready';
  }
}

if (!customElements.get('rb-upgrade')) customElements.define('rb-upgrade', RoadbookUpgrade);
