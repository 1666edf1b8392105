/**
 * <rb-support data-end="YYYY-MM-DD">: a version's support status on the reader's own day
 * (core/known-issues.ts decides), shown beside the date the page prints. Labels come from the
 * page, in its language.
 */
import { supportStatus } from '../core/known-issues.ts';

/** Today in the reader's time zone, as YYYY-MM-DD. */
export function readerToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

class RoadbookSupport extends HTMLElement {
  connectedCallback(): void {
    const end = this.dataset.end;
    const badge = this.querySelector('.badge');
    if (!end || !badge) return;
    const { status } = supportStatus({ endOfSupport: end }, readerToday());
    if (status === 'none') return;
    badge.textContent = this.dataset[status] ?? '';
    this.dataset.status = status;
    this.hidden = false;
  }
}

if (!customElements.get('rb-support')) customElements.define('rb-support', RoadbookSupport);
