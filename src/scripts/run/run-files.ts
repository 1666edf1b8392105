/**
 * The files the tester takes from the page or brings to it: progress files (progress-files.ts)
 * exported for some runs, with their attachments, and imported — the attachments put in the
 * evidence store, the runs merged into those kept (core's mergeFromFile), then written; every
 * attachment that could not be exported or taken is named in one alert — and the open run's
 * checklist in each export format (core/export). What waits is written first, so a file
 * holds what the page shows.
 */
import { exportChecklist, type ExportFormatId } from '../../core/export/index.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import type { Locale } from '../../core/model.ts';
import { storagePrefix } from '../../core/run/storage-keys.ts';
import { mergeFromFile } from '../../core/run/sync.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import { download, h } from '../lib/dom.ts';
import type { Alerts } from './alerts.ts';
import { evidenceStore } from './evidence-store.ts';
import { downloadProgress, readProgress } from './progress-files.ts';
import type { RunController } from './run-controller.ts';
import type { RunSession } from './session.ts';
import type { RunStore } from './store.ts';

export interface RunFilesContext {
  t: Translate;
  locale: Locale;
  scope: RunScope;
  /** The build id of the site now, written in progress files. */
  buildId: string | null;
  alerts: Alerts;
  store: RunStore;
  controller: RunController;
  /** The run showing, if any. */
  session(): RunSession | null;
}

export class RunFiles {
  private readonly c: RunFilesContext;

  constructor(c: RunFilesContext) {
    this.c = c;
  }

  private evidence() {
    return evidenceStore(storagePrefix(this.c.scope));
  }

  /** Downloads the progress file of `runs`, with their attachments. */
  async exportRuns(runs: readonly SavedRun[]): Promise<void> {
    void this.c.store.flush();
    const { t, alerts } = this.c;
    try {
      const missing = await downloadProgress(runs, { ...this.c.scope, buildId: this.c.buildId }, await this.evidence());
      if (missing.length)
        this.listAlert(
          t('run.evidence.exportMissing'),
          missing.map((a) => a.name),
          'export-evidence',
        );
    } catch (error) {
      alerts.error(t('run.downloadFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** Takes in the runs of a progress file (and the files of a ZIP), or says why it is refused. */
  async import(file: File): Promise<void> {
    const { store, controller, t } = this.c;
    void store.flush();
    const read = await readProgress(file, this.c.scope, this.c.locale, t, await this.evidence());
    if (!read.ok) {
      this.c.alerts.error(read.message, [], 'import');
      return;
    }
    await controller.apply((s) => mergeFromFile(s, { runs: read.runs, dropped: read.dropped.length }));
    if (read.fileProblems.length)
      this.listAlert(t('run.evidence.importProblems', { file: file.name }), read.fileProblems, 'import-evidence');
    else this.c.alerts.clear('import-evidence');
    await store.flush();
  }

  /** An alert saying `title`, then each line of `lines`. */
  private listAlert(title: string, lines: string[], key: string): void {
    const body = h('div', {}, h('p', { text: title }), h('ul', {}, ...lines.map((line) => h('li', { text: line }))));
    this.c.alerts.error(body, [], key);
  }

  /** Wires the buttons `button[data-export]` inside `section`, each downloading its format. */
  wireDownloads(section: HTMLElement): void {
    section.addEventListener('click', (event) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-export]') : null;
      if (button) void this.downloadFormat(button, button.dataset.export as ExportFormatId);
    });
  }

  private async downloadFormat(button: HTMLButtonElement, id: ExportFormatId): Promise<void> {
    const session = this.c.session();
    if (!session) return;
    void this.c.store.flush();
    button.setAttribute('aria-busy', 'true');
    button.disabled = true;
    try {
      const result = await exportChecklist(id, session.checklist, session.run.results, {
        origin: location.origin,
        ...session.run.arrangement,
      });
      download(result.fileName, result.data, result.mimeType);
    } catch (error) {
      this.c.alerts.error(
        this.c.t('run.downloadFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      button.removeAttribute('aria-busy');
      button.disabled = false;
    }
  }
}
