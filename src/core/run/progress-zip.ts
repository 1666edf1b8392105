/**
 * The progress file of runs with evidence (checklist.md, "Evidence"; layout in
 * docs/checklist.md): a ZIP holding the same progress JSON a run without evidence is exported
 * as, every attached file under `evidence/<attachment id>/<name>`, and `manifest.json` naming
 * each file with its run, item and SHA-256. Runs without evidence stay the plain JSON file.
 *
 * Reading never throws and is bounded: the ZIP's entry count and declared sizes are checked
 * before anything is decompressed (fflate inflates each entry into a buffer of its declared
 * size, so a lying header cannot make it grow), and a path that could leave a folder (`..`,
 * absolute, a drive) refuses the whole file. Every file's bytes are hashed again: a file
 * missing, extra or not matching its SHA-256 is reported by name, and only files that match
 * are handed back. Browser-safe (fflate and Web Crypto work in both the browser and Node).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import type { ItemResult } from '../checklist/progress.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';
import { MAX_EVIDENCE_BYTES, sha256Hex, type Attachment } from './evidence.ts';
import { parseProgressFile, progressFileText, type DroppedResult } from './saved.ts';
import { attachmentSchema, issuePath } from './schema.ts';
import { MAX_PROGRESS_FILE_BYTES } from './storage-limits.ts';
import type { Parsed, RunFileError, RunScope, SavedRun } from './types.ts';
import * as z from 'zod/mini';

export const PROGRESS_ENTRY = 'progress.json';
export const MANIFEST_ENTRY = 'manifest.json';
export const EVIDENCE_FOLDER = 'evidence/';
export const MANIFEST_FORMAT = 'roadbook-evidence-manifest';
export const MANIFEST_VERSION = 1;

/** Bounds of a ZIP the page agrees to open: far beyond a real run's, far below what harms a browser. */
export interface ZipLimits {
  /** Entries, folders included. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 512 * 1024 * 1024 };

/** One attached file with the bytes it holds and where it belongs. */
export interface EvidenceFile {
  run: string;
  item: string;
  attachment: Attachment;
  bytes: Uint8Array;
}

/** Where one attached file goes in the ZIP: its id keeps two files of one name apart. */
export function evidencePath(attachment: Pick<Attachment, 'id' | 'name'>): string {
  return `${EVIDENCE_FOLDER}${attachment.id}/${attachment.name}`;
}

const manifestFileSchema = z.object({
  ...attachmentSchema.shape,
  path: z.string(),
  run: z.string(),
  item: z.string(),
});

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.number(),
  progress: z.object({ path: z.literal(PROGRESS_ENTRY), sha256: z.string() }),
  files: z.array(manifestFileSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** Every attachment of the runs' results (settled versions and those of a conflict), once each. */
export function attachmentsOf(runs: readonly SavedRun[]): { run: string; item: string; attachment: Attachment }[] {
  const out = new Map<string, { run: string; item: string; attachment: Attachment }>();
  for (const run of runs) {
    for (const [item, result] of Object.entries(run.results)) {
      const versions: ItemResult[] = [result, ...(result.conflict ?? [])];
      for (const attachment of versions.flatMap((v) => v.evidence ?? [])) {
        if (!out.has(attachment.id)) out.set(attachment.id, { run: run.id, item, attachment });
      }
    }
  }
  return [...out.values()];
}

/** What a tester downloads: the plain JSON file, or the ZIP when some result has evidence. */
export type ProgressDownload =
  | { kind: 'json'; text: string }
  | {
      kind: 'zip';
      bytes: Uint8Array;
      /** Attachments whose bytes were not at hand: left out of the ZIP, to be told to the tester. */
      missing: Attachment[];
    };

/**
 * The progress file of `runs`; `bytesOf` gives an attachment's bytes (null when the browser
 * lost them). The manifest lists only the files written.
 */
export async function writeProgress(
  runs: readonly SavedRun[],
  scope: RunScope & { buildId: string | null },
  now: Date,
  bytesOf: (attachment: Attachment) => Promise<Uint8Array | null>,
): Promise<ProgressDownload> {
  const text = progressFileText(runs, scope, now);
  const wanted = attachmentsOf(runs);
  if (wanted.length === 0) return { kind: 'json', text };
  const progress = strToU8(text);
  const entries: Zippable = {};
  const files: ManifestFile[] = [];
  const missing: Attachment[] = [];
  for (const { run, item, attachment } of wanted) {
    const bytes = await bytesOf(attachment);
    if (!bytes) {
      missing.push(attachment);
      continue;
    }
    const path = evidencePath(attachment);
    // Images and PDFs are compressed already: stored as they are, they cost no time to zip.
    entries[path] = [bytes, { level: attachment.type === 'text/plain' ? 6 : 0 }];
    files.push({
      ...attachment,
      sha256: (await sha256Hex(toArrayBuffer(bytes))) ?? attachment.sha256,
      path,
      run,
      item,
    });
  }
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    progress: { path: PROGRESS_ENTRY, sha256: (await sha256Hex(progress)) ?? '' },
    files,
  };
  const zip = zipSync(
    { [PROGRESS_ENTRY]: progress, [MANIFEST_ENTRY]: strToU8(`${JSON.stringify(manifest, null, 2)}\n`), ...entries },
    { mtime: now },
  );
  return { kind: 'zip', bytes: zip, missing };
}

function toArrayBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** A ZIP's first bytes: a local file header, or the end record of an empty archive. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1;
}

/** What is wrong with one file of the ZIP, by its path there. */
export interface EvidenceProblem {
  kind: 'missing' | 'extra' | 'mismatch';
  path: string;
  /** For people, in the road book's language. */
  message: string;
}

