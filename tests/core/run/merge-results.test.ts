import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../src/core/checklist/progress.ts';
import { mergeResults } from '../../../src/core/run/merge-results.ts';

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
