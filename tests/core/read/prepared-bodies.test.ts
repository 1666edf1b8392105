/**
 * The bodies `check` renders while reading the road book are what the pages show: filled in,
 * they are byte for byte what rendering each body anew gives, from the same run or from the
 * cache, and every change that changes a page's HTML (its body, an option, another page it
 * links to) changes it.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRoadBook, type LoadOptions } from '../../../src/core/read/road-book.ts';
import type { Entry } from '../../../src/core/model.ts';
import { renderEntries } from '../../../src/core/render.ts';

const dir = await mkdtemp(join(tmpdir(), 'roadbook-bodies-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const root = join(dir, 'book');
const cacheFile = join(dir, 'cache', 'entries.json');

async function write(path: string, text: string): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

const A = `---
title: A
type: technique
modules: m
---
![Schéma](assets/s.svg) [B](../2.0.0/b.md?vue=1&onglet="x"#détail) et [encore B][b].

| a | b |
| - | - |
| 1 | 2 |

\`\`\`sql
select 1;
\`\`\`

## Vérifications

- Ouvrir [la fiche B](../2.0.0/b.md) → Elle s’affiche

[b]: ../2.0.0/b.md
`;

const B = `---
id: B-1
title: B
type: technique
modules: m
---
[A](../1.0.0/a.md) et [le site](https://example.com/a.md).
`;

/** What the pages get, through the prepared bodies, and what rendering every body anew gives. */
async function pages(options: LoadOptions = {}) {
  const { book, errorCount } = await loadRoadBook(root, { workers: false, ...options });
  expect(errorCount).toBe(0);
  const prepared = await Promise.all(book.entries.map((e) => book.bodies?.of(e)));
  const html = await renderEntries(book.entries, book, false);
  delete book.bodies;
  const anew = await renderEntries(book.entries, book, false);
  return { book, prepared, html, anew };
}

