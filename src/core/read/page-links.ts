import type { DiagnosticList } from '../diagnostics.ts';
import type { RoadBookConfig } from '../model.ts';
import { linkProblem, resolveRelativeUrl } from '../links.ts';
import { pageFileMap, pageFiles } from './page-files.ts';
import type { ReadVersion } from './version-folder.ts';

/**
 * Links between pages, once every Markdown file is known: to a file that does not exist, or
 * from a published page to a draft's (see links.ts). Entries that could not be read still
 * exist as files, under their file name.
 */
export function checkLinks(read: ReadVersion[], draftsPublished: boolean, diagnostics: DiagnosticList): void {
  const pages = pageFileMap(
    read.flatMap((v) => {
      const draft = v.version.status === 'draft';
      const versionSlug = v.version.slug;
      const ids = new Map(v.entries.map(({ entry }) => [entry.file, entry.id]));
      return [
        ...(v.version.file.endsWith('/index.md') ? [{ fileName: 'index.md', versionSlug, entryId: null, draft }] : []),
        ...v.jobs.map((job) => ({
          fileName: `${job.name}.md`,
          versionSlug,
          entryId: ids.get(job.file) ?? job.name,
          draft,
        })),
      ];
    }),
  );
  for (const v of read) {
    const from = { versionSlug: v.version.slug, draft: v.version.status === 'draft' };
    const pagesLinks = [
      { file: v.version.file, links: v.introLinks },
      ...v.entries.map(({ entry, positions }) => ({ file: entry.file, links: positions.links })),
    ];
    for (const { file, links } of pagesLinks) {
      const own = `${from.versionSlug}/${file.slice(file.lastIndexOf('/') + 1)}`;
      for (const link of links) {
        const problem = linkProblem({ ...from, file: own, url: link.url }, pages, draftsPublished);
        if (problem) diagnostics.error(problem.code, file, link, problem.message);
      }
    }
  }
}

/**
 * Verification items (and their sections' introductions) that link to other pages get the
 * pages' addresses, once every page kept in the book is known: an entry is read on its own,
 * so its items hold slots for such links until here (link-slots.ts). Front-matter items are
 * plain text and hold none. The render's libraries that fill the slots are loaded only when
 * some item links to a page.
 */
export async function resolveItemLinks(kept: ReadVersion[], config: RoadBookConfig): Promise<void> {
  const parsed = kept.flatMap((v) => v.entries);
  const linking = parsed.filter(({ slots }) => slots.urls.length > 0);
  if (linking.length === 0) return;
  const { fillSlots } = await import('../markdown/fill-slots.ts');
  const pages = pageFiles(
    kept.map((v) => v.version),
    parsed.map((p) => p.entry),
  );
  for (const { entry, slots } of linking) {
    const link = { base: config.base, versionSlug: entry.versionSlug, pages };
    const fill = (html: string) => fillSlots(html, slots, (url) => resolveRelativeUrl(url, link));
    // New item objects: the cache keeps the ones it restored the entry from.
    entry.items = entry.items.map((item) => ({
      ...item,
      stepHtml: fill(item.stepHtml),
      expectHtml: item.expectHtml === null ? null : fill(item.expectHtml),
    }));
    entry.verifyIntroHtml = fill(entry.verifyIntroHtml);
  }
}
