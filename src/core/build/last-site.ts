/**
 * The record of the last good site of an output folder: what it was made from (outputs.ts),
 * which folder it is, and the stamp of the content files it was read from with what their
 * check found (check-result.ts). Kept in the build cache, never in the site: it is written
 * after a build's site is swapped in, so it always describes the site in place. A site whose
 * folder was replaced since (another inode) is not the one recorded.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CheckFindings } from '../read/check-result.ts';
import type { SiteOutputs } from './outputs.ts';

/** What a build records of the site it made. */
export interface SiteRecord extends SiteOutputs {
  /** The stamp of the files under content/ as the build found them (null: none could be taken). */
  stamp: string | null;
  /** What the build's check found in them (no errors: the site was built). */
  findings: CheckFindings;
}

export interface LastSite extends Partial<Pick<SiteRecord, 'stamp' | 'findings'>>, SiteOutputs {
  out: string;
  /** The inode of the output folder once swapped in. */
  ino: number;
}

/** What a build does given the last good site. */
export type RebuildPlan =
  | { kind: 'unchanged' }
  /** `reuse`: files of the last site that are kept as they are (their build id rewritten). */
  | { kind: 'partial'; reuse: string[]; previousBuildId: string }
  | { kind: 'full' };

export async function readLastSite(recordFile: string, out: string): Promise<LastSite | null> {
  try {
    const record = JSON.parse(await readFile(recordFile, 'utf8')) as LastSite;
    const folder = await stat(out);
    return record.out === out && folder.isDirectory() && folder.ino === record.ino ? record : null;
  } catch {
    return null;
  }
}

export async function writeLastSite(recordFile: string, out: string, site: SiteRecord): Promise<void> {
  const record: LastSite = { ...site, out, ino: (await stat(out)).ino };
  await mkdir(dirname(recordFile), { recursive: true });
  // Written whole or not at all: a killed build leaves the previous record.
  await writeFile(`${recordFile}.tmp`, JSON.stringify(record));
  await rename(`${recordFile}.tmp`, recordFile);
}

/**
 * Whether the last site was read from the very files under content/ that `stamp` describes,
 * by the same code: the site would then be the same, and its check find the same, without
 * reading a file. A record of an older roadbook, without a stamp, never is.
 */
export function sameFiles(last: LastSite | null, stamp: string | null, code: string): last is LastSite & SiteRecord {
  return stamp !== null && last?.stamp === stamp && last.code === code && last.findings !== undefined;
}

/**
 * Unchanged when everything is the same; partial when the code and what every page shows are
 * the same (the files whose digest is the same are kept); full otherwise.
 */
export function planRebuild(last: LastSite | null, current: SiteOutputs): RebuildPlan {
  if (!last || last.code !== current.code || last.settings !== current.settings) return { kind: 'full' };
  if (last.digest === current.digest) return { kind: 'unchanged' };
  const reuse = Object.keys(current.files).filter((path) => last.files[path] === current.files[path]);
  return { kind: 'partial', reuse, previousBuildId: last.buildId };
}
