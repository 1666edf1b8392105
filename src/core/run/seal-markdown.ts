/**
 * How a Markdown sign-off report carries its seal, written and read here only. After the
 * report's text (which shows the seal in its annex), the file ends with:
 *
 *     <!-- roadbook-seal <the seal> -->
 *     Données scellées (…) : `<SHA-256 of every character before the "<!-- roadbook-seal" line>`
 *
 *     ````roadbook-seal
 *     <the canonical JSON of the sealed data, on one line>
 *     ````
 *
 * The HTML comment (invisible once rendered) states the seal; the fenced block holds the exact
 * canonical JSON (seal.ts), so a verifier reads it back and hashes it again; its fence is
 * longer than any run of backticks in the JSON. Line ends may become CRLF on the way: they
 * are read as LF. The digest of
 * the text before the marker line tells whether the readable part was edited (its tables are
 * made from more than the sealed data, so they cannot be checked against it alone).
 */
import { escapeMarkdown } from '../export/markdown.ts';
import { translate } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';
import { canonicalJson, sha256Hex, type SealData } from './seal.ts';

/** The marker line: `<!-- roadbook-seal <seal> -->`. */
const MARKER = /^<!-- roadbook-seal ([0-9a-f]{64}) -->$/;
/** The info string of the fenced block that holds the canonical JSON. */
export const SEAL_INFO = 'roadbook-seal';

/** The end of a sealed Markdown report, for the report text `body` (which ends with a newline). */
export async function sealTail(body: string, data: SealData, seal: string, locale: Locale): Promise<string> {
  const json = canonicalJson(data);
  const fence = '`'.repeat(Math.max(3, ...(json.match(/`+/g) ?? []).map((run) => run.length + 1)));
  const digest = await sha256Hex(body);
  return [
    `<!-- roadbook-seal ${seal} -->`,
    escapeMarkdown(translate(locale, 'signoff.sealData', { digest: '\u0000' })).replace('\u0000', `\`${digest}\``),
    '',
    `${fence}${SEAL_INFO}`,
    json,
    fence,
    '',
  ].join('\n');
}

export interface SealTail {
  /** Every character before the marker line. */
  body: string;
  /** The seal the marker states. */
  seal: string;
  /** The digest of `body` the file states. */
  digest: string;
  /** The canonical JSON as written. */
  json: string;
}

/** Why a Markdown text holds no readable seal; the line is 1-based. */
export interface SealTailError {
  reason: 'no-marker' | 'no-digest' | 'no-block';
  line: number;
}

/** Reads the end of a sealed Markdown report (the last marker line counts). */
export function readSealTail(text: string): { ok: true; tail: SealTail } | { ok: false; error: SealTailError } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const at = lines.findLastIndex((l) => MARKER.test(l));
  if (at < 0) return { ok: false, error: { reason: 'no-marker', line: lines.length } };
  const body = lines
    .slice(0, at)
    .map((l) => `${l}\n`)
    .join('');
  const seal = MARKER.exec(lines[at]!)![1]!;
  const digest = /`([0-9a-f]{64})`/.exec(lines[at + 1] ?? '')?.[1];
  if (!digest) return { ok: false, error: { reason: 'no-digest', line: at + 2 } };
  const open = lines.findIndex((l, i) => i > at && new RegExp(`^\`{3,}${SEAL_INFO}\\s*$`).test(l));
  if (open < 0) return { ok: false, error: { reason: 'no-block', line: at + 3 } };
  const fence = /^`+/.exec(lines[open]!)![0];
  const close = lines.findIndex((l, i) => i > open && l.trim() === fence);
  if (close < 0) return { ok: false, error: { reason: 'no-block', line: open + 1 } };
  return { ok: true, tail: { body, seal, digest, json: lines.slice(open + 1, close).join('\n') } };
}
