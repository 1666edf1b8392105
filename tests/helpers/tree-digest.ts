import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** One digest over every file's path and bytes under `dir`: equal digests, the same tree. */
export async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort();
  for (const path of paths) hash.update(`${path}\0`).update(await readFile(join(dir, path)));
  return hash.digest('hex');
}
