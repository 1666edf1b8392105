import { createHash } from 'node:crypto';
import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { codeDigest } from '../../core/build/code-digest.ts';
import { planRebuild, readLastSite, sameFiles, writeLastSite } from '../../core/build/last-site.ts';
import { contentStamp } from '../../core/read/check-result.ts';
import { siteOutputs } from '../../core/build/outputs.ts';
import { linkFiles, presentIn, sortKept } from '../../core/build/reuse.ts';
import { publishedData, VersionFiles, type SiteFile } from '../../core/build/version-files.ts';
import { makeVersionFiles } from '../../core/build/version-files-pool.ts';
import { loadRoadBook } from '../../core/read/road-book.ts';
import { buildWorkDir, cachePaths } from '../../astro/settings.ts';
import { CliError, type Io } from '../io.ts';
import type { RenderCount } from '../../astro/options.ts';
import { astroConfig, PACKAGE_ROOT } from '../project.ts';
import { cleanStaleStaging, previousOf, removeInBackground, stagingFor } from '../staging.ts';
import { BuildProgress, isInteractive } from '../progress.ts';
import { buildProgress } from '../../astro/build-progress.ts';
import { findingsOf, reportDiagnostics, writeFindings } from './check.ts';

export interface BuildArgs {
  root?: string;
  out?: string;
  drafts?: boolean;
  base?: string;
}

/**
 * Checks the road book, then builds the site in a work folder inside the package (settings.ts,
 * `buildWorkDir`: Astro runs the pages' chunks from there, and only there do they find their
 * packages, wherever the road book is), moves it beside the output (a rename on one file
 * system; a copy when the output is on another, a NAS mount or a second disk) and swaps it in
 * only when everything (pages, data files, search index) succeeded: a failed build leaves the
 * last good site untouched.
 *
 * A rebuild redoes only what changed since the last good site (core/build/): when no file
 * under content/ changed (their stamp, core/read/check-result.ts) and roadbook's code is the
 * same, nothing is read and what the last build's check found is said again; when nothing
 * the site is made from changed, the site is left as it is; when the code and what every page
 * shows are the same, the files whose inputs are the same are taken from the last site (hard
 * links) and only the others are generated. Either way the site has the bytes a build from
 * scratch would give.
 */
export async function runBuild(args: BuildArgs, io: Io): Promise<number> {
  const root = resolve(io.cwd, args.root ?? '.');
  const out = resolve(root, args.out ?? 'dist');
  const drafts = Boolean(args.drafts);

  const base = args.base ?? null;
  const progress = new BuildProgress({
    write: io.stderr,
    terminal: isInteractive(io.isTTY),
    columns: process.stderr.columns,
  });
  const recordFile = lastSiteFile(root, out);
  // Stamped before reading: a file changed while the build reads it changes the next stamp.
  const stamp = await contentStamp(root, buildReading(drafts, base));
  const code = await codeDigest(PACKAGE_ROOT);
  const last = await readLastSite(recordFile, out);
  if (sameFiles(last, stamp, code)) {
    // No file under content/ and no line of roadbook changed: nothing is read.
    await cleanLeftovers(out, io);
    writeFindings(last.findings, io, 'text', io.cwd);
    io.stderr(nothingChanged(out));
    progress.finish();
    return 0;
  }
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
    return 1;
  }

  await mkdir(dirname(out), { recursive: true });
  const staging = stagingFor(out);
  await cleanLeftovers(out, io);
  const outputs = await siteOutputs(checked.book, { drafts, base }, code);
  const record = { ...outputs, stamp, findings: findingsOf(checked) };
  const plan = planRebuild(last, outputs);
  if (plan.kind === 'unchanged') {
    // Files were touched, not changed: the next build knows them by their new stamp.
    await writeLastSite(recordFile, out, record);
    io.stderr(nothingChanged(out));
    progress.finish();
    return 0;
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
  const work = buildWorkDir(root);
  // The links pagefind reads the pages from (astro/pagefind.ts): a staging folder of their own
  // beside the work folder, removed in the background once indexed, or as stale by a later
  // build if that removal was stopped.
  const searchLinks = `${work}-search`;
  const astro = astroConfig({
    root,
    drafts,
    base,
    roadBook: checked,
    onRendered,
    keep: [...keep, ...jobs.flatMap((job) => job.paths)],
    searchLinks: { folder: stagingFor(searchLinks), release: removeInBackground },
    onPagesWritten: async (dir) => {
      linkFiles(out, dir, linked);
      await writeSiteFiles(dir, await apart);
    },
  });
  const madeApart = jobs.reduce((n, job) => n + job.paths.length, 0);
  astro.integrations = [...(astro.integrations ?? []), buildProgress(progress, madeApart)];
  const local = stagingFor(work);
  // Astro and Vite take a build's flavour (import.meta.env.DEV) from NODE_ENV when it is set,
  // as a shell's NODE_ENV=development or a test runner's "test" would: a site is always built
  // for production.
  const nodeEnv = process.env.NODE_ENV;
  const cwd = process.cwd();
  try {
    await mkdir(dirname(work), { recursive: true });
    await cleanLeftovers(work, io);
    await cleanLeftovers(searchLinks, io);
    await rm(local, { recursive: true, force: true });
    process.env.NODE_ENV = 'production';
    // Astro keeps the chunks under its output folder only when that folder is inside the
    // working directory (else in `<cwd>/.astro/`, shared by every build started there, and
    // where Node may not find their packages): the build runs from the package.
    process.chdir(PACKAGE_ROOT);
    const { build } = await import('astro');
    await build({ ...astro, outDir: local, logLevel: 'warn', mode: 'production' });
  } catch (error) {
    progress.abandon();
    await rm(local, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`The build failed: ${reason}\n${existsNote(out)}`);
  } finally {
    process.chdir(cwd);
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }

  progress.start('publish');
  try {
    await moveBeside(local, staging, out);
    await swapIn(staging, out);
    await writeLastSite(recordFile, out, record);
  } finally {
    progress.end('publish');
  }
  const cached = rendered
    ? ` (${rendered.rendered} rendered, ${rendered.total - rendered.rendered} unchanged since the last build)`
    : '';
  const keptNote = keep.length ? `; ${keep.length} files kept from the last site` : '';
  io.stderr(
    `Built ${checked.book.versions.length} versions and ${checked.book.entries.length} entries${cached} into ${out}${keptNote}\n`,
  );
  progress.finish();
  return 0;
}

