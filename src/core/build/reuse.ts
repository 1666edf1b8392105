/**
 * Fills a new site's folder with the files it keeps from the last good site: hard links when
 * both are on one file system (nothing is copied), copies otherwise. A kept page still shows
 * the last build's id in its footer: it is written anew with the current one, the rest of its
 * bytes as they were.
 */
import { copyFile, link, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

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

/** The file's text with the previous build id (whole, then as the footer's 12-character prefix) replaced. */
export function withBuildId(text: string, ids: BuildIds): string {
  return text.replaceAll(ids.previous, ids.current).replaceAll(ids.previous.slice(0, 12), ids.current.slice(0, 12));
}

/** Puts `paths` of `from` into `to`; the build ids are rewritten in HTML pages when they differ. */
export async function reuseFiles(from: string, to: string, paths: readonly string[], ids: BuildIds): Promise<void> {
  const rewrite = ids.previous !== ids.current;
  const folders = new Set(paths.map((path) => dirname(join(to, path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
      const source = join(from, path);
      const target = join(to, path);
      if (rewrite && path.endsWith('.html')) {
        const text = await readFile(source, 'utf8');
        const updated = withBuildId(text, ids);
        if (updated !== text) {
          await writeFile(target, updated);
          continue;
        }
      }
      await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
        await copyFile(source, target);
      });
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}
