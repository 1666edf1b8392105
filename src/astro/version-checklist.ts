import {
  buildChecklist,
  canBeTarget,
  sourceFromRoadBook,
  type Checklist,
  type ChecklistSource,
} from '../core/checklist/index.ts';
import { exportFormat, type ExportFormat } from '../core/export/index.ts';
import type { VersionInfo } from '../core/model.ts';
import { VERSION_CHECKLIST_FORMATS } from '../core/routes.ts';
import type { Site } from './site-data.ts';

/** The formats of a version's own checklist, generated at build time for its page. */
export const VERSION_DOWNLOADS: readonly ExportFormat[] = VERSION_CHECKLIST_FORMATS.map((id) => exportFormat(id)!);

interface Cached {
  source: ChecklistSource;
  checklists: Map<string, Checklist | null>;
}

const cache = new WeakMap<Site, Cached>();

function cachedOf(site: Site): Cached {
  let cached = cache.get(site);
  if (!cached) {
    // A build that publishes drafts lets them be a checklist target too.
    const includeDrafts = site.versions.some((v) => v.status === 'draft');
    cached = { source: sourceFromRoadBook(site.data, { includeDrafts, buildId: site.buildId }), checklists: new Map() };
    cache.set(site, cached);
  }
  return cached;
}

/**
 * A version's own checklist: its items alone, as `roadbook checklist --to <v>` gives. Null for
 * a version that can never be installed (withdrawn), which offers no checklist.
 */
export function versionChecklist(site: Site, version: VersionInfo): Checklist | null {
  const { source, checklists } = cachedOf(site);
  if (!checklists.has(version.slug)) {
    const target = canBeTarget(version, source.includeDrafts ?? false);
    checklists.set(version.slug, target ? buildChecklist(source, { to: version.slug }) : null);
  }
  return checklists.get(version.slug)!;
}
