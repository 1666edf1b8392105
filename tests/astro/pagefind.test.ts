/**
 * The site's search index, made by pagefind's own process from pages handed to it one by one:
 * the files it writes do not depend on the order the pages come in, nor on which were kept
 * from the last site, and a page that never came fails the build.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteIndex } from '../../src/astro/pagefind.ts';

const PAGES = ['versions/1.0.0/A-1/index.html', 'versions/1.0.0/A-2/index.html', 'versions/2.0.0/B-1/index.html'];

function page(title: string, text: string, version: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body>
<nav>Menu every page has</nav>
<article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1>
<p data-pagefind-ignore><a data-pagefind-filter="version">${version}</a></p><p>${text}</p></article>
</body></html>`;
}

const HTML: Record<string, string> = {
  [PAGES[0]!]: page('Invoice rounding', 'Totals are rounded per line.', '1.0.0'),
  [PAGES[1]!]: page('Credit notes', 'A credit note cancels an invoice.', '1.0.0'),
  [PAGES[2]!]: page('Multi-currency invoices', 'Invoices in any currency.', '2.0.0'),
};

/** A rendered page read back from the site (as the build reads the pages rendered while pagefind was busy). */
const readBack = (path: string) => Promise.resolve(HTML[path]!);

/** Every file of a folder (relative paths) with its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const d of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (d.isFile()) files.set(relative(dir, join(d.parentPath, d.name)), await readFile(join(d.parentPath, d.name)));
  }
  return files;
}

describe('the search index (pagefind, fed page by page)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'roadbook-pagefind-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  /** Indexes PAGES, the `kept` ones read at once, the others added in `order`; the folder written. */
  async function build(name: string, kept: string[], order: string[]): Promise<string> {
    const index = await SiteIndex.open({
      language: 'en',
      pages: PAGES,
      kept: (path) => (kept.includes(path) ? Promise.resolve(HTML[path]!) : null),
    });
    for (const path of order) index.add(path, () => Promise.resolve(HTML[path]!));
    const out = join(work, name);
    expect(await index.write(out, readBack)).toBe(PAGES.length);
    return out;
  }

  it('writes the same files whichever pages were kept and in whatever order the others came', async () => {
    const cold = await tree(await build('cold', [], PAGES));
    const reversed = await tree(await build('reversed', [], [...PAGES].reverse()));
    const rebuilt = await tree(await build('rebuilt', [PAGES[0]!, PAGES[2]!], [PAGES[1]!]));
    expect(cold.size).toBeGreaterThan(5);
    for (const other of [reversed, rebuilt]) {
      expect([...other.keys()].sort()).toEqual([...cold.keys()].sort());
      for (const [path, bytes] of cold) expect(other.get(path)!.equals(bytes), path).toBe(true);
    }
    const entry = JSON.parse(cold.get('pagefind-entry.json')!.toString('utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.en?.page_count).toBe(3);
  });

  it('fails, naming it, when a page was neither kept nor rendered', async () => {
    const index = await SiteIndex.open({ language: 'en', pages: PAGES, kept: () => null });
    index.add(PAGES[0]!, () => Promise.resolve(HTML[PAGES[0]!]!));
    index.add(PAGES[2]!, () => Promise.resolve(HTML[PAGES[2]!]!));
    await expect(index.write(join(work, 'missing'), readBack)).rejects.toThrow(
      `1 pages were never rendered: ${PAGES[1]}`,
    );
  });

  it('fails, naming it, when a kept page cannot be read', async () => {
    const index = await SiteIndex.open({
      language: 'en',
      pages: PAGES,
      kept: (path) => (path === PAGES[1] ? Promise.reject(new Error('ENOENT: no such file')) : null),
    });
    index.add(PAGES[0]!, () => Promise.resolve(HTML[PAGES[0]!]!));
    index.add(PAGES[2]!, () => Promise.resolve(HTML[PAGES[2]!]!));
    await expect(index.write(join(work, 'unreadable'), readBack)).rejects.toThrow(`${PAGES[1]}: ENOENT: no such file`);
  });
});
