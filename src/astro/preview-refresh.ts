import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { FSWatcher } from 'vite';
import { COLLECTIONS, loaderName } from './collections.ts';
import type { RoadBookSource } from './road-book-source.ts';

/** The road book's loaders: what a refresh runs. */
const ROADBOOK_LOADERS = COLLECTIONS.map(loaderName);

/** What the preview refresh needs of Astro's `astro:server:setup` hook. */
export interface PreviewServer {
  watcher: FSWatcher;
  refreshContent: (options: { loaders: string[] }) => Promise<void>;
  logger: AstroIntegrationLogger;
}

/** An editor's save is often several events: they are gathered for this long. */
const GATHER_MS = 30;
/** How long a refresh waits, at most, for Astro's content config to be ready again. */
const READY_LIMIT_MS = 10_000;
const READY_POLL_MS = 10;

/**
 * The dev preview's refresh: every event under content/ is gathered for a moment, then the
 * road book is read again (only the files that changed: road-book-source.ts) and Astro's
 * content layer runs the road book's loaders. Through `refreshContent`, not from a loader's
 * own watcher: Astro's sync writes its store as soon as the loaders are done, where a change
 * made outside a sync waits for the store's save delay (half a second). Astro queues syncs,
 * so events during one cause one more.
 */
export function watchContent(root: string, source: RoadBookSource, server: PreviewServer): void {
  const { watcher, logger } = server;
  const content = join(root, 'content');
  watcher.add(content);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    source.invalidate();
    // What syncs this refresh did not run changed (the preview's first one) is not its count.
    source.takeChanged();
    const started = performance.now();
    try {
      await runLoaders(source, server);
    } catch (error) {
      logger.error(error instanceof Error ? error.message : String(error));
      return;
    }
    const changed = source.takeChanged();
    if (changed) logger.info(`content updated in ${Math.round(performance.now() - started)} ms (${changed} changed)`);
  };
  const onEvent = (path: string) => {
    if (!path.startsWith(content)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), GATHER_MS);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, onEvent);
}

/**
 * Runs the loaders once. Astro reloads its content config when a Markdown file changes, and
 * `refreshContent` does nothing while it is reloading: it is asked again until the loaders
 * have run.
 */
async function runLoaders(source: RoadBookSource, { refreshContent }: PreviewServer): Promise<void> {
  const before = source.syncs;
  const started = performance.now();
  for (;;) {
    await refreshContent({ loaders: ROADBOOK_LOADERS });
    if (source.syncs !== before) return;
    if (performance.now() - started > READY_LIMIT_MS) throw new Error('roadbook: the content could not be refreshed');
    await new Promise((done) => setTimeout(done, READY_POLL_MS));
  }
}
