/**
 * Interface strings, one flat file of dotted keys per language (src/i18n/<locale>.json, read
 * by messages.ts). French is the reference: a key missing from another language falls back to
 * it (translate() below, and siteWords() in messages.ts for the browser).
 *
 * This folder is the one place for words and formats: translate.ts (strings), plural.ts
 * (plural forms), count.ts (counts in words), format.ts (dates, instants, numbers, sizes),
 * labels.ts (the labels of every closed list of the model and of roadbook.yml's choices).
 * The site, the browser scripts and the exporters all call it; nothing else formats a date
 * or a number for people, picks a plural or labels a value.
 */
import { LOCALES, type Locale } from '../model.ts';
import { FRENCH, MESSAGES, type MessageKey } from './messages.ts';

export type { MessageKey } from './messages.ts';

/** Values of a string's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** A translator bound to one language (what pages, scripts and exporters are given). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The interface language when roadbook.yml names none. */
export const DEFAULT_LOCALE: Locale = 'fr';

/** The interface language a page or an element states (`en`, `en-GB`, `fr`…); French when it states none of ours. */
export function localeFrom(value: string | null | undefined): Locale {
  return LOCALES.find((l) => value?.startsWith(l)) ?? DEFAULT_LOCALE;
}

/** The string for `key` in `locale`, with `{name}` placeholders replaced from `params`. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const text = MESSAGES[locale][key] ?? FRENCH[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, for pages and exporters. */
export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
