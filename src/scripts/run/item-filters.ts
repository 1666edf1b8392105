/**
 * The item list's filter form: filled for a run, read back, and remembered in the address
 * (status, group, priority, changed, carried), so a reload or a shared link shows the same items.
 */
import { GROUP_KNOWN, GROUP_PROCEDURE, GROUP_PROCESSES, type ItemFilter } from '../../core/run/view.ts';
import { choiceLabels } from '../../core/i18n/labels.ts';
import { h } from '../lib/dom.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { RunSession } from './session.ts';

/** Fills the filter form for a run: its groups, and `filter`. */
export function fillFilterForm(form: HTMLFormElement, session: RunSession, filter: ItemFilter, t: Translate): void {
  const group = form.elements.namedItem('group') as HTMLSelectElement;
  const items = session.checklist.items;
  const modules = [...new Set(items.map((i) => i.module).filter((m): m is string => m !== null))];
  const label = choiceLabels(session.checklist.labels.modules);
  group.replaceChildren(
    h('option', { attrs: { value: '' }, text: t('run.filter.all') }),
    h('option', { attrs: { value: GROUP_PROCEDURE }, text: t('run.filter.procedure') }),
    ...modules.map((m) => h('option', { attrs: { value: m }, text: label(m) })),
    ...(items.some((i) => i.knownIssue !== null)
      ? [h('option', { attrs: { value: GROUP_KNOWN }, text: t('run.known.heading') })]
      : []),
    ...(session.checklist.processes.length
      ? [h('option', { attrs: { value: GROUP_PROCESSES }, text: t('run.filter.processes') })]
      : []),
  );
  (form.elements.namedItem('status') as HTMLSelectElement).value = filter.status;
  group.value = [...group.options].some((o) => o.value === filter.group) ? filter.group : '';
  (form.elements.namedItem('priority') as HTMLSelectElement).value = filter.priority;
  (form.elements.namedItem('changed') as HTMLInputElement).checked = filter.changed;
  (form.elements.namedItem('carried') as HTMLInputElement).checked = filter.carried;
}

export function readFilterForm(form: HTMLFormElement): ItemFilter {
  const value = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value;
  return {
    status: value('status') as ItemFilter['status'],
    group: value('group'),
    priority: value('priority') as ItemFilter['priority'],
    changed: (form.elements.namedItem('changed') as HTMLInputElement).checked,
    carried: (form.elements.namedItem('carried') as HTMLInputElement).checked,
  };
}

/** Writes the filter in the address (replacing the entry: filtering is not a step back). */
export function rememberFilter(filter: ItemFilter): void {
  const url = new URL(location.href);
  const set = (name: string, v: string) => (v ? url.searchParams.set(name, v) : url.searchParams.delete(name));
  set('status', filter.status);
  set('group', filter.group);
  set('priority', filter.priority);
  set('changed', filter.changed ? '1' : '');
  set('carried', filter.carried ? '1' : '');
  history.replaceState(history.state, '', url);
}
