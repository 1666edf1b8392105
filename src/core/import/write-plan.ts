/**
 * The one writer of import plans: turns an ImportPlan (Keep a Changelog, CSV) into files
 * under content/versions/. It never overwrites a file, skips entries whose id the road book
 * already has (so importing the same file twice writes nothing the second time), writes
 * every front matter value through the YAML library, and can stop short of writing
 * (`--dry-run`) with the same summary.
 */

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { isValidId, slugifyStep } from '../items.ts';
import type { RoadBookConfig } from '../model.ts';
import { CONFIG_FILE } from '../read/config.ts';
import { hostKey, reservedNameOf, reservedWhy } from '../routes.ts';
import { loadRoadBook, VERSION_INDEX_FILE, VERSIONS_DIR } from '../read/road-book.ts';
import { urlSafeVersion, type Versioning } from '../versions.ts';
import type { ImportedEntry, ImportedVersion, ImportPlan, ImportSkip } from './plan.ts';
import { settleVersions } from './settle-versions.ts';

export interface WriteOptions {
  /** The project folder holding content/. */
  root: string;
  /** Plan everything, write nothing. */
  dryRun?: boolean;
}

/** A file the import writes (or would write, in a dry run). */
export interface PlannedFile {
  /** Relative to the project root, `/`-separated. */
  path: string;
  text: string;
}

export interface WriteSummary {
  /** Version folders created (index.md), in the plan's order. */
  versions: PlannedFile[];
  /** Plan versions already in the road book, whose entries joined them. */
  existingVersions: number;
  entries: PlannedFile[];
  /** Everything not written, the plan's own skips included, ordered by line. */
  skipped: ImportSkip[];
  notes: string[];
  /** The order the road book uses after the import; `roadbook.yml` is written when it changed. */
  versioning: Versioning;
  configWritten: boolean;
  dryRun: boolean;
}

/** Entry ids derived from a version and a title are cut to fit the id pattern's 64 characters. */
const ID_MAX_LENGTH = 64;

export async function writePlan(plan: ImportPlan, options: WriteOptions): Promise<WriteSummary> {
  const { root } = options;
  const dryRun = options.dryRun ?? false;
  const loaded = await loadRoadBook(root, { drafts: true });
  const { config } = loaded.book;
  const settled = settleVersions(plan, config, loaded.book.versions);
  const skipped = [...plan.skipped, ...settled.skipped];
  const notes = [...plan.notes, ...settled.notes];

  const folderOf = new Map<string, string>();
  const versions: PlannedFile[] = [];
  for (const v of settled.create.values()) {
    const folder = urlSafeVersion(v.version);
    folderOf.set(v.version, folder);
    versions.push({ path: `${VERSIONS_DIR}/${folder}/index.md`, text: versionFile(v, folder) });
  }
  for (const [version, info] of settled.existing) folderOf.set(version, info.slug);

  // Keyed as a case-insensitive host sees an id (`GES-1`, `ges-1`, `GES-1.`): `check` refuses two such ids.
  const taken = new Map(loaded.book.entries.map((e) => [hostKey(e.id), { id: e.id, file: e.file }]));
  const names = new Set<string>();
  const derived = derivedIds(plan.entries);
  const entries: PlannedFile[] = [];
  let withoutItems = 0;
  for (const entry of plan.entries) {
    const folder = folderOf.get(entry.version);
    if (folder === undefined) continue; // its version was skipped, and said so
    const refused = unknownChoice(entry, config);
    if (refused) {
      skipped.push({ line: entry.line, what: entry.title, why: refused });
      continue;
    }
    const id = entry.id ?? derived.get(entry)!;
    if (!isValidId(id)) {
      skipped.push({ line: entry.line, what: id, why: 'not a valid entry id ([A-Za-z0-9][A-Za-z0-9._-]{0,63})' });
      continue;
    }
    const reserved = reservedNameOf(id);
    if (reserved) {
      skipped.push({ line: entry.line, what: id, why: `the id ${reservedWhy(reserved)}; give the entry another id` });
      continue;
    }
    const holder = taken.get(hostKey(id));
    if (holder !== undefined) {
      const why =
        holder.id === id
          ? `the road book already has an entry with this id (${holder.file})`
          : `the id differs only by case from "${holder.id}" (${holder.file}), one name on a case-insensitive server or share`;
      skipped.push({ line: entry.line, what: id, why });
      continue;
    }
    const path = freeName(
      root,
      folder,
      entry.id === null ? slugifyStep(entry.title) : `${id}-${slugifyStep(entry.title)}`,
      names,
    );
    taken.set(hostKey(id), { id, file: path });
    entries.push({ path, text: entryFile(entry, id) });
    if (config.requireVerify.includes(entry.type)) withoutItems++;
  }
  if (withoutItems > 0) {
    notes.push(
      `${withoutItems} entries of a type in requireVerify have no verification item yet: \`roadbook check\` lists them (missing-verify) for the writers to add their checks`,
    );
  }

  const configWritten = settled.switched;
  if (!dryRun) {
    for (const file of [...versions, ...entries]) {
      await mkdir(join(root, file.path, '..'), { recursive: true });
      // `wx`: a file that appeared since the road book was read is still never overwritten.
      await writeFile(join(root, file.path), file.text, { flag: 'wx' });
    }
    if (configWritten) await setVersioning(root, 'semver');
  }
  skipped.sort((a, b) => a.line - b.line);
  return {
    versions,
    existingVersions: settled.existing.size,
    entries,
    skipped,
    notes,
    versioning: settled.versioning,
    configWritten,
    dryRun,
  };
}

