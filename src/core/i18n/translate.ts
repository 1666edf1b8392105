/**
 * Interface strings, one flat file of dotted keys per language (src/i18n/<locale>.json).
 * French is the reference: a key missing from another language falls back to it.
 *
 * This folder is the one place for words and formats: translate.ts (strings), plural.ts
 * (plural forms), count.ts (counts in words), format.ts (dates, instants, numbers, sizes),
 * labels.ts (the labels of every closed list of the model and of roadbook.yml's choices).
 * The site, the browser scripts and the exporters all call it; nothing else formats a date
 * or a number for people, picks a plural or labels a value.
 */
import en from '../../i18n/en.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
import { LOCALES, type Locale } from '../model.ts';

export type MessageKey = keyof typeof fr;

/** Values of a string's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** A translator bound to one language (what pages, scripts and exporters are given). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const MESSAGES: Record<Locale, Partial<Record<MessageKey, string>>> = { fr, en };

/** The interface language when roadbook.yml names none. */
export const DEFAULT_LOCALE: Locale = 'fr';

/** The interface language a page or an element states (`en`, `en-GB`, `fr`…); French when it states none of ours. */
export function localeFrom(value: string | null | undefined): Locale {
  return LOCALES.find((l) => value?.startsWith(l)) ?? DEFAULT_LOCALE;
}

/** The string for `key` in `locale`, with `{name}` placeholders replaced from `params`. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const text = MESSAGES[locale][key] ?? fr[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, for pages and exporters. */
export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
