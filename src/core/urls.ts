/**
 * Every address of the site, relative to its `base` (which has a leading and trailing `/`).
 * Pages, data files, feeds and checklists all build links here, so a route changes in one place.
 */
import { VERSION_ASSETS_FOLDER, versionChecklistFile } from './routes.ts';

export function versionUrl(base: string, slug: string): string {
  return `${base}versions/${encodeURIComponent(slug)}/`;
}

export function entryUrl(base: string, versionSlug: string, entryId: string): string {
  return `${versionUrl(base, versionSlug)}${encodeURIComponent(entryId)}/`;
}

export function moduleUrl(base: string, moduleId: string): string {
  return `${base}modules/${encodeURIComponent(moduleId)}/`;
}

export function assetUrl(base: string, versionSlug: string, path: string): string {
  return `${versionUrl(base, versionSlug)}${VERSION_ASSETS_FOLDER}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The per-version data file, as JSON (for other tools; the browser loads its gzip). */
export function versionDataUrl(base: string, slug: string): string {
  return `${base}data/versions/${encodeURIComponent(slug)}.json`;
}

/** The same file gzipped, which the browser loads: about a fifth of the bytes on any host. */
export function versionDataGzipUrl(base: string, slug: string): string {
  return `${versionDataUrl(base, slug)}.gz`;
}

/** The list of versions, modules, editions and processes the browser starts from. */
export function dataIndexUrl(base: string): string {
  return `${base}data/index.json`;
}

/** The same list gzipped, which the browser loads: at 10,000 entries 66 KB become 4 KB. */
export function dataIndexGzipUrl(base: string): string {
  return `${dataIndexUrl(base)}.gz`;
}

/** A version's own checklist, generated at build time, in one export format. */
export function versionChecklistUrl(base: string, slug: string, extension: string): string {
  return `${versionUrl(base, slug)}${versionChecklistFile(extension)}`;
}

export function homeUrl(base: string): string {
  return base;
}

export function modulesIndexUrl(base: string): string {
  return `${base}modules/`;
}

export function feedUrl(base: string): string {
  return `${base}feed.xml`;
}

/** The Atom feed of one module's changes, beside its page. */
export function moduleFeedUrl(base: string, moduleId: string): string {
  return `${moduleUrl(base, moduleId)}feed.xml`;
}

/** The Atom feed of the changes that need attention (core/attention.ts). */
export function attentionFeedUrl(base: string): string {
  return `${base}attention/feed.xml`;
}

/** The iCalendar file of releases and end-of-support dates. */
export function calendarUrl(base: string): string {
  return `${base}calendar.ics`;
}

/** The stylesheet of the code blocks' colours (src/pages/code.css.ts). */
export function codeStyleSheetUrl(base: string): string {
  return `${base}code.css`;
}

/** The site's icon (src/pages/icon.svg.ts): one file the browser caches, not a data: URL in every page. */
export function iconUrl(base: string): string {
  return `${base}icon.svg`;
}

export function roadBookFileUrl(base: string): string {
  return `${base}roadbook.json`;
}

/** The search box's words and settings, one file for every page (src/pages/search.json.ts). */
export function searchSettingsUrl(base: string): string {
  return `${base}search.json`;
}

/** Where pagefind writes its index and its interface files. */
export function searchBundleUrl(base: string): string {
  return `${base}pagefind/`;
}

/**
 * A site path made absolute with roadbook.yml's `site` (its origin only: the path already
 * holds the base), or kept as it is when the site's address is unknown.
 */
export function absoluteUrl(site: string | null, path: string): string {
  return site ? new URL(path, site).href : path;
}

/**
 * The JSON Schemas of the site's machine-readable files (`checklist`, `roadbook`) and of the
 * files writers edit (`roadbook-yml`, `processes-yml`, `version`, `entry`).
 */
export function schemaUrl(
  base: string,
  name: 'checklist' | 'roadbook' | 'roadbook-yml' | 'processes-yml' | 'version' | 'entry',
): string {
  return `${base}schemas/${name}.json`;
}

/** The cumulative road book of an upgrade path (`?from=&to=&modules=&editions=` follow). */
export function upgradeUrl(base: string): string {
  return `${base}upgrade/`;
}

/** The acceptance-test run of a path (same parameters, plus `processes=` and `run=`). */
export function checklistUrl(base: string): string {
  return `${base}checklist/`;
}

/** The page that verifies a sign-off report's seal against the site (src/pages/checklist/verify.astro). */
export function verifyReportUrl(base: string): string {
  return `${checklistUrl(base)}verify/`;
}
