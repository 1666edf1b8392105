/**
 * Bringing two sides' results of a run together, item by item (the runs themselves: merge.ts):
 *
 * - A result only on one side is kept. On both sides, each version of the result names its revision (`rev`) and the revisions it
 *   was made from (`base`: its parents first, then their own ancestors, up to ANCESTRY
 *   revisions, so that a side which missed a few saves of the other still knows its version
 *   for an ancestor): a version another one was made from is replaced by it. Two
 *   versions made from the same one, neither from the other, were recorded at the same time:
 *   that is a conflict, and both are kept (the one here first, the other in `conflict`) until
 *   a tester settles it (`settleConflict`). A version that holds nothing (not run, no comment,
 *   no defect, no file attached) never stands against one that does.
 * - Among versions recorded at the same time (neither made from the other), who recorded them
 *   decides (checklist.md, "Team runs"): the same result (status, comment, defect) is kept
 *   once, whoever recorded it; of several versions by the same named tester, the most recent (`time`) wins;
 *   different results by different named testers are a conflict. When a tester is not named
 *   nobody can tell whose it is, so nothing is dropped: those stay a conflict, as above.
 * - Attachments (evidence) are files, not an opinion: two testers attaching different files to
 *   the same result recorded at the same time is no conflict. When versions recorded at the
 *   same time come down to one (the same result, or the same tester's latest), the one kept
 *   holds the files of all of them (the union of their attachments, by id, in the order they
 *   were attached), as a version of its own made from them all, whose revision is derived from
 *   theirs (`unionRevision`), so every side that makes the same union makes the same version.
 *   A file one side removed while the other, at the same time, kept it therefore stays: a merge
 *   never loses a file. Keeping one version of a conflict keeps the files of every version.
 * - Two versions are the same only when their attachments (by id) and what they were carried
 *   from (`carriedFrom`) are too.
 * - Results written before revisions existed (no `rev`) follow the earlier rule: the one with
 *   the later `time` wins; a result without time is older than any timed one; on a tie the
 *   result already here stays (nothing here is replaced by something that is not newer).
 *
 * Nothing is ever removed by a merge.
 */
import type { ItemResult, RunResults } from '../checklist/progress.ts';
import type { Attachment } from './evidence.ts';

export interface ResultsMerge {
  results: RunResults;
  /** Items whose result came from the incoming side (new here, or newer there). */
  taken: string[];
  /** Items on both sides that differ, where the result here stayed (as new or newer). */
  kept: string[];
  /** Items whose result here now holds a conflict it did not hold before (both versions kept). */
  conflicts: string[];
  /** Items on both sides with the same result. */
  same: number;
}

