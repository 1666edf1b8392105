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
  private readonly input: HTMLInputElement;
  private readonly save: () => void;

  constructor(input: HTMLInputElement, saved: string, store: RunStore, alerts: Alerts, t: Translate) {
    this.current = saved;
    this.input = input;
    input.value = saved;
    this.save = () =>
      void store.saveTester(this.current).then((written) => {
        if (!written.ok) alerts.error(t('run.storage.full', { reason: written.reason }), [], 'storage-full');
      });
    input.addEventListener('input', () => {
      this.current = input.value.trim();
      this.save();
    });
  }

  /** The name becomes `name` (an assignment opened names its tester), shown and saved. */
  set(name: string): void {
    this.current = name.trim();
    this.input.value = this.current;
    this.save();
  }

  /** The name now. */
  get name(): string {
    return this.current;
  }
}
