import type { Loader, LoaderContext } from 'astro/loaders';
import { formatDiagnostic, formatSummary } from '../core/diagnostics.ts';
import type { Entry, RoadBook } from '../core/model.ts';
import type { LoadResult } from '../core/read/road-book.ts';
import { renderEntry, renderIntro, resolvedLinks } from '../core/render.ts';
import {
  loaderName,
  packEntry,
  toEntryData,
  toProblemsData,
  toSiteData,
  toVersionData,
  type Collection,
} from './collections.ts';
import type { EntryStore, HeldBody, RenderedHtml } from './held-entries.ts';
import { roadBookSourceOf, type RoadBookSource } from './road-book-source.ts';

/** Bump when the Markdown pipeline's output changes, so cached HTML is rendered again. */
const PIPELINE = 'roadbook-render-3';

/** Brings one collection's store up to date with the road book; returns how many items changed. */
type Sync = (result: LoadResult, context: LoaderContext, source: RoadBookSource) => Promise<number>;

/**
 * The content-layer loader of one collection of the road book. All read the same road book
 * (the integration's, see road-book-source.ts); entries and version intros are rendered only
 * when their digest changed since the last build (Astro keeps the store between builds).
 * `problems` holds the road book's errors while the dev preview runs, for the pages to show;
 * `build`, what a build keeps of the last good site. The dev preview runs them again after
 * each edit (preview-refresh.ts).
 */
export function roadbookLoader(collection: Collection): Loader {
  return {
    name: loaderName(collection),
    load: async (context) => {
      const source = roadBookSourceOf(context.config);
      source.noteSynced(await SYNCS[collection](await source.current(), context, source));
    },
  };
}

/** One item a collection may hold, before its digest is compared with the stored one's. */
interface Candidate<T> {
  id: string;
  data: Record<string, unknown>;
  /** All of `data` as text, when the caller has it (its digest is then taken of it, not of `data` serialised again). */
  text?: string;
  /** What its HTML is rendered from. */
  subject: T;
  /** What the HTML is made from when `data` does not hold it (a version's intro). */
  source?: string;
  /** What the body's links to other pages resolve to, which the body alone does not say. */
  links?: string[];
}

/** A candidate with the digest of everything its stored item and HTML are made of. */
interface Digested<T> extends Candidate<T> {
  digest: string;
}

/** The one digest rule of stored items: what their data, source, links and the pipeline give. */
function withDigests<T>(context: LoaderContext, book: RoadBook, candidates: readonly Candidate<T>[]): Digested<T>[] {
  const settings = `${PIPELINE}\0${book.config.base}`;
  return candidates.map((candidate) => {
    const { data, text = JSON.stringify(data), source = '', links = [] } = candidate;
    // Every part but the last is JSON (no NUL in it): no two candidates give the same text.
    const digest = context.generateDigest(`${settings}\0${JSON.stringify(links)}\0${JSON.stringify(source)}\0${text}`);
    return { ...candidate, digest };
  });
}

/**
 * The one way a collection is stored: each item is stored again only when its digest
 * changed, its HTML rendered by `render` only then; ids no longer among the items are
 * removed. Returns how many items changed and how many of them were rendered. `store` is the
 * collection's store in Astro, or the entries held in memory (held-entries.ts); `stored`, what
 * of an item's data the store keeps.
 */
async function storeChanged<T, R = RenderedHtml>(
  store: EntryStore<R>,
  items: readonly Digested<T>[],
  render?: (subjects: T[]) => Promise<R[]>,
  stored: (data: Record<string, unknown>) => Record<string, unknown> = (data) => data,
): Promise<{ changed: number; rendered: number }> {
  const untouched = new Set(store.keys());
  const todo = items.filter(({ id, digest }) => {
    untouched.delete(id);
    return store.get(id)?.digest !== digest;
  });
  const rendered = render ? await render(todo.map((t) => t.subject)) : null;
  todo.forEach(({ id, data, digest }, i) =>
    store.set({ id, data: stored(data), digest, ...(rendered ? { rendered: rendered[i]! } : {}) }),
  );
  for (const id of untouched) store.delete(id);
  return { changed: todo.length + untouched.size, rendered: todo.length };
}

async function syncSite(book: RoadBook, context: LoaderContext): Promise<number> {
  const items = withDigests(context, book, [{ id: 'site', data: toSiteData(book), subject: null }]);
  return (await storeChanged(context.store, items)).changed;
}

