import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { RoadBookFile } from '../../src/core/data-files.ts';
import { all, has, one, page, prop, tag } from './html.ts';

/**
 * What the built sample's pages say of "Mon installation" without scripts: nothing. Its
 * elements are in the pages empty and hidden (the scripts fill them once an installation is
 * recorded), so a page read without scripts or without storage prints nothing wrong.
 */
const { out } = inject('sites').sample;

const roadBook = async () => JSON.parse(await readFile(join(out, 'roadbook.json'), 'utf8')) as RoadBookFile;
const empty = (el: { children: unknown[] }) => el.children.length === 0;

describe('"Mon installation" in the built pages', () => {
  it('leaves the home page’s news and the table’s badges empty and hidden', async () => {
    const home = await page(out, 'index.html');
    const news = one(home, tag('rb-installation-news'));
    expect(prop(news, 'hidden')).toBeDefined();
    expect(empty(news)).toBe(true);
    const badges = all(home, tag('rb-version-standing'));
    const book = await roadBook();
    expect(badges.map((b) => prop(b, 'dataSlug'))).toEqual(book.versions.map((v) => v.slug).reverse());
    for (const badge of badges) {
      expect(prop(badge, 'hidden')).toBeDefined();
      expect(empty(badge)).toBe(true);
    }
  });

  it('leaves a version page’s standing empty and hidden, and the "only my modules" box hidden', async () => {
    const version = await page(out, 'versions/15.3.0/index.html');
    const badge = one(version, tag('rb-version-standing'));
    expect(prop(badge, 'dataSlug')).toBe('15.3.0');
    expect(prop(badge, 'hidden')).toBeDefined();
    expect(empty(badge)).toBe(true);
    const mine = one(version, has('dataFilterMine'));
    expect(prop(mine, 'hidden')).toBeDefined();
    // The filter form itself is hidden until its script runs.
    expect(prop(one(version, has('dataFilterForm')), 'hidden')).toBeDefined();
  });

  it('gives the entry cards their editions, for the rule that says which concern an installation', async () => {
    const book = await roadBook();
    const entries = book.versions.find((v) => v.slug === '15.3.0')!.entries;
    const cards = all(await page(out, 'versions/15.3.0/index.html'), has('dataEntry'));
    expect(cards).toHaveLength(entries.length);
    for (const card of cards) {
      const entry = entries.find((e) => `entry-${e.id}` === prop(card, 'id'))!;
      expect(JSON.parse(prop(card, 'dataEditions') ?? '[]')).toEqual(entry.editions);
      expect(JSON.parse(prop(card, 'dataModules')!)).toEqual(entry.modules);
    }
    expect(entries.some((e) => e.editions.length > 0)).toBe(true);
  });
});
