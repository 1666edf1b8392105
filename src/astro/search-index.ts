/**
 * Feeds the site's search index (pagefind.ts) from the build itself: Astro's page renderer is
 * wrapped (`setPrerenderer`, Astro's own way to take over rendering) so that each entry page
 * is handed to the index as soon as it is rendered, while Astro goes on with the next pages.
 */
import type { AstroPrerenderer } from 'astro';
import type { RoadBook } from '../core/model.ts';
import { entryPageFile } from '../core/build/site-files.ts';
import { entryUrl } from '../core/urls.ts';
import { SiteIndex } from './pagefind.ts';

/** Reads a page kept from the last site, as this build publishes it (see RoadbookOptions.readKept). */
export type ReadKept = (path: string) => Promise<string> | null;

/** The addresses of the entry pages (decoded, with the site's base) and their files, in the road book's order. */
export function entryPages(book: RoadBook): Map<string, string> {
  const { base } = book.config;
  return new Map(
    book.entries.map((e) => [
      decodeURIComponent(entryUrl(base, e.versionSlug, e.id)),
      entryPageFile(e.versionSlug, e.id),
    ]),
  );
}

/** An index being made and the pages it takes, by address. */
export interface SiteIndexing {
  index: SiteIndex;
  pages: ReadonlyMap<string, string>;
}

/** Starts indexing `book`'s entry pages; the kept ones are read by `readKept` (none without it). */
export async function openSiteIndex(book: RoadBook, language: string, readKept?: ReadKept): Promise<SiteIndexing> {
  const pages = entryPages(book);
  const kept = (path: string) => readKept?.(path) ?? null;
  return { index: await SiteIndex.open({ language, pages: [...pages.values()], kept }), pages };
}

/** `prerenderer`, handing each entry page it renders to the index. */
export function indexingPrerenderer(prerenderer: AstroPrerenderer, { index, pages }: SiteIndexing): AstroPrerenderer {
  return {
    ...prerenderer,
    name: `${prerenderer.name}+search`,
    render: async (request, options) => {
      const rendered = await prerenderer.render(request, options);
      const path = pages.get(decodeURIComponent(new URL(request.url).pathname));
      if (path !== undefined) {
        const response = rendered instanceof Response ? rendered : rendered.response;
        // A copy of the body, taken at once if at all: Astro writes the page from the response itself.
        if (response.ok) index.add(path, () => response.clone().text());
      }
      return rendered;
    },
  };
}
