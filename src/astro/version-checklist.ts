import type { Checklist } from '../core/checklist/index.ts';
import { VersionFiles } from '../core/build/version-files.ts';
import type { VersionInfo } from '../core/model.ts';
import type { Site } from './site-data.ts';

export { VERSION_DOWNLOADS } from '../core/build/version-files.ts';

const cache = new WeakMap<Site, VersionFiles>();

/** The maker of the versions' data files and downloads of the site's data (one per build). */
export function versionFiles(site: Site): VersionFiles {
  let files = cache.get(site);
  if (!files) cache.set(site, (files = new VersionFiles(site.data, site.buildId)));
  return files;
}

/**
 * A version's own checklist: its items alone, as `roadbook checklist --to <v>` gives. Null for
 * a version that can never be installed (withdrawn), which offers no checklist. Made anew for
 * each page that shows it (its page, and its downloads in the dev preview) rather than kept:
 * at 10,000 entries the checklists of every version would hold all 40,000 items to the end
 * of the build.
 */
export function versionChecklist(site: Site, version: VersionInfo): Checklist | null {
  return versionFiles(site).checklist(version);
}
