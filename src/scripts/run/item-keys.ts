/**
 * The item list's keyboard: j / k next / previous item; n next item not run (or to run
 * again); 1–6 the status of the item holding the focus; c its comment; Escape closes the
 * fields typed in. Never while typing in a field, nor with a modifier key.
 */
import { STATUSES, type Status } from '../../core/checklist/progress.ts';
import type { Row } from './item-row.ts';

/** What the keys act on. */
export interface KeyTarget {
  /** Whether a run is shown (the keys do nothing otherwise). */
  active(): boolean;
  /** The item rows in the page, in order. */
  root: HTMLElement;
  rowOf(target: EventTarget | null): Row | undefined;
  closeFields(row: Row): void;
  setStatus(row: Row, status: Status): void;
  openComment(itemId: string): void;
}

function visibleRows(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.run-item:not([hidden])')].filter(
    // Rows in a closed box (the items assigned to someone else) are out of reach until it is opened.
    (el) => !el.parentElement?.closest('[hidden], details:not([open])'),
  );
}

export function onItemKey(list: KeyTarget, event: KeyboardEvent): void {
  if (!list.active() || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const target = event.target;
  if (event.key === 'Escape' && target instanceof HTMLElement && target.closest('.run-item-fields')) {
    // Escape closes the fields typed in and goes back to their button.
    const row = list.rowOf(target);
    if (row) {
      list.closeFields(row);
      row.controls?.edit.focus();
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
  // The row the keyboard acts on: the one holding the focus.
  const currentRow = () => list.rowOf(document.activeElement);
  const move = (step: 1 | -1, predicate: (el: HTMLElement) => boolean = () => true) => {
    const rows = visibleRows(list.root);
    const current = currentRow()?.el;
    let index = current ? rows.indexOf(current) : step === 1 ? -1 : rows.length;
    for (;;) {
      index += step;
      const next = rows[index];
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
    const row = currentRow();
    if (!row) return;
    list.setStatus(row, STATUSES[Number(key) - 1]!);
  } else if (key === 'c') {
    const row = currentRow();
    if (!row) return;
    list.openComment(row.item.id);
  } else return;
  event.preventDefault();
}
