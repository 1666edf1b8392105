import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_START, type DiagnosticList } from '../diagnostics.ts';
import type { Asset, RoadBookConfig, Version } from '../model.ts';
import type { AssetRef } from '../markdown/analyze.ts';
import { analysisNeedsTree } from '../markdown/needs-tree.ts';
import { readAssets } from './assets.ts';
import type { ParsedEntry } from './entry.ts';
import type { EntryJob } from './parse-entries.ts';
import { isHiddenName, type SourceFiles } from './source-files.ts';
import { decodeTextFile } from './text-file.ts';
import { parseVersionIndex, type VersionHeader } from './version-index.ts';

export const VERSIONS_DIR = 'content/versions';

/** The file of a version folder that describes the version; every other `*.md` is an entry. */
export const VERSION_INDEX_FILE = 'index.md';

/** A version folder as read from disk: its header, its entry files to parse, its assets. */
export interface ReadVersion {
  version: Version;
  header: VersionHeader;
  /** The introduction's links to other pages, with where they are. */
  introLinks: AssetRef[];
  jobs: EntryJob[];
  /** Filled once the jobs are parsed. */
  entries: ParsedEntry[];
  assets: Asset[];
}

/** The version folders of content/versions/, sorted by name; anything else there is said. */
export async function listVersionFolders(root: string, diagnostics: DiagnosticList): Promise<string[]> {
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
  return folders;
}

/**
 * Reads one version folder: its index.md header, its entry files as jobs to parse, its assets.
 * Null when the version cannot be read at all (its index.md is not text, or its folder name and
 * header give no version); what went wrong is in `diagnostics`.
 */
export async function readVersionFolder(
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
  // The Markdown parser is loaded only for an introduction it may find a link in.
  const introLinks = analysisNeedsTree(header.intro)
    ? (await import('../markdown/analyze.ts')).analyzeBody(header.intro, {
        file,
        startLine: header.introLine,
        verifyHeadings: [],
      }).pageLinks
    : [];
  const version: Version = {
    version: header.version,
    slug: folder,
    date: header.date,
    status: header.status,
    title: header.title,
    installer: header.installer,
    minimumFrom: header.minimumFrom,
    database: header.database,
    endOfSupport: header.endOfSupport,
    knownIssues: header.knownIssues.map((k) => k.issue),
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