async function syncVersions(book: RoadBook, context: LoaderContext): Promise<number> {
  const candidates = book.versions.map((v, order) => ({
    id: v.slug,
    data: toVersionData(v, order),
    subject: v,
    source: v.intro,
    links: resolvedLinks(v.introLinks, v.slug, book),
  }));
  const render = (versions: typeof book.versions) =>
    Promise.all(versions.map(async (v) => ({ html: await renderIntro(v, book) })));
  return (await storeChanged(context.store, withDigests(context, book, candidates), render)).changed;
}

/**
 * The entries' bodies, each rendered when a page or a feed first asks for it: a rebuild makes
 * only the bodies of the pages it writes, and the dev preview serves its pages without making
 * every body first. In a build the reading prepared them (render.ts fills in their links); the
 * preview's reading renders none (road-book-source.ts).
 */
function bodiesLater(book: RoadBook): (entries: Entry[]) => Promise<HeldBody[]> {
  return (entries) => Promise.resolve(entries.map((entry) => ({ later: () => renderEntry(entry, book) })));
}

/** What Astro's store keeps of an entry besides its id and digest: nothing (held-entries.ts). */
const DIGEST_ONLY = () => ({});

/**
 * The entries: Astro's store keeps each one's digest only, which tells what changed since the
 * last build (what a build reports as rendered); the pages read them from the entries held in
 * memory (held-entries.ts). A build's process starts with none held; the dev preview keeps
 * them from one edit to the next.
 */
async function syncEntries(book: RoadBook, context: LoaderContext, source: RoadBookSource): Promise<number> {
  const candidates = book.entries.map((e, order) => {
    const data = packEntry(toEntryData(e, order));
    return { id: e.id, data, text: data.json, subject: e, links: resolvedLinks(e.pageLinks, e.versionSlug, book) };
  });
  const items = withDigests(context, book, candidates);
  const { changed, rendered } = await storeChanged(context.store, items, undefined, DIGEST_ONLY);
  const held = source.entries.begin();
  await storeChanged(held, items, bodiesLater(book));
  held.commit();
  source.reportRendered({ rendered, total: book.entries.length });
  return changed;
}

async function syncProblems(result: LoadResult, context: LoaderContext): Promise<number> {
  const { store, generateDigest } = context;
  if (result.errorCount === 0 || !context.watcher) {
    if (!store.has('problems')) return 0;
    store.clear();
    return 1;
  }
  const data = toProblemsData(result);
  const digest = generateDigest(data);
  if (store.get('problems')?.digest === digest) return 0;
  store.set({ id: 'problems', data, digest });
  return 1;
}

/**
 * A sync of the road book's content, run only when the road book has no errors. In the dev
 * preview the last good content then stays on screen, and the collection that `reports`
 * prints the problems (once for the whole road book); a build stops.
 */
function ofGoodBook(
  syncBook: (book: RoadBook, context: LoaderContext, source: RoadBookSource) => Promise<number>,
  { reports = false } = {},
): Sync {
  return async (result, context, source) => {
    if (result.errorCount > 0) {
      const report = describeProblems(result);
      if (!context.watcher) throw new Error(report);
      if (reports) context.logger.error(report);
      return 0;
    }
    if (reports && context.watcher) {
      for (const d of result.diagnostics) context.logger.warn(formatDiagnostic(d));
    }
    return syncBook(result.book, context, source);
  };
}

/** What this build keeps of the last good site (astro/build-plan.ts): one item, `plan`. */
async function syncBuild(_result: LoadResult, context: LoaderContext, source: RoadBookSource): Promise<number> {
  const data = { keep: [...source.keep] };
  const digest = context.generateDigest(data);
  if (context.store.get('plan')?.digest === digest) return 0;
  context.store.set({ id: 'plan', data, digest });
  return 1;
}

const SYNCS: Record<Collection, Sync> = {
  site: ofGoodBook(syncSite, { reports: true }),
  versions: ofGoodBook(syncVersions),
  entries: ofGoodBook(syncEntries),
  problems: syncProblems,
  build: syncBuild,
};

function describeProblems(result: LoadResult): string {
  const lines = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  return `The road book has errors (${formatSummary(result.errorCount, result.warningCount)}):\n${lines.join('\n')}`;
}
