/**
 * The worker module of version-files-pool.ts (run by core/workers.ts): makes the files of each
 * version of its batch, with that version's entries, one version after the other.
 */
import { VersionFiles, type SiteFile } from './version-files.ts';
import type { VersionFilesJob, VersionFilesShared } from './version-files-pool.ts';

export default async function makeBatch({
  shared,
  items,
}: {
  shared: VersionFilesShared;
  items: VersionFilesJob[];
}): Promise<SiteFile[][]> {
  const { data, buildId, modules } = shared;
  const made: SiteFile[][] = [];
  for (const { slug, paths, entries } of items) {
    made.push(await new VersionFiles({ ...data, entries }, buildId, modules).filesOf(slug, new Set(paths)));
  }
  return made;
}
