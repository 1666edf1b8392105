/**
 * The progress file in the browser: written for some runs (downloaded), and read from a file
 * the tester picked, refused before anything changes when the browser could not hold it
 * (storage-room.ts) or when it is not a progress file of this road book (core/run/saved.ts).
 */
import { exportFileName } from '../../core/export/index.ts';
import type { Locale } from '../../core/model.ts';
import { parseProgressFile, progressFileText, type DroppedResult } from '../../core/run/saved.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import { download } from '../lib/dom.ts';
import { mebibytes } from '../../core/i18n/format.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { roomFor } from './storage-room.ts';

/** Downloads the progress file of `runs` (named after the run's path when there is one). */
export function downloadProgress(runs: readonly SavedRun[], scope: RunScope & { buildId: string | null }): void {
  if (runs.length === 0) return;
  const single = runs.length === 1 ? runs[0]! : null;
  const text = progressFileText(runs, scope, new Date());
  const name = single
    ? exportFileName(
        { product: scope.product, from: single.request.from, to: single.request.to },
        { extension: 'progress.json' },
      )
    : exportFileName({ product: scope.product, from: null, to: 'runs' }, { extension: 'progress.json' });
  download(name, text, 'application/json');
}

/** The runs of a progress file, or why it is refused (for people, naming the file). */
export async function readProgress(
  file: File,
  scope: RunScope,
  locale: Locale,
  t: Translate,
): Promise<{ ok: true; runs: SavedRun[]; dropped: DroppedResult[] } | { ok: false; message: string }> {
  // Refused before anything is read or changed: a file the browser cannot hold would make every later save fail.
  const room = await roomFor(file.size);
  if (!room.ok) {
    const reason =
      room.reason === 'too-big'
        ? t('run.transfer.tooBig', { size: mebibytes(room.bytes), limit: mebibytes(room.limit) })
        : t('run.transfer.noRoom', { size: mebibytes(room.bytes), free: mebibytes(room.free) });
    return { ok: false, message: t('run.transfer.failed', { file: file.name, reason }) };
  }
  const parsed = parseProgressFile(await file.text(), scope, locale);
  if (!parsed.ok)
    return { ok: false, message: t('run.transfer.failed', { file: file.name, reason: parsed.error.message }) };
  return { ok: true, runs: parsed.runs, dropped: parsed.dropped };
}
