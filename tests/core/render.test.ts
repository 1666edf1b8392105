import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { loadRoadBook } from '../../src/core/read/road-book.ts';
import { renderEntries, renderEntry } from '../../src/core/render.ts';
import { batchesRunOnWorkers } from '../../src/core/workers.ts';

const dir = await mkdtemp(join(tmpdir(), 'roadbook-render-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('rendering entries', () => {
  it('gives the same HTML on worker threads as in this thread', async () => {
    await generate(240, dir);
    const { book } = await loadRoadBook(dir, { workers: false });
    // Every body rendered anew, not filled in from the reading's render.
    delete book.bodies;
    const before = batchesRunOnWorkers();
    // Two threads, whatever the machine's cores: the pool runs even where it would not pay.
    const pooled = await renderEntries(book.entries, book, 2);
    // 240 bodies in batches of 25: ten batches, every one run on a worker thread.
    expect(batchesRunOnWorkers() - before).toBe(10);
    expect(pooled).toHaveLength(240);
    const inline = await Promise.all(book.entries.slice(0, 40).map((e) => renderEntry(e, book)));
    expect(pooled.slice(0, 40)).toEqual(inline);
    expect(pooled.some((html) => html.includes('class="shiki'))).toBe(true);
    expect(pooled.every((html) => !html.includes('Vérifications'))).toBe(true);
    // Starting threads and their highlighters takes a while on a busy machine; the result is what counts.
  }, 60_000);

  it('turns links to other entries and to assets into site addresses', async () => {
    const root = join(dir, 'links');
    const write = async (path: string, text: string) => {
      await mkdir(join(root, 'content/versions', path, '..'), { recursive: true });
      await writeFile(join(root, 'content/versions', path), text);
    };
    await write('1.0.0/index.md', '---\ndate: 2026-01-01\n---\n');
    await write('1.0.0/assets/mon schéma.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await write(
      '1.0.0/a.md',
      '---\ntitle: A\ntype: technique\nmodules: m\n---\n![Schéma](assets/mon%20sch%C3%A9ma.svg) [B](../2.0.0/b.md#detail)\n',
    );
    await write('2.0.0/index.md', '---\ndate: 2026-02-01\n---\n');
    await write(
      '2.0.0/b.md',
      '---\nid: B-1\ntitle: B\ntype: technique\nmodules: m\n---\n[A](../1.0.0/a.md) [absent](c.md) [site](https://example.com/x.md)\n',
    );
    const { book, diagnostics } = await loadRoadBook(root, { base: '/docs/' });
    // A link to a Markdown file that does not exist is reported, and stays as written.
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'content/versions/2.0.0/b.md:7:20 link-missing',
    ]);
    const [a, b] = await Promise.all(book.entries.map((e) => renderEntry(e, book)));
    expect(a).toContain('src="/docs/versions/1.0.0/assets/mon%20sch%C3%A9ma.svg"');
    expect(a).toContain('href="/docs/versions/2.0.0/B-1/#detail"');
    expect(b).toContain('href="/docs/versions/1.0.0/a/"');
    expect(b).toContain('href="c.md"');
    expect(b).toContain('href="https://example.com/x.md"');
  });
});
