import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatDiagnostic, formatSummary } from '../core/diagnostics.ts';
import type { LoadResult } from '../core/read/road-book.ts';
import { renderEntries, renderIntro } from '../core/render.ts';
import { toEntryData, toSiteData, toVersionData } from './collections.ts';
import { buildSettings } from './settings.ts';
import { invalidateRoadBook, sharedRoadBook } from './shared-load.ts';

/** Bump when the Markdown pipeline's output changes, so cached HTML is rendered again. */
const PIPELINE = 'roadbook-render-1';

type Collection = 'site' | 'versions' | 'entries';

/**
 * The content-layer loader of one collection of the road book. All three read the same
 * road book through core; entries and version intros are rendered only when their digest
 * changed since the last build (Astro keeps the store between builds).
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

async function sync(collection: Collection, context: LoaderContext): Promise<void> {
  const result = await sharedRoadBook();
  if (result.errorCount > 0) {
    const report = describeProblems(result);
    // In the dev preview the last good content stays on screen; a build stops.
    if (context.watcher) return context.logger.error(report);
    throw new Error(report);
  }
  if (context.watcher && collection === 'site') {
    for (const d of result.diagnostics) context.logger.warn(formatDiagnostic(d));
  }

  const { book } = result;
  const { store, generateDigest } = context;
  const untouched = new Set(store.keys());
  // Each item is stored again only when its digest changed; bodies are rendered only then.
  // `source` is what the HTML is made from when `data` does not hold it (a version's intro).
  const changed = <T>(id: string, data: Record<string, unknown>, subject: T, source = '') => {
    untouched.delete(id);
    const digest = generateDigest({ data, source, pipeline: PIPELINE, base: book.config.base });
    return store.get(id)?.digest === digest ? [] : [{ id, data, digest, subject }];
  };
  const save = (items: { id: string; data: Record<string, unknown>; digest: string }[], html: string[] | null) =>
    items.forEach(({ id, data, digest }, i) => store.set({ id, data, digest, ...(html ? { rendered: { html: html[i]! } } : {}) }));

  if (collection === 'site') {
    save(changed('site', toSiteData(book), null), null);
  } else if (collection === 'versions') {
    const todo = book.versions.flatMap((v, order) => changed(v.slug, toVersionData(v, order), v, v.intro));
    save(todo, await Promise.all(todo.map((t) => renderIntro(t.subject, book))));
  } else {
    const todo = book.entries.flatMap((e, order) => changed(e.id, toEntryData(e, order), e));
    save(todo, await renderEntries(todo.map((t) => t.subject), book));
  }
  for (const id of untouched) store.delete(id);
}

const watched = new WeakSet<object>();

/** In the dev preview, any change under content/ reads the road book again. */
function watch(collection: Collection, context: LoaderContext): void {
  const { watcher } = context;
  if (!watcher || watched.has(context)) return;
  watched.add(context);
  const content = join(buildSettings().root, 'content');
  watcher.add(content);
  const onChange = async (path: string) => {
    if (!path.startsWith(content)) return;
    invalidateRoadBook();
    try {
      await sync(collection, context);
    } catch (error) {
      context.logger.error(error instanceof Error ? error.message : String(error));
    }
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, onChange);
}

function describeProblems(result: LoadResult): string {
  const lines = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  return `The road book has errors (${formatSummary(result.errorCount, result.warningCount)}):\n${lines.join('\n')}`;
}
