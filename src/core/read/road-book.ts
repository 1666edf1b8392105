import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DiagnosticList, FILE_START, type Diagnostic } from '../diagnostics.ts';
import type { Asset, Entry, RoadBook, RoadBookConfig, Version } from '../model.ts';
import { compareVersions } from '../versions.ts';
import { normaliseBase, readConfig } from './config.ts';
import type { EntryPositions } from './entry.ts';
import { EntryCache } from './entry-cache.ts';
import { parseEntries, type EntryJob } from './parse-entries.ts';
import { readProcesses } from './processes.ts';
import { decodeTextFile } from './text-file.ts';
import { parseVersionIndex, type VersionHeader } from './version-index.ts';
import { readAssets } from './assets.ts';
import { isHiddenName, SourceFiles } from './source-files.ts';
import { caseCollisions } from '../routes.ts';
import { pageFileMap, pageFiles } from './page-files.ts';
import { linkProblem, linkTarget, resolveRelativeUrl } from '../links.ts';
import type { WorkerOption } from '../workers.ts';
import { analyzeBody, type AssetRef } from '../markdown/analyze.ts';

export interface LoadOptions {
  /** Keep draft versions (and their entries) in the road book. They are checked either way. */
  drafts?: boolean;
  /**
   * The site is built with its drafts, so published pages may link to them. Default: `drafts`;
   * `check` keeps drafts to check them but judges links as a build without drafts does.
   */
  draftsPublished?: boolean;
  /** Sub-path the site is served under, overriding roadbook.yml's `base`. */
  base?: string | null;
  /** A file where what reading each entry gave is kept between runs (see entry-cache.ts). */
  cacheFile?: string | null;
  /**
   * False: never read entries on worker threads; a number: always, on that many threads. By
   * default they are for large road books (see workers.ts).
   */
  workers?: WorkerOption;
  /** Where files are read from; a long-lived process passes one that remembers them. */
  files?: SourceFiles;
}

