import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a build is asked for, passed from the `roadbook` CLI to Astro's config and loaders
 * through the environment (they run in Astro's process, loaded by Vite).
 */
export interface BuildSettings {
  /** The project folder holding content/. */
  root: string;
  /** Whether draft versions are published. */
  drafts: boolean;
  /** Sub-path given on the command line; overrides roadbook.yml's `base`. */
  base: string | null;
}

export const ENV = {
  root: 'ROADBOOK_ROOT',
  drafts: 'ROADBOOK_DRAFTS',
  base: 'ROADBOOK_BASE',
} as const;

export function buildSettings(projectRoot: string = process.cwd()): BuildSettings {
  return {
    root: resolve(process.env[ENV.root] || projectRoot),
    drafts: process.env[ENV.drafts] === '1',
    base: process.env[ENV.base] || null,
  };
}

/** The roadbook package itself: where astro.config.mjs, src/ and node_modules/ are. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the caches of one content folder live: Astro's store of rendered entries and the
 * reader's cache of checked entries. Each content folder has its own, so two road books
 * never mix.
 */
export function cachePaths(root: string): { astroCacheDir: string; entryCacheFile: string } {
  const key = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 12);
  return {
    astroCacheDir: join(PACKAGE_ROOT, 'node_modules', '.astro', `roadbook-${key}`),
    entryCacheFile: join(PACKAGE_ROOT, 'node_modules', '.cache', 'roadbook', `entries-${key}.json`),
  };
}
