import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/astro/settings.ts';
import { editedEntry } from './entry-edit.ts';
import { runMeasured } from './measured-process.ts';
import {
  baselinePaths,
  buildSettled,
  forgetBaselineBuild,
  forgetRoadbookBuild,
  roadbookDist,
  type RoadBook,
} from './road-books.ts';
import { treeDigest, treeSize, treeSnapshot } from './site-tree.ts';

/** One run of the build group's measures. */
export interface BuildRun {
  cold: number;
  coldPeak: number;
  baseline: number;
  baselinePeak: number;
  one: number;
  none: number;
  untouched: boolean;
  sameBytes: boolean;
  distBytes: number;
  distFiles: number;
  baselineBytes: number;
  baselineFiles: number;
}

const CLI = join(PACKAGE_ROOT, 'src', 'cli', 'bin.ts');
const BASELINE = join(PACKAGE_ROOT, 'bench', 'baseline', 'build.ts');

/**
 * `roadbook build` of the road book into its dist/, as a process; then, outside its time, the
 * wait for what it left removing in the background (the old site, the search index's links),
 * so that the next measure has the machine to itself.
 */
export async function roadbookBuild(book: RoadBook) {
  const measured = await runMeasured([CLI, 'build', '--root', book.root, '--out', roadbookDist(book)], PACKAGE_ROOT);
  await buildSettled(book);
  return measured;
}

/**
 * Cold builds of both sites (their caches and output removed first), then roadbook's
 * rebuild after one entry's body changed (checking the page shows it), then its rebuild
 * with nothing changed (checking whether dist/ was left as it is, and whether it holds the
 * same bytes).
 */
export async function buildRun(book: RoadBook, run: number): Promise<BuildRun> {
  const entry = await editedEntry(book);
  await entry.restore();
  await forgetRoadbookBuild(book);
  const cold = await roadbookBuild(book);
  const dist = await treeSize(roadbookDist(book));

  await forgetBaselineBuild(book);
  const { out, cache } = baselinePaths(book);
  const baseline = await runMeasured([BASELINE, book.root, out, cache], PACKAGE_ROOT);
  const baselineDist = await treeSize(out);

  const word = `banc${run}x${Date.now().toString(36)}`;
  try {
    await entry.change(word);
    const one = await roadbookBuild(book);
    const page = await readFile(join(roadbookDist(book), entry.page, 'index.html'), 'utf8');
    if (!page.includes(word)) throw new Error(`the rebuilt ${entry.page} does not show the changed body`);
    const snapshot = await treeSnapshot(roadbookDist(book));
    const digest = await treeDigest(roadbookDist(book));
    const none = await roadbookBuild(book);
    return {
      cold: cold.seconds,
      coldPeak: cold.peakBytes,
      baseline: baseline.seconds,
      baselinePeak: baseline.peakBytes,
      one: one.seconds,
      none: none.seconds,
      untouched: snapshot === (await treeSnapshot(roadbookDist(book))),
      sameBytes: digest === (await treeDigest(roadbookDist(book))),
      distBytes: dist.bytes,
      distFiles: dist.files,
      baselineBytes: baselineDist.bytes,
      baselineFiles: baselineDist.files,
    };
  } finally {
    await entry.restore();
  }
}
