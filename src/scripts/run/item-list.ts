/**
 * <rb-items>: the items of a run on the checklist page, one row per item in the step it
 * belongs to (procedure steps 1–2, each change grouped by module and entry, each process,
 * steps 6–7), with its status, comment, tester, defect and time; filters (item-filters.ts);
 * progress (item-progress.ts); keyboard shortcuts (item-keys.ts). Rows: item-row.ts.
 *
 * The run's arrangement (item-arrangement.ts; where each item goes: core/run/item-layout.ts):
 * the changes in the road book's order (by module) or by risk (a heading per rank), the
 * minimum set alone, and with an assignment the tester's items first, the others after them
 * under "Assigned to someone else", marked and closed. Procedure steps and processes stay
 * where the procedure puts them. Rows and each change's box are made once per run: a new
 * order moves the changes' boxes into other headings, the minimum set only hides rows.
 *
 * Built to stay responsive with thousands of items: rows are made from a cloned template in
 * slices of a few milliseconds, the page handling input and painting in between, the first
 * screen at once and the others on screen in doubling batches (`held`); one listener per kind
 * of event on the whole list; a click repaints only its row and moves the counts by it;
 * filters only toggle `hidden`.
 *
 * What an edit makes of a result (its revision, its hash, a conflict when typed over another
 * tab's change) is core's rule (core/run/record.ts): the list asks for the transition and
 * repaints when the page's controller says so. The comment, tester and defect fields
 * remember which result they show, so core can tell text typed over another tab's change. A
 * run open read-only shows the same rows without any control that records.
 *
 * Longer than the other panels' modules for one reason: the list's five listeners, the rows
 * they dispatch to and the visible counts they update share one row map, and splitting them
 * would hand that map around; everything else (rows, groups, filters, progress, keys,
 * conflicts) is a module of its own.
 */
import { resultOf, type ItemResult, type Status } from '../../core/checklist/progress.ts';
import type { ChecklistItem } from '../../core/checklist/types.ts';
import { formatters, type Formatters } from '../../core/i18n/format.ts';
import { choiceLabels } from '../../core/i18n/labels.ts';
import { pluralKey } from '../../core/i18n/plural.ts';
import type { Locale } from '../../core/model.ts';
import { record, settle, type EditStamp } from '../../core/run/record.ts';
import type { RunState, Transition } from '../../core/run/run-state.ts';
import { matchesFilter, NO_FILTER, type ItemFilter } from '../../core/run/view.ts';
import type { ChecklistArrangement, ChecklistOrder } from '../../core/checklist/risk.ts';
import { arrange } from '../../core/run/arrange.ts';
import { itemOwner } from '../../core/run/assignment.ts';
import { changesLayout, minimumIds, processesLayout, type LayoutUnit } from '../../core/run/item-layout.ts';
import { h, part, yieldToPage } from '../lib/dom.ts';
import { ControlsFiller } from './row-controls.ts';
import {
  fillArrangementForm,
  markAssignedElsewhere,
  openingArrangement,
  readArrangementForm,
  rememberArrangement,
} from './item-arrangement.ts';
import { fillFilterForm, readFilterForm, rememberFilter } from './item-filters.ts';
import { ArrangementBoxes, PARTS, type Part, type SplitStep } from './item-arrangement-boxes.ts';
import { entryBox, groupBox, knownIssueBox } from './item-groups.ts';
import { onItemKey } from './item-keys.ts';
import { ItemProgress } from './item-progress.ts';
import { groupKeyOf, RowMaker, TEXT_FIELDS, type Row, type TextField } from './item-row.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { RunSession } from './session.ts';

export { rowId } from './item-row.ts';

/** Rows are added in slices of about this many milliseconds, then the page gets the hand back. */
const SLICE_MS = 12;
const STEPS = ['copy-data', 'install-test', 'changes', 'processes', 'archive', 'install-production'];

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

