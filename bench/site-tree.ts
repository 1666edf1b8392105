import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

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
