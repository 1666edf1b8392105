import { posix } from 'node:path';
import { renderBody } from './markdown/render.ts';
import type { Entry, RoadBook, Version } from './model.ts';
import { assetUrl, entryUrl } from './urls.ts';

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
  return renderBody(version.intro, { verifyHeadings: [], resolveUrl: urlResolver(book, version.slug) });
}

/**
 * Relative URLs are written from the version folder: `assets/x.svg` is the version's image,
 * `GES-4410.md` or `../15.2.0/GES-4410.md` another entry's page. Anything else is kept.
 */
export function urlResolver(book: RoadBook, versionSlug: string): (url: string) => string {
  const base = book.config.base;
  return (url) => {
    if (/^[a-z][a-z0-9+.-]*:|^[/#?]/i.test(url)) return url;
    const [path = '', rest = ''] = url.split(/(?=[?#])/, 2);
    const target = posix.normalize(posix.join(versionSlug, path));
    const slash = target.indexOf('/');
    if (slash <= 0) return url;
    const slug = target.slice(0, slash);
    const inside = target.slice(slash + 1);
    if (inside.startsWith('assets/')) return assetUrl(base, slug, inside.slice('assets/'.length)) + rest;
    if (inside.endsWith('.md') && !inside.includes('/')) {
      const name = inside.slice(0, -'.md'.length);
      const entry = entriesByFile(book).get(`${slug}/${name}`);
      if (entry) return entryUrl(base, slug, entry.id) + rest;
    }
    return url;
  };
}

const fileIndexes = new WeakMap<RoadBook, Map<string, Entry>>();

/** Entries by `<version slug>/<file name>`, built once per road book. */
function entriesByFile(book: RoadBook): Map<string, Entry> {
  let index = fileIndexes.get(book);
  if (!index) {
    index = new Map(book.entries.map((e) => [`${e.versionSlug}/${posix.basename(e.file, '.md')}`, e]));
    fileIndexes.set(book, index);
  }
  return index;
}
