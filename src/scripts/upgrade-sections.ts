/**
 * The parts of the upgrade page, made from a checklist: the summary of the path, the
 * warnings, what cannot simply be undone, the required actions, the breaking changes, the
 * changes replaced by later ones, and the changes themselves grouped by module.
 */
import type { Checklist } from '../core/checklist/index.ts';
import type { DataIndex } from '../core/data-files.ts';
import { counter } from '../core/i18n/count.ts';
import { choiceLabels, versionStatusLabel } from '../core/i18n/labels.ts';
import type { CountKey } from '../core/i18n/plural.ts';
import type { Translate } from '../core/i18n/translate.ts';
import type { Locale } from '../core/model.ts';
import { requestToParams } from '../core/run/request.ts';
import { versionUrl } from '../core/urls.ts';
import { h } from './lib/dom.ts';

/** What every part is written with. */
export interface UpgradeContext {
  t: Translate;
  index: DataIndex;
  /** The page's language (plural rules, numbers, labels). */
  locale: Locale;
  /** The checklist page's address. */
  checklistUrl: string;
}

function count(c: UpgradeContext, key: CountKey, n: number): string {
  return counter(c.locale)(key, n);
}

function entryLink(entry: string, url: string, title?: string): HTMLElement {
  return h('a', { attrs: { href: url } }, h('span', { class: 'entry-id', text: entry }), title ? ` ${title}` : '');
}

function section(id: string, title: string, help: string | null, list: HTMLElement | null, none: string): HTMLElement {
  return h(
    'section',
    { class: `path-section path-${id}`, attrs: { 'aria-labelledby': `path-${id}-title` } },
    h('h2', { id: `path-${id}-title`, text: title }),
    help ? h('p', { class: 'highlights-help', text: help }) : null,
    list ?? h('p', { class: 'muted', text: none }),
  );
}

/** The path: its versions, how many changes and items, and the way to start a run of it. */
export function pathSummary(checklist: Checklist, ctx: UpgradeContext): HTMLElement {
  const { t } = ctx;
  return h(
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
          ? h('span', { class: 'badge badge-withdrawn', text: versionStatusLabel(ctx.locale, 'withdrawn') })
          : '',
        v.status === 'draft'
          ? h('span', { class: 'badge badge-draft', text: versionStatusLabel(ctx.locale, 'draft') })
          : '',
      ]),
    ),
    h(
      'p',
      { class: 'path-counts' },
      count(ctx, 'site.counts.entries', checklist.entries.length),
      ' · ',
      count(ctx, 'site.counts.items', checklist.items.length),
    ),
    h(
      'p',
      { class: 'no-print' },
      h(
        'a',
        {
          class: 'button',
          attrs: { href: `${ctx.checklistUrl}?${requestToParams(checklist)}` },
        },
        t('upgrade.startRun'),
      ),
    ),
  );
}

/** What core warns about the path (a minimum version to install first…); null when nothing. */
export function warningsBanner(checklist: Checklist, ctx: UpgradeContext): HTMLElement | null {
  const { t } = ctx;
  return checklist.warnings.length
    ? h(
        'section',
        { class: 'banner banner-warning', attrs: { 'aria-labelledby': 'path-warnings' } },
        h('h2', { id: 'path-warnings', class: 'banner-title', text: t('upgrade.warnings') }),
        ...checklist.warnings.map((w) => h('p', { text: w.message })),
      )
    : null;
}

/** What cannot simply be undone: database and data changes. */
export function undoSection(checklist: Checklist, ctx: UpgradeContext): HTMLElement {
  const { t } = ctx;
  return section(
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
}

/** The actions the upgrade requires. */
export function actionsSection(checklist: Checklist, ctx: UpgradeContext): HTMLElement {
  const { t } = ctx;
  return section(
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
}

/** The breaking changes. */
export function breakingSection(checklist: Checklist, ctx: UpgradeContext): HTMLElement {
  const { t } = ctx;
  return section(
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
}

/** Changes replaced by later ones on the path; null when none. */
export function replacedSection(checklist: Checklist, ctx: UpgradeContext): HTMLElement | null {
  const { t } = ctx;
  return checklist.superseded.length
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
}

/**
 * Appends the groups of `entries` (a slice of the path's changes, in order) to `changes`;
 * `last` is the list the previous slice ended in, returned for the next one.
 */
export function appendChanges(
  changes: HTMLElement,
  checklist: Checklist,
  entries: Checklist['entries'],
  last: { module: string | null; list: HTMLUListElement | null },
  ctx: UpgradeContext,
): { module: string | null; list: HTMLUListElement | null } {
  const { t } = ctx;
  const base = ctx.index.base;
  const typeLabel = choiceLabels(ctx.index.types);
  const moduleLabel = choiceLabels(checklist.labels.modules);
  let { module, list } = last;
  const fragment = document.createDocumentFragment();
  for (const entry of entries) {
    if (entry.module !== module || !list) {
      module = entry.module;
      const n = checklist.entries.filter((e) => e.module === module).length;
      list = h('ul', { class: 'entry-list compact' });
      fragment.append(
        h(
          'section',
          { class: 'module-group', data: { module } },
          h('h3', { id: `module-${module}` }, moduleLabel(module), ' ', h('span', { class: 'muted', text: `(${n})` })),
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
          entry.itemCount ? h('span', { class: 'muted', text: count(ctx, 'site.counts.items', entry.itemCount) }) : '',
        ),
      ),
    );
  }
  changes.append(fragment);
  return { module, list };
}
