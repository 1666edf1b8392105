/**
 * The boxes rows are listed in: a group per module (the changes), for the target's known
 * issues or per process, and in a group, an article per road-book entry with its title,
 * version and badges (per known issue: its id, title, version and severity). Boxes start
 * hidden: the list shows those that hold a row the filter shows.
 */
import type { ChecklistEntry, ChecklistItem, ChecklistKnownIssue } from '../../core/checklist/types.ts';
import { severityLabel } from '../../core/i18n/labels.ts';
import type { Locale } from '../../core/model.ts';
import { groupOf } from '../../core/run/view.ts';
import { h } from '../lib/dom.ts';
import { rowId } from './item-row.ts';
import type { Translate } from '../../core/i18n/translate.ts';

/** The group of `item`'s module, known issues or process, of `n` items, headed `label`. */
export function groupBox(item: ChecklistItem, key: string, label: string, n: number): HTMLElement {
  const kind = item.process !== null ? 'run-process' : item.knownIssue !== null ? 'run-known' : 'run-module';
  const headingId = `run-${rowId(key)}`;
  const box = h(
    'section',
    {
      class: `run-group ${kind}`,
      data: { group: groupOf(item) },
      attrs: { 'aria-labelledby': headingId },
    },
    h('h4', { id: headingId }, label, ' ', h('span', { class: 'muted', text: `(${n})` })),
  );
  box.hidden = true;
  return box;
}

/**
 * The article of `item`'s entry, holding `list` (its rows). `module`: the label of the module it
 * is listed under, shown when the changes are not grouped by module (the risk order).
 */
export function entryBox(
  item: ChecklistItem,
  entry: ChecklistEntry | undefined,
  typeLabel: (id: string) => string,
  t: Translate,
  list: HTMLUListElement,
  module = '',
): HTMLElement {
  const box = h(
    'article',
    { class: 'run-entry', data: { entry: item.entry ?? '' } },
    h(
      'h5',
      { class: 'run-entry-title' },
      h(
        'a',
        { attrs: { href: item.url ?? '#' } },
        h('span', { class: 'entry-id', text: item.entry ?? '' }),
        ` ${item.title}`,
      ),
    ),
    h(
      'p',
      { class: 'entry-line' },
      h('span', { text: item.version }),
      module ? h('span', { class: 'entry-module', text: module }) : '',
      item.type ? h('span', { class: 'badge badge-type', data: { value: item.type }, text: typeLabel(item.type) }) : '',
      entry?.breaking ? h('span', { class: 'badge badge-breaking', text: t('site.badge.breaking') }) : '',
      entry?.data ? h('span', { class: 'badge badge-data', text: t('site.badge.data') }) : '',
    ),
    list,
  );
  box.hidden = true;
  return box;
}

/**
 * The article of a known issue's item, holding `list` (its row): the issue's id and title, the
 * version it appeared in and its severity (the row's step says the workaround).
 */
export function knownIssueBox(
  item: ChecklistItem,
  issue: ChecklistKnownIssue | undefined,
  locale: Locale,
  list: HTMLUListElement,
): HTMLElement {
  const box = h(
    'article',
    { class: 'run-entry run-known-issue', data: { knownIssue: item.knownIssue ?? '' } },
    h(
      'h5',
      { class: 'run-entry-title' },
      h('span', { class: 'entry-id', text: item.knownIssue ?? '' }),
      ` ${item.title}`,
    ),
    h(
      'p',
      { class: 'entry-line' },
      h('span', { text: item.version }),
      issue
        ? h('span', {
            class: 'badge badge-severity',
            data: { value: issue.severity },
            text: severityLabel(locale, issue.severity),
          })
        : '',
    ),
    list,
  );
  box.hidden = true;
  return box;
}

/** A heading of the changes in risk order (`key`: `risk:<reason>`), of `n` items, saying why they come there. */
export function rankBox(key: string, label: string, n: number): HTMLElement {
  const headingId = `run-${rowId(key)}`;
  const box = h(
    'section',
    { class: 'run-group run-rank', data: { rank: key.slice('risk:'.length) }, attrs: { 'aria-labelledby': headingId } },
    h('h4', { id: headingId }, label, ' ', h('span', { class: 'muted', text: `(${n})` })),
  );
  box.hidden = true;
  return box;
}

/** The items of a step assigned to someone else: after the tester's, closed until opened. */
export function othersBox(label: string, n: number): HTMLDetailsElement {
  const box = h(
    'details',
    { class: 'run-others' },
    h(
      'summary',
      {},
      h('span', { class: 'run-others-title', text: label }),
      ' ',
      h('span', { class: 'muted', text: `(${n})` }),
    ),
  );
  box.hidden = true;
  return box;
}
