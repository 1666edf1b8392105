/**
 * The progress file of the checklist page with its evidence, both ways: the download (the
 * plain JSON file, or the ZIP of core/run/progress-zip.ts when a result has files, their
 * bytes read from the evidence store) and the import (a ZIP's matching files put back in the
 * store under their run and item). Every file the store lacks or refuses is returned, for
 * the page to say: nothing is dropped silently.
 */
import type { Locale } from '../../core/model.ts';
import type { Attachment } from '../../core/run/evidence.ts';
import { isZip, readProgressZip, writeProgress, type EvidenceProblem } from '../../core/run/progress-zip.ts';
import { parseProgressFile, type DroppedResult } from '../../core/run/saved.ts';
import type { Parsed, RunScope, SavedRun } from '../../core/run/types.ts';
import type { EvidenceStore } from './evidence-store.ts';

/** What of the evidence store a transfer uses. */
export type EvidenceFiles = Pick<EvidenceStore, 'get' | 'put'>;

/** A file to offer as a download. */
export interface ProgressFileDownload {
  extension: 'json' | 'zip';
  mimeType: string;
  data: string | Uint8Array;
  /** Attachments whose bytes the store no longer had: left out of the ZIP. */
  missing: Attachment[];
}

export async function progressDownload(
  runs: readonly SavedRun[],
  scope: RunScope & { buildId: string | null },
  now: Date,
  store: EvidenceFiles | null,
): Promise<ProgressFileDownload> {
  const owners = new Map<string, { run: string; item: string }>();
  for (const run of runs)
    for (const [item, result] of Object.entries(run.results))
      for (const version of [result, ...(result.conflict ?? [])])
        for (const a of version.evidence ?? []) owners.set(a.id, { run: run.id, item });
  const written = await writeProgress(runs, scope, now, async (attachment) => {
    const owner = owners.get(attachment.id);
    const stored = owner && store ? await store.get(owner.run, owner.item, attachment.id) : null;
    return stored ? new Uint8Array(await stored.blob.arrayBuffer()) : null;
  });
  return written.kind === 'json'
    ? { extension: 'json', mimeType: 'application/json', data: written.text, missing: [] }
    : { extension: 'zip', mimeType: 'application/zip', data: written.bytes, missing: written.missing };
}

export type ProgressImport = Parsed<{
  runs: SavedRun[];
  dropped: DroppedResult[];
  buildId: string | null;
  /** Files missing, extra or not matching in the ZIP. */
  problems: EvidenceProblem[];
  /** Matching files the store refused, with its reason. */
  notStored: { attachment: Attachment; reason: string }[];
}>;

/** Reads a progress file (JSON or ZIP) and puts its matching files in the store. */
export async function importProgress(
  bytes: Uint8Array,
  scope: RunScope,
  locale: Locale,
  store: EvidenceFiles | null,
): Promise<ProgressImport> {
  if (!isZip(bytes)) {
    const parsed = parseProgressFile(new TextDecoder().decode(bytes), scope, locale);
    return parsed.ok ? { ...parsed, problems: [], notStored: [] } : parsed;
  }
  const read = await readProgressZip(bytes, scope, locale);
  if (!read.ok) return read;
  const notStored: { attachment: Attachment; reason: string }[] = [];
  for (const file of read.files.values()) {
    const blob = new Blob([new Uint8Array(file.bytes)], { type: file.attachment.type });
    const put = store
      ? await store.put(file.run, file.item, file.attachment, blob)
      : { ok: false as const, reason: '' };
    if (!put.ok) notStored.push({ attachment: file.attachment, reason: put.reason });
  }
  return {
    ok: true,
    runs: read.runs,
    dropped: read.dropped,
    buildId: read.buildId,
    problems: read.problems,
    notStored,
  };
}