export class ItemList extends HTMLElement {
  /** The run's section, inside this element. */
  private root!: HTMLElement;
  private t!: Translate;
  private locale: Locale = 'fr';
  private pageLang = 'fr';
  private hooks!: ItemListHooks;
  private maker!: RowMaker;
  private progress!: ItemProgress;
  private readonly rows = new Map<string, Row>();
  /** Shown rows per entry or group box. */
  private readonly shownIn = new Map<HTMLElement, number>();
  /**
   * Rows made but kept off screen (hidden, with the boxes only they are in) until released:
   * every frame's style, layout and paint work grows with the rows on screen, so the rows
   * after the first screen go on screen in batches, each as large as all those before it —
   * a few frames of work in all, instead of one per slice over a growing list.
   */
  private readonly held = new Set<Row>();
  private shown = 0;
  private session: RunSession | null = null;
  private filter: ItemFilter = NO_FILTER;
  private arrangement: ChecklistArrangement = {};
  /** Ids of the run's checklist items outside the minimum set. */
  private outsideMinimum = new Set<string>();
  private boxes!: ArrangementBoxes;
  private filler!: ControlsFiller;
  private generation = 0;
  private format!: Formatters;
  /** Resolves when every row of the current run is in the page. */
  rendered: Promise<void> = Promise.resolve();

  /** Wires the list to the page (once). */
  connect(t: Translate, locale: Locale, hooks: ItemListHooks): void {
    this.root = part(this, 'run');
    this.t = t;
    this.locale = locale;
    this.pageLang = document.documentElement.lang || locale;
    this.hooks = hooks;
    this.format = formatters(locale);
    this.maker = new RowMaker({
      t,
      locale,
      readOnly: () => !!this.session?.readOnly,
      result: (id) => this.result(id),
      formatTime: (iso) => this.formatTime(iso),
      tester: () => hooks.tester(),
      own: (rev) => hooks.own(rev),
    });
    this.progress = new ItemProgress(this.root, t, locale, () => this.session);
    this.boxes = new ArrangementBoxes(t, (step) => this.container(`step-${step}`));
    this.filler = new ControlsFiller((row) => this.maker.controls(row));
    // A row reached by the keyboard before its box came near the screen gets its controls then.
    this.root.addEventListener('focusin', (e) => {
      const row = this.rowOf(e.target);
      if (row) this.maker.controls(row);
    });
    this.root.addEventListener('change', (e) => this.onChange(e));
    this.root.addEventListener('input', (e) => this.onInput(e));
    this.root.addEventListener('click', (e) => this.onClick(e));
    const filters = part<HTMLFormElement>(this.root, 'filters');
    filters.addEventListener('change', () => this.readFilter());
    filters.addEventListener('reset', () => setTimeout(() => this.readFilter()));
    filters.addEventListener('submit', (e) => e.preventDefault());
    // Printed while rows are still being made: those made so far are all on paper, each with
    // its printed status line (made with its controls).
    window.addEventListener('beforeprint', () => {
      this.release();
      this.filler.fillNow(this.rows.values());
    });
    const arrangement = part<HTMLFormElement>(this.root, 'arrange');
    arrangement.addEventListener('change', () => void this.arrange(readArrangementForm(arrangement)));
    arrangement.addEventListener('submit', (e) => e.preventDefault());
    document.addEventListener('keydown', (e) =>
      onItemKey(
        {
          active: () => !!this.session && !this.root.hidden,
          root: this.root,
          rowOf: (target) => this.rowOf(target),
          closeFields: (row) => this.maker.toggleEditor(row, false),
          setStatus: (row, status) => this.setStatus(row, status),
          openComment: (id) => this.openComment(id),
        },
        e,
      ),
    );
  }

  formatTime(iso: string | undefined): string {
    return this.format.dateTime(iso);
  }

  /** Shows a run: every row, in chunks; resolves when all are in the page. */
  show(session: RunSession, filter: ItemFilter): Promise<void> {
    const generation = ++this.generation;
    this.session = session;
    this.filler.stop();
    this.rows.clear();
    this.held.clear();
    this.shownIn.clear();
    this.boxes.reset(session.checklist);
    this.shown = 0;
    this.filter = filter;
    fillFilterForm(part<HTMLFormElement>(this.root, 'filters'), session, filter, this.t);
    const minimum = minimumIds(session.checklist);
    this.outsideMinimum = new Set(session.checklist.items.filter((i) => !minimum.has(i.id)).map((i) => i.id));
    const arrangement = openingArrangement(session.run, new URLSearchParams(location.search));
    this.arrangement = arrangement;
    fillArrangementForm(part<HTMLFormElement>(this.root, 'arrange'), arrangement);
    this.showArrangement();
    rememberArrangement(arrangement);
    // An address that asks for another arrangement than the run's: the run remembers it.
    this.hooks.apply((state) => arrange(state, { arrangement, time: new Date().toISOString() }));
    this.rendered = this.renderAll(session, generation);
    return this.rendered;
  }

