import { describe, expect, it } from 'vitest';
import { FRENCH, MESSAGES, siteWords, type MessageKey } from '../../../src/core/i18n/messages.ts';
import { LOCALES } from '../../../src/core/model.ts';

describe('siteWords', () => {
  it('has every key, in the site’s language where it has one', () => {
    for (const locale of LOCALES) {
      const words = siteWords(locale);
      expect(Object.keys(words).sort()).toEqual(Object.keys(FRENCH).sort());
      for (const key of Object.keys(MESSAGES[locale]) as MessageKey[]) expect(words[key]).toBe(MESSAGES[locale][key]);
    }
  });

  it('falls back to French for a key a language lacks', () => {
    const en = MESSAGES.en;
    const key = Object.keys(en)[0] as MessageKey;
    const kept = en[key];
    delete en[key];
    try {
      expect(siteWords('en')[key]).toBe(FRENCH[key]);
    } finally {
      en[key] = kept;
    }
  });
});
