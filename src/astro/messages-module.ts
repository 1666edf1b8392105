import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { siteWords } from '../core/i18n/messages.ts';
import { LOCALES, type Locale } from '../core/model.ts';

/** The module that holds every language's strings, as Node reads it. */
const MESSAGES_FILE = fileURLToPath(new URL('../core/i18n/messages.ts', import.meta.url));

/** Where a language's strings are, for the browser to load one on demand. */
const wordsFile = (locale: Locale): string => fileURLToPath(new URL(`../i18n/${locale}.json`, import.meta.url));

/**
 * The Vite plugin that gives the site's browser scripts only the strings of the site's
 * language (French where it has none) instead of every language's: a built site speaks one
 * language, chosen in roadbook.yml. The table stands under every locale, so a script that
 * starts with a translator for French before it reads its element's language still shows the
 * site's words; another language loads on demand (loadMessages). Pages, endpoints and the
 * prerender keep the module as it is.
 */
export function messagesModule(locale: Locale): Plugin {
  return {
    name: 'roadbook:messages',
    load(id) {
      if (this.environment.config.consumer !== 'client' || id.split('?')[0] !== MESSAGES_FILE) return undefined;
      const words = JSON.stringify(siteWords(locale));
      const tables = LOCALES.map((l) => `${JSON.stringify(l)}: words`).join(', ');
      const others = LOCALES.filter((l) => l !== locale)
        .map((l) => `${JSON.stringify(l)}: () => import(${JSON.stringify(wordsFile(l))})`)
        .join(', ');
      return [
        `const words = ${words};`,
        'export const FRENCH = words;',
        `export const MESSAGES = { ${tables} };`,
        `const others = { ${others} };`,
        'export async function loadMessages(locale) {',
        '  const load = others[locale];',
        '  if (!load) return;',
        '  delete others[locale];',
        '  MESSAGES[locale] = (await load()).default;',
        '}',
      ].join('\n');
    },
  };
}