  private container(name: string): HTMLElement {
    return part(this.root, name);
  }

  private get order(): ChecklistOrder {
    return this.arrangement.order ?? 'road-book';
  }

  private async renderAll(session: RunSession, generation: number): Promise<void> {
    const t = this.t;
    const { checklist, procedure } = session;
    const assignment = session.run.assignment;
    for (const step of STEPS) this.container(`step-${step}`).replaceChildren();
    this.root.dataset.rendering = 'true';
    this.root.dataset.order = this.order;

    // Procedure steps 1, 2, 6, 7: one item each, where the procedure puts them.
    for (const item of [...procedure.before, ...procedure.after]) {
      const row = this.row(item, []);
      this.maker.controls(row);
      if (itemOwner(item, assignment) === 'other') markAssignedElsewhere(row.el, t('run.assigned.mark'));
      this.container(`step-${item.key}`).append(h('ul', { class: 'run-items' }, row.el));
    }
    if (checklist.processes.length === 0)
      this.container('step-processes').append(h('p', { class: 'muted', text: t('run.noProcesses') }));
    if (checklist.items.every((i) => i.process !== null))
      this.container('step-changes').append(h('p', { class: 'muted', text: t('run.noChanges') }));
    this.progress.update();

    const typeLabel = choiceLabels(checklist.labels.types);
    const moduleLabel = choiceLabels(checklist.labels.modules);
    const entries = new Map(checklist.entries.map((e) => [e.id, e]));
    const issues = new Map(checklist.knownIssues.map((k) => [k.id, k]));
    const changes = changesLayout(checklist, this.order, assignment);
    const processes = processesLayout(checklist, assignment);
    const othersCount = {
      changes: changes.sections.others.reduce((n, s) => n + s.count, 0),
      processes: processes.others.reduce((n, u) => n + u.items.length, 0),
    };
    // Each unit's box is made when its first row is reached, so the first rows show at once.
    // `near`: the box whose coming near the screen gives the rows their controls (a process's row is its own).
    const plan: {
      unit: LayoutUnit;
      place(): { list: HTMLUListElement; rows: Row[]; boxes: HTMLElement[]; near?: HTMLElement };
    }[] = [];
    /** The "assigned to someone else" box a row of `which` part is also in, if any. */
    const apart = (which: Part, step: SplitStep) =>
      which === 'others' ? [this.boxes.part(step, which, othersCount[step])] : [];
    for (const which of PARTS) {
      for (const section of changes.sections[which]) {
        let sectionEl: HTMLElement | null = null;
        for (const unit of section.units)
          plan.push({
            unit,
            place: () => {
              if (!sectionEl) {
                sectionEl = this.boxes.section(which, this.order, section);
                this.boxes.part('changes', which, othersCount.changes).append(sectionEl);
              }
              const list = h('ul', { class: 'run-items' });
              const first = unit.items[0]!;
              const module = moduleLabel(first.module ?? '');
              const box =
                first.knownIssue !== null
                  ? knownIssueBox(first, issues.get(first.knownIssue), this.locale, list)
                  : entryBox(first, entries.get(first.entry ?? ''), typeLabel, t, list, module);
              const chunk = this.boxes.addToSection(sectionEl, box);
              return {
                list,
                rows: this.boxes.addUnit(unit.key, box),
                boxes: [box, chunk, sectionEl, ...apart(which, 'changes')],
                near: chunk,
              };
            },
          });
      }
    }
    for (const which of PARTS)
      for (const unit of processes[which])
        plan.push({
          unit,
          place: () => {
            const first = unit.items[0]!;
            const key = which === 'mine' ? groupKeyOf(first) : `others-${groupKeyOf(first)}`;
            const box = groupBox(first, key, first.title, unit.items.length);
            const list = h('ul', { class: 'run-items' });
            box.append(list);
            this.boxes.part('processes', which, othersCount.processes).append(box);
            return { list, rows: this.boxes.addUnit(unit.key, box), boxes: [box, ...apart(which, 'processes')] };
          },
        });

    let deadline = performance.now() + SLICE_MS;
    // The first slice's rows (the first screen) show at once; the others are held, then released.
    let hold = false;
    for (const { unit, place } of plan) {
      const placed = place();
      for (const item of unit.items) {
        if (performance.now() > deadline) {
          if (this.held.size >= this.rows.size - this.held.size) this.release();
          await yieldToPage();
          if (generation !== this.generation) return;
          deadline = performance.now() + SLICE_MS;
          hold = true;
        }
        const row = this.row(item, [...placed.boxes], hold);
        if (unit.owner === 'other') markAssignedElsewhere(row.el, t('run.assigned.mark'));
        placed.list.append(row.el);
        placed.rows.push(row);
        // The first slice's rows (the first screen) are painted with their controls.
        if (hold) this.filler.watch(row, placed.near ?? row.el);
        else this.maker.controls(row);
      }
    }
    if (generation !== this.generation) return;
    this.release();
    this.progress.update();
    delete this.root.dataset.rendering;
    this.root.dataset.ready = 'true';
    void this.filler.fillAll(this.rows.values(), () => generation === this.generation);
  }

