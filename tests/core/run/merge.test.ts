import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../src/core/checklist/progress.ts';
import { importRuns, mergeResults, mergeRun } from '../../../src/core/run/merge.ts';
import { run } from './fixture.ts';

const at = (status: ItemResult['status'], time?: string, comment?: string): ItemResult => ({
  status,
  ...(time ? { time: `2026-05-20T${time}:00.000Z` } : {}),
  ...(comment ? { comment } : {}),
  hash: 'h',
});

describe('merging results item by item', () => {
  it('takes what is only there, keeps what is only here, and the later time wins', () => {
    const here = {
      a: at('passed', '10:00'),
      b: at('failed', '11:00', 'ici'),
      c: at('blocked', '09:00'),
      d: at('na', '09:00'),
      e: at('passed'),
    };
    const there = {
      a: at('passed', '10:00'),
      b: at('passed', '10:59'),
      c: at('passed', '09:01'),
      f: at('failed', '08:00', 'là'),
      e: at('failed', '07:00'),
    };
    const merged = mergeResults(here, there);
    expect(merged.results).toEqual({ a: here.a, b: here.b, c: there.c, d: here.d, e: there.e, f: there.f });
    expect(merged.taken.sort()).toEqual(['c', 'e', 'f']);
    expect(merged.kept).toEqual(['b']);
    expect(merged.same).toBe(1);
  });

  it('keeps the result here on a tie, and never removes anything', () => {
    const here = { a: at('failed', '10:00', 'ici') };
    const merged = mergeResults(here, { a: at('passed', '10:00') });
    expect(merged.results).toEqual(here);
    expect(merged.kept).toEqual(['a']);
    expect(Object.keys(mergeResults({ x: at('passed') }, {}).results)).toEqual(['x']);
  });
});

describe('merging runs', () => {
  it('follows the run saved last for its name, path and sign-off; created is the earlier one', () => {
    const here = run({ name: 'Ici', updated: '2026-05-20T09:00:00.000Z', results: { a: at('passed', '08:00') } });
    const there = run({
      name: 'Là-bas',
      created: '2026-05-19T08:00:00.000Z',
      updated: '2026-05-21T09:00:00.000Z',
      request: { ...here.request, modules: ['facturation'] },
      results: { b: at('failed', '09:00', 'KO') },
    });
    const merged = mergeRun(here, there);
    expect(merged.run).toMatchObject({
      name: 'Là-bas',
      created: '2026-05-19T08:00:00.000Z',
      updated: '2026-05-21T09:00:00.000Z',
    });
    expect(merged.run.request.modules).toEqual(['facturation']);
    expect(Object.keys(merged.run.results).sort()).toEqual(['a', 'b']);
    expect(merged.changed).toBe(true);
    const older = mergeRun(there, here);
    expect(older.run.name).toBe('Là-bas');
    expect(mergeRun(here, here).changed).toBe(false);
  });

  it('adds the runs of a file that are not here, merges those that are, and reports both', () => {
    const mine = run({ id: 'mine', results: { a: at('passed', '08:00') } });
    const shared = run({
      id: 'shared',
      name: 'Partagée',
      results: { a: at('passed', '08:00'), b: at('failed', '09:00', 'ici') },
    });
    const theirsShared = run({
      id: 'shared',
      name: 'Partagée',
      results: { a: at('passed', '08:00'), b: at('passed', '08:30'), c: at('na', '10:00') },
    });
    const theirsNew = run({ id: 'new', name: 'Nouvelle', results: { z: at('passed', '10:00') } });
    const outcome = importRuns([mine, shared], [theirsShared, theirsNew]);
    expect(outcome.runs.map((r) => r.id)).toEqual(['mine', 'shared', 'new']);
    expect(outcome.runs[0]).toBe(mine);
    expect(outcome.changed.map((r) => r.id)).toEqual(['shared', 'new']);
    expect(outcome.runs[1]!.results).toEqual({ a: shared.results.a, b: shared.results.b, c: theirsShared.results.c });
    expect(outcome.report).toEqual({
      added: [{ id: 'new', name: 'Nouvelle', results: 1 }],
      merged: [{ id: 'shared', name: 'Partagée', taken: 1, kept: 1, same: 1 }],
    });
  });

  it('changes nothing when the file holds what is already here', () => {
    const mine = run({ results: { a: at('passed', '08:00') } });
    const outcome = importRuns([mine], [structuredClone(mine)]);
    expect(outcome.changed).toEqual([]);
    expect(outcome.report.merged[0]).toMatchObject({ taken: 0, kept: 0, same: 1 });
  });
});
