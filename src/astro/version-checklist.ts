import type { Checklist } from '../core/checklist/index.ts';
import { VersionFiles } from '../core/build/version-files.ts';
import type { VersionInfo } from '../core/model.ts';
import type { Site } from './site-data.ts';

export { VERSION_DOWNLOADS } from '../core/build/version-files.ts';

interface Cached {
  files: VersionFiles;
  checklists: Map<string, Checklist | null>;
}

const cache = new WeakMap<Site, Cached>();

/** The maker of the versions' data files and downloads of the site's data (one per build). */
export function versionFiles(site: Site): VersionFiles {
  return cachedOf(site).files;
}

function cachedOf(site: Site): Cached {
  let cached = cache.get(site);
  if (!cached) {
    cached = { files: new VersionFiles(site.data, site.buildId), checklists: new Map() };
    cache.set(site, cached);
  }
  return cached;
}

/**
 * A version's own checklist: its items alone, as `roadbook checklist --to <v>` gives. Null for
 * a version that can never be installed (withdrawn), which offers no checklist. Made once per
 * version: its page and its downloads show it.
 */
export function versionChecklist(site: Site, version: VersionInfo): Checklist | null {
  const { files, checklists } = cachedOf(site);
  if (!checklists.has(version.slug)) checklists.set(version.slug, files.checklist(version));
  return checklists.get(version.slug)!;
}
