/**
 * Relative links of the Markdown of content/versions/, for both `check` and the page render:
 * what a link points at (`linkTarget`), the site address it becomes (`resolveRelativeUrl`)
 * and what is wrong with it (`linkProblem`) are decided here and nowhere else.
 * Browser-safe.
 */
import { closest } from 'fastest-levenshtein';
import type { DiagnosticCode } from './diagnostics.ts';
import { assetUrl, entryUrl, versionUrl } from './urls.ts';

/** A Markdown file of content/versions/ that has a page: an entry, or a version's index.md. */
export interface PageFile {
  versionSlug: string;
  /** The entry's id; null for the version's index.md. */
  entryId: string | null;
  /** The page is left out of a build without drafts. */
  draft: boolean;
}

/** Markdown files by their path under content/versions/: `15.2.0/GES-4410-remise.md`, `15.2.0/index.md`. */
export type PageFiles = ReadonlyMap<string, PageFile>;

export interface LinkContext {
  base: string;
  /** The slug of the version folder the Markdown was written in. */
  versionSlug: string;
  /** The pages links may point at; without them, links to Markdown files stay as written. */
  pages?: PageFiles;
}

/** What a relative URL points at, read from the version folder it is written in. */
export type LinkTarget =
  { kind: 'asset'; versionSlug: string; path: string; rest: string } | { kind: 'markdown'; file: string; rest: string };

/** Where content/versions/ sits in the URL space used to resolve relative links. */
const VERSIONS_ROOT = 'http://content.invalid/versions/';

/**
 * `assets/x.svg` is the version's image; `GES-4410.md`, `./GES-4410.md`,
 * `../15.2.0/GES-4410.md#x` or `../15.2.0/index.md` a Markdown file of content/versions/.
 * Anything else (absolute, scheme, fragment, outside content/versions/) is null: kept as written.
 */
export function linkTarget(url: string, versionSlug: string): LinkTarget | null {
  if (/^[a-z][a-z0-9+.-]*:|^[/#?]/i.test(url)) return null;
  let resolved: URL;
  try {
    resolved = new URL(url, `${VERSIONS_ROOT}${encodeURIComponent(versionSlug)}/`);
  } catch {
    return null;
  }
  const root = new URL(VERSIONS_ROOT);
  if (resolved.origin !== root.origin || !resolved.pathname.startsWith(root.pathname)) return null;
  const segments = resolved.pathname.slice(root.pathname.length).split('/').map(decodeSegment);
  const cut = url.search(/[?#]/);
  const rest = cut === -1 ? '' : url.slice(cut);
  const [slug, ...inside] = segments;
  if (!slug || inside.length === 0) return null;
  if (inside[0] === 'assets' && inside.length > 1) {
    return { kind: 'asset', versionSlug: slug, path: inside.slice(1).join('/'), rest };
  }
  const last = inside.at(-1)!;
  if (!last.toLowerCase().endsWith('.md')) return null;
  return { kind: 'markdown', file: [slug, ...inside].join('/'), rest };
}

/**
 * Relative URLs become site addresses: the version's images, and other entries' and versions'
 * pages under the site's `base`. A link to a Markdown file without a page stays as written
 * (`check` reports it, see `linkProblem`).
 */
export function resolveRelativeUrl(url: string, context: LinkContext): string {
  const target = linkTarget(url, context.versionSlug);
  if (!target) return url;
  if (target.kind === 'asset') return assetUrl(context.base, target.versionSlug, target.path) + target.rest;
  const page = context.pages?.get(target.file);
  if (!page) return url;
  const path =
    page.entryId === null
      ? versionUrl(context.base, page.versionSlug)
      : entryUrl(context.base, page.versionSlug, page.entryId);
  return path + target.rest;
}

/** A link written in a page, for `linkProblem`. */
export interface LinkFrom {
  url: string;
  versionSlug: string;
  /** The linking page's own file (`15.3.0/GES-1.md`), never suggested for a missing one. */
  file: string;
  /** The linking page is itself a draft's: it is not published either. */
  draft: boolean;
}

export interface LinkProblem {
  code: DiagnosticCode;
  message: string;
}

/**
 * A link to a Markdown file that does not exist (with the nearest one that does), or from a
 * published page to a draft's page when drafts are left out of the build. Null when the link
 * is fine or is not one to a Markdown file of content/versions/.
 */
export function linkProblem(link: LinkFrom, pages: PageFiles, draftsPublished: boolean): LinkProblem | null {
  const target = linkTarget(link.url, link.versionSlug);
  if (target?.kind !== 'markdown') return null;
  const page = pages.get(target.file);
  if (!page) {
    const guess = closest(
      target.file,
      [...pages.keys()].filter((f) => f !== link.file),
    );
    const hint = guess ? `; did you mean \`${relativeLink(link.versionSlug, guess)}\`?` : '';
    return {
      code: 'link-missing',
      message: `The link "${link.url}" points at content/versions/${target.file}, which does not exist${hint}`,
    };
  }
  if (page.draft && !link.draft && !draftsPublished) {
    const what =
      page.entryId === null
        ? `the draft version ${page.versionSlug}`
        : `an entry of the draft version ${page.versionSlug}`;
    return {
      code: 'link-to-draft',
      message: `The link "${link.url}" points at ${what}, which a build without --drafts leaves out; link to it once it is published`,
    };
  }
  return null;
}

/** How a writer in folder `fromSlug` links to `file` (a path under content/versions/). */
function relativeLink(fromSlug: string, file: string): string {
  const [slug, ...inside] = file.split('/');
  return slug === fromSlug ? inside.join('/') : `../${file}`;
}

/** `mon%20image.png` is the file `mon image.png`: the site address encodes it once again. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
