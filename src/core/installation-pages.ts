/**
 * What the pages say to a recorded installation ("Mon installation"): the home page's news
 * since the installed version (the upgrade path to the newest published version, counted as
 * the upgrade page shows it), where a version stands, which changes a "my modules" list
 * keeps. The rules of an installation itself are installation.ts'; this module only applies
 * them to a page. Browser-safe.
 */
import type { Checklist, ChecklistKnownIssue } from './checklist/index.ts';
import {
  checkInstallation,
  concerns,
  versionStanding,
  type Installation,
  type InstallationSite,
} from './installation.ts';
import type { EntryRecord } from './model.ts';
import type { PathRequest } from './run/types.ts';

/** A path as the upgrade page's address carries it (no processes: the reader adds them there). */
export type NewsPath = Omit<PathRequest, 'processes'>;

/** What the home page can say of an installation. */
export type InstallationNews =
  /** The installed version is not (or no longer) one of the site's: no numbers. */
  | { kind: 'unknown'; installed: string }
  /** Installed is the newest published version (or later): its own open known issues, path `to` alone. */
  | { kind: 'current'; request: NewsPath }
  /** Versions to catch up: the path from the installed version to the newest published one. */
  | { kind: 'behind'; request: NewsPath };

/**
 * The path the home page opens for an installation. The target is the newest published
 * version, as the home page's "latest version": a draft or a withdrawn version is never one
 * to upgrade to. The installation is first checked against the site (unknown modules and
 * editions left out), so the path is the one the upgrade page opens from the same address.
 */
export function installationNews(installation: Installation, site: InstallationSite): InstallationNews {
  const checked = checkInstallation(installation, site);
  if (!checked.installation || !checked.version) return { kind: 'unknown', installed: installation.installed };
  const { modules, editions } = checked.installation;
  const at = site.versions.indexOf(checked.version);
  const newest = site.versions.findLastIndex((v) => v.status === 'published');
  if (newest <= at) return { kind: 'current', request: { from: null, to: checked.version.version, modules, editions } };
  return {
    kind: 'behind',
    request: { from: checked.version.version, to: site.versions[newest]!.version, modules, editions },
  };
}

/** The home page's numbers: each one what the upgrade page lists for the same path. */
export interface NewsCounts {
  /** Versions on the path (withdrawn ones included, as the path's summary names them). */
  versions: number;
  /** Changes of the cumulative road book (after supersedes and filters). */
  changes: number;
  /** What cannot simply be undone: database structure changes and entries' data changes. */
  dataChanges: number;
  /** Known issues of the installed version the path fixes. */
  fixed: number;
  /** Known issues still open in the target, blocking ones first. */
  open: ChecklistKnownIssue[];
  blocking: number;
}

export function newsCounts(checklist: Checklist): NewsCounts {
  return {
    versions: checklist.versions.length,
    changes: checklist.entries.length,
    dataChanges: checklist.dataChanges.length,
    fixed: checklist.fixedOnPath.length,
    open: checklist.knownIssues,
    blocking: checklist.knownIssues.filter((i) => i.severity === 'blocking').length,
  };
}

/** Where version `slug` stands for an installation, by the site's order; null when either is not the site's. */
export function standingOf(
  installation: Installation,
  site: InstallationSite,
  slug: string,
): ReturnType<typeof versionStanding> {
  const checked = checkInstallation(installation, site);
  if (!checked.version) return null;
  return versionStanding(
    site.versions.map((v) => v.slug),
    checked.version.slug,
    slug,
  );
}

/** Whether an installation narrows a list of changes at all: it names modules or editions. */
export function narrowsChanges(installation: Pick<Installation, 'modules' | 'editions'> | null): boolean {
  return !!installation && (installation.modules.length > 0 || installation.editions.length > 0);
}

/** How many of these changes concern an installation (installation.ts' `concerns`). */
export function concernedCount(
  entries: readonly Pick<EntryRecord, 'modules' | 'editions'>[],
  installation: Pick<Installation, 'modules' | 'editions'>,
): number {
  return entries.filter((e) => concerns(e, installation)).length;
}
