import { describe, expect, it } from 'vitest';
import { counter } from '../../../src/core/i18n/count.ts';

describe('counter', () => {
  it('writes 0, 1 and 2 with the form and the number of each language', () => {
    const fr = counter('fr');
    const en = counter('en');
    expect([0, 1, 2].map((n) => fr('site.counts.entries', n))).toEqual([
      '0 changement',
      '1 changement',
      '2 changements',
    ]);
    expect([0, 1, 2].map((n) => en('site.counts.entries', n))).toEqual(['0 changes', '1 change', '2 changes']);
  });

  it('formats the number as the language groups digits', () => {
    expect(counter('fr')('site.installer.bytes', 187_654_321)).toBe('187\u202f654\u202f321 octets');
    expect(counter('en')('site.counts.items', 12_345)).toBe('12,345 checks');
  });
});
