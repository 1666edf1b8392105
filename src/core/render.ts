import { basename } from 'node:path';
import { resolveRelativeUrl } from './links.ts';
import { renderBody, renderIntro as renderIntroMarkdown } from './markdown/render.ts';
import type { Entry, RoadBook, Version } from './model.ts';

/**
 * Renders an entry's body (verification sections removed: they are shown as its items)
 * through core's one Markdown pipeline, with relative links turned into site addresses.
 */
export function renderEntry(entry: Entry, book: RoadBook): Promise<string> {
  return renderBody(entry.body, {
    verifyHeadings: book.config.verifyHeadings,
    resolveUrl: urlResolver(book, entry.versionSlug),
  });
}

/** Renders a version's introduction (index.md's body). */
export function renderIntro(version: Version, book: RoadBook): Promise<string> {
  return renderIntroMarkdown(version.intro, { resolveUrl: urlResolver(book, version.slug) });
}

export function urlResolver(book: RoadBook, versionSlug: string): (url: string) => string {
  const index = entriesByFile(book);
  const context = {
    base: book.config.base,
    versionSlug,
    entryIdOf: (slug: string, name: string) => index.get(`${slug}/${name}`),
  };
  return (url) => resolveRelativeUrl(url, context);
}

const fileIndexes = new WeakMap<RoadBook, Map<string, string>>();

/** Entry ids by `<version slug>/<file name>`, built once per road book. */
function entriesByFile(book: RoadBook): Map<string, string> {
  let index = fileIndexes.get(book);
  if (!index) {
    index = new Map(book.entries.map((e) => [`${e.versionSlug}/${basename(e.file, '.md')}`, e.id]));
    fileIndexes.set(book, index);
  }
  return index;
}
