/**
 * One row of the item list: made from a template cloned per item, and painted from the item's
 * result. A row is made with only what it shows of the item (its status, id, priority, step,
 * expected result, context and notes): its status radios, buttons and printed status line
 * (`RowControls`) are added when row-controls.ts says (near the screen, on focus, once the
 * list is in, or before printing), its "changed since" flag the first time it is marked so,
 * the comment, tester and defect fields when the tester opens them.
 *
 * The item's attachments (`<rb-evidence>`, evidence-element.ts) are made when the tester opens
 * the fields, or, for a result that has files, when the row first comes near the screen: their
 * bytes are read from the store then, not for the thousands of rows nobody looks at. The element
 * finds its run in the nearest `data-run-id` and its road book in `data-product` /
 * `data-base` (set by the page); it tells its changes by an event the page records.
 */
import { STATUSES, type ItemResult, type Status } from '../../core/checklist/progress.ts';
import type { ChecklistItem } from '../../core/checklist/types.ts';
import { priorityLabel, statusLabel } from '../../core/i18n/labels.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { isProcedureItem, processGroupKey } from '../../core/item-id.ts';
import type { Locale } from '../../core/model.ts';
import { markOf, type ItemMark } from '../../core/run/view.ts';
import { h } from '../lib/dom.ts';
import { paintCarryMarks } from './carry-marks.ts';
import { EVIDENCE_CHANGE, type EvidenceElement } from './evidence-element.ts';
import { paintConflict } from './item-conflict.ts';

