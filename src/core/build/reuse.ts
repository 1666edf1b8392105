/**
 * Fills a new site's folder with the files it keeps from the last good site: hard links when
 * both are on one file system (nothing is copied), copies otherwise. Pages do not name the
 * build, so a kept page is the very file; a kept XLSX download still names the last build's
 * id in its summary sheet: it is written anew with the current one, the rest of its bytes as
 * they were. That is done on the worker threads that make the versions' files
 * (version-files-pool.ts) while Astro renders: at 10,000 entries the 167 workbooks took 2.4 s
 * on the build's own thread, after the pages, where the links take about a second.
 */
import { copyFileSync, linkSync, mkdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import { rezipXlsx } from '../export/xlsx.ts';

/** The files of `paths` that `site` holds: a file missing there is made again. */
export function presentIn(site: string, paths: readonly string[]): string[] {
  return paths.filter((path) => statSync(join(site, path), { throwIfNoEntry: false })?.isFile() ?? false);
}

export interface BuildIds {
  previous: string;
  current: string;
}

/** A file's bytes with the build id replaced, or null when it does not hold the previous one. */
type Rewrite = (bytes: Uint8Array, ids: BuildIds) => Uint8Array | null;

/** An XLSX file is a ZIP of XML files: written again as the exporter writes it, with the new id. */
function rewriteXlsx(bytes: Uint8Array, ids: BuildIds): Uint8Array | null {
  let changed = false;
  const rewritten = rezipXlsx(bytes, (_name, data) => {
    const text = strFromU8(data);
    if (!text.includes(ids.previous)) return data;
    changed = true;
    return strToU8(text.replaceAll(ids.previous, ids.current));
  });
  return changed ? rewritten : null;
}

/** The kinds of kept files that may name the build, by extension. */
const REWRITES: Record<string, Rewrite> = { '.xlsx': rewriteXlsx };

/** The kept files of `paths` that are linked as they are, and those that may name the build (see keptBytes). */
export function sortKept(paths: readonly string[], ids: BuildIds): { linked: string[]; rewritten: string[] } {
  if (ids.previous === ids.current) return { linked: [...paths], rewritten: [] };
  const linked: string[] = [];
  const rewritten: string[] = [];
  for (const path of paths) (REWRITES[extname(path)] ? rewritten : linked).push(path);
  return { linked, rewritten };
}

/** The bytes of the kept file `file` (its path in the last site), the build id in it replaced. */
export async function keptBytes(file: string, ids: BuildIds): Promise<Uint8Array> {
  const bytes = await readFile(file);
  return REWRITES[extname(file)]?.(bytes, ids) ?? bytes;
}

/** Puts `paths` of `from` into `to` as they are. */
export function linkFiles(from: string, to: string, paths: readonly string[]): void {
  const made = new Set<string>();
  for (const path of paths) {
    const target = join(to, path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(join(from, path), target);
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      if (code !== 'EXDEV' && code !== 'EPERM') throw error;
      copyFileSync(join(from, path), target);
    }
  }
}
