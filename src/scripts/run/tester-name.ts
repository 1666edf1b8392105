/**
 * The tester's name, typed once on the page and kept in the browser for every run: it signs
 * each result recorded and the sign-off. A write the browser refuses is said, the name kept
 * in the page.
 */
import type { Translate } from '../../core/i18n/translate.ts';
import type { Alerts } from './alerts.ts';
import type { RunStore } from './store.ts';

export class TesterName {
  private current: string;

  /** The name saved (`saved`), shown in `input` and saved again as it is typed. */
  constructor(input: HTMLInputElement, saved: string, store: RunStore, alerts: Alerts, t: Translate) {
    this.current = saved;
    input.value = saved;
    input.addEventListener('input', () => {
      this.current = input.value.trim();
      void store.saveTester(this.current).then((written) => {
        if (!written.ok) alerts.error(t('run.storage.full', { reason: written.reason }), [], 'storage-full');
      });
    });
  }

  /** The name now. */
  get name(): string {
    return this.current;
  }
}
