/**
 * Fills a new site's folder with the files it keeps from the last good site: hard links when
 * both are on one file system (nothing is copied), copies otherwise. Pages do not name the
 * build, so a kept page is the very file; a kept XLSX download still names the last build's
 * id in its summary sheet: it is written anew with the current one, the rest of its bytes as
 * they were.
 */
import { copyFile, link, mkdir, readFile, writeFile } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import { rezipXlsx } from '../export/xlsx.ts';

/** The files of `paths` that `site` holds: a file missing there is made again. */
export async function presentIn(site: string, paths: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    paths.map((path) =>
      stat(join(site, path)).then(
        (s) => s.isFile(),
        () => false,
      ),
    ),
  );
  return paths.filter((_, i) => found[i]);
}

export interface BuildIds {
  previous: string;
  current: string;
}

/** A file's bytes with the build id replaced, or null when it does not hold the previous one. */
type Rewrite = (bytes: Buffer, ids: BuildIds) => Promise<Uint8Array | null>;

/** An XLSX file is a ZIP of XML files: written again as the exporter writes it, with the new id. */
async function rewriteXlsx(bytes: Buffer, ids: BuildIds): Promise<Uint8Array | null> {
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

/** Puts `paths` of `from` into `to`; the build id is rewritten where it differs. */
export async function reuseFiles(from: string, to: string, paths: readonly string[], ids: BuildIds): Promise<void> {
  const rewrite = ids.previous !== ids.current;
  const folders = [...new Set(paths.map((path) => dirname(join(to, path))))];
  await Promise.all(folders.map((folder) => mkdir(folder, { recursive: true })));
  const queue = [...paths];
  const keep = async (path: string) => {
    const source = join(from, path);
    const target = join(to, path);
    const rewriter = rewrite ? REWRITES[extname(path)] : undefined;
    const rewritten = rewriter ? await rewriter(await readFile(source), ids) : null;
    if (rewritten) return writeFile(target, rewritten);
    await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
      await copyFile(source, target);
    });
  };
  const worker = async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) await keep(path);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}
