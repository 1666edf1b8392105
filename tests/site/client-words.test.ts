import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import en from '../../src/i18n/en.json' with { type: 'json' };
import fr from '../../src/i18n/fr.json' with { type: 'json' };
import { files } from './html.ts';

/**
 * The words a built site's browser scripts carry: the site's language only, read in the
 * scripts its pages load (following static imports, not the chunks loaded on demand).
 */
const sites = inject('sites');

/** Strings that can be told apart in a bundle: printable ASCII, several words, nothing a bundler escapes. */
const plain = (text: string): boolean =>
  /^[\x20-\x7e]+$/.test(text) && text.length >= 12 && text.includes(' ') && !/["'`\\{$]/.test(text);
const KEYS = (Object.keys(fr) as (keyof typeof fr)[]).filter((k) => plain(fr[k]) && plain(en[k]) && fr[k] !== en[k]);

/** The scripts the site's pages load, with every module they import statically. */
async function loadedScripts(out: string): Promise<string> {
  const pages = (await files(out)).filter((f) => f.endsWith('.html'));
  const queue = new Set<string>();
  for (const path of pages) {
    const html = await readFile(join(out, path), 'utf8');
    for (const [, src] of html.matchAll(/<script[^>]*\ssrc="[^"]*?(_astro\/[\w.-]+\.js)"/g)) queue.add(src!);
  }
  const texts: string[] = [];
  for (const file of queue) {
    const text = await readFile(join(out, file), 'utf8');
    texts.push(text);
    for (const [, a, b] of text.matchAll(/\bfrom\s*["']\.\/([\w.-]+\.js)["']|\bimport\s*["']\.\/([\w.-]+\.js)["']/g)) {
      queue.add(`_astro/${a ?? b}`);
    }
  }
  return texts.join('\n');
}

/** Every script under _astro/, loaded on demand or not. */
async function allScripts(out: string): Promise<string> {
  const scripts = (await files(out)).filter((f) => /^_astro\/.*\.js$/.test(f));
  return (await Promise.all(scripts.map((f) => readFile(join(out, f), 'utf8')))).join('\n');
}

describe('the words in the browser scripts', () => {
  it('has strings to tell the two languages apart', () => {
    expect(KEYS.length).toBeGreaterThan(50);
  });

  it('gives an English site its English words and not the French ones', async () => {
    const loaded = await loadedScripts(sites.en.out);
    expect(KEYS.filter((k) => !loaded.includes(en[k]))).toEqual([]);
    expect(KEYS.filter((k) => loaded.includes(fr[k]))).toEqual([]);
  });

  it('gives a French site its French words and not the English ones', async () => {
    const loaded = await loadedScripts(sites.fr.out);
    expect(KEYS.filter((k) => !loaded.includes(fr[k]))).toEqual([]);
    expect(KEYS.filter((k) => loaded.includes(en[k]))).toEqual([]);
  });

  it('keeps the other language at hand, loaded on demand, for a report sealed in it', async () => {
    const all = await allScripts(sites.en.out);
    expect(KEYS.filter((k) => !all.includes(fr[k]))).toEqual([]);
  });
});
