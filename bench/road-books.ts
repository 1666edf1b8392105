import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { buildWorkDir, cachePaths } from '../src/astro/settings.ts';
import { baselineProject } from './baseline/project.ts';
import { generate } from './generate.ts';

/** A generated road book the benchmark builds. */
export interface RoadBook {
  entries: number;
  root: string;
  /** Its versions, oldest first. */
  versions: string[];
}

const GENERATOR = fileURLToPath(new URL('./generate.ts', import.meta.url));
const STAMP = '.generated';

/**
 * The road book of `entries` entries in `outDir`/rb-<entries>, generated once and reused
 * while bench/generate.ts is unchanged (its digest is stamped beside the content).
 */
export async function roadBookOf(entries: number, outDir: string): Promise<RoadBook> {
  const root = join(outDir, `rb-${entries}`);
  const stamp = `${entries} ${createHash('sha256')
    .update(await readFile(GENERATOR))
    .digest('hex')}`;
  const current = await readFile(join(root, STAMP), 'utf8').catch(() => null);
  if (current !== stamp) {
    await generate(entries, root);
    await writeFile(join(root, STAMP), stamp);
  }
  const versions = (await readdir(join(root, 'content', 'versions'))).sort(semver.compare);
  return { entries, root, versions };
}

/** Where the Astro baseline of a road book is built, and keeps its caches. */
export function baselinePaths(book: RoadBook): { out: string; cache: string } {
  return { out: join(book.root, 'baseline-dist'), cache: join(book.root, '.baseline-cache') };
}

/** The roadbook site of a road book. */
export function roadbookDist(book: RoadBook): string {
  return join(book.root, 'dist');
}

/** How long a build's background removals are waited for, at most. */
const SETTLE_LIMIT_MS = 300_000;

/**
 * Resolves once no staging folder of the road book's last build is left: the old site and the
 * search index's links, which `roadbook build` has removed by processes of their own after it
 * returns (src/cli/staging.ts).
 */
export async function buildSettled(book: RoadBook): Promise<void> {
  const dist = roadbookDist(book);
  const links = `${buildWorkDir(book.root)}-search`;
  const pending = async () => {
    for (const target of [dist, links]) {
      const names = await readdir(dirname(target)).catch(() => [] as string[]);
      if (names.some((name) => name.startsWith(`.${basename(target)}.building-`))) return true;
    }
    return false;
  };
  for (const limit = Date.now() + SETTLE_LIMIT_MS; Date.now() < limit && (await pending());) await sleep(100);
}

/** Removes a road book's roadbook site and every cache roadbook keeps for it: the next build is cold. */
export async function forgetRoadbookBuild(book: RoadBook): Promise<void> {
  const caches = Object.values(cachePaths(book.root)) as string[];
  await Promise.all([roadbookDist(book), ...caches].map((p) => rm(p, { recursive: true, force: true })));
}

/** Removes the baseline site, Astro's caches for it and its copy of the project. */
export async function forgetBaselineBuild(book: RoadBook): Promise<void> {
  const { out, cache } = baselinePaths(book);
  await Promise.all([out, cache, baselineProject(out)].map((p) => rm(p, { recursive: true, force: true })));
}
