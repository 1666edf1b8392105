import type { AstroConfig } from 'astro';
import { loadRoadBook, type LoadResult } from '../core/read/road-book.ts';
import { SourceFiles } from '../core/read/source-files.ts';
import { HeldEntries } from './held-entries.ts';
import type { RenderCount, SiteOptions } from './options.ts';
import { cachePaths } from './settings.ts';

/**
 * The road book of one site, read once and shared by the integration (the site's base,
 * address and language come from it) and every collection's loader; `invalidate()` after a
 * content file changes makes the next `current()` read it again.
 */
export class RoadBookSource {
  readonly #options: SiteOptions;
  #pending: Promise<LoadResult> | null;
  readonly #onRendered: ((count: RenderCount) => void) | undefined;
  /** Files of the last good site the build keeps: see astro/build-plan.ts. */
  readonly keep: readonly string[];
  /** Files already read by this source: a refresh of the dev preview reads only what changed. */
  readonly #files = new SourceFiles(true);
  /** Items the loaders stored or removed since `takeChanged()` last asked. */
  #changed = 0;
  /** Loader syncs run so far: tells the dev preview whether a refresh ran them. */
  #syncs = 0;
  /**
   * Set by the dev preview: the entry cache is then written after each read, not before it
   * returns (a one-off build, which may exit right after, writes it before).
   */
  previewing = false;
  /** The entries the pages read, held here rather than in Astro's store (held-entries.ts). */
  readonly entries = new HeldEntries();

  /** `preloaded`: the road book a caller has already read with these options (`roadbook build`). */
  constructor(
    options: SiteOptions,
    preloaded?: LoadResult,
    onRendered?: (count: RenderCount) => void,
    keep: readonly string[] = [],
  ) {
    this.#options = options;
    this.keep = keep;
    this.#pending = preloaded ? Promise.resolve(preloaded) : null;
    this.#onRendered = onRendered;
  }

  current(): Promise<LoadResult> {
    const { root, drafts, base } = this.#options;
    this.#pending ??= loadRoadBook(root, {
      drafts,
      base,
      cacheFile: cachePaths(root).entryCacheFile,
      saveCacheLater: this.previewing,
      // The dev preview renders a body when its page is first asked for (loader.ts): started
      // on a road book whose bodies are not in the cache (a check keeps none), it serves its
      // pages without rendering all of them first.
      renderBodies: !this.previewing,
      files: this.#files,
    });
    return this.#pending;
  }

  invalidate(): void {
    this.#pending = null;
  }

  /** Called by each loader after its sync with how many of its items changed. */
  noteSynced(changed: number): void {
    this.#changed += changed;
    this.#syncs++;
  }

  get syncs(): number {
    return this.#syncs;
  }

  /** How many items the loaders changed since the last call (the dev preview logs it). */
  takeChanged(): number {
    const changed = this.#changed;
    this.#changed = 0;
    return changed;
  }

  /** Called by the entries' loader after each sync. */
  reportRendered(count: RenderCount): void {
    this.#onRendered?.(count);
  }
}

/** The integration's own hook that hands its source to the loaders (see `roadBookSourceOf`). */
export const SOURCE_HOOK = 'roadbook:source';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how Astro types an integration's own hooks
  namespace Astro {
    interface IntegrationHooks {
      [SOURCE_HOOK]: () => RoadBookSource;
    }
  }
}

/**
 * The source of the `roadbook()` integration of `config`, the Astro config a loader is given.
 *
 * Why not a module both import: Astro 7 loads src/content.config.ts, and so the loaders,
 * through Vite's module runner, which evaluates the project's own files itself. A module the
 * integration imported with Node's `import` (the CLI does) is another instance there, with
 * its own state (tests/astro/module-instances.test.ts shows it). The config object is not
 * imported but handed to the loader by Astro: its `integrations` hold the very hooks the
 * integration returned, closures over the integration's state, so this hook reaches the
 * road book the integration read, in whichever way Vite loaded either side.
 */
export function roadBookSourceOf(config: AstroConfig): RoadBookSource {
  for (const { hooks } of config.integrations) {
    const source = hooks[SOURCE_HOOK]?.();
    if (source) return source;
  }
  throw new Error('roadbook: the roadbook() integration is missing from the Astro config');
}
