import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../bench/generate.ts';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';
import { batchesRunOnWorkers } from '../../../src/core/workers.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roadbook-cache-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the cache of checked entries', () => {
  it('gives exactly what reading the files again gives, and follows every change', async () => {
    const root = join(dir, 'cli');
    await cp('tests/fixtures/cli', root, { recursive: true });
    const cacheFile = join(dir, 'cache.json');

    const fresh = await loadRoadBook(root);
    const first = await loadRoadBook(root, { cacheFile });
    const cached = await loadRoadBook(root, { cacheFile });
    expect(cached).toEqual(fresh);
    expect(first).toEqual(fresh);

    // An edited entry is read again; the others come from the cache.
    const file = join(root, 'content/versions/2.0.0/V-3.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('title: Relances v2', 'title: Relances v3\ntype: bugfix'),
    );
    const edited = await loadRoadBook(root, { cacheFile });
    expect(edited.diagnostics.map((d) => d.code)).toEqual(['yaml-duplicate-key']);
    expect(edited).toEqual(await loadRoadBook(root));

    // A changed configuration reads everything again.
    await writeFile(join(root, 'content/roadbook.yml'), 'product: Testan\nmodules: [ventes]\n');
    const reconfigured = await loadRoadBook(root, { cacheFile });
    expect(reconfigured.diagnostics.map((d) => d.code)).toContain('unknown-module');
    expect(reconfigured).toEqual(await loadRoadBook(root));
  });

  it('reads a large road book on worker threads with the same result as in one thread', async () => {
    const root = join(dir, 'large');
    await generate(450, root);
    const cacheFile = join(dir, 'large-cache.json');
    // No cache: 450 entries go to a pool of two threads, whatever the machine's cores.
    const before = batchesRunOnWorkers();
    const pooled = await loadRoadBook(root, { cacheFile, workers: 2 });
    // 450 entries in batches of 38 (450 / (2 threads × 6)): twelve batches, all on worker threads.
    expect(batchesRunOnWorkers() - before).toBe(12);
    expect(pooled.book.entries).toHaveLength(450);
    expect(pooled.errorCount).toBe(0);
    expect(pooled).toEqual(await loadRoadBook(root, { workers: false }));
    // From the cache, in this thread: nothing is left for a pool to read.
    const fromCache = batchesRunOnWorkers();
    const cached = await loadRoadBook(root, { cacheFile, workers: 2 });
    expect(batchesRunOnWorkers()).toBe(fromCache);
    expect(cached).toEqual(pooled);
    expect(pooled.book.entries.some((e) => e.supersededBy.length > 0)).toBe(true);
  }, 60_000);
});