export const TEXT_FIELDS = ['comment', 'tester', 'defect'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface Row {
  item: ChecklistItem;
  el: HTMLLIElement;
  /** The boxes it is in (its change's, the run of those, the heading's, …): hidden when none of their rows is shown. */
  boxes: HTMLElement[];
  visible: boolean;
  /** The status and "changed since" painted last (what the row adds to the progress). */
  mark: ItemMark;
  pill: HTMLElement;
  /** "Changed since your result", made the first time the row is marked so. */
  flag: HTMLElement | null;
  /** The status radios and the action buttons, once made (RowMaker.controls). */
  controls: RowControls | null;
  /** What was recorded besides the status, as text (comment, defect, tester, time). */
  notes: HTMLElement;
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
  /** The status and notes as one printed line, made with the controls. */
  print: HTMLElement | null;
  /** The item's attachments, once made; and the attachment ids of the result they last showed. */
  evidence: EvidenceElement | null;
  evidenceShows: string;
}

/**
 * A row's controls: its status radios (six labelled inputs in a fieldset) and its buttons.
 * They are more than half of what a row is made of (38,480 rows took 2.4–3.4 s to make with
 * them, 0.85–1.35 s without, in Chromium on 2 cores), so a row is made without them and gets
 * them when it comes near the screen, takes the focus, the page is idle or about to print
 * (item-list.ts): every row's text is in the page at once, for find-in-page and the filters.
 */
export interface RowControls {
  radios: Record<Status, HTMLInputElement>;
  edit: HTMLButtonElement;
  confirm: HTMLButtonElement;
}

/** What a row's controls are cloned from (RowMaker.controls). */
interface ControlsTemplate {
  status: HTMLFieldSetElement;
  actions: HTMLElement;
  print: HTMLElement;
}

/** The mark of an item without a result, as the row template is painted. */
const UNTESTED: ItemMark = { status: 'untested', changed: false };

/** How far from the screen a row with files starts reading them: about a screen ahead. */
const EVIDENCE_MARGIN = '800px';

/** The attachments of every version of a result, as ids in a stable order. */
function evidenceIds(result: ItemResult | undefined): string {
  const versions = result ? [result, ...(result.conflict ?? [])] : [];
  return [...new Set(versions.flatMap((v) => (v.evidence ?? []).map((a) => a.id)))].sort().join(' ');
}

/** The heading an item is listed under: its process, else its module. */
export function groupKeyOf(item: ChecklistItem): string {
  return item.process !== null ? processGroupKey(item.process) : `module:${item.module}`;
}

/** A DOM id for an item id (`GES-1#a-b` → `item-GES-1_23a-b`), unique and valid in a URL fragment. */
export function rowId(itemId: string): string {
  return `item-${itemId.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** What rows are painted with. */
export interface RowContext {
  t: Translate;
  locale: Locale;
  /** Whether the run is open read-only (no control that records). */
  readOnly(): boolean;
  result(itemId: string): ItemResult | undefined;
  formatTime(iso: string | undefined): string;
  /** The default tester name. */
  tester(): string;
  /** Whether revision `rev` was made in this page. */
  own(rev: string): boolean;
}

export class RowMaker {
  private readonly ctx: RowContext;
  private cached: HTMLLIElement | null = null;
  private cachedControls: ControlsTemplate | null = null;
  /** Rows with files whose attachments are not made yet, by their element. */
  private readonly waiting = new WeakMap<Element, Row>();
  private observer: IntersectionObserver | null = null;

  constructor(ctx: RowContext) {
    this.ctx = ctx;
  }

  /** Makes the attachments of the rows with files that came near the screen. */
  private watch(row: Row): void {
    this.observer ??=
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              for (const entry of entries) {
                const near = entry.isIntersecting ? this.waiting.get(entry.target) : undefined;
                if (near) this.showEvidence(near);
              }
            },
            { rootMargin: EVIDENCE_MARGIN },
          );
    if (!this.observer) return this.showEvidence(row);
    this.waiting.set(row.el, row);
    this.observer.observe(row.el);
  }

  /** Puts the item's attachments in the row (once): read from the store as it connects. */
  private showEvidence(row: Row): void {
    if (this.waiting.delete(row.el)) this.observer?.unobserve(row.el);
    if (row.evidence) return;
    this.controls(row);
    const runId = row.el.closest<HTMLElement>('[data-run-id]')?.dataset.runId;
    if (!runId) return;
    row.evidence = h('rb-evidence', {
      class: 'run-item-evidence',
      attrs: { 'run-id': runId, 'item-id': row.item.id, readonly: this.ctx.readOnly() },
    });
    row.evidenceShows = evidenceIds(this.ctx.result(row.item.id));
    // What the element shows after its own change is what the result is about to hold: no reload then.
    row.evidence.addEventListener(EVIDENCE_CHANGE, (event) => {
      row.evidenceShows = evidenceIds({ status: 'untested', evidence: event.detail.evidence });
    });
    row.el.querySelector('.run-item-actions')!.before(row.evidence);
  }

  /**
   * The row template, made once and cloned per item: painted as an item without a result
   * (most rows of a new run), so such a row is not painted again. Only what every row shows:
   * each element more is some 38,000 more made on a long path.
   */
  private template(): HTMLLIElement {
    if (this.cached) return this.cached;
    const untested = statusLabel(this.ctx.locale, 'untested');
    this.cached = h(
      'li',
      { class: 'run-item', attrs: { tabindex: -1 }, data: { status: 'untested' } },
      h(
        'div',
        { class: 'run-item-head' },
        h('span', { class: 'status-pill', data: { status: 'untested' }, text: untested }),
        h('span', { class: 'run-item-id' }),
        h('span', { class: 'badge badge-priority' }),
      ),
      h('div', { class: 'run-item-step' }),
      h(
        'p',
        { class: 'run-item-expect' },
        h('span', { class: 'run-label', text: this.ctx.t('run.item.expect') }),
        ' ',
        h('span', { class: 'run-expect-text' }),
      ),
      h('p', { class: 'run-item-context muted' }),
      h('p', { class: 'run-item-notes' }),
    );
    return this.cached;
  }

  /** The controls' templates: the status radios' labels and the action buttons, made once, cloned per row. */
  private controlsTemplate(): ControlsTemplate {
    if (this.cachedControls) return this.cachedControls;
    const t = this.ctx.t;
    const status = h(
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
          ` ${statusLabel(this.ctx.locale, s)}`,
        ),
      ),
    );
    const actions = h(
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
    );
    const print = h('p', { class: 'run-item-result print-only' });
    return (this.cachedControls = { status, actions, print });
  }

  /** The row's controls, made and painted the first time they are asked for. */
  controls(row: Row): RowControls {
    if (row.controls) return row.controls;
    const id = row.el.id;
    const template = this.controlsTemplate();
    const status = template.status.cloneNode(true) as HTMLFieldSetElement;
    const actions = template.actions.cloneNode(true) as HTMLElement;
    row.print = template.print.cloneNode(true) as HTMLElement;
    // Where the template had them: the status above the carry-over marks and the notes; the
    // buttons and the printed line last (the fields and attachments go before the buttons).
    (row.el.querySelector(':scope > .run-item-carry') ?? row.notes).before(status);
    row.el.append(actions, row.print);
    status.setAttribute('aria-describedby', `${id}-step`);
    const radios = {} as Record<Status, HTMLInputElement>;
    for (const label of status.children) {
      const radio = label.firstElementChild;
      if (!(radio instanceof HTMLInputElement)) continue;
      radio.name = `${id}-status`;
      radios[radio.value as Status] = radio;
    }
    const [edit, confirm] = actions.children as unknown as [HTMLButtonElement, HTMLButtonElement];
    if (this.ctx.readOnly()) {
      status.disabled = true;
      edit.hidden = true;
    }
    edit.setAttribute('aria-controls', `${id}-editor`);
    edit.setAttribute('aria-describedby', `${id}-step`);
    row.controls = { radios, edit, confirm };
    this.paintControls(row, this.notesOf(this.ctx.result(row.item.id)));
    return row.controls;
  }

  /** The controls show the row's mark: its status checked, "confirm" offered on a change, the printed line. */
  private paintControls(row: Row, notes: string[]): void {
    const controls = row.controls;
    if (!controls) return;
    const { status, changed } = row.mark;
    if (!controls.radios[status].checked) controls.radios[status].checked = true;
    controls.confirm.hidden = !changed || !!this.ctx.readOnly();
    if (row.print) row.print.textContent = [statusLabel(this.ctx.locale, status), ...notes].join(' — ');
  }

  /** A row for `item`, painted (not yet in the page); `boxes`: the entry and group boxes it goes in. */
  make(item: ChecklistItem, boxes: HTMLElement[]): Row {
    const el = this.template().cloneNode(true) as HTMLLIElement;
    const id = rowId(item.id);
    el.id = id;
    el.dataset.item = item.id;
    el.setAttribute('aria-labelledby', `${id}-step`);
    // The template's parts by place (see template()), not by selector: 38,000 rows are made.
    const [head, step, expect, contextEl, notes] = el.children as unknown as HTMLElement[];
    const [pill, idEl, priority] = head!.children as unknown as HTMLElement[];
    idEl!.textContent = isProcedureItem(item.id) ? '' : item.id;
    priority!.dataset.value = item.priority;
    priority!.textContent = priorityLabel(this.ctx.locale, item.priority);
    step!.id = `${id}-step`;
    // Safe HTML from core; text without markup or entities is set as text (faster, same result).
    const setHtml = (target: Element, html: string) =>
      /[<&]/.test(html) ? (target.innerHTML = html) : (target.textContent = html);
    setHtml(step!, item.stepHtml);
    if (item.expectHtml) setHtml(expect!.lastElementChild!, item.expectHtml);
    else expect!.remove();
    const context = [
      item.menu ? `${this.ctx.t('run.item.menu')} : ${item.menu}` : null,
      ...(item.setup
        ? item.setup.split('\n').map((line, i) => (i === 0 ? `${this.ctx.t('run.item.setup')} : ${line}` : line))
        : []),
    ].filter((x): x is string => !!x);
    if (context.length) context.forEach((line, i) => contextEl!.append(...(i ? [h('br'), line] : [line])));
    else contextEl!.remove();
    const row: Row = {
      item,
      el,
      boxes,
      visible: false,
      mark: UNTESTED,
      pill: pill!,
      flag: null,
      controls: null,
      notes: notes!,
      editor: null,
      conflict: null,
      print: null,
      evidence: null,
      evidenceShows: '',
    };
    // Without a result the row is as the template painted it, but for the carry-over marks.
    const result = this.ctx.result(item.id);
    if (result) this.paint(row, result);
    else paintCarryMarks(row, result, this.ctx);
    return row;
  }

  /** Opens (making it the first time) or closes a row's comment, tester and defect fields. */
  toggleEditor(row: Row, open: boolean): void {
    const { edit } = this.controls(row);
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
        field('comment', this.ctx.t('run.item.comment'), fields.comment),
        field('tester', this.ctx.t('run.item.tester'), fields.tester),
        field('defect', this.ctx.t('run.item.defect'), fields.defect),
      );
      const result = this.ctx.result(row.item.id);
      for (const name of TEXT_FIELDS) fields[name].value = result?.[name] ?? '';
      if (!fields.tester.value) fields.tester.placeholder = this.ctx.tester();
      row.el.querySelector('.run-item-actions')!.before(box);
      row.editor = { box, fields, shows: result };
    }
    if (row.editor) row.editor.box.hidden = !open;
    if (open) this.showEvidence(row);
    edit.setAttribute('aria-expanded', String(open));
    edit.textContent = this.ctx.t(open ? 'run.item.close' : 'run.item.edit');
    row.notes.hidden = open;
  }

  /** Shows a row's result; the open fields are rewritten too unless the focus is in them. */
  paint(row: Row, result: ItemResult | undefined = this.ctx.result(row.item.id)): void {
    row.mark = markOf(row.item, result);
    const { status, changed } = row.mark;
    row.el.dataset.status = status;
    row.pill.dataset.status = status;
    row.pill.textContent = statusLabel(this.ctx.locale, status);
    row.el.toggleAttribute('data-changed', changed);
    if (changed && !row.flag) {
      row.flag = h('span', { class: 'flag-changed', text: this.ctx.t('run.changedSince') });
      row.pill.parentElement!.append(row.flag);
    }
    if (row.flag) row.flag.hidden = !changed;
    const notes = this.notesOf(result);
    this.paintControls(row, notes);
    row.notes.textContent = notes.join(' — ');
    if (row.editor && !row.editor.box.contains(document.activeElement)) {
      for (const name of TEXT_FIELDS) row.editor.fields[name].value = result?.[name] ?? '';
      row.editor.shows = result;
    }
    paintConflict(row, result, this.ctx);
    paintCarryMarks(row, result, this.ctx);
    this.paintEvidence(row, result);
  }

  /** What was recorded besides the status, as lines of text (comment, defect, tester and time). */
  private notesOf(result: ItemResult | undefined): string[] {
    const time = result?.time ? this.ctx.formatTime(result.time) : '';
    return [
      result?.comment,
      result?.defect ? this.ctx.t('export.md.defect', { defect: result.defect }) : null,
      result?.tester && time
        ? this.ctx.t('run.item.by', { tester: result.tester, time })
        : result?.tester
          ? this.ctx.t('run.item.byOnly', { tester: result.tester })
          : time
            ? this.ctx.t('run.item.at', { time })
            : null,
    ].filter((x): x is string => !!x);
  }

  /** Rows with files get their attachments when near the screen; those shown follow the result's files. */
  private paintEvidence(row: Row, result: ItemResult | undefined): void {
    const ids = evidenceIds(result);
    if (!row.evidence) {
      if (ids && !this.waiting.has(row.el)) this.watch(row);
    } else if (ids !== row.evidenceShows) {
      row.evidenceShows = ids;
      void row.evidence.reload();
    }
  }
}
