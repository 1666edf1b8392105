/**
 * A road book written on the spot, read, then removed: for cases a committed fixture cannot
 * hold, such as names that differ only by case (one name on some checkouts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadRoadBook, type LoadResult } from '../../src/core/read/road-book.ts';

/** Loads the road book made of `files` (path under the root → text). */
export async function loadFiles(files: Record<string, string>): Promise<LoadResult> {
  const root = await mkdtemp(join(tmpdir(), 'roadbook-bad-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return await loadRoadBook(root, { workers: false });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Each diagnostic as `file:line:col severity code`. */
export function diagnosticLines(result: LoadResult): string[] {
  return result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
}

export async function diagnosticsOfFiles(files: Record<string, string>): Promise<string[]> {
  return diagnosticLines(await loadFiles(files));
}