export interface LoadResult {
  book: RoadBook;
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

export const VERSIONS_DIR = 'content/versions';

/** The file of a version folder that describes the version; every other `*.md` is an entry. */
export const VERSION_INDEX_FILE = 'index.md';

interface ReadVersion {
  version: Version;
  header: VersionHeader;
  /** The introduction's links to other pages, with where they are. */
  introLinks: AssetRef[];
  jobs: EntryJob[];
  entries: { entry: Entry; positions: EntryPositions }[];
  assets: Asset[];
}

/**
 * Reads and checks the road book under `root` (the folder holding content/). Never throws
 * on bad content: every problem is in `diagnostics`, and the book holds what could be read.
 */
export async function loadRoadBook(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const diagnostics = new DiagnosticList();
  const config = await readConfig(root, diagnostics);
  if (options.base) config.base = normaliseBase(options.base);
  const processes = await readProcesses(root, config, diagnostics);

  const versionsDir = join(root, VERSIONS_DIR);
  const folders: string[] = [];
  try {
    const dirents = await readdir(versionsDir, { withFileTypes: true });
    for (const d of dirents) {
      if (d.isDirectory() && isHiddenName(d.name)) {
        diagnostics.warning(
          'hidden-folder',
          `${VERSIONS_DIR}/${d.name}`,
          FILE_START,
          `The folder "${d.name}" starts with a dot, so it is hidden and never read as a version; rename it without the dot to publish it`,
        );
      } else if (d.isDirectory()) folders.push(d.name);
      else if (!isHiddenName(d.name)) {
        diagnostics.warning(
          'unexpected-file',
          `${VERSIONS_DIR}/${d.name}`,
          FILE_START,
          'Only version folders belong in content/versions/; this file is ignored',
        );
      }
    }
  } catch {
    diagnostics.error(
      'content-missing',
      VERSIONS_DIR,
      FILE_START,
      'There is no content/versions/ folder: create one folder per version in it (content/versions/15.3.0/index.md)',
    );
  }
  folders.sort();

  const files = options.files ?? new SourceFiles();
  const read = (
    await Promise.all(folders.map((folder) => readVersion(root, folder, config, files, diagnostics)))
  ).filter((v): v is ReadVersion => v !== null);
  read.sort((a, b) => compareVersions(a.version.version, b.version.version, config));

  const cache = options.cacheFile ? await EntryCache.open(options.cacheFile, config) : null;
  const jobs = read.flatMap((v) => v.jobs);
  const outcomes = await parseEntries(jobs, config, cache, options.workers ?? true);
  let next = 0;
  for (const version of read) {
    for (const _job of version.jobs) {
      const outcome = outcomes[next++]!;
      diagnostics.push(...outcome.diagnostics);
      if (outcome.parsed) version.entries.push(outcome.parsed);
    }
  }
  await cache?.save().catch(() => undefined);

  checkVersionOrder(read, config, diagnostics);
  checkSlugCase(read, diagnostics);
  checkEntries(read, diagnostics);
  checkModuleCase(read, config, diagnostics);
  checkLinks(read, options.draftsPublished ?? options.drafts ?? false, diagnostics);

  const kept = read.filter((v) => options.drafts || v.version.status !== 'draft');
  const entries = kept.flatMap((v) => v.entries.map((e) => e.entry));
  linkSupersedes(entries);
  resolveItemLinks(kept, config);

  const book: RoadBook = {
    root,
    config,
    versions: kept.map((v) => v.version),
    entries,
    processes,
    assets: kept.flatMap((v) => v.assets),
  };
  return {
    book,
    diagnostics: diagnostics.sorted(),
    errorCount: diagnostics.errorCount,
    warningCount: diagnostics.warningCount,
  };
}

async function readVersion(
  root: string,
  folder: string,
  config: RoadBookConfig,
  files: SourceFiles,
  diagnostics: DiagnosticList,
): Promise<ReadVersion | null> {
  const dir = join(root, VERSIONS_DIR, folder);
  const folderPath = `${VERSIONS_DIR}/${folder}`;
  const indexFile = `${folderPath}/index.md`;
  const dirents = await readdir(dir, { withFileTypes: true });

  const markdown: string[] = [];
  let hasIndex = false;
  let hasAssets = false;
  for (const d of dirents) {
    if (isHiddenName(d.name)) continue;
    if (d.isDirectory()) {
      if (d.name === 'assets') hasAssets = true;
      else {
        diagnostics.error(
          'unexpected-folder',
          `${folderPath}/${d.name}`,
          FILE_START,
          'A version folder holds only index.md, one .md file per entry and an assets/ folder; move or remove this folder',
        );
      }
    } else if (d.name === VERSION_INDEX_FILE) hasIndex = true;
    else if (d.name.endsWith('.md')) markdown.push(d.name);
    else {
      diagnostics.warning(
        'unexpected-file',
        `${folderPath}/${d.name}`,
        FILE_START,
        'Only .md files and an assets/ folder belong in a version folder; this file is ignored (images go in assets/)',
      );
    }
  }

  let indexSource: string | null = null;
  if (hasIndex) {
    indexSource = decodeTextFile(await files.read(join(dir, VERSION_INDEX_FILE)), indexFile, diagnostics);
    if (indexSource === null) return null;
  } else {
    diagnostics.error(
      'version-index-missing',
      folderPath,
      FILE_START,
      `The version folder "${folder}" has no index.md; add one with at least \`date: YYYY-MM-DD\``,
    );
  }
  const header = parseVersionIndex(indexSource, folder, indexFile, config, diagnostics);
  if (!header) return null;

  const file = hasIndex ? indexFile : folderPath;
  const introLinks = analyzeBody(header.intro, { file, startLine: header.introLine, verifyHeadings: [] }).pageLinks;
  const version: Version = {
    version: header.version,
    slug: folder,
    date: header.date,
    status: header.status,
    title: header.title,
    installer: header.installer,
    minimumFrom: header.minimumFrom,
    database: header.database,
    file,
    dir,
    intro: header.intro,
    introLine: header.introLine,
    introLinks: introLinks.map((link) => link.url),
  };

  const assets = hasAssets ? await readAssets(version, diagnostics) : [];
  const assetPaths = assets.map((a) => `assets/${a.path}`);
  markdown.sort();
  const sources = await Promise.all(markdown.map((name) => files.read(join(dir, name))));
  const jobs: EntryJob[] = [];
  markdown.forEach((name, i) => {
    const file = `${folderPath}/${name}`;
    const text = decodeTextFile(sources[i]!, file, diagnostics);
    if (text === null) return;
    jobs.push({
      file,
      name: name.slice(0, -'.md'.length),
      version: header.version,
      versionSlug: folder,
      text,
      assets: assetPaths,
    });
  });
  return { version, header, introLinks, jobs, entries: [], assets };
}

/** Versions that compare equal, and release dates that go backwards. */
function checkVersionOrder(read: ReadVersion[], config: RoadBookConfig, diagnostics: DiagnosticList): void {
  let lastDated: ReadVersion | null = null;
  read.forEach((current, i) => {
    const previous = read[i - 1];
    if (previous && compareVersions(previous.version.version, current.version.version, config) === 0) {
      diagnostics.error(
        'duplicate-version',
        current.version.file,
        FILE_START,
        `Version "${current.version.version}" is the same version as "${previous.version.version}" (${previous.version.file}); keep one folder`,
      );
    }
    if (!current.version.date) return;
    if (lastDated?.version.date && current.version.date < lastDated.version.date) {
      diagnostics.warning(
        'version-date-order',
        current.version.file,
        current.header.dateAt,
        `Version ${current.version.version} is dated ${current.version.date}, before ${lastDated.version.version} (${lastDated.version.date}) which it follows in version order`,
      );
    }
    lastDated = current;
  });
}

/**
 * Version folders that differ only by case: one folder once published on such a host. Said
 * even when the versions also compare equal (`duplicate-version`), because under another
 * versioning scheme they need not, and the folders collide all the same.
 */
function checkSlugCase(read: ReadVersion[], diagnostics: DiagnosticList): void {
  for (const group of caseCollisions(read, (v) => v.version.slug)) {
    for (const current of group) {
      const others = group.filter((v) => v !== current).map((v) => `"${v.version.slug}"`);
      diagnostics.error(
        'case-collision',
        current.version.file,
        FILE_START,
        `The version folder "${current.version.slug}" differs from ${others.join(', ')} only by case (or the dots that end it): on a case-insensitive server or share they are one folder; rename one of them`,
      );
    }
  }
}

/**
 * Without a closed list of modules in roadbook.yml, the modules are those the entries name,
 * each with its page (`/modules/<id>/`): two that differ only by case are one page on a
 * case-insensitive host. Said at the first entry that writes each spelling.
 */
function checkModuleCase(read: ReadVersion[], config: RoadBookConfig, diagnostics: DiagnosticList): void {
  if (config.modules) return; // checked with roadbook.yml, and entries must use its ids
  const uses = read.flatMap((v) =>
    v.entries.flatMap(({ entry, positions }) =>
      entry.modules.map((module, i) => ({ module, file: entry.file, at: positions.modules[i] ?? FILE_START })),
    ),
  );
  for (const group of caseCollisions(uses, (use) => use.module)) {
    for (const use of group) {
      const others = group.filter((o) => o !== use).map((o) => `"${o.module}" (${o.file})`);
      diagnostics.error(
        'case-collision',
        use.file,
        use.at,
        `The module "${use.module}" differs from ${others.join(', ')} only by case (or the dots that end it): a case-insensitive server or share reads them as one module page; write them the same way`,
      );
    }
  }
}

/** Ids unique across the road book, case aside; `supersedes` naming existing, earlier entries. */
function checkEntries(read: ReadVersion[], diagnostics: DiagnosticList): void {
  const all = read.flatMap((version) => version.entries);
  for (const group of caseCollisions(all, (e) => e.entry.id)) {
    for (const { entry, positions } of group) {
      const others = group.filter((e) => e.entry !== entry).map((e) => `"${e.entry.id}" (${e.entry.file})`);
      diagnostics.error(
        'case-collision',
        entry.file,
        positions.id,
        `The id "${entry.id}" differs from ${others.join(', ')} only by case (or the dots that end it): a case-insensitive server or share reads them as one name, and entry ids are unique in the whole road book; change one of the ids`,
      );
    }
  }

  const byId = new Map<string, { entry: Entry; index: number }>();
  read.forEach((version, index) => {
    for (const { entry, positions } of version.entries) {
      const existing = byId.get(entry.id);
      if (existing) {
        diagnostics.error(
          'duplicate-entry-id',
          entry.file,
          positions.id,
          `The id "${entry.id}" is already used by ${existing.entry.file}; entry ids are unique in the whole road book`,
        );
        continue;
      }
      byId.set(entry.id, { entry, index });
    }
  });
  read.forEach((version, index) => {
    for (const { entry, positions } of version.entries) {
      entry.supersedes.forEach((target, i) => {
        const found = byId.get(target);
        const at = positions.supersedes[i] ?? FILE_START;
        if (!found) {
          diagnostics.error(
            'unknown-supersedes',
            entry.file,
            at,
            `\`supersedes\` names "${target}", which no entry has as id`,
          );
        } else if (found.entry === entry) {
          diagnostics.error('supersedes-later', entry.file, at, `\`supersedes\` names this entry itself`);
        } else if (found.index > index) {
          diagnostics.error(
            'supersedes-later',
            entry.file,
            at,
            `\`supersedes\` names "${target}", an entry of a later version (${found.entry.version}); an entry can only replace entries of its own or earlier versions`,
          );
        }
      });
    }
  });
}

/**
 * Links between pages, once every Markdown file is known: to a file that does not exist, or
 * from a published page to a draft's (see links.ts). Entries that could not be read still
 * exist as files, under their file name.
 */
function checkLinks(read: ReadVersion[], draftsPublished: boolean, diagnostics: DiagnosticList): void {
  const pages = pageFileMap(
    read.flatMap((v) => {
      const draft = v.version.status === 'draft';
      const versionSlug = v.version.slug;
      const ids = new Map(v.entries.map(({ entry }) => [entry.file, entry.id]));
      return [
        ...(v.version.file.endsWith('/index.md') ? [{ fileName: 'index.md', versionSlug, entryId: null, draft }] : []),
        ...v.jobs.map((job) => ({
          fileName: `${job.name}.md`,
          versionSlug,
          entryId: ids.get(job.file) ?? job.name,
          draft,
        })),
      ];
    }),
  );
  for (const v of read) {
    const from = { versionSlug: v.version.slug, draft: v.version.status === 'draft' };
    const pagesLinks = [
      { file: v.version.file, links: v.introLinks },
      ...v.entries.map(({ entry, positions }) => ({ file: entry.file, links: positions.links })),
    ];
    for (const { file, links } of pagesLinks) {
      const own = `${from.versionSlug}/${file.slice(file.lastIndexOf('/') + 1)}`;
      for (const link of links) {
        const problem = linkProblem({ ...from, file: own, url: link.url }, pages, draftsPublished);
        if (problem) diagnostics.error(problem.code, file, link, problem.message);
      }
    }
  }
}

/**
 * Verification items (and their sections' introductions) that link to other pages get the
 * pages' addresses, once every page kept in the book is known: an entry is read on its own,
 * so its items keep such links as written until here. Front-matter items are plain text.
 */
function resolveItemLinks(kept: ReadVersion[], config: RoadBookConfig): void {
  const parsed = kept.flatMap((v) => v.entries);
  const linking = parsed.filter(({ entry, positions }) =>
    positions.links.some((l) => linkTarget(l.url, entry.versionSlug)?.kind === 'markdown'),
  );
  if (linking.length === 0) return;
  const pages = pageFiles(
    kept.map((v) => v.version),
    parsed.map((p) => p.entry),
  );
  for (const { entry } of linking) {
    const link = { base: config.base, versionSlug: entry.versionSlug, pages };
    const body = analyzeBody(entry.body, {
      file: entry.file,
      startLine: entry.bodyLine,
      verifyHeadings: config.verifyHeadings,
      resolveUrl: (url) => resolveRelativeUrl(url, link),
    });
    const first = entry.items.length - body.items.length;
    entry.items = entry.items.map((item, i) => {
      const read = i >= first ? body.items[i - first] : undefined;
      return read ? { ...item, stepHtml: read.stepHtml, expectHtml: read.expectHtml } : item;
    });
    entry.verifyIntroHtml = body.verifyIntroHtml;
  }
}

/** Fills `supersededBy` from the entries kept in the book. */
function linkSupersedes(entries: Entry[]): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const entry of entries) entry.supersededBy = [];
  for (const entry of entries) {
    for (const target of entry.supersedes) byId.get(target)?.supersededBy.push(entry.id);
  }
}
