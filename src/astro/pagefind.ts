/**
 * The site's search index, made with pagefind's Node API once every page of the site is in
 * its folder (those Astro wrote and those kept from the last site). Only the entry pages are
 * indexed (their article is marked `data-pagefind-body`), with their version / module / type
 * filters, in the interface language.
 *
 * The pages are handed to pagefind as one folder (`addDirectory`): its process then reads and
 * parses them on every core, where pages handed one by one (`addHTMLFile`) are parsed one
 * after the other. At 10,000 entries on 2 cores: about 5 s against 15 s.
 *
 * The index must not depend on the order in which files were written: pagefind numbers pages
 * in the order it meets them walking the folder, the order the file system lists them in,
 * and writes those numbers into its files; a rebuild writes only the pages that changed and
 * takes the others from the last site. So pagefind walks a folder of its own, made anew by
 * each build: hard links to the entry pages, made one after the other in the road book's
 * order. Two builds of the same road book in the same place give the same folder, listed in
 * the same order, and so the same index.
 *
 * pagefind has no way to update an index it wrote (its index files are numbered and chunked
 * over the whole site, https://github.com/Pagefind/pagefind/issues/71): every build indexes
 * every entry page.
 */
import { linkSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { entryPageFile } from '../core/build/site-files.ts';
import type { RoadBook } from '../core/model.ts';

/**
 * The folder of links pagefind reads the pages from, and what becomes of it once the index
 * is written: by default beside the site, removed before the build goes on.
 */
export interface SearchLinks {
  folder: string;
  /** Takes the folder away once indexed (awaited; it may leave the removing to another process). */
  release(folder: string): void | Promise<void>;
}

/** What the index is made of. */
export interface SiteIndexPlan {
  /** The interface language: every page is indexed as written in it. */
  language: string;
  /** The indexed pages (paths in the site, `/` separated), in the road book's order. */
  pages: readonly string[];
}

/** The entry pages of `book`, in its order: the pages the search index holds. */
export function indexedPages(book: RoadBook): string[] {
  return book.entries.map((e) => entryPageFile(e.versionSlug, e.id));
}

/** How many missing pages a failure names. */
const NAMED = 3;

/**
 * Makes, in the new folder `folder`, a hard link to each page of `site`, one after the other
 * in the plan's order (folders as they are first needed). Returns the pages not in `site`.
 */
function linkPages(site: string, folder: string, pages: readonly string[]): string[] {
  const missing: string[] = [];
  for (const path of pages) {
    const to = join(folder, path);
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(join(site, path), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(path);
    }
  }
  return missing;
}

/**
 * Indexes the plan's pages of the built site in `site` and writes the index with pagefind's
 * interface files into `outputPath`; the number of pages indexed. Fails, naming them, when
 * pages are missing or pagefind reports errors. The folder of links is `links.folder`, then
 * handed to `links.release` (`roadbook build` has it removed by a process of its own: ten
 * thousand links took 1.2 s to remove); by default beside the site, and removed here.
 */
export async function writeSiteIndex(
  site: string,
  outputPath: string,
  plan: SiteIndexPlan,
  // Beside the site, so that its pages can be linked (one file system), and outside it.
  links: SearchLinks = { folder: `${site}.search`, release: (folder) => rm(folder, { recursive: true, force: true }) },
): Promise<number> {
  const { folder } = links;
  await rm(folder, { recursive: true, force: true });
  // Loaded only to index: every CLI command imports the integration (through build and dev).
  const pagefind = await import('pagefind');
  try {
    const missing = linkPages(site, folder, plan.pages);
    if (missing.length)
      throw new Error(`${missing.length} pages were never written: ${missing.slice(0, NAMED).join(', ')}`);
    const created = await pagefind.createIndex({ forceLanguage: plan.language });
    if (!created.index) throw new Error(`pagefind failed creating the search index: ${created.errors.join('; ')}`);
    const added = await created.index.addDirectory({ path: folder });
    if (added.errors.length) throw new Error(`pagefind failed indexing the pages: ${added.errors.join('; ')}`);
    if (added.page_count !== plan.pages.length)
      throw new Error(`pagefind indexed ${added.page_count} of the ${plan.pages.length} entry pages`);
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length)
      throw new Error(`pagefind failed writing the search index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
    await links.release(folder);
  }
}
