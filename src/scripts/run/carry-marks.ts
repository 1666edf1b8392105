/**
 * What a row of the item list says about carrying results over: "Carried over from « run »
 * (date)" with "Undo carry-over" on a carried result, "Changed since « run »" on an item whose
 * earlier result was for another text (until it is run here). A run open read-only shows the
 * marks without the button. Painted with the row (item-row.ts calls `paintCarryMarks`); the
 * button is handled by the carry panel (carry-panel.ts), which also says where the page finds
 * the open run's items changed since (`useChangedSince`).
 */
import type { CarriedFrom, ItemResult } from '../../core/checklist/progress.ts';
import { h } from '../lib/dom.ts';
import type { Row, RowContext } from './item-row.ts';

/** The action of the per-item button (delegated: carry-panel.ts). */
export const UNDO_CARRY_ACTION = 'undo-carry';

/**
 * The open run's item changed since an earlier run, if any. The rows' painting context belongs
 * to the item list; this is the one thing carrying adds to it, set once by the carry panel.
 */
let changedSince: (itemId: string) => CarriedFrom | null = () => null;

export function useChangedSince(lookup: (itemId: string) => CarriedFrom | null): void {
  changedSince = lookup;
}

interface Marks {
  box: HTMLElement;
  text: HTMLElement;
  undo: HTMLButtonElement;
  changed: HTMLElement;
}

/** Each row's marks, made the first time one is needed. */
const made = new WeakMap<HTMLElement, Marks>();

function marksOf(row: Row, ctx: RowContext): Marks {
  const known = made.get(row.el);
  if (known) return known;
  const text = h('span', { class: 'carry-from' });
  const undo = h('button', {
    class: 'undo-carry no-print',
    data: { action: UNDO_CARRY_ACTION },
    attrs: { type: 'button', 'aria-describedby': `${row.el.id}-step` },
    text: ctx.t('run.carry.undo'),
  });
  const changed = h('span', { class: 'flag-changed flag-carry-changed' });
  const box = h('p', { class: 'run-item-carry' }, text, ' ', undo, changed);
  row.el.querySelector('.run-item-notes')!.before(box);
  const marks = { box, text, undo, changed };
  made.set(row.el, marks);
  return marks;
}

/** Shows (or hides) the row's carried-over and changed-since marks for `result`. */
export function paintCarryMarks(row: Row, result: ItemResult | undefined, ctx: RowContext): void {
  const from = result?.carriedFrom;
  const since = changedSince(row.item.id);
  row.el.toggleAttribute('data-carried', !!from);
  if (!from && !since && !made.has(row.el)) return;
  const marks = marksOf(row, ctx);
  marks.box.hidden = !from && !since;
  marks.text.hidden = !from;
  marks.undo.hidden = !from || ctx.readOnly();
  marks.text.textContent = from ? ctx.t('run.carry.from', { run: from.name, date: ctx.formatTime(from.date) }) : '';
  marks.changed.hidden = !since;
  marks.changed.textContent = since
    ? ctx.t('run.carry.changedSince', { run: since.name, date: ctx.formatTime(since.date) })
    : '';
}
