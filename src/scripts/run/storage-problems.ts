/**
 * A saved value the store could not read, reported to the tester: salvaged in part, moved
 * aside, or kept where it was — each with the value's text offered as a download.
 */
import type { Translate } from '../../core/i18n/translate.ts';
import type { Alerts } from './alerts.ts';
import { downloadBackup } from './backups.ts';
import type { StorageProblem } from './store.ts';

export interface StorageProblemContext {
  t: Translate;
  alerts: Alerts;
  /** The road book's product, naming the download. */
  product: string;
}

export function reportStorageProblem(problem: StorageProblem, c: StorageProblemContext): void {
  const t = c.t;
  const message = problem.salvaged
    ? t('run.storage.salvaged', { n: problem.salvaged.dropped })
    : problem.backup
      ? t('run.storage.corrupt', { what: problem.what, reason: problem.message })
      : t('run.storage.corruptKept', { what: problem.what, reason: problem.message });
  c.alerts.error(message, [
    { label: t('run.storage.download'), run: () => downloadBackup(c.product, problem.raw, Date.now()) },
  ]);
}
