/**
 * The worker module of version-files-pool.ts (run by core/workers.ts): makes the files of each
 * version of its batch, with that version's entries, one version after the other, and the
 * kept files with the current build id.
 */
import { keptBytes } from './reuse.ts';
import { VersionFiles, type SiteFile } from './version-files.ts';
import type { SiteFilesJob, VersionFilesShared } from './version-files-pool.ts';

export default async function makeBatch({
  shared,
  items,
}: {
  shared: VersionFilesShared;
  items: SiteFilesJob[];
}): Promise<SiteFile[][]> {
  const { data, buildId, modules } = shared;
  const made: SiteFile[][] = [];
  for (const job of items) {
    if ('kept' in job) {
      made.push([[job.path, await keptBytes(job.kept, { previous: job.previousBuildId, current: buildId })]]);
      continue;
    }
    const { slug, paths, entries } = job;
    made.push(await new VersionFiles({ ...data, entries }, buildId, modules).filesOf(slug, new Set(paths)));
  }
  return made;
}