function timeOf(result: ItemResult): number {
  const t = result.time ? Date.parse(result.time) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** A result without its conflict: one version of it. */
export type ResultVersion = Omit<ItemResult, 'conflict'>;

const FIELDS: (keyof ResultVersion)[] = ['status', 'comment', 'tester', 'time', 'defect', 'hash', 'rev'];

/** The attachments of a version, as ids in a stable order (the same files attached in another order are the same). */
function evidenceKey(version: ResultVersion): string {
  return (version.evidence ?? [])
    .map((a) => a.id)
    .sort()
    .join(' ');
}

function carriedKey(version: ResultVersion): string {
  const from = version.carriedFrom;
  return from ? JSON.stringify([from.run, from.name, from.date]) : '';
}

/** What is compared besides FIELDS: the ancestry, the attachments, where the result was carried from. */
const KEYS: ((version: ResultVersion) => string)[] = [(v) => (v.base ?? []).join(' '), evidenceKey, carriedKey];

function sameVersion(a: ResultVersion, b: ResultVersion): boolean {
  return FIELDS.every((k) => (a[k] ?? null) === (b[k] ?? null)) && KEYS.every((key) => key(a) === key(b));
}

/** Every version a result holds: its own, then those of its conflict. */
export function versionsOf(result: ItemResult): ResultVersion[] {
  const { conflict, ...own } = result;
  return [own, ...(conflict ?? [])];
}

/** The same versions, in any order (two tabs keep a conflict each with its own version first). */
export function sameResult(a: ItemResult, b: ItemResult): boolean {
  const left = versionsOf(a);
  const right = versionsOf(b);
  return left.length === right.length && left.every((v) => right.some((w) => sameVersion(v, w)));
}

/** The revision a version is known by; one written before revisions existed is known by its time. */
export function revisionOf(version: ResultVersion): string | null {
  return version.rev ?? (version.time ? `time:${version.time}` : null);
}

/** True when a version holds what a tester entered: a status other than not run, a comment or a defect. */
export function holdsSomething(version: ResultVersion): boolean {
  return version.status !== 'untested' || !!version.comment?.trim() || !!version.defect?.trim();
}

/** One result out of several versions (the first is the one here). */
function fromVersions(versions: ResultVersion[]): ItemResult {
  const [first, ...others] = versions;
  return others.length ? { ...first!, conflict: others } : first!;
}

/** Versions neither made into another nor the same as an earlier one, in order. */
function heads(versions: ResultVersion[]): ResultVersion[] {
  const unique: ResultVersion[] = [];
  for (const v of versions) {
    const rev = revisionOf(v);
    if (!unique.some((u) => (rev !== null && revisionOf(u) === rev) || sameVersion(u, v))) unique.push(v);
  }
  const madeInto = new Set(unique.flatMap((v) => v.base ?? []));
  const open = unique.filter((v) => {
    const rev = revisionOf(v);
    return rev === null || !madeInto.has(rev);
  });
  const recorded = open.filter((v) => holdsSomething(v) || !!v.evidence?.length);
  return recorded.length ? recorded : open.slice(0, 1);
}

/** The earlier rule, for versions without revisions: the later time, a recorded one over an empty one, here on a tie. */
function latest(versions: ResultVersion[]): ResultVersion {
  return versions.reduce((best, v) => (timeOf(v) > timeOf(best) ? v : best));
}

/** Who recorded a version, compared without case or surrounding spaces; null when not named. */
function testerOf(version: ResultVersion): string | null {
  const name = version.tester?.trim().toLowerCase();
  return name ? name : null;
}

/** What a result says (status, comment, defect), whoever recorded it, whenever, in whichever revision. */
function resultKey(version: ResultVersion): string {
  return JSON.stringify([version.status, version.comment?.trim() ?? '', version.defect?.trim() ?? '']);
}

/**
 * Versions recorded at the same time, as the team rule keeps them: the same result once (the
 * first met), the most recent of each named tester, then the rest in order; each one kept
 * with the files of those it stands for.
 */
function byTester(versions: ResultVersion[]): ResultVersion[] {
  /** Each version kept, with the versions it stands for (itself first). */
  const standsFor = new Map<ResultVersion, ResultVersion[]>();
  const byKey = new Map<string, ResultVersion>();
  for (const v of versions) {
    const first = byKey.get(resultKey(v));
    if (first) standsFor.get(first)!.push(v);
    else {
      byKey.set(resultKey(v), v);
      standsFor.set(v, [v]);
    }
  }
  const distinct = [...standsFor.keys()];
  const newest = new Map<string, ResultVersion>();
  for (const v of distinct) {
    const tester = testerOf(v);
    if (tester === null) continue;
    const best = newest.get(tester);
    if (!best || timeOf(v) > timeOf(best)) newest.set(tester, v);
  }
  const kept: ResultVersion[] = [];
  for (const v of distinct) {
    const tester = testerOf(v);
    const keeper = tester === null ? v : newest.get(tester)!;
    if (keeper === v) kept.push(v);
    else standsFor.get(keeper)!.push(...standsFor.get(v)!);
  }
  return kept.map((v) => withFilesOf(v, standsFor.get(v)!));
}

/** Every attachment of `versions`, each once (by id), in the order they were attached. */
function unionOf(versions: readonly ResultVersion[]): Attachment[] {
  const byId = new Map<string, Attachment>();
  for (const v of versions) for (const a of v.evidence ?? []) if (!byId.has(a.id)) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => a.added.localeCompare(b.added) || a.id.localeCompare(b.id));
}

/**
 * `kept` holding the files of every version of `all` (itself among them): itself when it holds
 * them already, else a version made from them all, with a revision derived from theirs. Its
 * other fields are those of the version of the same result with the first revision, so that
 * both sides of a merge make the very same version, whichever side they start from.
 */
function withFilesOf(kept: ResultVersion, all: readonly ResultVersion[]): ResultVersion {
  const evidence = unionOf(all);
  const own = new Set((kept.evidence ?? []).map((a) => a.id));
  if (evidence.every((a) => own.has(a.id))) return kept;
  const ordered = [...all].sort((a, b) => (revisionOf(a) ?? '').localeCompare(revisionOf(b) ?? ''));
  const revs = ordered.map(revisionOf).filter((r): r is string => r !== null);
  const fields = ordered.find((v) => resultKey(v) === resultKey(kept)) ?? kept;
  return { ...fields, evidence, rev: unionRevision(revs), base: ancestry(ordered) };
}

