/**
 * The folders a build works in before its site replaces the last good one, and the cleaning
 * of those a killed build left behind.
 *
 * A staging folder is named after its target, this host and this process:
 * `.<target>.building-<host>-<pid>` beside the target (so the final swap is a rename within
 * one file system), `…-previous` for the old site while it is swapped out and then removed.
 * A folder of this host whose process is gone is stale; so is one of another host (a NAS
 * shared by build machines) untouched for a day. A build that is still running is never
 * touched.
 *
 * Removing the old site once the new one is in place is most of a rebuild's publishing (ten
 * thousand folders of one page each): it is left to a process of its own, which goes on
 * after the build has returned (`removeInBackground`). Should it be stopped, its folder is
 * stale and the next build removes it.
 */
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Io } from './io.ts';

/** Older than this, a staging folder of another host is taken as left behind. */
export const FOREIGN_STALE_MS = 24 * 60 * 60 * 1000;

const HOST = hostname().replace(/[^A-Za-z0-9.]+/g, '_') || 'host';

/** `.<name>.building-` : what every staging folder of `target` starts with. */
function prefixOf(target: string): string {
  return `.${basename(target)}.building-`;
}

/** This process's staging folder for `target`, beside it. */
export function stagingFor(target: string, pid = process.pid): string {
  return join(dirname(target), `${prefixOf(target)}${HOST}-${pid}`);
}

/** Where the old site waits while the new one is renamed in. */
export function previousOf(staging: string): string {
  return `${staging}-previous`;
}

interface StagingName {
  host: string;
  pid: number;
  previous: boolean;
}

/** The host and process a staging folder's name records; null for any other name. */
export function parseStaging(target: string, name: string): StagingName | null {
  const prefix = prefixOf(target);
  if (!name.startsWith(prefix)) return null;
  const match = /^(.+)-(\d+)(-previous)?$/.exec(name.slice(prefix.length));
  if (!match) return null;
  return { host: match[1]!, pid: Number(match[2]), previous: match[3] !== undefined };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export interface CleanReport {
  removed: string[];
  /** A `-previous` folder put back as the target, when a build was killed mid-swap. */
  restored: string | null;
}

/**
 * Removes the stale staging folders of `target` (see above). When the target is missing and
 * a stale `-previous` folder holds the old site (a build killed between the two renames of
 * the swap), that folder becomes the target again instead of being removed.
 */
export async function cleanStaleStaging(target: string, now = Date.now()): Promise<CleanReport> {
  const parent = dirname(target);
  const names = await readdir(parent).catch(() => [] as string[]);
  const report: CleanReport = { removed: [], restored: null };
  for (const name of names.sort()) {
    const parsed = parseStaging(target, name);
    if (!parsed || parsed.pid === process.pid) continue;
    const path = join(parent, name);
    const stale =
      parsed.host === HOST
        ? !isRunning(parsed.pid)
        : now -
            (await stat(path).then(
              (s) => s.mtimeMs,
              () => now,
            )) >
          FOREIGN_STALE_MS;
    if (!stale) continue;
    if (parsed.previous && !(await exists(target))) {
      await rename(path, target);
      report.restored = path;
      continue;
    }
    await rm(path, { recursive: true, force: true });
    report.removed.push(path);
  }
  return report;
}

/**
 * Node's code for the background removal, the folder its one argument (a staging folder,
 * `-<pid>` or `-<pid>-previous`). The folder is first renamed after the removing process
 * (`-<its pid>`, `-<its pid>-previous`): a build starting meanwhile sees a running process's
 * folder and leaves it alone, and a stale one if it was stopped.
 */
const REMOVE = [
  "import { rename, rm } from 'node:fs/promises';",
  'const from = process.argv[1];',
  'const mine = from.replace(/-\\d+(-previous)?$/, `-${process.pid}$1`);',
  'const folder = await rename(from, mine).then(() => mine, () => from);',
  'await rm(folder, { recursive: true, force: true });',
].join('\n');

/**
 * Removes `folder` (a staging folder no longer used: the old site's `-previous`, the search
 * index's links) in a process of its own, detached from this one: the build returns without
 * waiting for it.
 */
export function removeInBackground(folder: string): void {
  const child = spawn(process.execPath, ['--input-type=module', '-e', REMOVE, folder], {
    detached: true,
    stdio: 'ignore',
  });
  // Not started (no process left, say): the next build removes the folder as stale.
  child.on('error', () => {});
  child.unref();
}

/** Removes what killed builds left beside `target` (cleanStaleStaging), and says so. */
export async function cleanLeftovers(target: string, io: Io): Promise<void> {
  const { removed, restored } = await cleanStaleStaging(target);
  if (restored) io.stderr(`Put back the last good site from ${restored}, left by an interrupted build.\n`);
  for (const path of removed) io.stderr(`Removed ${path}, left by an interrupted build.\n`);
}
