import { resolveRelativeUrl } from './links.ts';
import { pageFiles } from './read/page-files.ts';
import { fillSlots } from './markdown/fill-slots.ts';
import { renderBody, renderIntro as renderIntroMarkdown } from './markdown/render.ts';
import type { Entry, Locale, RoadBook, Version } from './model.ts';
import type { PageFile } from './links.ts';
import { mapOnWorkers, poolThreads, type WorkerOption } from './workers.ts';

/** What rendering an entry's body needs besides the body itself. */
export interface RenderContext {
  base: string;
  verifyHeadings: string[];
  locale: Locale;
  /** The pages of the book by Markdown file (`15.2.0/GES-4410.md`), for links between pages. */
  pages: [string, PageFile][];
}

/** One body to render. */
export interface RenderJob {
  body: string;
  versionSlug: string;
}

/** Below this many bodies, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 200;

/**
 * Renders an entry's body (verification sections removed: they are shown as its items)
 * through core's one Markdown pipeline, with relative links turned into site addresses.
 */
export async function renderEntry(entry: Entry, book: RoadBook): Promise<string> {
  return (await renderEntries([entry], book))[0]!;
}

/**
 * Renders many entries. A body the reading of the road book rendered already (in this run,
 * or in an earlier one, from the cache: read/prepared-bodies.ts) only has its links to other
 * pages filled in; the others are rendered, on worker threads when there are many (a cold
 * build of a large road book) or as `workers` says.
 */
export async function renderEntries(
  entries: readonly Entry[],
  book: RoadBook,
  workers: WorkerOption = true,
): Promise<string[]> {
  const context = renderContext(book);
  const prepared = await Promise.all(entries.map((e) => book.bodies?.of(e)));
  const html = prepared.map((body, i) =>
    body ? fillSlots(body.html, body.slots, urlResolver(context, entries[i]!.versionSlug)) : null,
  );
  const missing = entries.flatMap((e, i) =>
    html[i] === null ? [{ i, job: { body: e.body, versionSlug: e.versionSlug } }] : [],
  );
  const threads = poolThreads(workers, missing.length, POOL_THRESHOLD);
  const jobs = missing.map((m) => m.job);
  const rendered =
    threads === 0
      ? await Promise.all(jobs.map((job) => renderJob(job, context)))
      : await mapOnWorkers<RenderContext, RenderJob, string>(
          new URL('./render-worker.ts', import.meta.url),
          context,
          jobs,
          threads,
        );
  missing.forEach(({ i }, n) => (html[i] = rendered[n]!));
  return html as string[];
}

/** Renders a version's introduction (index.md's body). */
export function renderIntro(version: Version, book: RoadBook): Promise<string> {
  const context = renderContext(book);
  return renderIntroMarkdown(version.intro, {
    resolveUrl: urlResolver(context, version.slug),
    locale: context.locale,
  });
}

/**
 * The site addresses the relative links of a body (`Entry.pageLinks`, `Version.introLinks`)
 * resolve to, as its render writes them: with the body, what its HTML is made of, so a cache
 * of rendered bodies keys on both (an entry linked to gets another id, its version is left
 * out of the build…).
 */
export function resolvedLinks(links: readonly string[], versionSlug: string, book: RoadBook): string[] {
  const resolve = urlResolver(renderContext(book), versionSlug);
  return links.map(resolve);
}

export function renderJob(job: RenderJob, context: RenderContext): Promise<string> {
  return renderBody(job.body, {
    verifyHeadings: context.verifyHeadings,
    resolveUrl: urlResolver(context, job.versionSlug),
    locale: context.locale,
  });
}

function urlResolver(context: RenderContext, versionSlug: string): (url: string) => string {
  let pages = pageMaps.get(context);
  if (!pages) pageMaps.set(context, (pages = new Map(context.pages)));
  const link = { base: context.base, versionSlug, pages };
  return (url) => resolveRelativeUrl(url, link);
}

/** The pages as a map, made once per context (a worker receives the context as a copy). */
const pageMaps = new WeakMap<RenderContext, Map<string, PageFile>>();

const contexts = new WeakMap<RoadBook, RenderContext>();

function renderContext(book: RoadBook): RenderContext {
  let context = contexts.get(book);
  if (!context) {
    const pages = [...pageFiles(book.versions, book.entries)];
    context = {
      base: book.config.base,
      verifyHeadings: book.config.verifyHeadings,
      locale: book.config.locale,
      pages,
    };
    contexts.set(book, context);
  }
  return context;
}
