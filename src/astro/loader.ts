import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatDiagnostic, formatSummary } from '../core/diagnostics.ts';
import type { LoadResult } from '../core/read/road-book.ts';
import { renderEntries, renderIntro, resolvedLinks } from '../core/render.ts';
import { toEntryData, toProblemsData, toSiteData, toVersionData } from './collections.ts';
import { buildSettings } from './settings.ts';
import { invalidateRoadBook, reportRendered, sharedRoadBook } from './shared-load.ts';

/** Bump when the Markdown pipeline's output changes, so cached HTML is rendered again. */
const PIPELINE = 'roadbook-render-3';

type Collection = 'site' | 'versions' | 'entries' | 'problems';

/**
 * The content-layer loader of one collection of the road book. All read the same road book
 * through core; entries and version intros are rendered only when their digest changed since
 * the last build (Astro keeps the store between builds). `problems` holds the road book's
 * errors while the dev preview runs, for the pages to show.
 */
export function roadbookLoader(collection: Collection): Loader {
  return {
    name: `roadbook-${collection}`,
    load: async (context) => {
      await sync(collection, context);
      watch(collection, context);
    },
  };
}

/** Brings the collection up to date; returns how many items changed. */
async function sync(collection: Collection, context: LoaderContext): Promise<number> {
  const result = await sharedRoadBook();
  if (collection === 'problems') return syncProblems(result, context);
  if (result.errorCount > 0) {
    const report = describeProblems(result);
    // In the dev preview the last good content stays on screen (the problems are printed
    // once, by the first collection); a build stops.
    if (!context.watcher) throw new Error(report);
    if (collection === 'site') context.logger.error(report);
    return 0;
  }
  if (context.watcher && collection === 'site') {
    for (const d of result.diagnostics) context.logger.warn(formatDiagnostic(d));
  }

  const { book } = result;
  const { store, generateDigest } = context;
  const untouched = new Set(store.keys());
  // Each item is stored again only when its digest changed; bodies are rendered only then.
  // `source` is what the HTML is made from when `data` does not hold it (a version's intro);
  // `links`, what the body's links to other pages resolve to, which the body alone does not say.
  const changed = <T>(id: string, data: Record<string, unknown>, subject: T, source = '', links: string[] = []) => {
    untouched.delete(id);
    const digest = generateDigest({ data, source, links, pipeline: PIPELINE, base: book.config.base });
    return store.get(id)?.digest === digest ? [] : [{ id, data, digest, subject }];
  };
  const save = (items: { id: string; data: Record<string, unknown>; digest: string }[], html: string[] | null) =>
    items.forEach(({ id, data, digest }, i) =>
      store.set({ id, data, digest, ...(html ? { rendered: { html: html[i]! } } : {}) }),
    );

  let count: number;
  if (collection === 'site') {
    const todo = changed('site', toSiteData(book), null);
    save(todo, null);
    count = todo.length;
  } else if (collection === 'versions') {
    const todo = book.versions.flatMap((v, order) =>
      changed(v.slug, toVersionData(v, order), v, v.intro, resolvedLinks(v.introLinks, v.slug, book)),
    );
    save(todo, await Promise.all(todo.map((t) => renderIntro(t.subject, book))));
    count = todo.length;
  } else {
    const todo = book.entries.flatMap((e, order) =>
      changed(e.id, toEntryData(e, order), e, '', resolvedLinks(e.pageLinks, e.versionSlug, book)),
    );
    save(
      todo,
      await renderEntries(
        todo.map((t) => t.subject),
        book,
      ),
    );
    count = todo.length;
    reportRendered({ rendered: todo.length, total: book.entries.length });
  }
  for (const id of untouched) store.delete(id);
  return count + untouched.size;
}

function syncProblems(result: LoadResult, context: LoaderContext): number {
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
 * The dev preview's refresh: every content event (an editor's save is often several) is
 * gathered for a moment, then the road book is read once and each collection brought up to
 * date in turn. Events that arrive during a refresh cause one more.
 */
const preview = {
  syncs: new Map<Collection, () => Promise<number>>(),
  listening: false,
  timer: undefined as ReturnType<typeof setTimeout> | undefined,
  running: false,
  again: false,
};

function watch(collection: Collection, context: LoaderContext): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  preview.syncs.set(collection, () => sync(collection, context));
  if (preview.listening) return;
  preview.listening = true;
  // Named for the whole road book, not for the collection that happened to start watching.
  const previewLogger = logger.fork('roadbook');
  const content = join(buildSettings().root, 'content');
  watcher.add(content);
  const onEvent = (path: string) => {
    if (!path.startsWith(content)) return;
    clearTimeout(preview.timer);
    preview.timer = setTimeout(() => void refresh(previewLogger), 30);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, onEvent);
}

async function refresh(logger: LoaderContext['logger']): Promise<void> {
  if (preview.running) {
    preview.again = true;
    return;
  }
  preview.running = true;
  try {
    do {
      preview.again = false;
      invalidateRoadBook();
      const started = performance.now();
      let updated = 0;
      for (const sync of preview.syncs.values()) updated += await sync();
      if (updated) logger.info(`content updated in ${Math.round(performance.now() - started)} ms (${updated} changed)`);
    } while (preview.again);
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
  } finally {
    preview.running = false;
  }
}

function describeProblems(result: LoadResult): string {
  const lines = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  return `The road book has errors (${formatSummary(result.errorCount, result.warningCount)}):\n${lines.join('\n')}`;
}
