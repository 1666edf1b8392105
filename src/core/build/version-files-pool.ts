/**
 * Makes the files of the versions (version-files.ts) on worker threads while Astro renders
 * the pages on the main one: XLSX workbooks above all are slow to write, and the machine's
 * other cores would otherwise wait. The files come back in memory and are written into the
 * site once Astro has written its pages. The workbooks a rebuild keeps from the last site are
 * written again there too, with the new build id (reuse.ts).
 */
import { availableParallelism } from 'node:os';
import type { RoadBookData } from '../data-files.ts';
import type { Choice, EntryRecord } from '../model.ts';
import { mapOnWorkers } from '../workers.ts';
import type { SiteFile } from './version-files.ts';

/**
 * What every batch is given: the road book without its entries (each job brings those of its
 * version), and its modules, which may be taken from every entry.
 */
export interface VersionFilesShared {
  data: RoadBookData;
  buildId: string;
  modules: Choice[];
}

/** The files of one version a worker is asked for (paths as site-files.ts names them), and its entries. */
export interface VersionFilesJob {
  slug: string;
  paths: string[];
  entries: EntryRecord[];
}

/** A file kept from the last site that may name the build: its bytes with the current build id (reuse.ts). */
export interface KeptFileJob {
  /** The file in the last site. */
  kept: string;
  /** Its path in the site. */
  path: string;
  /** The build id the last site's files name. */
  previousBuildId: string;
}

/** What a worker is asked for. */
export type SiteFilesJob = VersionFilesJob | KeptFileJob;

const WORKER = new URL('./version-files-worker.ts', import.meta.url);

/** One thread per core but the one Astro renders on. */
function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Every file of `jobs`; rejects with the first failure. */
export async function makeVersionFiles(
  shared: VersionFilesShared,
  jobs: readonly SiteFilesJob[],
  threads = defaultThreads(),
): Promise<SiteFile[]> {
  if (jobs.length === 0) return [];
  const made = await mapOnWorkers<VersionFilesShared, SiteFilesJob, SiteFile[]>(WORKER, shared, jobs, threads);
  return made.flat();
}
