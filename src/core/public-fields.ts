/**
 * The fields of a version and of an entry that the site publishes: what the pages show and
 * what /roadbook.json, /data/*.json and the search index hold. Node-side objects carry more
 * (file paths, the Markdown source, the body's links) that must never be published; every
 * published shape is made through these two lists. Each is checked against its type: a field
 * added to VersionInfo or EntryRecord does not compile until it is listed here.
 */
import type { EntryRecord, VersionInfo } from './model.ts';

const VERSION_KEYS = {
  version: true,
  slug: true,
  date: true,
  status: true,
  title: true,
  installer: true,
  minimumFrom: true,
  database: true,
  endOfSupport: true,
  knownIssues: true,
} as const satisfies Record<keyof VersionInfo, true>;

const ENTRY_KEYS = {
  id: true,
  version: true,
  versionSlug: true,
  title: true,
  type: true,
  modules: true,
  tags: true,
  breaking: true,
  data: true,
  action: true,
  tickets: true,
  editions: true,
  supersedes: true,
  supersededBy: true,
  hash: true,
  items: true,
} as const satisfies Record<keyof EntryRecord, true>;

/** The published fields of a version, in the order the data files write them. */
export const VERSION_FIELDS = Object.keys(VERSION_KEYS) as (keyof VersionInfo)[];

/** The published fields of an entry, in the order the data files write them. */
export const ENTRY_FIELDS = Object.keys(ENTRY_KEYS) as (keyof EntryRecord)[];

function pick<T>(value: T, keys: readonly (keyof T)[]): T {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as T;
}

/** Only the published fields of a version (a Node-side Version holds its folder and intro). */
export function pickVersion(v: VersionInfo): VersionInfo {
  return pick(v, VERSION_FIELDS);
}

/** Only the published fields of an entry (a Node-side Entry holds its file, source and body). */
export function pickEntry(e: EntryRecord): EntryRecord {
  return pick(e, ENTRY_FIELDS);
}
