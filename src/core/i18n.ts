/**
 * Interface strings, one flat file of dotted keys per language (src/i18n/<locale>.json).
 * French is the reference: a key missing from another language falls back to it.
 */
import en from '../i18n/en.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import type { Locale } from './model.ts';

export type MessageKey = keyof typeof fr;

const MESSAGES: Record<Locale, Partial<Record<MessageKey, string>>> = { fr, en };

export { LOCALES } from './model.ts';

/** The interface language when roadbook.yml names none. */
export const DEFAULT_LOCALE: Locale = 'fr';

/** The string for `key` in `locale`, with `{name}` placeholders replaced from `params`. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[locale][key] ?? fr[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, for pages and exporters. */
export function translator(locale: Locale): (key: MessageKey, params?: Record<string, string | number>) => string {
  return (key, params) => translate(locale, key, params);
}