/**
 * The revision of the union of versions `revs`: the same for the same revisions in any order,
 * so that two sides making the same union hold the same version, and different for any
 * other set (two 53-bit FNV-style hashes of the sorted revisions: collisions are beyond reach
 * for the few dozen revisions a result goes through).
 */
export function unionRevision(revs: readonly string[]): string {
  const text = [...new Set(revs)].sort().join(' ');
  const hash = (seed: number): string => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `u-${hash(1)}${hash(2)}`;
}

/** What stays of versions recorded at the same time: one version, or several (a conflict). */
function concurrent(open: ResultVersion[]): ResultVersion[] {
  const left = byTester(open);
  if (left.length <= 1) return left;
  // Different named testers: a conflict, whatever the revisions say.
  if (left.every((v) => testerOf(v) !== null)) return left;
  return left.every((v) => v.rev) ? left : [latest(left)];
}

/** One item on both sides. */
export function mergeResult(
  ours: ItemResult,
  theirs: ItemResult,
): { result: ItemResult; outcome: 'same' | 'taken' | 'kept' | 'conflict' } {
  if (sameResult(ours, theirs)) return { result: ours, outcome: 'same' };
  const merged = concurrent(heads([...versionsOf(ours), ...versionsOf(theirs)]));
  const result = fromVersions(merged);
  if (sameResult(result, ours)) return { result: ours, outcome: 'kept' };
  if (merged.length > 1) return { result, outcome: 'conflict' };
  return { result, outcome: 'taken' };
}

export function mergeResults(here: RunResults, incoming: RunResults): ResultsMerge {
  const entries = new Map<string, ItemResult>(Object.entries(here));
  const taken: string[] = [];
  const kept: string[] = [];
  const conflicts: string[] = [];
  let same = 0;
  for (const [id, theirs] of Object.entries(incoming)) {
    const ours = entries.get(id);
    if (!ours) {
      entries.set(id, theirs);
      taken.push(id);
      continue;
    }
    const { result, outcome } = mergeResult(ours, theirs);
    entries.set(id, result);
    if (outcome === 'same') same += 1;
    else ({ taken, kept, conflict: conflicts })[outcome].push(id);
  }
  return { results: Object.fromEntries(entries), taken, kept, conflicts, same };
}

/** Items whose result holds a conflict not settled yet. */
export function conflictedItems(results: RunResults): string[] {
  return Object.keys(results).filter((id) => !!results[id]!.conflict?.length);
}

/**
 * A result edited by a tester. `rev` is the revision of the new version: the one of
 * `previous` while that version was never saved (the same edit, still being typed), a new
 * one otherwise. A conflict stays until settled.
 */
export function editedResult(previous: ItemResult | undefined, next: ResultVersion, rev: string): ItemResult {
  const { conflict, ...own } = previous ?? { status: 'untested' as const };
  const from = previous ? revisionOf(own) : null;
  const base = previous && own.rev === rev ? own.base : from !== null ? ancestry([own]) : undefined;
  const version: ResultVersion = { ...next, rev, ...(base ? { base } : {}) };
  return conflict?.length ? { ...version, conflict } : version;
}

/**
 * Settles a conflict with one of its versions (`versionsOf(result)[index]`), as a new version
 * made from all of them, so every side that still holds the conflict takes it. The files
 * attached to any of the versions stay attached: choosing a result is not removing evidence.
 */
export function settleConflict(result: ItemResult, index: number, rev: string): ItemResult {
  const versions = versionsOf(result);
  const chosen = versions[index];
  if (!chosen) return result;
  const evidence = unionOf(versions);
  return { ...chosen, ...(evidence.length ? { evidence } : {}), rev, base: ancestry(versions) };
}

/**
 * How many revisions a version remembers it was made from. Every save renews the revision of
 * an edited result, so a tester typing a comment makes a chain; a side that missed some of
 * those saves (its tab was busy) must still find its own version among the ancestors, or it
 * would see a conflict where there is none. Past this many, an old version met again is kept
 * as a conflict: shown, never lost.
 */
export const ANCESTRY = 32;

/** The revisions of `versions`, then their ancestors, each once, at most ANCESTRY. */
function ancestry(versions: readonly ResultVersion[]): string[] {
  const revs = new Set<string>();
  for (const v of versions) {
    const rev = revisionOf(v);
    if (rev !== null) revs.add(rev);
  }
  for (const v of versions) for (const r of v.base ?? []) revs.add(r);
  return [...revs].slice(0, ANCESTRY);
}

/** A new revision id: 9 random bytes as URL-safe base64. */
export function newRevision(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  let text = '';
  for (const byte of random(new Uint8Array(9))) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_');
}
