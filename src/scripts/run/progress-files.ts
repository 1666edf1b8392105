/**
 * The progress file in the browser: written for some runs (downloaded: the plain JSON file, or
 * the ZIP with the files attached when a result has some, evidence-transfer.ts), and read from
 * a file the tester picked, JSON or ZIP, refused before anything changes when the browser could
 * not hold it (storage-room.ts) or when it is not a progress file of this road book
 * (core/run/saved.ts, core/run/progress-zip.ts). A ZIP's matching files are put in the evidence
 * store as it is read; what of its files could not be taken is handed back, to be said.
 */
import { exportFileName } from '../../core/export/index.ts';
import type { Locale } from '../../core/model.ts';
import type { Attachment } from '../../core/run/evidence.ts';
import { isZip, ZIP_LIMITS } from '../../core/run/progress-zip.ts';
import type { DroppedResult } from '../../core/run/saved.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import { download } from '../lib/dom.ts';
import { mebibytes } from '../../core/i18n/format.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { importProgress, progressDownload, type EvidenceFiles } from './evidence-transfer.ts';
import { roomFor } from './storage-room.ts';

/**
 * Downloads the progress file of `runs` (named after the run's path when there is one), with
 * the files `store` holds; resolves with the attachments whose bytes it no longer had.
 */
export async function downloadProgress(
  runs: readonly SavedRun[],
  scope: RunScope & { buildId: string | null },
  store: EvidenceFiles | null,
): Promise<Attachment[]> {
  if (runs.length === 0) return [];
  const single = runs.length === 1 ? runs[0]! : null;
  const file = await progressDownload(runs, scope, new Date(), store);
  const extension = { extension: `progress.${file.extension}` };
  const name = single
    ? exportFileName({ product: scope.product, from: single.request.from, to: single.request.to }, extension)
    : exportFileName({ product: scope.product, from: null, to: 'runs' }, extension);
  download(name, file.data, file.mimeType);
  return file.missing;
}

export type ReadProgress =
  | {
      ok: true;
      runs: SavedRun[];
      dropped: DroppedResult[];
      /** Each file of a ZIP not taken (missing, extra, not matching, refused by the store), for people. */
      fileProblems: string[];
    }
  | { ok: false; message: string };

/** The first bytes of a file, enough to tell a ZIP. */
async function head(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, 4).arrayBuffer());
}

/** The runs of a progress file, JSON or ZIP, or why it is refused (for people, naming the file). */
export async function readProgress(
  file: File,
  scope: RunScope,
  locale: Locale,
  t: Translate,
  store: EvidenceFiles | null,
): Promise<ReadProgress> {
  const failed = (reason: string): ReadProgress => ({
    ok: false,
    message: t('run.transfer.failed', { file: file.name, reason }),
  });
  // A ZIP may carry files beside its progress.json, which is held to the JSON file's limit as it is read.
  const zip = isZip(await head(file));
  // Refused before anything is read or changed: a file the browser cannot hold would make every later save fail.
  const room = await roomFor(file.size, zip ? ZIP_LIMITS.maxTotalBytes : undefined);
  if (!room.ok)
    return failed(
      room.reason === 'too-big'
        ? t('run.transfer.tooBig', { size: mebibytes(room.bytes), limit: mebibytes(room.limit) })
        : t('run.transfer.noRoom', { size: mebibytes(room.bytes), free: mebibytes(room.free) }),
    );
  const read = await importProgress(new Uint8Array(await file.arrayBuffer()), scope, locale, store);
  if (!read.ok) return failed(read.error.message);
  const fileProblems = [
    ...read.problems.map((p) => p.message),
    ...read.notStored.map((n) => t('run.evidence.notStored', { name: n.attachment.name, reason: n.reason })),
  ];
  return { ok: true, runs: read.runs, dropped: read.dropped, fileProblems };
}