/** What the reading of a build depends on besides the files (the stamp of its record, core/read/check-result.ts). */
function buildReading(drafts: boolean, base: string | null): string {
  return `build; drafts ${drafts}; base ${base ?? 'from roadbook.yml'}`;
}

function nothingChanged(out: string): string {
  return `Nothing changed since the last build: the site in ${out} is left as it is.\n`;
}

async function writeSiteFiles(dir: string, files: readonly SiteFile[]): Promise<void> {
  const folders = new Set(files.map(([path]) => dirname(join(dir, path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(files.map(([path, bytes]) => writeFile(join(dir, path), bytes)));
}

/** Where the record of the last good site in `out` is kept: beside the entry cache of `root`. */
export function lastSiteFile(root: string, out: string): string {
  const key = createHash('sha256').update(out).digest('hex').slice(0, 12);
  return join(dirname(cachePaths(root).entryCacheFile), `site-${key}.json`);
}

/**
 * Moves the site built in the package's work folder to the staging folder beside the output:
 * renamed on one file system (the files it kept from the last site stay hard links), copied
 * across two.
 */
async function moveBeside(local: string, staging: string, out: string): Promise<void> {
  try {
    if (await sameFileSystem(dirname(local), dirname(out))) await rename(local, staging);
    else await cp(local, staging, { recursive: true, errorOnExist: true, force: false });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`The site could not be moved beside ${out}: ${reason}\n${existsNote(out)}`);
  } finally {
    await rm(local, { recursive: true, force: true });
  }
}

/** Removes what killed builds left beside `target`, and says so. */
async function cleanLeftovers(target: string, io: Io): Promise<void> {
  const { removed, restored } = await cleanStaleStaging(target);
  if (restored) io.stderr(`Put back the last good site from ${restored}, left by an interrupted build.\n`);
  for (const path of removed) io.stderr(`Removed ${path}, left by an interrupted build.\n`);
}

async function sameFileSystem(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  return sa.dev === sb.dev;
}

async function swapIn(staging: string, out: string): Promise<void> {
  const previous = previousOf(staging);
  const hadSite = await exists(out);
  if (hadSite) await rename(out, previous);
  await rename(staging, out);
  if (hadSite) removeInBackground(previous);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function existsNote(out: string): string {
  return `the previous site (if any) in ${out} is unchanged.`;
}
