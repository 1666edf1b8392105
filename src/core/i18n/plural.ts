/**
 * Plural forms: `<key>.one` or `<key>.other` picked by the language's plural rules (French
 * says "0 changement", English "0 changes"). Nothing but the rules, so the version pages'
 * filter gets them without the strings (count.ts writes a whole count).
 */
import type { MessageKey } from './translate.ts';

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
