/**
 * The items of a run on the checklist page: one row per item in the step it belongs to
 * (procedure steps 1–2, each change grouped by module and entry, each process, steps 6–7),
 * with its status, comment, tester, defect and time; filters; progress; keyboard shortcuts.
 *
 * Built to stay responsive with thousands of items: rows are made from a cloned template in
 * slices of a few milliseconds, the page handling input and painting in between; a row holds
 * no heavy form control (the status is a radio group; the comment, tester and defect fields
 * are made when the tester opens them), which keeps a run of 10,000 items light; one listener
 * per kind of event on the whole list; typing updates only the row typed in; filters only
 * toggle `hidden`; progress is recomputed at most once a frame and announced (politely) once
 * changes pause.
 *
 * What an edit makes of a result (its revision, its hash, a conflict when typed over another
 * tab's change) is core's rule (core/run/record.ts): the list asks the page's controller for
 * the transition and repaints when told. The comment, tester and defect fields remember which
 * result they show, so core can tell text typed over another tab's change. A result in
 * conflict shows its versions side by side on its row until the tester keeps one. A run open
 * read-only shows the same rows without any control that records.
 */
import { changedSince, resultOf, STATUSES, type ItemResult, type Status } from '../../core/checklist/progress.ts';
import type { ChecklistItem } from '../../core/checklist/types.ts';
import type { MessageKey } from '../../core/i18n.ts';
import { priorityLabel, statusLabel } from '../../core/export/labels.ts';
import type { Locale } from '../../core/model.ts';
import { versionsOf, type ResultVersion } from '../../core/run/merge.ts';
import { record, settle, type EditStamp } from '../../core/run/record.ts';
import type { RunState, Transition } from '../../core/run/run-state.ts';
import { isProcedureItem, processGroupKey } from '../../core/item-id.ts';
import {
  GROUP_PROCEDURE,
  GROUP_PROCESSES,
  matchesFilter,
  NO_FILTER,
  progressOf,
  type ItemFilter,
} from '../../core/run/view.ts';
import { h, part, plural, yieldToPage } from '../lib/dom.ts';
import type { RunSession } from './session.ts';

