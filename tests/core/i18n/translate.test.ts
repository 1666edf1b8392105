import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/en.json' with { type: 'json' };
import fr from '../../../src/i18n/fr.json' with { type: 'json' };
import { DEFAULT_LOCALE, localeFrom, translate, translator } from '../../../src/core/i18n/translate.ts';

describe('translate', () => {
  it('gives the string of the key in each language, French by default', () => {
    expect(translate('fr', 'status.passed')).toBe('OK');
    expect(translate('en', 'status.passed')).toBe('Passed');
    expect(DEFAULT_LOCALE).toBe('fr');
  });

  it('fills every {name} placeholder from the parameters, numbers as written', () => {
    expect(translate('fr', 'run.filter.shown.other', { shown: 12, total: 1500 })).toBe(
      '12 vérifications affichées sur 1500',
    );
    expect(translate('en', 'export.title.path', { product: 'Gestan', from: '15.1.0', to: '15.3.0' })).toBe(
      'Acceptance tests Gestan 15.1.0 → 15.3.0',
    );
  });

  it('leaves a placeholder without a parameter as written, and never reads a value as a pattern', () => {
    expect(translate('en', 'run.filter.shown.one', { shown: 1 })).toBe('1 check shown of {total}');
    expect(translate('en', 'run.filter.shown.one', { shown: '$&', total: '{shown}' })).toBe(
      '$& check shown of {shown}',
    );
  });

  it('binds a language once with translator', () => {
    const t = translator('en');
    expect(t('versionStatus.withdrawn')).toBe('Withdrawn');
    expect(t('site.counts.items.other', { n: 3 })).toBe('3 checks');
  });

  it('has every French key in English too, so nothing falls back unnoticed', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });
});

describe('localeFrom', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['de', 'fr'],
    ['', 'fr'],
    [null, 'fr'],
    [undefined, 'fr'],
  ] as const)('reads %j as %s', (value, locale) => {
    expect(localeFrom(value)).toBe(locale);
  });
});
