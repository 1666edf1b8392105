/**
 * The seal of a sign-off report (checklist.md, "Sealed sign-off"): the SHA-256 of the
 * canonical JSON of what was signed — the road book's build, the path, every item signed off
 * with its content hash, and every result as the report shows it. Every report format
 * carries the same seal, so a reader can tell two copies of one sign-off apart from a copy
 * changed afterwards, and the site can tell which items changed since (verify-report.ts).
 *
 * The seal is an integrity check, not a signature: anyone who changes a report and knows how
 * can compute a new seal. What it proves is that the report agrees with itself and with the
 * road book it names.
 *
 * Browser-safe: Web Crypto (`crypto.subtle.digest`), present in Node 20+ and in every browser
 * in a secure context (https, localhost). A page served over plain http has no
 * `crypto.subtle`: its reports are written without a seal (`canSeal`), never with a false one.
 */
import type { Status } from '../checklist/progress.ts';
import type { Locale, Process } from '../model.ts';
import type { Decision, SignOffParty } from './types.ts';

/** The version of the sealed data's shape; a change that is not an addition bumps it. */
export const SEAL_VERSION = 1;

/**
 * The sealed fields of a result, and only these: fields added to results later (where a
 * result was carried from, evidence, assignments) never change a seal silently. Empty text is
 * `""`; `date` is the ISO 8601 time the result was recorded, or null.
 */
export interface SealedResult {
  status: Status;
  comment: string;
  tester: string;
  defect: string;
  date: string | null;
}

export interface SealedItem {
  id: string;
  /** The item's content hash when the report was made (the entry's SHA-256; a digest for process and procedure steps). */
  hash: string;
  result: SealedResult;
}

/** The path of the run: catalogue processes by id, a company's own processes as they were run. */
export interface SealedPath {
  from: string | null;
  to: string;
  modules: string[];
  editions: string[];
  processes: (string | Process)[];
}

/** The sign-off itself: the decision and who signs, where and when. */
export interface SealedSignOff {
  decision: Decision | null;
  environment: string;
  place: string;
  date: string;
  parties: SignOffParty[];
}

/** Everything a seal covers, in the order the canonical JSON writes it (keys are sorted anyway). */
export interface SealData {
  seal: typeof SEAL_VERSION;
  product: string;
  /** The report's language: the procedure steps' text, and so their hash, depends on it. */
  locale: Locale;
  buildId: string | null;
  path: SealedPath;
  signOff: SealedSignOff;
  /** Every item signed off, in the report's order. */
  items: SealedItem[];
}

/** A value the canonical JSON can write. */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue };

/**
 * The canonical JSON of a value (the JSON Canonicalization Scheme of RFC 8785 for the values
 * a seal holds): no whitespace; object members sorted by key, comparing UTF-16 code units;
 * strings and numbers written as JSON.stringify writes them (ECMAScript's rules, which RFC
 * 8785 adopts); arrays in their order. A member is either present or absent: `undefined`,
 * functions, non-finite numbers and anything but plain data are refused (an Error), so
 * "absent" and `null` never get mixed up. The seal hashes the UTF-8 bytes of this text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonical JSON: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const members = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical JSON: a ${typeof value} is not plain data`);
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * True where Web Crypto's digest is available: every secure context (https, localhost) and
 * Node. A site served over plain http on an intranet has none: its reports are not sealed.
 */
export function canSeal(): boolean {
  return typeof crypto !== 'undefined' && typeof crypto.subtle?.digest === 'function';
}

/** The seal of some sealed data: 64 lower-case hex digits. */
export function sealOf(data: SealData): Promise<string> {
  return sha256Hex(canonicalJson(data));
}
