import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cachePaths, PACKAGE_ROOT } from '../src/astro/settings.ts';
import { runMeasured } from './measured-process.ts';
import type { RoadBook } from './road-books.ts';

/** `roadbook check` with every roadbook cache of the road book removed, then again at once. */
export async function checkRun(book: RoadBook): Promise<{ cold: number; warm: number }> {
  const caches = Object.values(cachePaths(book.root)) as string[];
  await Promise.all(caches.map((p) => rm(p, { recursive: true, force: true })));
  const args = [join(PACKAGE_ROOT, 'src', 'cli', 'bin.ts'), 'check', '--root', book.root];
  const cold = await runMeasured(args, PACKAGE_ROOT);
  const warm = await runMeasured(args, PACKAGE_ROOT);
  return { cold: cold.seconds, warm: warm.seconds };
}
