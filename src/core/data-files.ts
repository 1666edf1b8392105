/**
 * The machine-readable files of the site: the index the browser starts from, one file per
 * version (the browser loads only the versions a page shows; version-file.ts), and
 * /roadbook.json for other tools. Their shapes are documented in the README ("Data files"); `schema` is bumped on any
 * change that is not an addition.
 */
import type { Choice, EntryRecord, Process, RoadBookConfig, VersionInfo } from './model.ts';
import { pickEntry, pickVersion } from './public-fields.ts';

/** The road book as plain data: what pages, data files and the checklist engine work from. */
export interface RoadBookData {
  config: RoadBookConfig;
  processes: Process[];
  /** In version order, oldest first. */
  versions: VersionInfo[];
  /** In version order, then file order. */
  entries: EntryRecord[];
}

export interface VersionCounts {
  entries: number;
  items: number;
  /** Entries per type id. */
  byType: Record<string, number>;
  breaking: number;
  /** Entries with a `data:` change. */
  data: number;
  actions: number;
}

export interface VersionSummary extends VersionInfo {
  counts: VersionCounts;
}

/** `/data/index.json` */
export interface DataIndex {
  schema: 1;
  product: string;
  title: string;
  publisher: string | null;
  locale: RoadBookConfig['locale'];
  base: string;
  /** Identifies this build of the road book (a digest of every entry's hash). */
  buildId: string;
  modules: Choice[];
  editions: Choice[];
  types: Choice[];
  processes: Process[];
  versions: VersionSummary[];
}

/** `/roadbook.json` */
export interface RoadBookFile {
  schema: 1;
  product: string;
  title: string;
  publisher: string | null;
  locale: RoadBookConfig['locale'];
  buildId: string;
  modules: Choice[];
  editions: Choice[];
  types: Choice[];
  processes: Process[];
  versions: (VersionSummary & { entries: EntryRecord[] })[];
}

/** Entries grouped by version slug, in road book order. */
export function entriesByVersion(data: RoadBookData): Map<string, EntryRecord[]> {
  const groups = new Map<string, EntryRecord[]>(data.versions.map((v) => [v.slug, []]));
  for (const entry of data.entries) groups.get(entry.versionSlug)?.push(entry);
  return groups;
}

export function countVersion(entries: readonly EntryRecord[]): VersionCounts {
  const byType: Record<string, number> = {};
  for (const e of entries) byType[e.type] = (byType[e.type] ?? 0) + 1;
  return {
    entries: entries.length,
    items: entries.reduce((n, e) => n + e.items.length, 0),
    byType,
    breaking: entries.filter((e) => e.breaking).length,
    data: entries.filter((e) => e.data).length,
    actions: entries.filter((e) => e.action).length,
  };
}

/** Modules in use: roadbook.yml's closed list, or every module an entry names. */
export function moduleChoices(data: RoadBookData): Choice[] {
  if (data.config.modules) return data.config.modules;
  const ids = [...new Set(data.entries.flatMap((e) => e.modules))].sort();
  return ids.map((id) => ({ id, label: id }));
}

function summaries(data: RoadBookData, groups: Map<string, EntryRecord[]>): VersionSummary[] {
  return data.versions.map((v) => ({ ...pickVersion(v), counts: countVersion(groups.get(v.slug) ?? []) }));
}

/** What the index and /roadbook.json both say of the road book as a whole. */
function header(data: RoadBookData, buildId: string) {
  const { config } = data;
  return {
    schema: 1 as const,
    product: config.product,
    title: config.title,
    publisher: config.publisher,
    locale: config.locale,
    buildId,
    modules: moduleChoices(data),
    editions: config.editions,
    types: config.types,
    processes: data.processes,
  };
}

export function toDataIndex(data: RoadBookData, buildId: string): DataIndex {
  return { ...header(data, buildId), base: data.config.base, versions: summaries(data, entriesByVersion(data)) };
}

export function toRoadBookFile(data: RoadBookData, buildId: string): RoadBookFile {
  const groups = entriesByVersion(data);
  return {
    ...header(data, buildId),
    versions: summaries(data, groups).map((v) => ({ ...v, entries: (groups.get(v.slug) ?? []).map(pickEntry) })),
  };
}