  /** Lists the changes in `order`: their boxes move under that order's headings, no row is made again. */
  private place(order: ChecklistOrder): void {
    const session = this.session;
    if (!session) return;
    if (!this.boxes.place(changesLayout(session.checklist, order, session.run.assignment))) return;
    this.root.dataset.order = order;
    this.recount();
  }

  /** Counts again the shown rows of every box, after rows changed boxes. */
  private recount(): void {
    this.shownIn.clear();
    for (const row of this.rows.values())
      if (row.visible) for (const box of row.boxes) this.shownIn.set(box, (this.shownIn.get(box) ?? 0) + 1);
    for (const box of this.boxes.all()) box.hidden = !this.shownIn.get(box);
  }

  /** The tester chose another arrangement: the list follows, the address and the run remember it. */
  private async arrange(next: ChecklistArrangement): Promise<void> {
    // Once every row of the run shown now is in the page (another run may be shown meanwhile).
    for (let rendered = this.rendered; ; rendered = this.rendered) {
      await rendered;
      if (rendered === this.rendered) break;
    }
    const before = this.arrangement;
    this.arrangement = next;
    if ((before.order ?? 'road-book') !== this.order) this.place(this.order);
    if (!!before.minimum !== !!next.minimum) this.applyFilter();
    this.showArrangement();
    rememberArrangement(next);
    this.hooks.apply((state) => arrange(state, { arrangement: next, time: new Date().toISOString() }));
  }

  /** How many items the minimum set hides, while it is chosen. */
  private showArrangement(): void {
    const n = this.outsideMinimum.size;
    part(this.root, 'arrange-status').textContent = this.arrangement.minimum
      ? this.t(pluralKey('run.arrange.hidden', this.pageLang, n), { n })
      : '';
    this.root.toggleAttribute('data-minimum', !!this.arrangement.minimum);
  }

  /** Whether the filter and the arrangement show `item`. */
  private shows(item: ChecklistItem): boolean {
    if (this.arrangement.minimum && this.outsideMinimum.has(item.id)) return false;
    return matchesFilter(item, this.result(item.id), this.filter);
  }

  private row(item: ChecklistItem, boxes: HTMLElement[], hold = false): Row {
    const row = this.maker.make(item, boxes);
    this.rows.set(item.id, row);
    if (hold) {
      row.el.hidden = true;
      this.held.add(row);
    }
    this.setVisible(row, this.shows(item));
    return row;
  }

  private result(itemId: string): ItemResult | undefined {
    return resultOf(this.session?.run.results, itemId);
  }

  /** Keeps one version of a result in conflict (`versionsOf` order). */
  private keepVersion(row: Row, index: number): void {
    const stamp = this.hooks.stamp();
    this.hooks.apply((state) => settle(state, { item: row.item.id, version: index, ...stamp }));
    row.el.focus();
  }

