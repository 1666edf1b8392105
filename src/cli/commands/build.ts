import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDigest } from '../../core/build/code-digest.ts';
import { readLastSite, sameFiles, writeLastSite } from '../../core/build/last-site.ts';
import { contentStamp } from '../../core/read/check-result.ts';
import { buildWorkDir, cachePaths, PACKAGE_ROOT } from '../../astro/settings.ts';
import { writeSiteIndex } from '../../astro/pagefind.ts';
import { CliError, type Io } from '../io.ts';
import { cleanLeftovers, previousOf, removeInBackground, stagingFor } from '../staging.ts';
import { existsNote, nothingChanged } from './build-notes.ts';
import { BuildProgress, isInteractive } from '../progress.ts';
import { writeFindings } from './check.ts';
import type { PagesAnswer, PagesFailure, PagesMessage, PagesRequest } from './build-pages.ts';

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
 *
 * The reading and the pages are done by a process of its own (build-pages.ts), which has
 * ended when this one indexes the pages and publishes the site: pagefind's process then runs
 * beside one that holds little, not beside all that the pages were made with (at 10,000
 * entries, about 0.9 GiB that the process keeps after Astro's build has returned).
 */
export async function runBuild(args: BuildArgs, io: Io): Promise<number> {
  const root = resolve(io.cwd, args.root ?? '.');
  const out = resolve(root, args.out ?? 'dist');
  const drafts = Boolean(args.drafts);

  const base = args.base ?? null;
  const terminal = isInteractive(io.isTTY);
  const columns = process.stderr.columns;
  const progress = new BuildProgress({ write: io.stderr, terminal, columns });
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
  const site = stagingFor(buildWorkDir(root));
  const staging = stagingFor(out);
  const request: PagesRequest = { root, out, drafts, base, recordFile, stamp, code, last, site, staging };
  const answer = await pagesInOwnProcess({ request, output: { terminal, columns, cwd: io.cwd, isTTY: io.isTTY } }, io);
  const { outcome, phases } = answer;
  progress.adopt(phases);
  if (outcome.kind === 'done') {
    if (outcome.timed) progress.finish();
    return outcome.exitCode;
  }
  const { record, summary } = outcome;

  // The pages' process has ended: the index is made beside a process that holds little.
  progress.start('search');
  // The links pagefind reads the pages from (astro/pagefind.ts): a staging folder of their own
  // beside the work folder, removed in the background once indexed, or as stale by a later
  // build if that removal was stopped.
  const searchLinks = `${buildWorkDir(root)}-search`;
  try {
    await cleanLeftovers(searchLinks, io);
    // Every page is in the site now, those kept from the last one too: pagefind reads them all.
    const links = { folder: stagingFor(searchLinks), release: removeInBackground };
    const indexed = await writeSiteIndex(site, join(site, 'pagefind'), outcome.index, links);
    progress.end('search', `${indexed} pages`);
  } catch (error) {
    progress.abandon();
    await rm(site, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`The build failed: ${reason}\n${existsNote(out)}`);
  }

  progress.start('publish');
  try {
    await moveBeside(site, staging, out);
    await swapIn(staging, out);
    await writeLastSite(recordFile, out, record);
  } finally {
    progress.end('publish');
  }
  io.stderr(summary);
  progress.finish();
  return 0;
}

/** What the reading of a build depends on besides the files (the stamp of its record, core/read/check-result.ts). */
function buildReading(drafts: boolean, base: string | null): string {
  return `build; drafts ${drafts}; base ${base ?? 'from roadbook.yml'}`;
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

/** The pages' process (build-pages-process.ts). */
const PAGES_PROCESS = fileURLToPath(new URL('../build-pages-process.ts', import.meta.url));

/**
 * Has the pages' process read the road book and written the pages, relaying what it says to
 * `io`; its answer once it has ended. A failure it reports is thrown again here, as it was.
 */
function pagesInOwnProcess(message: PagesMessage, io: Io): Promise<Extract<PagesAnswer, { outcome: unknown }>> {
  const { out, site } = message.request;
  return new Promise((resolve, reject) => {
    const child = fork(PAGES_PROCESS, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
    child.stdout!.setEncoding('utf8').on('data', io.stdout);
    child.stderr!.setEncoding('utf8').on('data', io.stderr);
    let answer: PagesAnswer | null = null;
    child.on('message', (reply: PagesAnswer) => (answer = reply));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const reply = answer as PagesAnswer | null;
      if (reply && 'outcome' in reply) return resolve(reply);
      if (reply) return reject(failureOf(reply.failure));
      // Stopped before it answered (killed, out of memory): what it left in the work folder goes.
      void rm(site, { recursive: true, force: true }).finally(() =>
        reject(
          new CliError(
            `The build stopped while it wrote the pages (${signal ? `signal ${signal}` : `exit code ${code}`}).\n${existsNote(out)}`,
          ),
        ),
      );
    });
    child.send(message);
  });
}

function failureOf({ message, exitCode, stack }: PagesFailure): Error {
  if (exitCode !== null) return new CliError(message, exitCode);
  const defect = new Error(message);
  defect.stack = stack;
  return defect;
}
