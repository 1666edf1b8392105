import type { PageFile } from '../links.ts';
import type { Entry, Version } from '../model.ts';

/** A page's Markdown file as links name it: its version folder and its file name in it. */
export interface PageSource extends PageFile {
  fileName: string;
}

/**
 * The Markdown files that have a page, by their path under content/versions/
 * (`15.2.0/GES-4410-remise.md`, `15.2.0/index.md`), for links between pages.
 */
export function pageFiles(versions: readonly Version[], entries: readonly Entry[]): Map<string, PageFile> {
  const drafts = new Set(versions.filter((v) => v.status === 'draft').map((v) => v.slug));
  return pageFileMap([
    ...versions.map((v) => ({ fileName: 'index.md', versionSlug: v.slug, entryId: null, draft: drafts.has(v.slug) })),
    ...entries.map((e) => ({
      fileName: e.file.slice(e.file.lastIndexOf('/') + 1),
      versionSlug: e.versionSlug,
      entryId: e.id,
      draft: drafts.has(e.versionSlug),
    })),
  ]);
}

export function pageFileMap(sources: readonly PageSource[]): Map<string, PageFile> {
  return new Map(sources.map(({ fileName, ...page }) => [`${page.versionSlug}/${fileName}`, page]));
}
