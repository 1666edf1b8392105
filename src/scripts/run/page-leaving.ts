/**
 * Saving around the page's life: what waits is written when the page is hidden or left, a
 * write the browser refused is tried again whenever the tester comes back, and leaving with
 * changes refused the browser asks first.
 */
import type { RunStore } from './store.ts';

export function saveAroundLeaving(store: RunStore): void {
  const flush = () => void store.flush();
  window.addEventListener('pagehide', flush);
  window.addEventListener('focus', () => store.retry());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
    else store.retry();
  });
  window.addEventListener('beforeunload', (event) => {
    // A write under way is not asked about: it ends within moments, and the journal names it if it does not.
    if (store.saveState.state === 'failed') event.preventDefault();
  });
}
