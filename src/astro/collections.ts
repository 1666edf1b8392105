import { buildIdOf, generationOf } from '../core/build-id.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { LoadResult } from '../core/read/road-book.ts';
import { pickEntry, pickVersion } from '../core/public-fields.ts';
import type {
  Asset,
  Entry,
  EntryRecord,
  Locale,
  Process,
  RoadBook,
  RoadBookConfig,
  Version,
  VersionInfo,
} from '../core/model.ts';

/** The road book's collections (src/content.config.ts), each with a loader of its own (loader.ts). */
export const COLLECTIONS = ['site', 'versions', 'entries', 'problems', 'build'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The name of a collection's loader: what Astro's `refreshContent` is told to run. */
export function loaderName(collection: Collection): string {
  return `roadbook-${collection}`;
}

/**
 * What each collection keeps in Astro's data store: plain data, with the order core
 * decided (version order is never recomputed by pages). A version and an entry are stored
 * with their published fields (core/public-fields.ts) and the few the pages add.
 */
export interface SiteData extends Record<string, unknown> {
  config: RoadBookConfig;
  processes: Process[];
  /** Version slugs in version order, oldest first. */
  versionOrder: string[];
  /** Images of the versions' assets/ folders: the asset endpoint serves their bytes. */
  assets: Asset[];
  /** See core/build-id.ts. */
  buildId: string;
  /** Changes whenever anything a page shows changes (core/build-id.ts). */
  generation: string;
}

export interface VersionData extends VersionInfo, Record<string, unknown> {
  order: number;
  file: string;
}

export interface EntryData extends EntryRecord {
  order: number;
  file: string;
  verifyIntroHtml: string;
}

/**
 * An entry as the store holds it: its data as one JSON text, plus the verification
 * introduction its page shows. Astro's content layer walks, serialises and parses every
 * value of every stored item on each sync (its reference check, its store file, the
 * preview's reload of that file): one text per entry instead of a tree of hundreds of small
 * values makes that work a tenth, for 10,000 entries on every edit in the dev preview.
 */
export interface StoredEntry extends Record<string, unknown> {
  json: string;
  verifyIntroHtml: string;
}

export function packEntry(data: EntryData): StoredEntry {
  return { json: JSON.stringify(data), verifyIntroHtml: data.verifyIntroHtml };
}

export function unpackEntry(stored: StoredEntry): EntryData {
  return JSON.parse(stored.json) as EntryData;
}

/**
 * The road book's errors while the dev preview runs (a build stops on them instead): the
 * preview shows them in the browser as well as in the terminal.
 */
export interface ProblemsData extends Record<string, unknown> {
  locale: Locale;
  errorCount: number;
  warningCount: number;
  /** Errors first, each as `roadbook check` reports it. */
  diagnostics: Diagnostic[];
}

export function toProblemsData(result: LoadResult): ProblemsData {
  const { diagnostics, errorCount, warningCount } = result;
  return {
    locale: result.book.config.locale,
    errorCount,
    warningCount,
    diagnostics: [
      ...diagnostics.filter((d) => d.severity === 'error'),
      ...diagnostics.filter((d) => d.severity !== 'error'),
    ],
  };
}

export function toSiteData(book: RoadBook): SiteData {
  const assets = book.assets.map(({ versionSlug, path, absolutePath }) => ({ versionSlug, path, absolutePath }));
  return {
    config: book.config,
    processes: book.processes,
    versionOrder: book.versions.map((v) => v.slug),
    assets,
    buildId: buildIdOf(book),
    generation: generationOf(book),
  };
}

export function toVersionData(version: Version, order: number): VersionData {
  return { ...pickVersion(version), file: version.file, order };
}

export function toEntryData(entry: Entry, order: number): EntryData {
  // The source and body stay out of the store: the rendered HTML is what pages need.
  return { ...pickEntry(entry), file: entry.file, verifyIntroHtml: entry.verifyIntroHtml, order };
}
