/**
 * A count in words, "3 changements" / "1 change": the plural form of plural.ts, the number
 * formatted as format.ts does, the string of translate.ts.
 */
import type { Locale } from '../model.ts';
import { formatters } from './format.ts';
import { pluralKey, type CountKey } from './plural.ts';
import { translate } from './translate.ts';

/** "3 changements" / "1 change": `key`'s form for `n` in `locale`, `{n}` the formatted number. */
export function counter(locale: Locale): (key: CountKey, n: number) => string {
  const format = formatters(locale);
  return (key, n) => translate(locale, pluralKey(key, format.intlLocale, n), { n: format.number(n) });
}
