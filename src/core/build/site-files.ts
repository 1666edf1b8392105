/**
 * Where the followed files of a site (outputs.ts) are written in its folder: the pages'
 * addresses (core/urls.ts) as Astro's `directory` format writes them. The pages' getStaticPaths
 * name the routes they leave out by these paths.
 */
import { entryUrl, moduleUrl, versionChecklistUrl, versionDataGzipUrl, versionDataUrl, versionUrl } from '../urls.ts';

/** Where a site address is written in the built site (Astro's `directory` format). */
export function fileOf(url: string): string {
  const path = decodeURIComponent(url.replace(/^\//, ''));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

export const entryPageFile = (versionSlug: string, id: string): string => fileOf(entryUrl('/', versionSlug, id));
export const versionPageFile = (slug: string): string => fileOf(versionUrl('/', slug));
export const versionDataFile = (slug: string): string => fileOf(versionDataUrl('/', slug));
export const versionDataGzipFile = (slug: string): string => fileOf(versionDataGzipUrl('/', slug));
export const modulePageFile = (id: string): string => fileOf(moduleUrl('/', id));
export const versionChecklistFileOf = (slug: string, extension: string): string =>
  fileOf(versionChecklistUrl('/', slug, extension));
