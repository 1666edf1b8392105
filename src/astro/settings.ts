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
  const key = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 12);
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
