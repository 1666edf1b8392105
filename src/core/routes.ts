/**
 * What a version's URL space (`/versions/<v>/`) holds besides its entries' pages, how the
 * hosts a site is published on compare names, and which names they cannot hold. Entry pages live in the same folder as the
 * version's own page and files (`/versions/<v>/<entry id>/`), so an entry id must never be
 * one of these names: the pages and URL helpers build those files from here, and `check`
 * refuses them as ids from here too. Browser-safe.
 */
import { exportFormat, type ExportFormatId } from './export/index.ts';

/** The version's own page (src/pages/versions/[version]/index.astro). */
export const VERSION_PAGE_FILE = 'index.html';

/** The version's images (src/pages/versions/[version]/assets/[...path].ts). */
export const VERSION_ASSETS_FOLDER = 'assets';

/** The formats of a version's own checklist, published next to its page (checklist.[format].ts). */
export const VERSION_CHECKLIST_FORMATS: readonly ExportFormatId[] = ['csv', 'xlsx', 'md'];

/** `checklist.csv`: the file of a version's own checklist in a format with this extension. */
export function versionChecklistFile(extension: string): string {
  return `checklist.${extension}`;
}

/** Every file and folder name a version folder holds besides its entries' folders. */
export const VERSION_FOLDER_NAMES: readonly string[] = [
  VERSION_PAGE_FILE,
  VERSION_ASSETS_FOLDER,
  ...VERSION_CHECKLIST_FORMATS.map((id) => versionChecklistFile(exportFormat(id)!.extension)),
];

/**
 * A name as case-insensitive hosts see it (IIS and Windows shares, SMB, macOS): case does not
 * count, and Windows drops the dots that end a file or folder name. Two names with the same
 * key are one file there.
 */
export function hostKey(name: string): string {
  let end = name.length;
  while (end > 0 && name[end - 1] === '.') end--;
  return name.slice(0, end).toLowerCase();
}

const RESERVED = new Map(VERSION_FOLDER_NAMES.map((name) => [hostKey(name), name]));

/**
 * Names Windows keeps for its devices, with or without an extension (`CON`, `nul.txt`): no
 * folder of a Windows server or share can be called so, so no entry page either.
 */
const WINDOWS_DEVICES = new Set([
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
]);

/** A name an entry id cannot have: whose it is. */
export interface ReservedName {
  name: string;
  /** `route`: a version folder's own file or folder; `device`: a Windows device name. */
  kind: 'route' | 'device';
}

/** The name an entry id would take the place of, or null when the id can be a folder everywhere. */
export function reservedNameOf(entryId: string): ReservedName | null {
  const key = hostKey(entryId);
  const route = RESERVED.get(key);
  if (route) return { name: route, kind: 'route' };
  const device = key.split('.')[0]!;
  return WINDOWS_DEVICES.has(device) ? { name: device.toUpperCase(), kind: 'device' } : null;
}

const RESERVED_WHY: Record<ReservedName['kind'], (name: string) => string> = {
  route: (name) => `is taken by the version's own "${name}" on the site: its page would replace that file or be lost`,
  device: (name) => `is ${name}, a name Windows keeps for a device: no Windows server or share can hold its page`,
};

/**
 * Why an entry cannot have a reserved id, to follow `The id "…"`: said the same by `check`,
 * the importers and `roadbook new`.
 */
export function reservedWhy(reserved: ReservedName): string {
  return RESERVED_WHY[reserved.kind](reserved.name);
}

/**
 * Groups of things whose names differ but are one name on a case-insensitive host (see
 * `hostKey`), each name in a group given by the first thing that has it.
 */
export function caseCollisions<T>(things: readonly T[], nameOf: (thing: T) => string): T[][] {
  const byKey = new Map<string, Map<string, T>>();
  for (const thing of things) {
    const name = nameOf(thing);
    const key = hostKey(name);
    const names = byKey.get(key) ?? new Map<string, T>();
    byKey.set(key, names);
    if (!names.has(name)) names.set(name, thing);
  }
  return [...byKey.values()].filter((names) => names.size > 1).map((names) => [...names.values()]);
}