export type ProgressZip = Parsed<{
  runs: SavedRun[];
  dropped: DroppedResult[];
  buildId: string | null;
  /** The files whose bytes match their SHA-256, by attachment id. */
  files: Map<string, EvidenceFile>;
  problems: EvidenceProblem[];
}>;

/** A name that stays inside the folder it is extracted to, on every system. */
function safePath(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  if (/^[A-Za-z]:/.test(name)) return false;
  return name
    .split('/')
    .every((part, i, all) => part !== '..' && part !== '.' && (part !== '' || i === all.length - 1));
}

function entryLimit(name: string): number {
  return name.startsWith(EVIDENCE_FOLDER) ? MAX_EVIDENCE_BYTES : MAX_PROGRESS_FILE_BYTES;
}

type Unpacked = { ok: true; entries: Unzipped } | { ok: false; key: MessageKey; params: Record<string, string> };

/** The ZIP's entries, after checking every header against the limits and every path. */
function unpack(bytes: Uint8Array, limits: ZipLimits): Unpacked {
  let refusal: Exclude<Unpacked, { ok: true }> | null = null;
  let count = 0;
  let total = 0;
  const names = new Set<string>();
  let entries: Unzipped;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        if (refusal) return false;
        count++;
        total += file.originalSize;
        if (!safePath(file.name)) refusal = { ok: false, key: 'run.error.zipUnsafePath', params: { path: file.name } };
        else if (names.has(file.name)) refusal = { ok: false, key: 'run.error.zipTwice', params: { path: file.name } };
        else if (count > limits.maxEntries || total > limits.maxTotalBytes)
          refusal = { ok: false, key: 'run.error.zipTooBig', params: { path: file.name } };
        else if (Math.max(file.originalSize, file.size) > entryLimit(file.name))
          refusal = { ok: false, key: 'run.error.zipTooBig', params: { path: file.name } };
        names.add(file.name);
        return !refusal && !file.name.endsWith('/');
      },
    });
  } catch (error) {
    return { ok: false, key: 'run.error.notZip', params: { reason: error instanceof Error ? error.message : '' } };
  }
  return refusal ?? { ok: true, entries };
}

function failure(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string> = {},
): { ok: false; error: RunFileError } {
  return { ok: false, error: { code: 'invalid', message: translate(locale, key, params) } };
}

function readManifest(entries: Unzipped): Manifest | string {
  const raw = entries[MANIFEST_ENTRY];
  if (!raw) return `${MANIFEST_ENTRY}: missing`;
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(raw));
  } catch (error) {
    return `${MANIFEST_ENTRY}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) return `${MANIFEST_ENTRY}: ${issuePath(parsed.error)}`;
  if (parsed.data.version > MANIFEST_VERSION) return `${MANIFEST_ENTRY}: version ${parsed.data.version}`;
  return parsed.data;
}

/**
 * Reads a progress ZIP: the runs as `parseProgressFile` reads them, the files that match, and
 * every file that is missing (named by a result or the manifest, absent), extra (in the ZIP,
 * in no manifest line) or not matching (bytes whose SHA-256 differs from the manifest's or
 * from the result's record).
 */
export async function readProgressZip(
  bytes: Uint8Array,
  scope: RunScope,
  locale: Locale,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ProgressZip> {
  // Without Web Crypto (a page over plain HTTP) no hash can be checked: said, not reported as mismatches.
  if (!globalThis.crypto?.subtle) return failure(locale, 'run.error.zipNoCrypto');
  try {
    const unpacked = unpack(bytes, limits);
    if (!unpacked.ok) return failure(locale, unpacked.key, unpacked.params);
    const { entries } = unpacked;
    const progress = entries[PROGRESS_ENTRY];
    if (!progress) return failure(locale, 'run.error.zipNoProgress', { path: PROGRESS_ENTRY });
    const manifest = readManifest(entries);
    if (typeof manifest === 'string') return failure(locale, 'run.error.invalid', { reason: manifest });
    const parsed = parseProgressFile(strFromU8(progress), scope, locale);
    if (!parsed.ok) return parsed;

    const problems: EvidenceProblem[] = [];
    const say = (kind: EvidenceProblem['kind'], path: string) =>
      problems.push({ kind, path, message: translate(locale, `run.evidence.${kind}`, { path }) });
    if ((await sha256Hex(toArrayBuffer(progress))) !== manifest.progress.sha256) say('mismatch', PROGRESS_ENTRY);

    const recorded = new Map(attachmentsOf(parsed.runs).map((a) => [a.attachment.id, a]));
    const listed = new Set<string>([PROGRESS_ENTRY, MANIFEST_ENTRY]);
    const files = new Map<string, EvidenceFile>();
    for (const line of manifest.files) {
      const { path, run, item, ...attachment } = line;
      listed.add(path);
      const content = entries[path];
      const record = recorded.get(attachment.id);
      if (!content) say('missing', path);
      else if (
        path !== evidencePath(attachment) ||
        content.length !== attachment.size ||
        (await sha256Hex(toArrayBuffer(content))) !== attachment.sha256 ||
        (record && record.attachment.sha256 !== attachment.sha256)
      )
        say('mismatch', path);
      else files.set(attachment.id, { run, item, attachment: record?.attachment ?? attachment, bytes: content });
    }
    for (const { attachment } of recorded.values()) {
      const path = evidencePath(attachment);
      if (!listed.has(path)) {
        listed.add(path);
        say('missing', path);
      }
    }
    for (const name of Object.keys(entries)) if (!listed.has(name)) say('extra', name);
    return { ...parsed, files, problems };
  } catch (error) {
    // Nothing above is meant to throw; if something does, the file is refused, never half read.
    return failure(locale, 'run.error.notZip', { reason: error instanceof Error ? error.message : String(error) });
  }
}
