import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodiesFile } from '../core/read/entry-cache.ts';

/** The roadbook package itself: where astro.config.mjs, src/ and node_modules/ are. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the caches of one content folder live: Astro's store of rendered entries, the
 * reader's cache of checked entries and the file of their bodies' HTML beside it, and what
 * the last `check` found. Each
 * content folder has its own, so two road books never mix; removing every path listed here
 * makes the next build and check cold.
 */
export function cachePaths(root: string): {
  astroCacheDir: string;
  entryCacheFile: string;
  bodiesCacheFile: string;
  checkFile: string;
} {
  const key = rootKey(root);
  const folder = join(PACKAGE_ROOT, 'node_modules', '.cache', 'roadbook');
  const entryCacheFile = join(folder, `entries-${key}.json`);
  return {
    astroCacheDir: join(PACKAGE_ROOT, 'node_modules', '.astro', `roadbook-${key}`),
    entryCacheFile,
    bodiesCacheFile: bodiesFile(entryCacheFile),
    // What the last `check` found, with the stamp of the files it read (check-result.ts).
    checkFile: join(folder, `check-${key}.json`),
  };
}

/** A content folder's short digest: what names its caches and work folder in the package. */
function rootKey(root: string): string {
  return createHash('sha256').update(resolve(root)).digest('hex').slice(0, 12);
}

/**
 * Where a build of the content folder `root` has Astro write its site before it is published
 * beside the output: inside the package, whatever the folder of the road book. Astro writes
 * the pages' server chunks under its output folder and runs them from there, and Node finds
 * their packages (`@oslojs/encoding`, …) from a chunk's own folder up: only a folder under the
 * package's node_modules/ has them. Named by the content folder's digest, so the builds of two
 * road books never share one; each build works in a staging folder of its own beside this
 * path (cli/staging.ts), which is never made itself.
 */
export function buildWorkDir(root: string): string {
  return join(PACKAGE_ROOT, 'node_modules', '.cache', 'roadbook', `build-${rootKey(root)}`);
}