  /**
   * Repaints rows after their results changed: `ids` only, the progress moved by what each
   * row's mark became and repainted within a frame; or every row, counted again.
   */
  repaint(ids?: Iterable<string>): void {
    if (!ids) {
      for (const row of this.rows.values()) this.maker.paint(row);
      this.progress.update();
      return;
    }
    // An id without a row is a result left without an item (not counted), or a row not made
    // yet (counted when the rows are all made).
    for (const id of ids) {
      const row = this.rows.get(id);
      if (!row) continue;
      const before = row.mark;
      this.maker.paint(row);
      this.progress.moved(before, row.mark);
    }
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
    if (row) this.record(row, { [name]: target.value }, false, true);
  }

  private onClick(event: Event): void {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-action]') : null;
    const row = button && this.rowOf(button);
    if (!button || !row) return;
    const action = button.dataset.action;
    if (action === 'edit') {
      const open = button.getAttribute('aria-expanded') !== 'true';
      this.maker.toggleEditor(row, open);
      if (open) row.editor?.fields.comment.focus();
    } else if (action === 'keep-version') {
      this.keepVersion(row, Number(button.dataset.version));
    } else if (action === 'edit-mine') {
      this.openComment(row.item.id);
    } else if (action === 'confirm-result') {
      const result = this.result(row.item.id);
      if (!result) return;
      this.record(row, { status: result.status }, true);
      row.el.focus();
    }
  }

  /** Opens a row's fields and puts the cursor in its comment. */
  openComment(itemId: string): void {
    const row = this.rows.get(itemId);
    if (!row) return;
    this.maker.toggleEditor(row, true);
    row.editor?.fields.comment.focus();
  }

  // Filters ------------------------------------------------------------------------------

  private readFilter(): void {
    this.filter = readFilterForm(part<HTMLFormElement>(this.root, 'filters'));
    this.applyFilter();
    rememberFilter(this.filter);
  }

  /** Shows every item again (to reach one a filter hides). */
  private resetFilter(): void {
    part<HTMLFormElement>(this.root, 'filters').reset();
    this.filter = NO_FILTER;
    this.applyFilter();
  }

  /** Counts a row shown or not; it is put on screen so unless it is held (see `held`). */
  private setVisible(row: Row, visible: boolean): void {
    if (row.visible !== visible) {
      const change = visible ? 1 : -1;
      row.visible = visible;
      this.shown += change;
      for (const box of row.boxes) this.shownIn.set(box, (this.shownIn.get(box) ?? 0) + change);
    }
    if (!this.held.has(row)) this.showRow(row);
  }

  /** Shows or hides a row and its boxes as counted. */
  private showRow(row: Row): void {
    if (row.el.hidden === row.visible) row.el.hidden = !row.visible;
    for (const box of row.boxes) {
      const hide = !this.shownIn.get(box);
      if (box.hidden !== hide) box.hidden = hide;
    }
  }

  /** Puts the held rows on screen, in one frame's work. */
  private release(): void {
    for (const row of this.held) this.showRow(row);
    this.held.clear();
    this.showCount();
  }

  private applyFilter(): void {
    for (const row of this.rows.values()) this.setVisible(row, this.shows(row.item));
    this.showCount();
  }

  private showCount(): void {
    part(this.root, 'filter-status').textContent = this.t(pluralKey('run.filter.shown', this.pageLang, this.shown), {
      shown: this.shown,
      total: this.rows.size,
    });
  }

  /** Brings an item into view and focus, showing every item first if a filter hides it. */
  async reveal(itemId: string): Promise<void> {
    await this.rendered;
    const row = this.rows.get(itemId);
    if (!row) return;
    if (row.el.hidden) this.resetFilter();
    if (row.el.hidden && this.arrangement.minimum) {
      fillArrangementForm(part<HTMLFormElement>(this.root, 'arrange'), { ...this.arrangement, minimum: false });
      await this.arrange({ ...this.arrangement, minimum: false });
    }
    const closed = row.el.closest('details');
    if (closed) closed.open = true;
    row.el.scrollIntoView({ block: 'center' });
    row.el.focus();
  }
}

if (!customElements.get('rb-items')) customElements.define('rb-items', ItemList);
