/**
 * The part of `roadbook build` that reads the road book and has Astro write the site's pages
 * and data files into the package's work folder: everything but the search index and the
 * publishing, which build.ts does once this has ended. It runs in a process of its own
 * (build-pages-process.ts) so that what it holds (the road book, Astro's and Vite's state,
 * what the reading threads leave behind) is given back to the system before pagefind's
 * process indexes the pages, rather than kept beside it.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { planRebuild, writeLastSite, type LastSite, type SiteRecord } from '../../core/build/last-site.ts';
import { siteOutputs } from '../../core/build/outputs.ts';
import { linkFiles, presentIn, sortKept } from '../../core/build/reuse.ts';
import { publishedData, VersionFiles, type SiteFile } from '../../core/build/version-files.ts';
import { makeVersionFiles } from '../../core/build/version-files-pool.ts';
import { loadRoadBook } from '../../core/read/road-book.ts';
import { buildWorkDir, cachePaths } from '../../astro/settings.ts';
import type { RenderCount } from '../../astro/options.ts';
import { indexedPages, type SiteIndexPlan } from '../../astro/pagefind.ts';
import { buildProgress } from '../../astro/build-progress.ts';
import { CliError, type Io } from '../io.ts';
import { astroConfig, PACKAGE_ROOT } from '../project.ts';
import { cleanLeftovers } from '../staging.ts';
import type { BuildProgress, FinishedPhase } from '../progress.ts';
import { findingsOf, reportDiagnostics } from './check.ts';
import { existsNote, nothingChanged } from './build-notes.ts';

/** What the pages' process is given: the build's arguments and what was found before reading. */
export interface PagesRequest {
  root: string;
  out: string;
  drafts: boolean;
  base: string | null;
  /** Where the record of the last good site in `out` is kept (build.ts, `lastSiteFile`). */
  recordFile: string;
  /** The stamp of the files under content/, taken before they are read (check-result.ts). */
  stamp: string | null;
  /** The digest of roadbook's code (code-digest.ts). */
  code: string;
  last: LastSite | null;
  /**
   * Where Astro writes the site (in the package's work folder) and where it is moved beside
   * the output: folders named after the `roadbook build` process (staging.ts), which outlives
   * this one and goes on with them.
   */
  site: string;
  staging: string;
}

/** What is left to do once the pages are written. */
export type PagesOutcome =
  /**
   * Nothing: the road book has errors, or nothing the site is made from changed (all said);
   * `timed`: the build ends with its timings (not after errors).
   */
  | { kind: 'done'; exitCode: number; timed: boolean }
  | {
      kind: 'written';
      index: SiteIndexPlan;
      record: SiteRecord;
      /** What the build says once the site is in place. */
      summary: string;
    };

/** How the terminal that `roadbook build` writes to is used, and where it runs from. */
export interface PagesOutput {
  terminal: boolean;
  columns: number | undefined;
  cwd: string;
  isTTY: boolean;
}

/** What the pages' process is sent. */
export interface PagesMessage {
  request: PagesRequest;
  output: PagesOutput;
}

/** A failure of the pages' process, as `roadbook build` throws it again. */
export interface PagesFailure {
  message: string;
  /** A CliError's exit code; null for a defect (then `stack` is kept for ROADBOOK_DEBUG). */
  exitCode: number | null;
  stack: string | undefined;
}

/** What the pages' process answers: the outcome with the phases it timed, or its failure. */
export type PagesAnswer = { outcome: PagesOutcome; phases: readonly FinishedPhase[] } | { failure: PagesFailure };

