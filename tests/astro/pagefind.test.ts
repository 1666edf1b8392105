/**
 * The site's search index, made by pagefind's own process from the built site's folder: the
 * files it writes do not depend on the order the site's pages were written in, nor on which
 * were kept from the last site (hard links), and a page missing from the site fails the build.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSiteIndex } from '../../src/astro/pagefind.ts';

/** A tmpfs on Linux. */
const SHARED_MEMORY = '/dev/shm';

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

/** Every file of a folder (relative paths) with its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const d of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (d.isFile()) files.set(relative(dir, join(d.parentPath, d.name)), await readFile(join(d.parentPath, d.name)));
  }
  return files;
}

describe('the search index (pagefind, over the built site)', () => {
  let work: string;
  beforeAll(async () => {
    // On a file system that lists a folder's files in the order they were made (tmpfs does;
    // ext4 lists them by a hash of their names), where that order would reach the index.
    work = await mkdtemp(join(existsSync(SHARED_MEMORY) ? SHARED_MEMORY : tmpdir(), 'roadbook-pagefind-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  /**
   * A site holding PAGES and a page that is not indexed, written in `order`; those of `linked`
   * are hard links to the pages of the site `from`, as a rebuild keeps them.
   */
  async function site(name: string, order: string[], linked: string[] = [], from = ''): Promise<string> {
    const dir = join(work, name);
    for (const path of [...order, 'index.html']) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      if (linked.includes(path)) await link(join(from, path), join(dir, path));
      else await writeFile(join(dir, path), HTML[path] ?? page('Home', 'Every version.', '-'));
    }
    return dir;
  }

  /** Indexes PAGES of the site `dir`; the folder written. */
  async function index(dir: string): Promise<string> {
    const out = join(dir, 'pagefind');
    expect(await writeSiteIndex(dir, out, { language: 'en', pages: PAGES })).toBe(PAGES.length);
    return out;
  }

  it('writes the same files whatever order the pages were written in and whichever were kept', async () => {
    const coldSite = await site('cold', PAGES);
    const cold = await tree(await index(coldSite));
    const reversed = await tree(await index(await site('reversed', [...PAGES].reverse())));
    const rebuilt = await tree(
      await index(await site('rebuilt', [PAGES[2]!, PAGES[1]!, PAGES[0]!], [PAGES[0]!, PAGES[2]!], coldSite)),
    );
    expect(cold.size).toBeGreaterThan(5);
    for (const other of [reversed, rebuilt]) {
      expect([...other.keys()].sort()).toEqual([...cold.keys()].sort());
      for (const [path, bytes] of cold) expect(other.get(path)!.equals(bytes), path).toBe(true);
    }
    const entry = JSON.parse(cold.get('pagefind-entry.json')!.toString('utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.en?.page_count).toBe(3);
    // pagefind's own folder is gone once the index is written.
    expect(await readdir(work)).not.toContain('cold.search');
  });

  it('fails, naming it, when a page is missing from the site, and writes no index', async () => {
    const dir = await site('missing', [PAGES[0]!, PAGES[2]!]);
    await expect(writeSiteIndex(dir, join(dir, 'pagefind'), { language: 'en', pages: PAGES })).rejects.toThrow(
      `1 pages were never written: ${PAGES[1]}`,
    );
    expect(await readdir(dir)).not.toContain('pagefind');
  });
});
