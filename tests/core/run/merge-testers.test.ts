/**
 * The team rule of merge.ts (checklist.md, "Team runs"): results of the same item recorded at
 * the same time on two sides (two testers' progress files, each made from the run the lead
 * handed out), merged by who recorded them.
 */
import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../src/core/checklist/progress.ts';
import { conflictedItems, mergeResult, mergeResults, versionsOf } from '../../../src/core/run/merge-results.ts';

/** A version made from the handed-out revision r0, so both sides are concurrent. */
function by(
  tester: string | undefined,
  status: ItemResult['status'],
  time: string,
  extra: Partial<ItemResult> = {},
): ItemResult {
  return {
    status,
    ...(tester === undefined ? {} : { tester }),
    time: `2026-05-20T${time}:00.000Z`,
    hash: 'h',
    rev: `r-${tester ?? 'x'}-${time}`,
    base: ['r0'],
    ...extra,
  };
}

describe('two results of one item by different testers', () => {
  it('are a conflict when the status differs: both kept, the one here first', () => {
    const here = by('Marie', 'failed', '10:00', { comment: 'Arrondi faux' });
    const there = by('Paul', 'passed', '09:00');
    const { result, outcome } = mergeResult(here, there);
    expect(outcome).toBe('conflict');
    expect(versionsOf(result)).toEqual([here, there]);
  });

  it('are a conflict when only the comment or only the defect differs', () => {
    const comment = mergeResult(by('Marie', 'passed', '10:00', { comment: 'OK' }), by('Paul', 'passed', '10:00'));
    expect(comment.outcome).toBe('conflict');
    const defect = mergeResult(
      by('Marie', 'failed', '10:00', { comment: 'KO', defect: 'BUG-1' }),
      by('Paul', 'failed', '11:00', { comment: 'KO', defect: 'BUG-2' }),
    );
    expect(defect.outcome).toBe('conflict');
    expect(versionsOf(defect.result).map((v) => v.defect)).toEqual(['BUG-1', 'BUG-2']);
  });

  it('are a conflict even for results written before revisions existed (no time rule across testers)', () => {
    const here: ItemResult = { status: 'passed', tester: 'Marie', time: '2026-05-20T08:00:00.000Z' };
    const there: ItemResult = { status: 'failed', comment: 'KO', tester: 'Paul', time: '2026-05-20T09:00:00.000Z' };
    expect(mergeResult(here, there).outcome).toBe('conflict');
  });

  it('stay in conflict until one is picked, and the conflict is listed for the sign-off', () => {
    const merged = mergeResults(
      { a: by('Marie', 'failed', '10:00', { comment: 'KO' }), b: by('Marie', 'passed', '10:00') },
      { a: by('Paul', 'passed', '11:00'), b: by('Paul', 'passed', '10:30', { tester: 'Paul' }) },
    );
    expect(merged.conflicts).toEqual(['a']);
    expect(conflictedItems(merged.results)).toEqual(['a']);
    // Merged again with the same file: nothing new, the conflict stays as it is.
    const again = mergeResults(merged.results, { a: by('Paul', 'passed', '11:00') });
    expect(again.conflicts).toEqual([]);
    expect(versionsOf(again.results.a!)).toHaveLength(2);
  });
});

describe('two results of one item by the same tester', () => {
  it('keep the most recent, whichever side it is on', () => {
    const older = by('Marie', 'failed', '10:00', { comment: 'KO', rev: 'ra' });
    const newer = by('Marie', 'passed', '11:00', { rev: 'rb' });
    expect(mergeResult(older, newer)).toEqual({ result: newer, outcome: 'taken' });
    expect(mergeResult(newer, older)).toEqual({ result: newer, outcome: 'kept' });
  });

  it('know the tester whatever the case and spaces of the name', () => {
    const older = by('Marie', 'failed', '10:00', { comment: 'KO' });
    const newer = by(' marie ', 'passed', '11:00');
    expect(mergeResult(older, newer).outcome).toBe('taken');
  });
});

describe('an untested side', () => {
  it('never overwrites a result, whoever recorded either and however recent it is', () => {
    const result = by('Marie', 'failed', '10:00', { comment: 'KO' });
    const untested = by('Paul', 'untested', '12:00');
    expect(mergeResult(result, untested)).toEqual({ result, outcome: 'kept' });
    expect(mergeResult(untested, result)).toEqual({ result, outcome: 'taken' });
    const mine = by('Marie', 'untested', '12:00');
    expect(mergeResult(result, mine).result).toEqual(result);
  });
});

describe('the same result on both sides', () => {
  it('is kept once, though recorded at other times in other revisions', () => {
    const here = by('Marie', 'passed', '10:00', { comment: 'Vu' });
    const there = by('Marie', 'passed', '11:00', { comment: 'Vu ', rev: 'other' });
    const { result, outcome } = mergeResult(here, there);
    expect(outcome).toBe('kept');
    expect(result).toEqual(here);
    expect(result.conflict).toBeUndefined();
  });

  it('is kept once when two testers each recorded it (the one here stays)', () => {
    const here = by('Marie', 'passed', '10:00');
    expect(mergeResult(here, by('Paul', 'passed', '11:00'))).toEqual({ result: here, outcome: 'kept' });
  });
});
