/**
 * When the item list's rows get their controls (item-row.ts, `RowControls`): a row is made
 * without them, and gets them as the box it is laid out in (a run of changes, a process's row)
 * comes near the screen, or, for the rows nobody scrolled to, while the page is idle once the
 * list is in (`fillAll`), or at once before the page prints (`fillNow`). Until then the row
 * shows its status as text, as every row does.
 */
import { yieldToPage } from '../lib/dom.ts';
import type { Row } from './item-row.ts';

/** How near the screen a box's rows get their controls: a screen ahead, above and below. */
const NEAR_MARGIN = '100% 0px';
/**
 * The idle filling's work between two of the page's tasks, in milliseconds: shorter than the
 * list's own slices (item-list.ts), since the tester may already be clicking while it runs.
 * Its slices are background tasks: a click's handling and the frame that shows it go first
 * (as user-visible tasks, a click on a 38,000-item run took 29–41 ms to be painted while the
 * filling ran, 10–20 ms after).
 */
const SLICE_MS = 8;

export class ControlsFiller {
  /** Rows waiting for their controls, by the box they are laid out in. */
  private readonly waiting = new Map<Element, Row[]>();
  /** The boxes near the screen now: a row added to one gets its controls at once. */
  private readonly near = new Set<Element>();
  private observer: IntersectionObserver | null = null;
  private readonly give: (row: Row) => void;

  /** `give`: makes a row's controls (once; a row that has them is left as it is). */
  constructor(give: (row: Row) => void) {
    this.give = give;
  }

  /** `row` gets its controls once `box`, the box it is laid out in, is near the screen. */
  watch(row: Row, box: Element): void {
    if (this.near.has(box)) return this.give(row);
    this.observer ??=
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => this.seen(entries), { rootMargin: NEAR_MARGIN });
    if (!this.observer) return this.give(row);
    const rows = this.waiting.get(box);
    if (rows) rows.push(row);
    else {
      this.waiting.set(box, [row]);
      this.observer.observe(box);
    }
  }

  private seen(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) {
        this.near.delete(entry.target);
        continue;
      }
      this.near.add(entry.target);
      for (const row of this.waiting.get(entry.target) ?? []) this.give(row);
      this.waiting.delete(entry.target);
    }
  }

  /**
   * Gives every row its controls, a slice at a time between the page's tasks, then stops
   * watching; `current` says whether the rows are still the list's (another run may be shown).
   */
  async fillAll(rows: Iterable<Row>, current: () => boolean): Promise<void> {
    let deadline = performance.now() + SLICE_MS;
    for (const row of rows) {
      if (row.controls) continue;
      if (performance.now() > deadline) {
        await yieldToPage('background');
        if (!current()) return;
        deadline = performance.now() + SLICE_MS;
      }
      this.give(row);
    }
    if (current()) this.stop();
  }

  /** Gives every row its controls now (the page is about to print: each row's status line is one of them). */
  fillNow(rows: Iterable<Row>): void {
    for (const row of rows) if (!row.controls) this.give(row);
  }

  /** Forgets every row and box (the list is done, or shows another run). */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.waiting.clear();
    this.near.clear();
  }
}
