import { createHash } from 'node:crypto';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('.', import.meta.url));
/** What makes the site; the build script and this module are not part of it. */
const SITE_FILES = ['astro.config.ts', 'pagefind-index.ts', 'src'];

/**
 * Where the copy of the baseline project that builds into `out` lives: under bench/out/
 * (ignored by git, the linter and the type check), inside the package so that it finds
 * node_modules. Astro writes generated types into a project (.astro/) and Vite its caches
 * beside it: a copy keeps them away from the sources.
 */
export function baselineProject(out: string): string {
  const key = createHash('sha256').update(out).digest('hex').slice(0, 12);
  return join(SOURCE, '..', 'out', 'baseline-projects', key);
}

/** A fresh copy of the project for `out`. */
export async function copyBaselineProject(out: string): Promise<string> {
  const root = baselineProject(out);
  await rm(root, { recursive: true, force: true });
  await Promise.all(SITE_FILES.map((name) => cp(join(SOURCE, name), join(root, name), { recursive: true })));
  return root;
}
