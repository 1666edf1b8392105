/**
 * What `roadbook check` found, kept with a stamp of every file under content/: a check of a
 * road book whose files are all as they were (same path, size, modification and change time,
 * inode) and read by the same code gives the same problems, so it prints them again without
 * reading any file. Any difference, or anything the stamp cannot vouch for, checks anew.
 */
import { hash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { readerDigest, writeAtomically } from './entry-cache.ts';

/** What a check reports, whatever the format (see diagnostics-format/report.ts). */
export interface CheckFindings {
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** What was read: versions, entries and verification items (drafts included). */
  counts: { versions: number; entries: number; items: number };
}

interface SavedFindings {
  stamp: string;
  findings: CheckFindings;
}

/**
 * A digest of the code that reads (see entry-cache.ts), of `options` (what the check was asked)
 * and of the path, size, times and inode of every file and folder under `root`/content.
 * Null when a symbolic link is there: what it points to is not listed, so not vouched for.
 */
export async function contentStamp(root: string, options: string): Promise<string | null> {
  const content = join(root, 'content');
  const lines = [await readerDigest(), options];
  let names: string[];
  try {
    const found = readdirSync(content, { recursive: true, withFileTypes: true });
    if (found.some((d) => d.isSymbolicLink())) return null;
    names = found.map((d) => join(d.parentPath, d.name)).sort();
  } catch {
    // No content folder (or an unreadable one): the check says so, and is not kept.
    return null;
  }
  try {
    for (const path of names) {
      // Synchronous: a one-off run, and ten thousand stats through the thread pool cost more.
      const s = statSync(path, { bigint: true });
      lines.push(`${path.slice(content.length)}\t${s.size}\t${s.mtimeNs}\t${s.ctimeNs}\t${s.ino}`);
    }
  } catch {
    // A file removed while listing: check anew.
    return null;
  }
  return hash('sha256', lines.join('\n'));
}

/** The findings kept in `file` under `stamp`; null when there are none for it. */
export async function keptFindings(file: string, stamp: string): Promise<CheckFindings | null> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as SavedFindings;
    return saved.stamp === stamp ? saved.findings : null;
  } catch {
    return null;
  }
}

/** Keeps `findings` under `stamp` in `file` (an unwritable cache is no error). */
export async function keepFindings(file: string, stamp: string, findings: CheckFindings): Promise<void> {
  const saved: SavedFindings = { stamp, findings };
  await writeAtomically(file, saved).catch(() => undefined);
}
