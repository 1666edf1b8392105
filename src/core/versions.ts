/**
 * Version strings and their order: the one place this rule lives. The contract
 * (content-format.md, "Version strings and their order") is implemented here and only here;
 * everything that sorts or compares versions calls `compareVersions`, and `versioning`
 * chooses between roadbook's own order and SemVer 2.0's.
 */

// The parser alone, not the package's index: the browser loads this module with the checklist
// engine, and needs none of semver's ranges.
import parse from 'semver/functions/parse.js';
import type SemVer from 'semver/classes/semver.js';

/** `roadbook`: the contract's own order (the default); `semver`: SemVer 2.0 as the semver package reads it. */
export const VERSIONINGS = ['roadbook', 'semver'] as const;
export type Versioning = (typeof VERSIONINGS)[number];

export interface VersionWords {
  /** Suffix words that sort before the release they precede, lowest first. */
  preRelease: readonly string[];
  /** Suffix words that sort after the release and before the next revision, lowest first. */
  postRelease: readonly string[];
  /** Which order applies; absent means `roadbook`. The suffix words matter only to that one. */
  versioning?: Versioning;
}

export const DEFAULT_VERSION_WORDS: VersionWords = {
  preRelease: ['alpha', 'beta', 'pre', 'rc'],
  postRelease: ['DU', 'hotfix', 'patch'],
};

/**
 * Reads a SemVer 2.0 string (a leading `v` allowed), or returns null. The library trims
 * spaces and its loose mode accepts more; neither is a version a writer meant.
 */
export function parseSemver(text: string): SemVer | null {
  if (text !== text.trim() || text.startsWith('=')) return null;
  return parse(text, { loose: false });
}

interface Suffix {
  /** -1 before the release, +1 after it. */
  side: -1 | 1;
  /** Rank of the word in its list. */
  rank: number;
  number: bigint;
}

export interface ParsedVersion {
  /** Segments of the release part, as written (leading `v` removed). */
  segments: string[];
  suffix: Suffix | null;
}

const SEPARATORS = /[.\-_/]/;
const ALNUM = /^[A-Za-z0-9]+$/;
const DIGITS = /^[0-9]+$/;
const HEAD = /^[A-Za-z]{0,3}[0-9]/;

/**
 * Reads a version string, or returns null when it is not one: an optional `v`, an optional
 * prefix of up to three letters, a digit; later segments hold a digit or are suffix words.
 */
export function parseVersion(text: string, words: VersionWords = DEFAULT_VERSION_WORDS): ParsedVersion | null {
  const body = /^v[A-Za-z]{0,3}[0-9]/.test(text) ? text.slice(1) : text;
  if (!HEAD.test(body)) return null;
  const parts = body.split(SEPARATORS);
  if (parts.some((p) => !ALNUM.test(p))) return null;

  const suffixAt = parts.findIndex((p, i) => i > 0 && matchWord(p, words) !== null);
  const segments = suffixAt === -1 ? parts : parts.slice(0, suffixAt);
  if (segments.some((p, i) => i > 0 && !/[0-9]/.test(p))) return null;
  if (suffixAt === -1) return { segments, suffix: null };

  const tail = parts.slice(suffixAt);
  const word = matchWord(tail[0]!, words)!;
  // The number is glued to the word (`beta2`, `DU3`) or is the one segment after it (`rc.1`).
  if (tail.length > 2) return null;
  if (tail.length === 2) {
    if (word.number !== null || !DIGITS.test(tail[1]!)) return null;
    return { segments, suffix: { ...word, number: BigInt(tail[1]!) } };
  }
  return { segments, suffix: { ...word, number: word.number ?? 0n } };
}

function matchWord(segment: string, words: VersionWords): { side: -1 | 1; rank: number; number: bigint | null } | null {
  const m = /^([A-Za-z]+)([0-9]*)$/.exec(segment);
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  const number = m[2] ? BigInt(m[2]) : null;
  const pre = words.preRelease.findIndex((w) => w.toLowerCase() === name);
  if (pre !== -1) return { side: -1, rank: pre, number };
  const post = words.postRelease.findIndex((w) => w.toLowerCase() === name);
  if (post !== -1) return { side: 1, rank: post, number };
  return null;
}

export function isVersion(text: string, words: VersionWords = DEFAULT_VERSION_WORDS): boolean {
  if (words.versioning === 'semver') return parseSemver(text) !== null;
  return parseVersion(text, words) !== null;
}

/**
 * Orders two version strings: negative when `a` comes first, 0 when they compare equal
 * (`15.3` and `15.3.0`). Strings that are not versions sort after every version, by text,
 * so that sorting never throws on bad input (the reader reports them separately).
 */
export function compareVersions(a: string, b: string, words: VersionWords = DEFAULT_VERSION_WORDS): number {
  if (words.versioning === 'semver') return compareSemver(a, b);
  const pa = parseVersion(a, words);
  const pb = parseVersion(b, words);
  if (!pa || !pb) {
    if (pa) return -1;
    if (pb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return compareParsed(pa, pb);
}

/** SemVer precedence: build metadata is ignored (`1.0.0+a` equals `1.0.0+b`). Non-versions last, by text. */
function compareSemver(a: string, b: string): number {
  const pa = parseSemver(a);
  const pb = parseSemver(b);
  if (!pa || !pb) {
    if (pa) return -1;
    if (pb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return pa.compare(pb);
}

export function compareParsed(a: ParsedVersion, b: ParsedVersion): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const order = compareSegments(a.segments[i], b.segments[i]);
    if (order !== 0) return order;
  }
  return compareSuffixes(a.suffix, b.suffix);
}

function compareSegments(a: string | undefined, b: string | undefined): number {
  if (a === undefined && b === undefined) return 0;
  // A missing segment is 0 against an all-digit one, and lower than any other.
  if (a === undefined) return DIGITS.test(b!) ? compareDigits('0', b!) : -1;
  if (b === undefined) return DIGITS.test(a) ? compareDigits(a, '0') : 1;
  if (DIGITS.test(a) && DIGITS.test(b)) return compareDigits(a, b);
  if (a.length === b.length) return compareSameLength(a, b);
  return compareNatural(a, b);
}

function compareDigits(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Character by character, 0-9 before A-Z, case ignored (`09` < `0A` < `0B`). */
function compareSameLength(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Digit runs as numbers, digits before letters (`2024` < `A1` < `A2` < `B1`). */
function compareNatural(a: string, b: string): number {
  const ra = a.toUpperCase().match(/[0-9]+|[A-Z]+/g)!;
  const rb = b.toUpperCase().match(/[0-9]+|[A-Z]+/g)!;
  for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xd = DIGITS.test(x);
    const yd = DIGITS.test(y);
    if (xd !== yd) return xd ? -1 : 1;
    const order = xd ? compareDigits(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return 0;
}

function compareSuffixes(a: Suffix | null, b: Suffix | null): number {
  const side = (a?.side ?? 0) - (b?.side ?? 0);
  if (side !== 0 || !a || !b) return Math.sign(side);
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

/** The form a version takes in a folder or URL: every character outside `A-Za-z0-9._-` becomes `-`. */
export function urlSafeVersion(version: string): string {
  return version.replace(/[^A-Za-z0-9._-]/g, '-');
}

/** Sorts items by a version key, oldest first, without changing the input. */
export function sortByVersion<T>(items: readonly T[], key: (item: T) => string, words?: VersionWords): T[] {
  return [...items].sort((x, y) => compareVersions(key(x), key(y), words));
}
