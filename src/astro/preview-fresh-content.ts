import { join } from 'node:path';
import { isRunnableDevEnvironment, type Connect, type ViteDevServer } from 'vite';
import { PACKAGE_ROOT } from './settings.ts';

/**
 * The content store of the dev preview: Astro writes it at the end of each content sync, in
 * the work folder (.astro/) of the Astro project, which is the roadbook package.
 */
const DATA_STORE = join(PACKAGE_ROOT, '.astro', 'data-store.json');
/** The store's module, as Vite resolves `astro:data-layer-content`. */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** The environments that render pages; each keeps the store's module and getStaticPaths results. */
const RENDERING_ENVIRONMENTS = ['ssr', 'prerender'];
/** The message on which Astro's renderers empty their cache of getStaticPaths results. */
const CONTENT_CHANGED = 'astro:content-changed';

/** What the guard needs of Vite's dev server. */
export type PreviewDevServer = Pick<ViteDevServer, 'watcher' | 'environments'> & {
  middlewares: Pick<Connect.Server, 'use'>;
};

/**
 * Keeps the dev preview from serving content older than its store. When the store is
 * written, Astro drops the store's module and its getStaticPaths results, and they are made
 * again on the next request. But a request already under way goes on with the old store and
 * keeps what it made from it, after that drop: its module, its route lists. The old content
 * then stays until the next edit (an entry just added answers 404 for good). It is so
 * whenever a page is asked for during a sync, as the browser's own reload after an edit does;
 * tests/cli/dev.test.ts makes it happen. So the same drop is made again once the store is
 * written, and when each request that was under way at that moment ends. The steps are
 * Astro's own (`invalidateDataStore` in its content plugin), which it does not export.
 */
export function keepContentFresh(server: PreviewDevServer): void {
  let writes = 0;
  const drop = () => {
    for (const name of RENDERING_ENVIRONMENTS) {
      const environment = server.environments[name];
      if (!environment) continue;
      const module = environment.moduleGraph.getModuleById(DATA_STORE_MODULE);
      if (module) environment.moduleGraph.invalidateModule(module, undefined, Date.now(), true);
      if (isRunnableDevEnvironment(environment)) {
        const evaluated = environment.runner.evaluatedModules.getModuleById(DATA_STORE_MODULE);
        if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
      }
      environment.hot.send(CONTENT_CHANGED, {});
    }
  };
  const onStoreWritten = (path: string) => {
    if (path !== DATA_STORE) return;
    writes++;
    drop();
  };
  // Written to a temporary file then renamed over: an `add` as often as a `change`.
  server.watcher.on('add', onStoreWritten);
  server.watcher.on('change', onStoreWritten);
  server.middlewares.use((_request, response, next) => {
    const seen = writes;
    response.once('close', () => {
      if (writes !== seen) drop();
    });
    next();
  });
}