/** Reads and checks the road book, then has Astro write its site (build.ts says what a rebuild redoes). */
export async function buildPages(request: PagesRequest, io: Io, progress: BuildProgress): Promise<PagesOutcome> {
  const { root, out, drafts, base, stamp, code, last, site, staging } = request;
  const checked = await loadRoadBook(root, {
    drafts,
    base,
    cacheFile: cachePaths(root).entryCacheFile,
    onProgress: (step) => progress.loading(step),
  });
  progress.end('check');
  if (checked.errorCount > 0) progress.abandon();
  reportDiagnostics(checked, io);
  if (checked.errorCount > 0) {
    io.stderr(`The site was not built; ${existsNote(out)}\n`);
    return { kind: 'done', exitCode: 1, timed: false };
  }

  await mkdir(dirname(out), { recursive: true });
  await cleanLeftovers(out, io);
  const outputs = await siteOutputs(checked.book, { drafts, base }, code);
  const record = { ...outputs, stamp, findings: findingsOf(checked) };
  const plan = planRebuild(last, outputs);
  if (plan.kind === 'unchanged') {
    // Files were touched, not changed: the next build knows them by their new stamp.
    await writeLastSite(request.recordFile, out, record);
    io.stderr(nothingChanged(out));
    return { kind: 'done', exitCode: 0, timed: true };
  }
  const keep = plan.kind === 'partial' ? presentIn(out, plan.reuse) : [];
  const ids = { previous: plan.kind === 'partial' ? plan.previousBuildId : outputs.buildId, current: outputs.buildId };
  await rm(staging, { recursive: true, force: true });
  // The versions' data files and downloads are made on worker threads while Astro renders the
  // pages, and left out of Astro's routes.
  const data = publishedData(checked.book);
  const versionFiles = new VersionFiles(data, outputs.buildId);
  const jobs = versionFiles.jobs(new Set(keep));
  // Kept files that name the build are written again beside Astro too; the others are linked.
  const { linked, rewritten } = sortKept(keep, ids);
  const kept = rewritten.map((path) => ({ kept: join(out, path), path, previousBuildId: ids.previous }));
  const apart = makeVersionFiles(
    { data: { ...data, entries: [] }, buildId: outputs.buildId, modules: versionFiles.modules },
    [...jobs, ...kept],
  );
  // Awaited once the pages are written; a failure before then (Astro's, or theirs) is reported there.
  apart.catch(() => {});
  let rendered = null as RenderCount | null;
  // The road book just checked is the one the site is built from: it is not read again.
  const onRendered = (count: RenderCount) => {
    rendered = count;
    progress.describe('render', `${count.rendered} entries, ${count.total - count.rendered} unchanged`);
  };
  const astro = astroConfig({
    root,
    drafts,
    base,
    roadBook: checked,
    onRendered,
    keep: [...keep, ...jobs.flatMap((job) => job.paths)],
    onPagesWritten: async (dir) => {
      linkFiles(out, dir, linked);
      await writeSiteFiles(dir, await apart);
    },
  });
  const madeApart = jobs.reduce((n, job) => n + job.paths.length, 0);
  astro.integrations = [...(astro.integrations ?? []), buildProgress(progress, madeApart)];
  const work = buildWorkDir(root);
  // Astro and Vite take a build's flavour (import.meta.env.DEV) from NODE_ENV when it is set,
  // as a shell's NODE_ENV=development or a test runner's "test" would: a site is always built
  // for production.
  const nodeEnv = process.env.NODE_ENV;
  const cwd = process.cwd();
  try {
    await mkdir(dirname(work), { recursive: true });
    await cleanLeftovers(work, io);
    await rm(site, { recursive: true, force: true });
    process.env.NODE_ENV = 'production';
    // Astro keeps the chunks under its output folder only when that folder is inside the
    // working directory (else in `<cwd>/.astro/`, shared by every build started there, and
    // where Node may not find their packages): the build runs from the package.
    process.chdir(PACKAGE_ROOT);
    const { build } = await import('astro');
    await build({ ...astro, outDir: site, logLevel: 'warn', mode: 'production' });
  } catch (error) {
    progress.abandon();
    await rm(site, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`The build failed: ${reason}\n${existsNote(out)}`);
  } finally {
    process.chdir(cwd);
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const cached = rendered
    ? ` (${rendered.rendered} rendered, ${rendered.total - rendered.rendered} unchanged since the last build)`
    : '';
  const keptNote = keep.length ? `; ${keep.length} files kept from the last site` : '';
  return {
    kind: 'written',
    index: { language: checked.book.config.locale, pages: indexedPages(checked.book) },
    record,
    summary: `Built ${checked.book.versions.length} versions and ${checked.book.entries.length} entries${cached} into ${out}${keptNote}\n`,
  };
}

/** Writes the files made beside Astro into the built site. */
async function writeSiteFiles(dir: string, files: readonly SiteFile[]): Promise<void> {
  const folders = new Set(files.map(([path]) => dirname(join(dir, path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(files.map(([path, bytes]) => writeFile(join(dir, path), bytes)));
}
