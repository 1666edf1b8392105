/**
 * Reading a sign-off report file back (checklist.md, "Sealed sign-off"): the Markdown or JSON
 * the site and the CLI write, to its sealed data, the seal it states and whether that seal and
 * (for Markdown) the digest of the text before it still hold. Reading never throws: a file that
 * is not a sealed report gets an error with its line and column. Checked against the road book
 * by verify-report.ts.
 */
import * as z from 'zod/mini';
import { STATUSES } from '../checklist/progress.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import { LOCALES, type Locale } from '../model.ts';
import { issuePath, processSchema } from './schema.ts';
import { canonicalJson, SEAL_VERSION, sealOf, sha256Hex, type SealData } from './seal.ts';
import { readSealTail } from './seal-markdown.ts';
import { reportSealData } from './seal-report.ts';
import { SIGNOFF_FORMAT, SIGNOFF_FORMAT_VERSION } from './signoff-json.ts';
import type { SignOffReport } from './signoff.ts';
import { DECISIONS } from './types.ts';

/** The sealed data (seal.ts `SealData`), as a Markdown report carries it and the published schema describes it. */
export const sealDataSchema = z.object({
  seal: z.literal(SEAL_VERSION),
  product: z.string(),
  locale: z.enum(LOCALES),
  buildId: z.nullable(z.string()),
  path: z.object({
    from: z.nullable(z.string()),
    to: z.string(),
    modules: z.array(z.string()),
    editions: z.array(z.string()),
    processes: z.array(z.union([z.string(), processSchema])),
  }),
  signOff: z.object({
    decision: z.nullable(z.enum(DECISIONS)),
    environment: z.string(),
    place: z.string(),
    date: z.string(),
    parties: z.array(z.object({ role: z.string(), name: z.string() })),
  }),
  items: z.array(
    z.object({
      id: z.string(),
      hash: z.string(),
      result: z.object({
        status: z.enum(STATUSES),
        comment: z.string(),
        tester: z.string(),
        defect: z.string(),
        date: z.nullable(z.string()),
      }),
    }),
  ),
});

export type ReportKind = 'markdown' | 'json';

export type ReportReadErrorCode = 'empty' | 'not-a-report' | 'no-seal' | 'bad-sealed-data' | 'newer-format';

/** Why a text is not a sealed report, where (1-based), in the reader's language. */
export interface ReportReadError {
  code: ReportReadErrorCode;
  message: string;
  line: number;
  column: number;
}

/** A sealed report read back. */
export interface SealedReport {
  kind: ReportKind;
  /** The seal the file states. */
  stated: string;
  /** The seal of the sealed data the file holds. */
  computed: string;
  /** Markdown: the text before the seal still has the digest the file states (always true for JSON). */
  textIntact: boolean;
  data: SealData;
}

type Read = { ok: true; report: SealedReport } | { ok: false; error: ReportReadError };

function failure(
  locale: Locale,
  code: ReportReadErrorCode,
  key: MessageKey,
  at: { line: number; column?: number } = { line: 1 },
  params: Record<string, string | number> = {},
): Read {
  return {
    ok: false,
    error: { code, message: translate(locale, key, params), line: at.line, column: at.column ?? 1 },
  };
}

/** Line and column of a JSON.parse error message's `position N`, when it gives one. */
function jsonPosition(text: string, message: string): { line: number; column: number } {
  const at = /position (\d+)/.exec(message);
  if (!at) return { line: 1, column: 1 };
  const before = text.slice(0, Number(at[1])).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

async function readMarkdown(text: string, locale: Locale): Promise<Read> {
  const read = readSealTail(text);
  if (!read.ok) {
    return failure(locale, 'no-seal', `verify.error.${read.error.reason}` as MessageKey, { line: read.error.line });
  }
  const { tail } = read;
  const blockLine = text.replace(/\r\n/g, '\n').split('\n').lastIndexOf(tail.json) + 1 || 1;
  let raw: unknown;
  try {
    raw = JSON.parse(tail.json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure(locale, 'bad-sealed-data', 'verify.error.badSealedData', { line: blockLine }, { reason });
  }
  const parsed = sealDataSchema.safeParse(raw);
  if (!parsed.success) {
    return failure(
      locale,
      'bad-sealed-data',
      'verify.error.badSealedData',
      { line: blockLine },
      { reason: issuePath(parsed.error) },
    );
  }
  // The data as written, not as zod returns it: a member added by hand changes the seal.
  const data = raw as SealData;
  return {
    ok: true,
    report: {
      kind: 'markdown',
      stated: tail.seal,
      computed: await sha256Hex(canonicalJson(data)),
      textIntact: (await sha256Hex(tail.body)) === tail.digest,
      data,
    },
  };
}

async function readJson(value: Record<string, unknown>, locale: Locale): Promise<Read> {
  if (value.format !== SIGNOFF_FORMAT) return failure(locale, 'not-a-report', 'verify.error.notReport');
  if (typeof value.version !== 'number' || value.version > SIGNOFF_FORMAT_VERSION) {
    return failure(locale, 'newer-format', 'verify.error.newerFormat', { line: 1 }, { version: String(value.version) });
  }
  if (value.seal === null) return failure(locale, 'no-seal', 'verify.error.unsealed');
  if (typeof value.seal !== 'string') return failure(locale, 'no-seal', 'verify.error.no-marker');
  let data: SealData;
  try {
    data = reportSealData(value.report as SignOffReport);
  } catch {
    return failure(locale, 'bad-sealed-data', 'verify.error.badSealedData', { line: 1 }, { reason: 'report' });
  }
  const parsed = sealDataSchema.safeParse(JSON.parse(JSON.stringify(data)));
  if (!parsed.success) {
    return failure(
      locale,
      'bad-sealed-data',
      'verify.error.badSealedData',
      { line: 1 },
      { reason: `report: ${issuePath(parsed.error)}` },
    );
  }
  let computed: string;
  try {
    computed = await sealOf(data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure(locale, 'bad-sealed-data', 'verify.error.badSealedData', { line: 1 }, { reason });
  }
  return { ok: true, report: { kind: 'json', stated: value.seal, computed, textIntact: true, data } };
}

/** Reads a report file's text: JSON when it starts with `{`, Markdown otherwise. */
export async function readSealedReport(text: string, locale: Locale): Promise<Read> {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return failure(locale, 'empty', 'verify.error.empty');
  if (!clean.trimStart().startsWith('{')) return readMarkdown(clean, locale);
  let value: unknown;
  try {
    value = JSON.parse(clean);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure(locale, 'not-a-report', 'verify.error.notJson', jsonPosition(clean, reason), { reason });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure(locale, 'not-a-report', 'verify.error.notReport');
  }
  return readJson(value as Record<string, unknown>, locale);
}
