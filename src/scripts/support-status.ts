/**
 * <rb-support data-end="YYYY-MM-DD">: a version's support status on the reader's own day
 * (core/known-issues.ts decides), shown beside the date the page prints. Labels come from the
 * page, in its language.
 */
import { localIsoDate } from '../core/i18n/format.ts';
import { supportStatus } from '../core/known-issues.ts';

class RoadbookSupport extends HTMLElement {
  connectedCallback(): void {
    const end = this.dataset.end;
    const badge = this.querySelector('.badge');
    if (!end || !badge) return;
    const { status } = supportStatus({ endOfSupport: end }, localIsoDate(new Date()));
    if (status === 'none') return;
    badge.textContent = this.dataset[status] ?? '';
    this.dataset.status = status;
    this.hidden = false;
  }
}

if (!customElements.get('rb-support')) customElements.define('rb-support', RoadbookSupport);
