/**
 * The interface strings of every language, as Node reads them (the CLI, the pages, the
 * exporters). A site's browser scripts get another version of this module, holding only the
 * site's language merged over French (astro/messages-module.ts): a built site speaks one
 * language, and both tables would weigh every translating script by about 60 KB.
 */
import en from '../../i18n/en.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
import type { Locale } from '../model.ts';

export type MessageKey = keyof typeof fr;

/** One language's strings; a key it lacks falls back to French. */
export type MessageTable = Partial<Record<MessageKey, string>>;

/** French, the reference: every key has its string here. */
export const FRENCH: Record<MessageKey, string> = fr;

export const MESSAGES: Record<Locale, MessageTable> = { fr, en };

/**
 * Every string a site in `locale` shows: its language, French where it has none (the rule
 * translate() applies key by key). What the browser scripts of such a site are given.
 */
export function siteWords(locale: Locale): Record<MessageKey, string> {
  return { ...FRENCH, ...MESSAGES[locale] };
}

/**
 * Makes sure `locale`'s strings are at hand before translate() is asked for them in a language
 * other than the site's (a sign-off report checked against the words it was sealed in). Node
 * holds every language already; the browser's version of this module loads the one asked for.
 */
export async function loadMessages(locale: Locale): Promise<void> {
  void locale;
}
