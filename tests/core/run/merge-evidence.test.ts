/**
 * Attachments and carried results in merge-results.ts: files attached on two sides at the same
 * time are brought together, never a conflict and never lost; a result differing only by its
 * files or by what it was carried from is not "the same".
 */
import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../src/core/checklist/progress.ts';
import type { Attachment } from '../../../src/core/run/evidence.ts';
import {
  mergeResult,
  mergeResults,
  sameResult,
  settleConflict,
  unionRevision,
  versionsOf,
} from '../../../src/core/run/merge-results.ts';

const file = (id: string, minute: number): Attachment => ({
  id,
  name: `${id}.png`,
  type: 'image/png',
  size: 68,
  sha256: 'c'.repeat(64),
  added: `2026-05-20T10:${String(minute).padStart(2, '0')}:00.000Z`,
});

/** A version made from the handed-out revision r0. */
function by(tester: string, rev: string, extra: Partial<ItemResult> = {}): ItemResult {
  return { status: 'passed', tester, time: '2026-05-20T10:30:00.000Z', hash: 'h', rev, base: ['r0'], ...extra };
}

describe('files attached on two sides at the same time', () => {
  it('are brought together on an otherwise equal result: one version, every file, no conflict', () => {
    const marie = by('Marie', 'rm', { evidence: [file('m1', 1)] });
    const paul = by('Paul', 'rp', { evidence: [file('p1', 2), file('p2', 0)] });
    const { result, outcome } = mergeResult(marie, paul);
    expect(outcome).toBe('taken');
    expect(result.conflict).toBeUndefined();
    expect(result.evidence!.map((a) => a.id)).toEqual(['p2', 'm1', 'p1']);
    expect(result.rev).toBe(unionRevision(['rm', 'rp']));
    expect(result.base).toEqual(['rm', 'rp', 'r0']);
    // Either side makes the same union; meeting a side's own version again keeps the union.
    expect(sameResult(mergeResult(paul, marie).result, result)).toBe(true);
    expect(mergeResult(result, marie)).toEqual({ result, outcome: 'kept' });
    expect(mergeResult(marie, result).result).toEqual(result);
    expect(mergeResult(paul, result).result).toEqual(result);
  });

  it('are brought together for one tester whose latest version wins', () => {
    const older = by('Marie', 'r1', { time: '2026-05-20T10:00:00.000Z', evidence: [file('a', 1)] });
    const newer = by('Marie', 'r2', { status: 'failed', comment: 'faux', evidence: [file('b', 2)] });
    const { result } = mergeResult(older, newer);
    expect(result).toMatchObject({ status: 'failed', comment: 'faux' });
    expect(result.evidence!.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('stay with their own version in a conflict, and all stay when one version is kept', () => {
    const marie = by('Marie', 'rm', { status: 'failed', comment: 'faux', evidence: [file('m1', 1)] });
    const paul = by('Paul', 'rp', { evidence: [file('p1', 2)] });
    const { result, outcome } = mergeResult(marie, paul);
    expect(outcome).toBe('conflict');
    expect(versionsOf(result).map((v) => v.evidence!.map((a) => a.id))).toEqual([['m1'], ['p1']]);
    const settled = settleConflict(result, 1, 's1');
    expect(settled).toMatchObject({ status: 'passed', tester: 'Paul', rev: 's1' });
    expect(settled.evidence!.map((a) => a.id)).toEqual(['m1', 'p1']);
  });

  it('a file removed in a later version is gone: the later version wins as before', () => {
    const withFile = by('Marie', 'r1', { evidence: [file('a', 1)] });
    const removed: ItemResult = { ...by('Marie', 'r2'), base: ['r1', 'r0'] };
    expect(mergeResult(withFile, removed)).toEqual({ result: removed, outcome: 'taken' });
  });

  it('a version holding only a file is not given up for one holding nothing', () => {
    const attached = by('Marie', 'r1', { status: 'untested', evidence: [file('a', 1)] });
    const empty = by('Paul', 'r2', { status: 'untested' });
    expect(mergeResult(empty, attached).result).toEqual(attached);
  });
});

describe('what makes two results the same', () => {
  it('includes their files (in any order) and what they were carried from', () => {
    const plain = by('Marie', 'r1');
    const attached = { ...plain, evidence: [file('a', 1), file('b', 2)] };
    expect(sameResult(plain, attached)).toBe(false);
    expect(sameResult(attached, { ...plain, evidence: [file('b', 2), file('a', 1)] })).toBe(true);
    const carried = { ...plain, carriedFrom: { run: 'run-0', name: 'Recette 15.2', date: '2026-05-01T00:00:00Z' } };
    expect(sameResult(plain, carried)).toBe(false);
    expect(sameResult(carried, { ...carried, carriedFrom: { ...carried.carriedFrom } })).toBe(true);
    expect(mergeResults({ x: plain }, { x: attached }).same).toBe(0);
  });
});

describe('the revision of a union', () => {
  it('is the same for the same revisions in any order, and differs otherwise', () => {
    expect(unionRevision(['a', 'b'])).toBe(unionRevision(['b', 'a', 'a']));
    expect(unionRevision(['a', 'b'])).not.toBe(unionRevision(['a', 'c']));
    expect(unionRevision(['a', 'b'])).toMatch(/^u-[0-9a-z]+$/);
  });
});