/** Rows are added in slices of about this many milliseconds, then the page gets the hand back. */
const SLICE_MS = 12;
const TEXT_FIELDS = ['comment', 'tester', 'defect'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface Row {
  item: ChecklistItem;
  el: HTMLLIElement;
  /** The entry and group boxes it is in: hidden when none of their rows is shown. */
  boxes: HTMLElement[];
  visible: boolean;
  pill: HTMLElement;
  flag: HTMLElement;
  radios: Record<Status, HTMLInputElement>;
  /** What was recorded besides the status, as text (comment, defect, tester, time). */
  notes: HTMLElement;
  edit: HTMLButtonElement;
  /**
   * The comment, tester and defect fields, made when first opened, and the result they show
   * (not rewritten while the tester types in them).
   */
  editor: {
    box: HTMLElement;
    fields: Record<TextField, HTMLInputElement | HTMLTextAreaElement>;
    shows: ItemResult | undefined;
  } | null;
  /** The versions of a result in conflict, shown while it lasts. */
  conflict: HTMLElement | null;
  confirm: HTMLButtonElement;
  print: HTMLElement;
}

/** A DOM id for an item id (`GES-1#a-b` → `item-GES-1_23a-b`), unique and valid in a URL fragment. */
/** The heading an item is listed under: its process, else its module. */
function groupKeyOf(item: ChecklistItem): string {
  return item.process !== null ? processGroupKey(item.process) : `module:${item.module}`;
}

export function rowId(itemId: string): string {
  return `item-${itemId.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export interface ItemListHooks {
  /** Asks for a transition of the run (the controller applies it, saves, and has the rows repainted). */
  apply(transition: (state: RunState) => Transition): void;
  /** The time and a fresh revision for an edit made now. */
  stamp(): EditStamp;
  /** Whether revision `rev` was made in this page ("yours" in a conflict). */
  own(rev: string): boolean;
  /** The default tester name. */
  tester(): string;
}

export class ItemList {
  private readonly root: HTMLElement;
  private readonly t: Translate;
  private readonly locale: Locale;
  private readonly lang: string;
  private readonly hooks: ItemListHooks;
  private readonly rows = new Map<string, Row>();
  /** Shown rows per entry or group box. */
  private readonly shownIn = new Map<HTMLElement, number>();
  private shown = 0;
  private session: RunSession | null = null;
  private filter: ItemFilter = NO_FILTER;
  private generation = 0;
  private template: HTMLLIElement | null = null;
  private progressQueued = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly timeFormat: Intl.DateTimeFormat;
  /** Resolves when every row of the current run is in the page. */
  rendered: Promise<void> = Promise.resolve();

  constructor(root: HTMLElement, t: Translate, locale: Locale, hooks: ItemListHooks) {
    this.root = root;
    this.t = t;
    this.locale = locale;
    this.lang = document.documentElement.lang || locale;
    this.hooks = hooks;
    this.timeFormat = new Intl.DateTimeFormat(this.lang, { dateStyle: 'short', timeStyle: 'short' });
    root.addEventListener('change', (e) => this.onChange(e));
    root.addEventListener('input', (e) => this.onInput(e));
    root.addEventListener('click', (e) => this.onClick(e));
    part<HTMLFormElement>(root, 'filters').addEventListener('change', () => this.readFilter(true));
    part<HTMLFormElement>(root, 'filters').addEventListener('reset', () => setTimeout(() => this.readFilter(true)));
    part<HTMLFormElement>(root, 'filters').addEventListener('submit', (e) => e.preventDefault());
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  formatTime(iso: string | undefined): string {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : this.timeFormat.format(d);
  }

  /** Shows a run: every row, in chunks; resolves when all are in the page. */
  show(session: RunSession, filter: ItemFilter): Promise<void> {
    const generation = ++this.generation;
    this.session = session;
    this.rows.clear();
    this.shownIn.clear();
    this.shown = 0;
    this.filter = filter;
    this.fillFilterForm(session, filter);
    this.rendered = this.renderAll(session, generation);
    return this.rendered;
  }

  private container(name: string): HTMLElement {
    return part(this.root, name);
  }

  private async renderAll(session: RunSession, generation: number): Promise<void> {
    const t = this.t;
    const { checklist, procedure } = session;
    for (const name of [
      'step-copy-data',
      'step-install-test',
      'step-changes',
      'step-processes',
      'step-archive',
      'step-install-production',
    ]) {
      this.container(name).replaceChildren();
    }
    this.root.dataset.rendering = 'true';

    // Procedure steps 1, 2, 6, 7: one item each.
    for (const item of [...procedure.before, ...procedure.after]) {
      const list = h('ul', { class: 'run-items' }, this.row(item, []));
      this.container(`step-${item.key}`).append(list);
    }
    if (checklist.processes.length === 0)
      this.container('step-processes').append(h('p', { class: 'muted', text: t('run.noProcesses') }));
    if (checklist.items.every((i) => i.process !== null))
      this.container('step-changes').append(h('p', { class: 'muted', text: t('run.noChanges') }));
    this.updateProgress();

    const moduleLabel = (id: string) => checklist.labels.modules.find((c) => c.id === id)?.label ?? id;
    const typeLabel = (id: string) => checklist.labels.types.find((c) => c.id === id)?.label ?? id;
    const entries = new Map(checklist.entries.map((e) => [e.id, e]));
    const countIn = new Map<string, number>();
    for (const item of checklist.items) {
      const key = groupKeyOf(item);
      countIn.set(key, (countIn.get(key) ?? 0) + 1);
    }

    let groupKey: string | null = null;
    let ownerKey: string | null = null;
    let list: HTMLUListElement | null = null;
    let groupEl: HTMLElement | null = null;
    let entryEl: HTMLElement | null = null;
    let deadline = performance.now() + SLICE_MS;
    for (const item of checklist.items) {
      if (performance.now() > deadline) {
        this.showCount();
        await yieldToPage();
        if (generation !== this.generation) return;
        deadline = performance.now() + SLICE_MS;
      }
      const isProcess = item.process !== null;
      const key = groupKeyOf(item);
      if (key !== groupKey) {
        groupKey = key;
        ownerKey = null;
        entryEl = null;
        const n = countIn.get(key) ?? 0;
        const headingId = `run-${rowId(key)}`;
        groupEl = h(
          'section',
          {
            class: isProcess ? 'run-group run-process' : 'run-group run-module',
            data: { group: isProcess ? GROUP_PROCESSES : (item.module ?? '') },
            attrs: { 'aria-labelledby': headingId },
          },
          h(
            'h4',
            { id: headingId },
            isProcess ? item.title : moduleLabel(item.module ?? ''),
            ' ',
            h('span', { class: 'muted', text: `(${n})` }),
          ),
        );
        groupEl.hidden = true;
        this.container(isProcess ? 'step-processes' : 'step-changes').append(groupEl);
        if (isProcess) {
          list = h('ul', { class: 'run-items' });
          groupEl.append(list);
        }
      }
      if (!isProcess && item.entry !== ownerKey) {
        ownerKey = item.entry;
        const entry = entries.get(item.entry ?? '');
        list = h('ul', { class: 'run-items' });
        entryEl = h(
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
            item.type
              ? h('span', { class: 'badge badge-type', data: { value: item.type }, text: typeLabel(item.type) })
              : '',
            entry?.breaking ? h('span', { class: 'badge badge-breaking', text: t('site.badge.breaking') }) : '',
            entry?.data ? h('span', { class: 'badge badge-data', text: t('site.badge.data') }) : '',
          ),
          list,
        );
        entryEl.hidden = true;
        groupEl!.append(entryEl);
      }
      list!.append(this.row(item, isProcess ? [groupEl!] : [entryEl!, groupEl!]));
    }
    if (generation !== this.generation) return;
    this.showCount();
    this.updateProgress();
    delete this.root.dataset.rendering;
    this.root.dataset.ready = 'true';
  }

  /** The row template: made once, cloned per item. */
  private rowTemplate(): HTMLLIElement {
    if (this.template) return this.template;
    const t = this.t;
    this.template = h(
      'li',
      { class: 'run-item', attrs: { tabindex: -1 } },
      h(
        'div',
        { class: 'run-item-head' },
        h('span', { class: 'status-pill' }),
        h('span', { class: 'run-item-id' }),
        h('span', { class: 'badge badge-priority' }),
        h('span', { class: 'flag-changed', attrs: { hidden: true }, text: t('run.changedSince') }),
      ),
      h('div', { class: 'run-item-step' }),
      h(
        'p',
        { class: 'run-item-expect' },
        h('span', { class: 'run-label', text: t('run.item.expect') }),
        ' ',
        h('span', { class: 'run-expect-text' }),
      ),
      h('p', { class: 'run-item-context muted' }),
      h(
        'fieldset',
        { class: 'run-status' },
        h('legend', { class: 'visually-hidden', text: t('run.item.status') }),
        ...STATUSES.map((s) =>
          // autocomplete="off": the page paints the status from what it saved; the browser must not
          // restore (nor, on each history change, record) the state of 60,000 radios itself.
          h(
            'label',
            { class: 'status-choice', data: { status: s } },
            h('input', { data: { field: 'status' }, attrs: { type: 'radio', value: s, autocomplete: 'off' } }),
            ` ${statusLabel(this.locale, s)}`,
          ),
        ),
      ),
      h('p', { class: 'run-item-notes' }),
      h(
        'p',
        { class: 'run-item-actions' },
        h('button', {
          class: 'edit-result',
          data: { action: 'edit' },
          attrs: { type: 'button', 'aria-expanded': 'false' },
          text: t('run.item.edit'),
        }),
        h('button', {
          class: 'confirm-result',
          data: { action: 'confirm-result' },
          attrs: { type: 'button', hidden: true },
          text: t('run.confirmResult'),
        }),
      ),
      h('p', { class: 'run-item-result print-only' }),
    );
    return this.template;
  }

  private row(item: ChecklistItem, boxes: HTMLElement[]): HTMLLIElement {
    const el = this.rowTemplate().cloneNode(true) as HTMLLIElement;
    const id = rowId(item.id);
    el.id = id;
    el.dataset.item = item.id;
    el.setAttribute('aria-labelledby', `${id}-step`);
    const q = <T extends Element>(selector: string) => el.querySelector<T>(selector)!;
    q('.run-item-id').textContent = isProcedureItem(item.id) ? '' : item.id;
    const priority = q<HTMLElement>('.badge-priority');
    priority.dataset.value = item.priority;
    priority.textContent = priorityLabel(this.locale, item.priority);
    const step = q<HTMLElement>('.run-item-step');
    step.id = `${id}-step`;
    // Safe HTML from core; text without markup or entities is set as text (faster, same result).
    const setHtml = (target: Element, html: string) =>
      /[<&]/.test(html) ? (target.innerHTML = html) : (target.textContent = html);
    setHtml(step, item.stepHtml);
    if (item.expectHtml) setHtml(q('.run-expect-text'), item.expectHtml);
    else q('.run-item-expect').remove();
    const context = [
      item.menu ? `${this.t('run.item.menu')} : ${item.menu}` : null,
      ...(item.setup
        ? item.setup.split('\n').map((line, i) => (i === 0 ? `${this.t('run.item.setup')} : ${line}` : line))
        : []),
    ].filter((x): x is string => !!x);
    const contextEl = q<HTMLElement>('.run-item-context');
    if (context.length) context.forEach((line, i) => contextEl.append(...(i ? [h('br'), line] : [line])));
    else contextEl.remove();
    const status = q<HTMLFieldSetElement>('.run-status');
    status.setAttribute('aria-describedby', `${id}-step`);
    const radios = {} as Record<Status, HTMLInputElement>;
    for (const radio of status.querySelectorAll<HTMLInputElement>('input')) {
      radio.name = `${id}-status`;
      radios[radio.value as Status] = radio;
    }
    const edit = q<HTMLButtonElement>('.edit-result');
    if (this.session?.readOnly) {
      status.disabled = true;
      edit.hidden = true;
    }
    edit.setAttribute('aria-controls', `${id}-editor`);
    edit.setAttribute('aria-describedby', `${id}-step`);
    const row: Row = {
      item,
      el,
      boxes,
      visible: false,
      pill: q('.status-pill'),
      flag: q('.flag-changed'),
      radios,
      notes: q('.run-item-notes'),
      edit,
      editor: null,
      conflict: null,
      confirm: q('.confirm-result'),
      print: q('.run-item-result'),
    };
    this.rows.set(item.id, row);
    this.paint(row);
    this.setVisible(row, matchesFilter(item, this.result(item.id), this.filter));
    return el;
  }

  /** Opens (making it the first time) or closes a row's comment, tester and defect fields. */
  private toggleEditor(row: Row, open: boolean): void {
    if (open && !row.editor) {
      const id = row.el.id;
      const field = (name: TextField, label: string, control: HTMLInputElement | HTMLTextAreaElement) => {
        control.id = `${id}-${name}`;
        control.dataset.field = name;
        control.setAttribute('aria-describedby', `${id}-step`);
        return h(
          'div',
          { class: `field field-${name}` },
          h('label', { attrs: { for: control.id }, text: label }),
          control,
        );
      };
      const fields = {
        comment: h('textarea', { attrs: { rows: 3 } }),
        tester: h('input', { attrs: { type: 'text', autocomplete: 'name' } }),
        defect: h('input', { attrs: { type: 'text' } }),
      };
      const box = h(
        'div',
        { class: 'run-item-fields', id: `${id}-editor` },
        field('comment', this.t('run.item.comment'), fields.comment),
        field('tester', this.t('run.item.tester'), fields.tester),
        field('defect', this.t('run.item.defect'), fields.defect),
      );
      const result = this.result(row.item.id);
      for (const name of TEXT_FIELDS) fields[name].value = result?.[name] ?? '';
      if (!fields.tester.value) fields.tester.placeholder = this.hooks.tester();
      row.el.querySelector('.run-item-actions')!.before(box);
      row.editor = { box, fields, shows: result };
    }
    if (row.editor) row.editor.box.hidden = !open;
    row.edit.setAttribute('aria-expanded', String(open));
    row.edit.textContent = this.t(open ? 'run.item.close' : 'run.item.edit');
    row.notes.hidden = open;
  }

  private result(itemId: string): ItemResult | undefined {
    return resultOf(this.session?.run.results, itemId);
  }

  /** Shows a row's result; the open fields are rewritten too unless the focus is in them. */
  private paint(row: Row): void {
    const result = this.result(row.item.id);
    const status: Status = result?.status ?? 'untested';
    row.el.dataset.status = status;
    row.pill.dataset.status = status;
    row.pill.textContent = statusLabel(this.locale, status);
    if (!row.radios[status].checked) row.radios[status].checked = true;
    const changed = changedSince(result, row.item);
    row.el.toggleAttribute('data-changed', changed);
    row.flag.hidden = !changed;
    row.confirm.hidden = !changed || !!this.session?.readOnly;
    const time = result?.time ? this.formatTime(result.time) : '';
    const notes = [
      result?.comment,
      result?.defect ? this.t('export.md.defect', { defect: result.defect }) : null,
      result?.tester && time
        ? this.t('run.item.by', { tester: result.tester, time })
        : result?.tester
          ? this.t('run.item.byOnly', { tester: result.tester })
          : time
            ? this.t('run.item.at', { time })
            : null,
    ].filter((x): x is string => !!x);
    row.notes.textContent = notes.join(' — ');
    if (row.editor && !row.editor.box.contains(document.activeElement)) {
      for (const name of TEXT_FIELDS) row.editor.fields[name].value = result?.[name] ?? '';
      row.editor.shows = result;
    }
    row.print.textContent = [statusLabel(this.locale, status), ...notes].join(' — ');
    this.paintConflict(row, result);
  }

  /** The versions of a result in conflict, side by side, each with what was recorded and a button to keep it. */
  private paintConflict(row: Row, result: ItemResult | undefined): void {
    const versions = result?.conflict?.length ? versionsOf(result) : [];
    row.el.toggleAttribute('data-conflict', versions.length > 1);
    if (versions.length < 2) {
      row.conflict?.remove();
      row.conflict = null;
      return;
    }
    const t = this.t;
    const id = row.el.id;
    const mine = versions.findIndex((v) => v.rev !== undefined && this.hooks.own(v.rev));
    const label = (i: number) =>
      mine < 0 ? t('run.conflict.version', { n: i + 1 }) : t(i === mine ? 'run.conflict.mine' : 'run.conflict.other');
    const keepLabel = (i: number) =>
      mine < 0 ? t('run.conflict.keep') : t(i === mine ? 'run.conflict.keepMine' : 'run.conflict.keepOther');
    const fact = (name: MessageKey, value: string | Node | undefined) =>
      h('div', null, h('dt', { text: t(name) }), h('dd', null, value || t('run.conflict.none')));
    const version = (v: ResultVersion, i: number) =>
      h(
        'li',
        {
          class: 'run-conflict-version',
          data: { version: String(i), side: mine < 0 ? '' : i === mine ? 'mine' : 'other' },
        },
        h('p', { class: 'run-conflict-label', text: label(i) }),
        h(
          'dl',
          null,
          fact(
            'run.conflict.status',
            h('span', { class: 'status-pill', data: { status: v.status }, text: statusLabel(this.locale, v.status) }),
          ),
          fact('run.conflict.comment', v.comment),
          fact('run.conflict.defect', v.defect),
          fact('run.conflict.tester', v.tester),
          fact('run.conflict.time', this.formatTime(v.time)),
        ),
        this.session?.readOnly
          ? ''
          : h('button', {
              class: 'no-print',
              data: { action: 'keep-version', version: String(i) },
              attrs: { type: 'button', 'aria-describedby': `${id}-step` },
              text: keepLabel(i),
            }),
      );
    const box = h(
      'div',
      { class: 'run-conflict', attrs: { role: 'group', 'aria-labelledby': `${id}-conflict` } },
      h('p', { class: 'run-conflict-title', id: `${id}-conflict`, text: t('run.conflict.title') }),
      h('ul', { class: 'run-conflict-versions' }, ...versions.map(version)),
      // Editing is offered on the version this page made (after a reload, keep one, then edit it).
      this.session?.readOnly || mine < 0
        ? ''
        : h('button', {
            class: 'no-print',
            data: { action: 'edit-mine' },
            attrs: { type: 'button' },
            text: t('run.conflict.edit'),
          }),
    );
    if (row.conflict) row.conflict.replaceWith(box);
    else row.notes.after(box);
    row.conflict = box;
  }

  /** Keeps one version of a result in conflict (`versionsOf` order). */
  private keepVersion(row: Row, index: number): void {
    const stamp = this.hooks.stamp();
    this.hooks.apply((state) => settle(state, { item: row.item.id, version: index, ...stamp }));
    row.el.focus();
  }

  /**
   * Repaints rows after their results changed: `ids` only (progress follows within a frame),
   * or every row.
   */
  repaint(ids?: Iterable<string>): void {
    for (const id of ids ?? this.rows.keys()) {
      const row = this.rows.get(id);
      if (row) this.paint(row);
    }
    if (ids) this.queueProgress();
    else this.updateProgress();
  }

  private rowOf(target: EventTarget | null): Row | undefined {
    const el = target instanceof Element ? target.closest<HTMLElement>('.run-item') : null;
    return el?.dataset.item ? this.rows.get(el.dataset.item) : undefined;
  }

  /**
   * Records a change of the item's result (core's rules: record.ts). `typed`: the change was
   * typed in the fields, made from the result they show, which another tab may have changed
   * meanwhile.
   */
  private record(row: Row, change: Partial<ItemResult>, statusSet: boolean, typed = false): void {
    if (!this.session || this.session.readOnly) return;
    const typedOver = typed && row.editor ? { shows: row.editor.shows } : undefined;
    const stamp = this.hooks.stamp();
    const tester = this.hooks.tester();
    this.hooks.apply((state) =>
      record(state, { item: row.item, change, statusSet, ...(typedOver ? { typedOver } : {}), tester, ...stamp }),
    );
    if (row.editor) row.editor.shows = this.result(row.item.id);
  }

  private onChange(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'radio' || target.dataset.field !== 'status') return;
    const row = this.rowOf(target);
    if (row && target.checked) this.setStatus(row, target.value as Status);
  }

  private setStatus(row: Row, status: Status): void {
    const tester = row.editor?.fields.tester.value.trim();
    this.record(row, { status, ...(tester ? { tester } : {}) }, true);
  }

  private onInput(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    const name = target.dataset.field as TextField | undefined;
    if (!name || !TEXT_FIELDS.includes(name)) return;
    const row = this.rowOf(target);
    if (!row) return;
    this.record(row, { [name]: target.value }, false, true);
  }

  private onClick(event: Event): void {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-action]') : null;
    const row = button && this.rowOf(button);
    if (!button || !row) return;
    if (button.dataset.action === 'edit') {
      const open = button.getAttribute('aria-expanded') !== 'true';
      this.toggleEditor(row, open);
      if (open) row.editor?.fields.comment.focus();
      return;
    }
    if (button.dataset.action === 'keep-version') {
      this.keepVersion(row, Number(button.dataset.version));
      return;
    }
    if (button.dataset.action === 'edit-mine') {
      this.openComment(row.item.id);
      return;
    }
    const result = this.result(row.item.id);
    if (button.dataset.action !== 'confirm-result' || !result) return;
    this.record(row, { status: result.status }, true);
    row.el.focus();
  }

  /** Opens a row's fields and puts the cursor in its comment. */
  openComment(itemId: string): void {
    const row = this.rows.get(itemId);
    if (!row) return;
    this.toggleEditor(row, true);
    row.editor?.fields.comment.focus();
  }

  // Filters ------------------------------------------------------------------------------

  private fillFilterForm(session: RunSession, filter: ItemFilter): void {
    const form = part<HTMLFormElement>(this.root, 'filters');
    const group = form.elements.namedItem('group') as HTMLSelectElement;
    const modules = [...new Set(session.checklist.items.filter((i) => i.process === null).map((i) => i.module ?? ''))];
    const label = (id: string) => session.checklist.labels.modules.find((c) => c.id === id)?.label ?? id;
    group.replaceChildren(
      h('option', { attrs: { value: '' }, text: this.t('run.filter.all') }),
      h('option', { attrs: { value: GROUP_PROCEDURE }, text: this.t('run.filter.procedure') }),
      ...modules.map((m) => h('option', { attrs: { value: m }, text: label(m) })),
      ...(session.checklist.processes.length
        ? [h('option', { attrs: { value: GROUP_PROCESSES }, text: this.t('run.filter.processes') })]
        : []),
    );
    (form.elements.namedItem('status') as HTMLSelectElement).value = filter.status;
    group.value = [...group.options].some((o) => o.value === filter.group) ? filter.group : '';
    (form.elements.namedItem('priority') as HTMLSelectElement).value = filter.priority;
    (form.elements.namedItem('changed') as HTMLInputElement).checked = filter.changed;
  }

  private readFilter(remember: boolean): void {
    const form = part<HTMLFormElement>(this.root, 'filters');
    const value = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value;
    this.filter = {
      status: value('status') as ItemFilter['status'],
      group: value('group'),
      priority: value('priority') as ItemFilter['priority'],
      changed: (form.elements.namedItem('changed') as HTMLInputElement).checked,
    };
    this.applyFilter();
    if (remember) {
      const url = new URL(location.href);
      const set = (name: string, v: string) => (v ? url.searchParams.set(name, v) : url.searchParams.delete(name));
      set('status', this.filter.status);
      set('group', this.filter.group);
      set('priority', this.filter.priority);
      set('changed', this.filter.changed ? '1' : '');
      history.replaceState(history.state, '', url);
    }
  }

  /** Shows every item again (to reach one a filter hides). */
  resetFilter(): void {
    part<HTMLFormElement>(this.root, 'filters').reset();
    this.filter = NO_FILTER;
    this.applyFilter();
  }

  private setVisible(row: Row, visible: boolean): void {
    if (row.visible === visible && row.el.hidden === !visible) return;
    const change = visible === row.visible ? 0 : visible ? 1 : -1;
    row.visible = visible;
    row.el.hidden = !visible;
    this.shown += change;
    for (const box of row.boxes) {
      const n = (this.shownIn.get(box) ?? 0) + change;
      this.shownIn.set(box, n);
      if (box.hidden !== (n === 0)) box.hidden = n === 0;
    }
  }

  private applyFilter(): void {
    for (const row of this.rows.values())
      this.setVisible(row, matchesFilter(row.item, this.result(row.item.id), this.filter));
    this.showCount();
  }

  private showCount(): void {
    const status = part(this.root, 'filter-status');
    status.textContent = this.t(`run.filter.shown.${plural(this.lang, this.shown)}` as MessageKey, {
      shown: this.shown,
      total: this.rows.size,
    });
  }

  // Progress -----------------------------------------------------------------------------

  private queueProgress(): void {
    if (this.progressQueued) return;
    this.progressQueued = true;
    requestAnimationFrame(() => {
      this.progressQueued = false;
      this.updateProgress();
    });
  }

  updateProgress(): void {
    const session = this.session;
    if (!session) return;
    const p = progressOf(session.view.items, session.run.results);
    const bar = part<HTMLProgressElement>(this.root, 'progress-bar');
    bar.max = Math.max(p.total, 1);
    bar.value = p.done;
    const text = this.t('run.progress', { done: p.done, total: p.total });
    part(this.root, 'progress-text').textContent = text;
    const counts = part(this.root, 'progress-counts');
    counts.replaceChildren(
      ...STATUSES.map((s) =>
        h(
          'li',
          { data: { status: s } },
          h('span', { class: 'status-pill', data: { status: s }, text: statusLabel(this.locale, s) }),
          ' ',
          h('strong', { text: String(p.counts[s]) }),
        ),
      ),
      h(
        'li',
        { data: { status: 'changed' } },
        h('span', { class: 'flag-changed', text: this.t('run.changedShort') }),
        ' ',
        h('strong', { text: String(p.changed) }),
      ),
    );
    const changedBox = part(this.root, 'filters').querySelector('[data-changed-count]');
    if (changedBox) changedBox.textContent = String(p.changed);
    // The live region speaks once changes pause, not at each keystroke.
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const detail = STATUSES.filter((s) => s !== 'untested' && p.counts[s] > 0)
        .map((s) => `${statusLabel(this.locale, s)} ${p.counts[s]}`)
        .join(', ');
      part(this.root, 'progress-live').textContent = this.t('run.progress.announce', {
        done: p.done,
        total: p.total,
        detail: detail || '—',
      });
    }, 800);
  }

  // Keyboard -----------------------------------------------------------------------------

  private visibleRows(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.run-item:not([hidden])')].filter(
      (el) => !el.parentElement?.closest('[hidden]'),
    );
  }

  /** The row the keyboard acts on: the one holding the focus. */
  private currentRow(): Row | undefined {
    return this.rowOf(document.activeElement);
  }

  /**
   * j / k: next / previous item; n: next item not run; 1–6: status of the current item;
   * c: its comment. Never while typing in a field, nor with a modifier key.
   */
  private onKey(event: KeyboardEvent): void {
    if (!this.session || this.root.hidden || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented)
      return;
    const target = event.target;
    if (event.key === 'Escape' && target instanceof HTMLElement && target.closest('.run-item-fields')) {
      // Escape closes the fields typed in and goes back to their button.
      const row = this.rowOf(target);
      if (row) {
        this.toggleEditor(row, false);
        row.edit.focus();
        event.preventDefault();
      }
      return;
    }
    if (
      target instanceof HTMLElement &&
      (target.isContentEditable || target.closest('input:not([type="radio"]), textarea, select, dialog'))
    )
      return;
    const key = event.key;
    const rows = () => this.visibleRows();
    const move = (step: 1 | -1, predicate: (el: HTMLElement) => boolean = () => true) => {
      const list = rows();
      const current = this.currentRow()?.el;
      let index = current ? list.indexOf(current) : step === 1 ? -1 : list.length;
      for (;;) {
        index += step;
        const next = list[index];
        if (!next) return;
        if (predicate(next)) {
          next.focus();
          next.scrollIntoView({ block: 'nearest' });
          return;
        }
      }
    };
    if (key === 'j') move(1);
    else if (key === 'k') move(-1);
    else if (key === 'n') move(1, (el) => el.dataset.status === 'untested' || el.dataset.status === 'retest');
    else if (/^[1-6]$/.test(key)) {
      const row = this.currentRow();
      if (!row) return;
      this.setStatus(row, STATUSES[Number(key) - 1]!);
    } else if (key === 'c') {
      const row = this.currentRow();
      if (!row) return;
      this.openComment(row.item.id);
    } else return;
    event.preventDefault();
  }

  /** Brings an item into view and focus, showing every item first if a filter hides it. */
  async reveal(itemId: string): Promise<void> {
    await this.rendered;
    const row = this.rows.get(itemId);
    if (!row) return;
    if (row.el.hidden) this.resetFilter();
    row.el.scrollIntoView({ block: 'center' });
    row.el.focus();
  }
}
