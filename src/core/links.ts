import { posix } from 'node:path';
import { assetUrl, entryUrl } from './urls.ts';

export interface LinkContext {
  base: string;
  /** The slug of the version folder the Markdown was written in. */
  versionSlug: string;
  /** The id of the entry in file `<slug>/<name>.md`, when links to entries can be resolved. */
  entryIdOf?: (versionSlug: string, fileName: string) => string | undefined;
}

/**
 * Relative URLs are written from the version folder: `assets/x.svg` is the version's image,
 * `GES-4410.md` or `../15.2.0/GES-4410.md` another entry's page. They become site addresses;
 * anything else (absolute, scheme, fragment) is kept as written.
 */
export function resolveRelativeUrl(url: string, context: LinkContext): string {
  if (/^[a-z][a-z0-9+.-]*:|^[/#?]/i.test(url)) return url;
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const rest = cut === -1 ? '' : url.slice(cut);
  const target = posix.normalize(posix.join(context.versionSlug, decodePath(path)));
  const slash = target.indexOf('/');
  if (slash <= 0) return url;
  const slug = target.slice(0, slash);
  const inside = target.slice(slash + 1);
  if (inside.startsWith('assets/')) return assetUrl(context.base, slug, inside.slice('assets/'.length)) + rest;
  if (inside.endsWith('.md') && !inside.includes('/') && context.entryIdOf) {
    const id = context.entryIdOf(slug, inside.slice(0, -'.md'.length));
    if (id) return entryUrl(context.base, slug, id) + rest;
  }
  return url;
}

/** `mon%20image.png` is the file `mon image.png`: the site address encodes it once again. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