/** Why roadbook.yml's closed lists refuse the entry's type or modules, or null. */
function unknownChoice(entry: ImportedEntry, config: RoadBookConfig): string | null {
  const types = config.types.map((t) => t.id);
  if (!types.includes(entry.type)) {
    return `type "${entry.type}" is not one of the types of roadbook.yml (${types.join(', ')}): map it to one of them`;
  }
  const modules = config.modules?.map((m) => m.id);
  const unknown = modules ? entry.modules.filter((m) => !modules.includes(m)) : [];
  if (modules && unknown.length) {
    return `module "${unknown[0]}" is not one of the modules of roadbook.yml (${modules.join(', ')})`;
  }
  return null;
}

/**
 * Ids for entries the source gives none: `<version>-<slug of the title>`, unique in the plan
 * by `-2`, `-3` in the plan's order within one version. A version's ids depend on that
 * version's entries alone, so a changelog that gains a release keeps the ids of the others.
 */
function derivedIds(entries: readonly ImportedEntry[]): Map<ImportedEntry, string> {
  const ids = new Map<ImportedEntry, string>();
  const used = new Set<string>();
  for (const entry of entries) {
    if (entry.id !== null) continue;
    const base = fitId(`${urlSafeVersion(entry.version)}-${slugifyStep(entry.title)}`, 0);
    let id = base;
    for (let n = 2; used.has(hostKey(id)); n++) id = `${fitId(base, `-${n}`.length)}-${n}`;
    used.add(hostKey(id));
    ids.set(entry, id);
  }
  return ids;
}

/** Cut to leave `room` characters under the maximum, at a `-` where possible. */
function fitId(id: string, room: number): string {
  const max = ID_MAX_LENGTH - room;
  if (id.length <= max) return id;
  const cut = id.lastIndexOf('-', max);
  return id.slice(0, cut > 0 ? cut : max).replace(/[-._]+$/, '');
}

/**
 * `<name>.md` in the folder, or `<name>-2.md`…: never a file that exists or that this import
 * writes, never the version's index.md, nor a name Windows keeps for a device (`con.md`).
 */
function freeName(root: string, folder: string, name: string, names: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}-${n}`;
    if (hostKey(`${candidate}.md`) === VERSION_INDEX_FILE || reservedNameOf(candidate)) continue;
    const path = `${VERSIONS_DIR}/${folder}/${candidate}.md`;
    if (names.has(hostKey(path)) || existsSync(join(root, path))) continue;
    names.add(hostKey(path));
    return path;
  }
}

function frontMatter(data: Record<string, unknown>, body: string): string {
  const yaml = stringify(data, { lineWidth: 0 });
  return `---\n${yaml}---\n${body ? `\n${body}\n` : ''}`;
}

function versionFile(v: ImportedVersion, folder: string): string {
  const data: Record<string, unknown> = {};
  if (v.date) data.date = v.date;
  if (v.status !== 'published') data.status = v.status;
  if (v.title) data.title = v.title;
  if (folder !== v.version) data.version = v.version;
  return frontMatter(data, v.intro);
}

function entryFile(entry: ImportedEntry, id: string): string {
  const data: Record<string, unknown> = { id, title: entry.title, type: entry.type, modules: entry.modules };
  if (entry.tags.length) data.tags = entry.tags;
  if (entry.tickets.length) data.tickets = entry.tickets;
  if (entry.breaking) data.breaking = true;
  return frontMatter(data, entry.body);
}

/** Sets `versioning:` in roadbook.yml, keeping the rest of the file (comments included) as written. */
async function setVersioning(root: string, versioning: Versioning): Promise<void> {
  const file = join(root, CONFIG_FILE);
  const text = existsSync(file) ? await readFile(file, 'utf8') : '';
  const doc = parseDocument(text);
  doc.set('versioning', versioning);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, doc.toString({ lineWidth: 0 }));
}
