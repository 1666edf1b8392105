import { describe, expect, it } from 'vitest';
import { counter, pluralForm, pluralKey } from '../../../src/core/i18n/plural.ts';

describe('pluralForm', () => {
  it('reads 0 and 1 as singular in French, only 1 in English', () => {
    expect([0, 1, 2, 1.5].map((n) => pluralForm('fr', n))).toEqual(['one', 'one', 'other', 'one']);
    expect([0, 1, 2, 1.5].map((n) => pluralForm('en', n))).toEqual(['other', 'one', 'other', 'other']);
  });

  it('takes a region tag as well as a page language', () => {
    expect(pluralForm('fr-FR', 0)).toBe('one');
    expect(pluralForm('en-GB', 0)).toBe('other');
  });

  it('reads every category other than one as other (French many for a million)', () => {
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
    expect(pluralForm('fr', 1_000_000)).toBe('other');
  });
});

describe('pluralKey', () => {
  it("names the key of the count's form", () => {
    expect(pluralKey('run.filter.shown', 'fr', 0)).toBe('run.filter.shown.one');
    expect(pluralKey('run.filter.shown', 'en', 0)).toBe('run.filter.shown.other');
    expect(pluralKey('site.counts.items', 'en', 1)).toBe('site.counts.items.one');
  });
});

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
