/**
 * The digest of roadbook's own code: its version, its dependencies' lock file and every file
 * of src/ (pages, layouts, components, scripts, styles, the core). A site built by another
 * version of roadbook, or after a template changed, is built again from scratch.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What of the package the built site depends on, relative to its root. */
const CODE_FILES = ['package.json', 'package-lock.json'];
const CODE_FOLDER = 'src';

export async function codeDigest(packageRoot: string): Promise<string> {
  const folder = join(packageRoot, CODE_FOLDER);
  const inFolder = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(packageRoot.length))
    .sort();
  const hash = createHash('sha256');
  for (const path of [...CODE_FILES, ...inFolder]) {
    const bytes = await readFile(join(packageRoot, path)).catch(() => Buffer.alloc(0));
    hash.update(path).update('\0').update(createHash('sha256').update(bytes).digest('hex')).update('\n');
  }
  return hash.digest('hex');
}