describe('the bodies rendered while reading', () => {
  it('are what rendering anew gives, from this run and from the cache, and follow every change', async () => {
    await write('content/versions/1.0.0/index.md', '---\ndate: 2026-01-01\n---\n');
    await write('content/versions/1.0.0/assets/s.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await write('content/versions/1.0.0/a.md', A);
    await write('content/versions/2.0.0/index.md', '---\ndate: 2026-02-01\n---\n');
    await write('content/versions/2.0.0/b.md', B);

    // Read without a cache: every body comes from the reading's own parse.
    const cold = await pages();
    expect(cold.prepared.every(Boolean)).toBe(true);
    expect(cold.prepared[0]!.html).toContain('roadbook-slot-');
    expect(cold.html).toEqual(cold.anew);
    const [a, b] = cold.html;
    expect(a).toContain('href="/versions/2.0.0/B-1/?vue=1&#x26;onglet=%22x%22#d%C3%A9tail"');
    expect(a).toContain('src="/versions/1.0.0/assets/s.svg"');
    expect(a).toContain('class="shiki');
    expect(a).not.toContain('roadbook-slot-');
    expect(b).toContain('href="/versions/1.0.0/a/"');
    // The item's link is filled in too.
    expect(cold.book.entries[0]!.items[0]!.stepHtml).toBe('Ouvrir <a href="/versions/2.0.0/B-1/">la fiche B</a>');

    // With a cache: written by the first run, read (HTML included) by the second.
    const first = await pages({ cacheFile });
    expect(first.html).toEqual(cold.html);
    const bodies = await readFile(cacheFile.replace(/\.json$/, '.bodies.json'), 'utf8');
    expect(bodies).toContain('roadbook-slot-');
    const warm = await pages({ cacheFile });
    expect(warm.prepared.every(Boolean)).toBe(true);
    expect(warm.html).toEqual(cold.html);
    expect(warm.book.entries[0]!.items).toEqual(cold.book.entries[0]!.items);

    // The body changed.
    await write('content/versions/1.0.0/a.md', A.replace('et [encore B]', 'puis [encore B]'));
    const edited = await pages({ cacheFile });
    expect(edited.html[0]).toContain('puis <a');
    expect(edited.html).toEqual(edited.anew);

    // An option changed: the site's base.
    const based = await pages({ cacheFile, base: '/docs/' });
    expect(based.html[0]).toContain('href="/docs/versions/2.0.0/B-1/?vue=1');
    expect(based.html[0]).toContain('src="/docs/versions/1.0.0/assets/s.svg"');
    expect(based.html).toEqual(based.anew);

    // Another option: the site's language names the table's scrolling region.
    await write('content/roadbook.yml', 'locale: en\nmodules: [m]\ntypes: [{ id: technique, label: Technical }]\n');
    const english = await pages({ cacheFile });
    expect(english.html[0]).not.toEqual(edited.html[0]);
    expect(english.html).toEqual(english.anew);

    // A file the body links to changed: B's id, so the address A links to; a.md is unchanged.
    await write('content/versions/2.0.0/b.md', B.replace('id: B-1', 'id: B-2'));
    const relinked = await pages({ cacheFile });
    expect(relinked.html[0]).toContain('href="/versions/2.0.0/B-2/?vue=1');
    expect(relinked.book.entries[0]!.items[0]!.stepHtml).toContain('href="/versions/2.0.0/B-2/"');
    expect(relinked.html).toEqual(relinked.anew);
  });
});

/** The entries without their items' and introduction's HTML. */
function withoutHtml(entries: readonly Entry[]) {
  return entries.map(({ verifyIntroHtml: _intro, items, ...entry }) => ({
    ...entry,
    items: items.map(({ stepHtml: _step, expectHtml: _expect, ...item }) => item),
  }));
}

describe('a read that renders no bodies (check)', () => {
  it('keeps the analysis only: a later read that renders renders every body in its own pass', async () => {
    const cacheFile = join(dir, 'check-cache', 'entries.json');
    await write('content/roadbook.yml', 'modules: [m]\ntypes: [{ id: technique, label: Technique }]\n');
    await write('content/versions/1.0.0/index.md', '---\ndate: 2026-01-01\n---\n');
    await write('content/versions/1.0.0/assets/s.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await write('content/versions/1.0.0/a.md', A);
    await write('content/versions/2.0.0/index.md', '---\ndate: 2026-02-01\n---\n');
    await write('content/versions/2.0.0/b.md', B);
    const rendering = await pages();

    const checked = await loadRoadBook(root, { workers: false, cacheFile, renderBodies: false });
    expect(checked.errorCount).toBe(0);
    // Everything but the HTML, which is left out.
    expect(withoutHtml(checked.book.entries)).toEqual(withoutHtml(rendering.book.entries));
    expect(checked.book.entries[0]!.items[0]!.stepHtml).toBe('');
    expect(await Promise.all(checked.book.entries.map((e) => checked.book.bodies?.of(e)))).toEqual([
      undefined,
      undefined,
    ]);
    await expect(readFile(cacheFile.replace(/\.json$/, '.bodies.json'), 'utf8')).rejects.toThrow();

    // The build after it: each body parsed, analysed and rendered in one pass, then kept.
    const built = await pages({ cacheFile });
    expect(built.prepared.every(Boolean)).toBe(true);
    expect(built.html).toEqual(rendering.html);
    expect(built.html).toEqual(built.anew);
    expect(await readFile(cacheFile.replace(/\.json$/, '.bodies.json'), 'utf8')).toContain('roadbook-slot-');
    // A check after the build takes every entry from the cache, bodies kept.
    const again = await loadRoadBook(root, { workers: false, cacheFile, renderBodies: false });
    expect(withoutHtml(again.book.entries)).toEqual(withoutHtml(rendering.book.entries));
    expect((await pages({ cacheFile })).html).toEqual(rendering.html);
  });
});
