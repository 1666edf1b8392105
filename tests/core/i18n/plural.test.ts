import { describe, expect, it } from 'vitest';
import { pluralForm, pluralKey } from '../../../src/core/i18n/plural.ts';

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
