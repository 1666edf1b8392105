/**
 * What each file of a built site is made from, as a digest per file: a rebuild regenerates
 * only the files whose digest changed since the last good site and keeps the others. Only the
 * files a road book has many of are followed here (a page per entry, per version, per module,
 * a version's data file and checklist downloads); the site's few other files (home page,
 * feed, /roadbook.json, the data index, search index, scripts and styles) are made by every
 * build.
 *
 * Each digest is conservative: it takes in everything the file shows or might show, and
 * `settings` (the code, the options, roadbook.yml, processes.yml, every version's fields and
 * the module list) takes in what every page shows. No page shows the build id, which changes
 * with any entry; the XLSX downloads do (in their summary sheet): it is kept out of the files'
 * digests and written again into the workbooks that are kept (see reuse.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { buildIdOf } from '../build-id.ts';
import { moduleChoices } from '../data-files.ts';
import type { Entry, RoadBook, Version } from '../model.ts';
import { pickVersion } from '../public-fields.ts';
import { resolvedLinks } from '../render.ts';
import { VERSION_CHECKLIST_FORMATS } from '../routes.ts';
import {
  entryPageFile,
  modulePageFile,
  versionChecklistFileOf,
  versionDataFile,
  versionDataGzipFile,
  versionPageFile,
} from './site-files.ts';
import { exportFormat } from '../export/index.ts';

/** The build options a site depends on besides its content. */
export interface BuildSettings {
  drafts: boolean;
  base: string | null;
}

export interface SiteOutputs {
  /** Digest of roadbook's own code (code-digest.ts): another version of it rebuilds everything. */
  code: string;
  /** Digest of what every page shows (see above). */
  settings: string;
  /** The build id the pages show (core/build-id.ts). */
  buildId: string;
  /** Followed files (path in the site, `/` separated) and the digest of what each is made from. */
  files: Record<string, string>;
  /** Digest of everything the site is made from: equal, the site would be the same. */
  digest: string;
}

function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * JSON with every object's members sorted by key: the same data gives the same text however
 * it was put together (read from the files or from the reader's cache).
 */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * What an entry's files are made from: its file's text (`hash` is its digest; everything read
 * from the file follows from it and from `settings`), where it is, and what it learns from
 * the other entries: which supersede it and what its links resolve to.
 */
function entryDigest(entry: Entry, book: RoadBook): string {
  return sha256(
    entry.hash,
    entry.file,
    entry.versionSlug,
    entry.supersededBy.join('\n'),
    resolvedLinks(entry.pageLinks, entry.versionSlug, book).join('\n'),
  );
}

/** A version's fields but its introduction, which only its own page shows. */
function versionFields(version: Version): unknown {
  const { intro: _intro, introLinks: _links, ...fields } = version;
  return { ...fields, published: pickVersion(version) };
}

/** Digests of the files of `book`'s site, and of the site as a whole. */
export async function siteOutputs(book: RoadBook, settings: BuildSettings, code: string): Promise<SiteOutputs> {
  const settingsDigest = sha256(
    code,
    stableJson(settings),
    stableJson(book.config),
    stableJson(book.processes),
    stableJson(book.versions.map(versionFields)),
    stableJson(moduleChoices(book)),
  );
  const byId = new Map(book.entries.map((e) => [e.id, e]));
  const own = new Map<string, string>(book.entries.map((e) => [e.id, entryDigest(e, book)]));
  // An entry as a page shows it: with the entries it supersedes or is superseded by.
  const shown = (entry: Entry): string =>
    sha256(
      own.get(entry.id)!,
      ...[...entry.supersedes, ...entry.supersededBy].map((id) => `${id}:${byId.has(id) ? own.get(id) : ''}`),
    );
  const files: Record<string, string> = {};
  const byVersion = new Map<string, string[]>(book.versions.map((v) => [v.slug, []]));
  const byModule = new Map<string, string[]>();
  for (const entry of book.entries) {
    const digest = shown(entry);
    files[entryPageFile(entry.versionSlug, entry.id)] = sha256(settingsDigest, 'entry', digest);
    byVersion.get(entry.versionSlug)?.push(digest);
    for (const m of entry.modules) {
      if (!byModule.has(m)) byModule.set(m, []);
      byModule.get(m)!.push(digest);
    }
  }
  const buildId = buildIdOf(book);
  for (const version of book.versions) {
    const made = sha256(
      settingsDigest,
      'version',
      version.intro,
      stableJson(resolvedLinks(version.introLinks, version.slug, book)),
      ...(byVersion.get(version.slug) ?? []),
    );
    files[versionPageFile(version.slug)] = made;
    files[versionDataFile(version.slug)] = made;
    files[versionDataGzipFile(version.slug)] = made;
    for (const id of VERSION_CHECKLIST_FORMATS)
      files[versionChecklistFileOf(version.slug, exportFormat(id)!.extension)] = made;
  }
  for (const [id, digests] of byModule) files[modulePageFile(id)] = sha256(settingsDigest, 'module', id, ...digests);

  const assets = await Promise.all(
    book.assets.map(async (a) => sha256(a.versionSlug, a.path, await readFile(a.absolutePath))),
  );
  const listed = Object.keys(files)
    .sort()
    .map((path) => `${path}=${files[path]}`);
  const order = book.entries.map((e) => e.id).join('\n');
  const digest = sha256(code, settingsDigest, buildId, order, ...listed, ...assets);
  return { code, settings: settingsDigest, buildId, files, digest };
}
