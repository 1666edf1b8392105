/**
 * `/data/versions/<slug>.json`: one version's entries in the compact form the browser loads
 * (the checklist page of a long path loads every version on it), written by `packVersionFile`
 * and read back into the same `EntryRecord`s by `unpackVersionFile`. What can be derived is
 * left out: the version of each entry (the file's), an item's id (`<entry id>#<key>`), its key
 * when it is the automatic one of its step, its HTML when it is the escaped text, empty lists,
 * false and null fields, the `normal` priority. Entries and items are arrays, not objects, so
 * that field names are not repeated 40,000 times; the README ("Data files") documents the
 * positions. /roadbook.json keeps the full, named shape for other tools.
 */
import { escapeHtml } from './escape.ts';
import { entryItemId } from './item-id.ts';
import { slugifyStep } from './items.ts';
import { PRIORITIES, type EntryRecord, type Item, type VersionInfo } from './model.ts';
import { pickVersion } from './public-fields.ts';

/** The fields of an item that are written only when they say something. */
export interface PackedItemExtra {
  /** The item id, when it is not the automatic id of its step. */
  key?: string;
  /** When it is not the escaped `step`. */
  stepHtml?: string;
  /** When it is not the escaped `expect`. */
  expectHtml?: string;
  menu?: string;
  setup?: string;
}

/**
 * An item: its step, its expected result, its priority as an index in PRIORITIES, and the
 * fields that say something. Trailing parts at their defaults (null, `normal`, nothing) are
 * left out.
 */
export type PackedItem = [step: string, expect?: string | null, priority?: number, extra?: PackedItemExtra];

/** The fields of an entry that are written only when they are not empty, false or null. */
export interface PackedEntryExtra {
  tags?: string[];
  breaking?: true;
  data?: string;
  action?: string;
  tickets?: string[];
  editions?: string[];
  supersedes?: string[];
  supersededBy?: string[];
}

export type PackedEntry = [
  id: string,
  title: string,
  type: string,
  modules: string[],
  hash: string,
  items: PackedItem[],
  extra?: PackedEntryExtra,
];

/** `/data/versions/<slug>.json` */
export interface VersionFile {
  schema: 2;
  version: VersionInfo;
  entries: PackedEntry[];
}

/** A data file read back: its version and its entries as the road book holds them. */
export interface LoadedVersion {
  version: VersionInfo;
  entries: EntryRecord[];
}

const NORMAL = PRIORITIES.indexOf('normal');

function packItem(item: Item, entryId: string): PackedItem {
  const extra: PackedItemExtra = {};
  if (item.id !== entryItemId(entryId, item.key)) throw new Error(`Item ${item.id} is not of entry ${entryId}`);
  if (item.key !== slugifyStep(item.step)) extra.key = item.key;
  if (item.stepHtml !== escapeHtml(item.step)) extra.stepHtml = item.stepHtml;
  if (item.expectHtml !== null && (item.expect === null || item.expectHtml !== escapeHtml(item.expect)))
    extra.expectHtml = item.expectHtml;
  if (item.menu !== null) extra.menu = item.menu;
  if (item.setup !== null) extra.setup = item.setup;
  const packed: PackedItem = [item.step, item.expect, PRIORITIES.indexOf(item.priority)];
  if (Object.keys(extra).length) packed.push(extra);
  else if (packed[2] === NORMAL) {
    packed.pop();
    if (packed[1] === null) packed.pop();
  }
  return packed;
}

function unpackItem([step, expect = null, priority = NORMAL, extra = {}]: PackedItem, entryId: string): Item {
  const key = extra.key ?? slugifyStep(step);
  return {
    id: entryItemId(entryId, key),
    key,
    step,
    stepHtml: extra.stepHtml ?? escapeHtml(step),
    expect,
    expectHtml: extra.expectHtml ?? (expect === null ? null : escapeHtml(expect)),
    priority: PRIORITIES[priority] ?? 'normal',
    menu: extra.menu ?? null,
    setup: extra.setup ?? null,
  };
}

const LIST_FIELDS = ['tags', 'tickets', 'editions', 'supersedes', 'supersededBy'] as const;

function packEntry(entry: EntryRecord): PackedEntry {
  const extra: PackedEntryExtra = {};
  for (const field of LIST_FIELDS) if (entry[field].length) extra[field] = entry[field];
  if (entry.breaking) extra.breaking = true;
  if (entry.data !== null) extra.data = entry.data;
  if (entry.action !== null) extra.action = entry.action;
  const packed: PackedEntry = [
    entry.id,
    entry.title,
    entry.type,
    entry.modules,
    entry.hash,
    entry.items.map((item) => packItem(item, entry.id)),
  ];
  if (Object.keys(extra).length) packed.push(extra);
  return packed;
}

function unpackEntry(
  [id, title, type, modules, hash, items, extra = {}]: PackedEntry,
  version: VersionInfo,
): EntryRecord {
  // In ENTRY_FIELDS order, as the full shape is written.
  return {
    id,
    version: version.version,
    versionSlug: version.slug,
    title,
    type,
    modules,
    tags: extra.tags ?? [],
    breaking: extra.breaking ?? false,
    data: extra.data ?? null,
    action: extra.action ?? null,
    tickets: extra.tickets ?? [],
    editions: extra.editions ?? [],
    supersedes: extra.supersedes ?? [],
    supersededBy: extra.supersededBy ?? [],
    hash,
    items: items.map((item) => unpackItem(item, id)),
  };
}

/** The data file of `version` with its entries (every one of that version, in road book order). */
export function packVersionFile(version: VersionInfo, entries: readonly EntryRecord[]): VersionFile {
  for (const entry of entries) {
    if (entry.versionSlug !== version.slug) throw new Error(`Entry ${entry.id} is not of version ${version.slug}`);
  }
  return { schema: 2, version: pickVersion(version), entries: entries.map(packEntry) };
}

/** A data file read back: the same version and entries `packVersionFile` was given. */
export function unpackVersionFile(file: VersionFile): LoadedVersion {
  return { version: file.version, entries: file.entries.map((entry) => unpackEntry(entry, file.version)) };
}
