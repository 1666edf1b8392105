/**
 * Counts in words: `<key>.one` or `<key>.other` picked by the language's plural rules (French
 * says "0 changement", English "0 changes"), the number formatted as format.ts does.
 */
import type { Locale } from '../model.ts';
import { formatters } from './format.ts';
import { translate, type MessageKey } from './translate.ts';

/** The two forms the interface strings have: the rules' other categories all read as `other`. */
export type PluralForm = 'one' | 'other';

/** Keys that come as a pair, `<key>.one` and `<key>.other`. */
export type CountKey = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

const RULES = new Map<string, Intl.PluralRules>();

/** The form `n` takes in `lang` (a locale or a page's `lang`, `fr`, `en-GB`). */
export function pluralForm(lang: string, n: number): PluralForm {
  let rules = RULES.get(lang);
  if (!rules) RULES.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n) === 'one' ? 'one' : 'other';
}

/** The key of `key`'s form for `n`: `run.filter.shown.one` for 1 in French. */
export function pluralKey(key: CountKey, lang: string, n: number): MessageKey {
  return `${key}.${pluralForm(lang, n)}` as MessageKey;
}

/** "3 changements" / "1 change": `key`'s form for `n` in `locale`, `{n}` the formatted number. */
export function counter(locale: Locale): (key: CountKey, n: number) => string {
  const format = formatters(locale);
  return (key, n) => translate(locale, pluralKey(key, format.intlLocale, n), { n: format.number(n) });
}
