import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

async function files(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  return found
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The bytes and number of files under `dir`. */
export async function treeSize(dir: string): Promise<{ bytes: number; files: number }> {
  const paths = await files(dir);
  const sizes = await Promise.all(paths.map(async (p) => (await stat(p)).size));
  return { bytes: sizes.reduce((a, b) => a + b, 0), files: paths.length };
}

/** The kinds of file a built site holds, in the order a composition lists them. */
const KINDS: [kind: string, test: RegExp][] = [
  ['entry pages', /^versions\/[^/]+\/[^/]+\/index\.html$/],
  ['version pages', /^versions\/[^/]+\/index\.html$/],
  ['version downloads', /^versions\/[^/]+\/checklist\.[^/]+$/],
  ['version assets', /^versions\/[^/]+\/assets\//],
  ['module pages', /^modules\//],
  ['/roadbook.json', /^roadbook\.json$/],
  ['data/', /^data\//],
  ['search index', /^pagefind\//],
  ['scripts and styles', /^_astro\//],
];

/** A site's bytes and files by kind of file (entry pages, version pages, downloads…). */
export async function treeComposition(dir: string): Promise<Map<string, { bytes: number; files: number }>> {
  const kinds = new Map<string, { bytes: number; files: number }>(
    [...KINDS.map(([k]) => k), 'other'].map((k) => [k, { bytes: 0, files: 0 }]),
  );
  for (const path of await files(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    const kind = KINDS.find(([, test]) => test.test(name))?.[0] ?? 'other';
    const sum = kinds.get(kind)!;
    sum.bytes += (await stat(path)).size;
    sum.files += 1;
  }
  return kinds;
}

/**
 * Every file's path, inode and modification time, and the folder's own inode: two equal
 * snapshots mean the folder was left as it is (not rewritten, not swapped for a copy).
 */
export async function treeSnapshot(dir: string): Promise<string> {
  const own = await stat(dir);
  const lines = await Promise.all(
    (await files(dir)).map(async (p) => {
      const s = await stat(p);
      return `${relative(dir, p)} ${s.ino} ${s.mtimeMs} ${s.size}`;
    }),
  );
  return `${own.ino}\n${lines.join('\n')}`;
}

/** A digest of every file's path and bytes: equal digests mean the same site, byte for byte. */
export async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const p of await files(dir)) {
    hash.update(`${relative(dir, p)}\0`);
    hash.update(
      createHash('sha256')
        .update(await readFile(p))
        .digest(),
    );
  }
  return hash.digest('hex');
}
