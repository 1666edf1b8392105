/**
 * Runs to and from text: the value kept per run in the browser's storage and the progress
 * file a tester exports and imports elsewhere. Reading never throws and never half-applies:
 * it returns the runs, or an error that says in the road book's language what the text is
 * and why it cannot be used. A result that is not readable is left out and counted
 * (`dropped`), so the caller can keep the original text and say so.
 */
import type { ItemResult, RunResults } from '../checklist/progress.ts';
import { translate } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';
import {
  FORMAT_VERSION,
  issuePath,
  KNOWN_FORMATS,
  PROCESSES_FORMAT,
  PROGRESS_FORMAT,
  progressFileSchema,
  resultSchema,
  RUN_FORMAT,
  savedRunSchema,
} from './schema.ts';
import type { Parsed, RunFileError, RunFileErrorCode, RunScope, SavedRun } from './types.ts';
import type * as z from 'zod/mini';

type Envelope = z.infer<typeof savedRunSchema>['run'];

/** A result that could not be read, by run and item id. */
export interface DroppedResult {
  run: string;
  item: string;
}

function fail(
  locale: Locale,
  code: RunFileErrorCode,
  key: Parameters<typeof translate>[1],
  params = {},
): { ok: false; error: RunFileError } {
  return { ok: false, error: { code, message: translate(locale, key, params) } };
}

/** Results checked one by one; unreadable ones are left out and listed. */
export function cleanResults(
  runId: string,
  raw: Record<string, unknown>,
): { results: RunResults; dropped: DroppedResult[] } {
  const kept: [string, ItemResult][] = [];
  const dropped: DroppedResult[] = [];
  for (const [item, value] of Object.entries(raw)) {
    const parsed = resultSchema.safeParse(value);
    // `__proto__` is never an item id; it is refused so no object ever gets a prototype from a file.
    if (!parsed.success || item === '__proto__' || item.trim() === '') dropped.push({ run: runId, item });
    else kept.push([item, parsed.data as ItemResult]);
  }
  return { results: Object.fromEntries(kept), dropped };
}

function toRun(envelope: Envelope): { run: SavedRun; dropped: DroppedResult[] } {
  const { results, dropped } = cleanResults(envelope.id, envelope.results);
  return { run: { ...(envelope as Omit<SavedRun, 'results'>), results } as SavedRun, dropped };
}

/**
 * Checks the outside of a JSON text: that it is JSON, a roadbook object of one of the
 * `accepted` formats, of a version this code reads, for this product.
 */
function checkEnvelope(
  text: string,
  accepted: readonly string[],
  scope: RunScope,
  locale: Locale,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: RunFileError } {
  if (text.trim() === '') return fail(locale, 'empty', 'run.error.empty');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(locale, 'not-json', 'run.error.notJson', { reason });
  }
  if (Array.isArray(value)) return fail(locale, 'other-kind', 'run.error.processList');
  if (typeof value !== 'object' || value === null) return fail(locale, 'not-roadbook', 'run.error.notRoadbook');
  const object = value as Record<string, unknown>;
  const format = object.format;
  if (typeof format !== 'string') {
    if (object.schema === 1 && Array.isArray(object.items))
      return fail(locale, 'other-kind', 'run.error.checklistExport');
    return fail(locale, 'not-roadbook', 'run.error.notRoadbook');
  }
  if (!accepted.includes(format)) {
    if (format === PROCESSES_FORMAT) return fail(locale, 'other-kind', 'run.error.processList');
    if ((KNOWN_FORMATS as readonly string[]).includes(format)) {
      return fail(locale, 'other-kind', 'run.error.otherKind', { kind: format });
    }
    return fail(locale, 'not-roadbook', 'run.error.notRoadbook');
  }
  if (typeof object.version !== 'number' || object.version > FORMAT_VERSION) {
    return fail(locale, 'newer-version', 'run.error.newerVersion', {
      format,
      version: String(object.version),
      supported: FORMAT_VERSION,
    });
  }
  if (typeof object.product === 'string' && object.product !== scope.product) {
    return fail(locale, 'other-product', 'run.error.otherProduct', { found: object.product, expected: scope.product });
  }
  return { ok: true, value: object };
}

function invalid(locale: Locale, error: Parameters<typeof issuePath>[0]): { ok: false; error: RunFileError } {
  return fail(locale, 'invalid', 'run.error.invalid', { reason: issuePath(error) });
}

/** The value one run is kept as in the browser's storage. */
export function serializeRun(run: SavedRun, scope: RunScope): string {
  return JSON.stringify({ format: RUN_FORMAT, version: FORMAT_VERSION, product: scope.product, base: scope.base, run });
}

/** Reads a value written by `serializeRun`. */
export function parseSavedRun(
  text: string,
  scope: RunScope,
  locale: Locale,
): Parsed<{ run: SavedRun; dropped: DroppedResult[] }> {
  const outside = checkEnvelope(text, [RUN_FORMAT], scope, locale);
  if (!outside.ok) return outside;
  const parsed = savedRunSchema.safeParse(outside.value);
  if (!parsed.success) return invalid(locale, parsed.error);
  return { ok: true, ...toRun(parsed.data.run) };
}

export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  version: typeof FORMAT_VERSION;
  product: string;
  base: string;
  buildId: string | null;
  exported: string;
  runs: SavedRun[];
}

/** The progress file of some runs, as text (pretty-printed JSON: people may open it). */
export function progressFileText(
  runs: readonly SavedRun[],
  scope: RunScope & { buildId: string | null },
  now: Date,
): string {
  const file: ProgressFile = {
    format: PROGRESS_FORMAT,
    version: FORMAT_VERSION,
    product: scope.product,
    base: scope.base,
    buildId: scope.buildId,
    exported: now.toISOString(),
    runs: [...runs],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a progress file; the value of one saved run (a backup a tester downloaded, maybe
 * mended by hand) is accepted too, as a file of that one run.
 */
export function parseProgressFile(
  text: string,
  scope: RunScope,
  locale: Locale,
): Parsed<{ runs: SavedRun[]; dropped: DroppedResult[]; buildId: string | null }> {
  const outside = checkEnvelope(text, [PROGRESS_FORMAT, RUN_FORMAT], scope, locale);
  if (!outside.ok) return outside;
  if (outside.value.format === RUN_FORMAT) {
    const single = parseSavedRun(text, scope, locale);
    return single.ok ? { ok: true, runs: [single.run], dropped: single.dropped, buildId: single.run.buildId } : single;
  }
  const parsed = progressFileSchema.safeParse(outside.value);
  if (!parsed.success) return invalid(locale, parsed.error);
  const ids = new Set<string>();
  const runs: SavedRun[] = [];
  const dropped: DroppedResult[] = [];
  for (const envelope of parsed.data.runs) {
    if (ids.has(envelope.id))
      return fail(locale, 'invalid', 'run.error.invalid', { reason: `runs: id ${envelope.id} twice` });
    ids.add(envelope.id);
    const one = toRun(envelope);
    runs.push(one.run);
    dropped.push(...one.dropped);
  }
  return { ok: true, runs, dropped, buildId: parsed.data.buildId };
}

/**
 * A new run id: 16 random bytes as URL-safe base64 (crypto.getRandomValues works in every
 * browser, also on an intranet served over plain http where randomUUID is missing).
 */
export function newRunId(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(16));
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
