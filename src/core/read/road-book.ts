import { DiagnosticList, type Diagnostic } from '../diagnostics.ts';
import type { Entry, RoadBook } from '../model.ts';
import { compareVersions } from '../versions.ts';
import type { WorkerOption } from '../workers.ts';
import { normaliseBase, readConfig } from './config.ts';
import { EntryCache } from './entry-cache.ts';
import { checkEntries, checkModuleCase } from './entry-checks.ts';
import { checkLinks, resolveItemLinks } from './page-links.ts';
import { parseEntries } from './parse-entries.ts';
import { PreparedBodies } from './prepared-bodies.ts';
import { readProcesses } from './processes.ts';
import { SourceFiles } from './source-files.ts';
import { checkSlugCase, checkVersionOrder } from './version-checks.ts';
import { listVersionFolders, readVersionFolder, type ReadVersion } from './version-folder.ts';
import { checkKnownIssues, dropUnpublishedFixes } from './version-known-issues.ts';

export { VERSION_INDEX_FILE, VERSIONS_DIR } from './version-folder.ts';

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
  /** Write that file a moment after returning instead of before (the dev preview: see `EntryCache.saveLater`). */
  saveCacheLater?: boolean;
  /**
   * False: never read entries on worker threads; a number: always, on that many threads. By
   * default they are for large road books (see workers.ts).
   */
  workers?: WorkerOption;
  /**
   * Render each entry's body to its page HTML while reading it, from the same parse, for the
   * pages to take (default). False (`check`): the entries' HTML (body, items, introduction of
   * the verification sections) is left out, every problem is still found; a later build
   * reads those entries again, and renders and keeps them in one pass.
   */
  renderBodies?: boolean;
  /** Where files are read from; a long-lived process passes one that remembers them. */
  files?: SourceFiles;
  /** Told what the reading does: reading the files, then checking the entries (`total` of them, `done` so far). */
  onProgress?: (step: LoadStep) => void;
}

/** A step of `loadRoadBook`, for a caller that shows its progress. */
export type LoadStep = { phase: 'read' } | { phase: 'check'; done: number; total: number };

export interface LoadResult {
  book: RoadBook;
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

/**
 * Reads and checks the road book under `root` (the folder holding content/). Never throws
 * on bad content: every problem is in `diagnostics`, and the book holds what could be read.
 */
export async function loadRoadBook(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const diagnostics = new DiagnosticList();
  options.onProgress?.({ phase: 'read' });
  const config = await readConfig(root, diagnostics);
  if (options.base) config.base = normaliseBase(options.base);
  const processes = await readProcesses(root, config, diagnostics);

  const folders = await listVersionFolders(root, diagnostics);

  const files = options.files ?? new SourceFiles();
  const read = (
    await Promise.all(folders.map((folder) => readVersionFolder(root, folder, config, files, diagnostics)))
  ).filter((v): v is ReadVersion => v !== null);
  read.sort((a, b) => compareVersions(a.version.version, b.version.version, config));

  const cache = options.cacheFile ? await EntryCache.open(options.cacheFile, config) : null;
  const jobs = read.flatMap((v) => v.jobs);
  const onDone = (done: number) => options.onProgress?.({ phase: 'check', done, total: jobs.length });
  const settings = { config, render: options.renderBodies ?? true };
  const outcomes = await parseEntries(jobs, settings, cache, options.workers ?? true, onDone);
  const bodies = new PreparedBodies();
  let next = 0;
  for (const version of read) {
    for (const job of version.jobs) {
      const outcome = outcomes[next++]!;
      diagnostics.push(...outcome.diagnostics);
      if (!outcome.parsed) continue;
      const { entry, bodyHtml, slots } = outcome.parsed;
      version.entries.push(outcome.parsed);
      bodies.add(
        entry,
        bodyHtml !== null
          ? { html: bodyHtml, slots }
          : async () => {
              const html = await cache?.bodyHtml(job);
              return html === undefined ? undefined : { html, slots };
            },
      );
    }
  }
  if (options.saveCacheLater) cache?.saveLater();
  else await cache?.save().catch(() => undefined);

  checkVersionOrder(read, config, diagnostics);
  checkSlugCase(read, diagnostics);
  checkEntries(read, diagnostics);
  checkModuleCase(read, config, diagnostics);
  checkKnownIssues(read, diagnostics);
  checkLinks(read, options.draftsPublished ?? options.drafts ?? false, diagnostics);

  const kept = read.filter((v) => options.drafts || v.version.status !== 'draft');
  dropUnpublishedFixes(kept);
  const entries = kept.flatMap((v) => v.entries.map((e) => e.entry));
  linkSupersedes(entries);
  await resolveItemLinks(kept, config);

  const book: RoadBook = {
    root,
    config,
    versions: kept.map((v) => v.version),
    entries,
    processes,
    assets: kept.flatMap((v) => v.assets),
    bodies,
  };
  return {
    book,
    diagnostics: diagnostics.sorted(),
    errorCount: diagnostics.errorCount,
    warningCount: diagnostics.warningCount,
  };
}

/** Fills `supersededBy` from the entries kept in the book. */
function linkSupersedes(entries: Entry[]): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const entry of entries) entry.supersededBy = [];
  for (const entry of entries) {
    for (const target of entry.supersedes) byId.get(target)?.supersededBy.push(entry.id);
  }
}
