import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { unpackVersionFile, type VersionFile } from '../../src/core/version-file.ts';
import type { RoadBookFile } from '../../src/core/data-files.ts';
import { itemAnchor } from '../../src/core/item-id.ts';
import { cls, files, items, one, page, prop, tag, text } from './html.ts';

/**
 * What the built sample carries, in bytes: every page holds what it shows, its frame (head,
 * header, search box, footer: everything but <main>) stays small, because a road book of
 * 10,000 entries repeats it 10,000 times; the browser's per-version files stay far smaller
 * than the same entries in /roadbook.json. Bounds on sizes, not on time.
 */
const sites = inject('sites');

/** Bytes of a page outside its <main>. */
async function frameBytes(dir: string, path: string): Promise<number> {
  const html = await readFile(join(dir, path), 'utf8');
  const main = one(await page(dir, path), tag('main')).position!;
  const inside = html.slice(main.start.offset, main.end.offset);
  return Buffer.byteLength(html) - Buffer.byteLength(inside);
}

describe('the bytes of the built site', () => {
  it('keeps the frame of every page under 2.5 KB', async () => {
    const { out } = sites.sample;
    for (const path of (await files(out)).filter((f) => f.endsWith('.html'))) {
      expect(await frameBytes(out, path), path).toBeLessThan(2.5 * 1024);
    }
  });

  it('lists a version’s items with nothing but what they show', async () => {
    const { out } = sites.sample;
    const listed = items(await page(out, 'versions/15.3.0/index.html'));
    expect(listed.length).toBeGreaterThan(10);
    // No attribute on the row itself, no colour value on the badge of the default priority.
    expect(listed.filter((li) => Object.keys(li.properties).length > 0)).toEqual([]);
    const badges = listed.map((li) => one(li, cls('badge-priority')));
    const normal = badges.filter((b) => text(b) === 'Normale');
    expect(normal.length).toBeGreaterThan(0);
    expect(normal.map((b) => prop(b, 'dataValue'))).toEqual(normal.map(() => undefined));
    expect(badges.filter((b) => text(b) === 'Critique').map((b) => prop(b, 'dataValue'))).toContain('critical');
  });

  it('gives an item its anchor on its entry’s page only, not again in its version’s list', async () => {
    const { out } = sites.sample;
    const listed = items(await page(out, 'versions/15.3.0/index.html'));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((li) => prop(li, 'id'))).toEqual(listed.map(() => undefined));
    const book = JSON.parse(await readFile(join(out, 'roadbook.json'), 'utf8')) as RoadBookFile;
    const entry = book.versions.find((v) => v.slug === '15.3.0')!.entries.find((e) => e.items.length > 0)!;
    const own = items(await page(out, `versions/15.3.0/${entry.id}/index.html`));
    expect(own.map((li) => prop(li, 'id'))).toEqual(entry.items.map((i) => itemAnchor(i.id)));
  });

  it('writes the browser’s version files at under 60 % of the bytes of the same entries in /roadbook.json', async () => {
    const { out } = sites.sample;
    const book = JSON.parse(await readFile(join(out, 'roadbook.json'), 'utf8')) as RoadBookFile;
    let compact = 0;
    let named = 0;
    for (const version of book.versions) {
      const raw = await readFile(join(out, 'data/versions', `${version.slug}.json`), 'utf8');
      expect(unpackVersionFile(JSON.parse(raw) as VersionFile).entries, version.slug).toEqual(version.entries);
      compact += Buffer.byteLength(raw);
      named += Buffer.byteLength(JSON.stringify(version.entries));
    }
    expect(compact).toBeLessThan(named * 0.6);
  });

  it('gives the browser each version file gzipped: the same bytes in under half of them', async () => {
    const { out } = sites.sample;
    const book = JSON.parse(await readFile(join(out, 'roadbook.json'), 'utf8')) as RoadBookFile;
    let plain = 0;
    let gzipped = 0;
    for (const version of book.versions) {
      const json = await readFile(join(out, 'data/versions', `${version.slug}.json`));
      const gzip = await readFile(join(out, 'data/versions', `${version.slug}.json.gz`));
      expect(gunzipSync(gzip).equals(json), version.slug).toBe(true);
      plain += json.length;
      gzipped += gzip.length;
    }
    expect(gzipped).toBeLessThan(plain / 2);
  });
});
