import { loadRoadBook, type LoadResult } from '../core/read/road-book.ts';
import { SourceFiles } from '../core/read/source-files.ts';
import { buildSettings, cachePaths } from './settings.ts';

let pending: Promise<LoadResult> | null = null;

/** Files already read by this process: a refresh of the dev preview reads only what changed. */
const files = new SourceFiles(true);

/**
 * `roadbook build` has already read and checked the road book in this process; it leaves
 * the result here so the loaders do not read 10,000 files a second time.
 */
const PRELOADED = Symbol.for('roadbook.preloaded');

interface Preloaded {
  root: string;
  drafts: boolean;
  base: string | null;
  result: LoadResult;
}

export function preload(value: Preloaded): void {
  (globalThis as Record<symbol, unknown>)[PRELOADED] = value;
}

function takePreloaded(root: string, drafts: boolean, base: string | null): LoadResult | null {
  const store = globalThis as Record<symbol, unknown>;
  const value = store[PRELOADED] as Preloaded | undefined;
  delete store[PRELOADED];
  return value && value.root === root && value.drafts === drafts && value.base === base ? value.result : null;
}

/**
 * The road book, read once and shared by every collection's loader; `invalidate()` after a
 * content file changes makes the next call read it again.
 */
export function sharedRoadBook(): Promise<LoadResult> {
  if (!pending) {
    const settings = buildSettings();
    const preloaded = takePreloaded(settings.root, settings.drafts, settings.base);
    pending = preloaded
      ? Promise.resolve(preloaded)
      : loadRoadBook(settings.root, {
          drafts: settings.drafts,
          base: settings.base,
          cacheFile: cachePaths(settings.root).entryCacheFile,
          files,
        });
  }
  return pending;
}

export function invalidateRoadBook(): void {
  pending = null;
}

/** How many entry bodies the last content sync rendered: the others came from Astro's store. */
export interface RenderCount {
  rendered: number;
  total: number;
}

const RENDERED = Symbol.for('roadbook.rendered');

export function reportRendered(count: RenderCount): void {
  (globalThis as Record<symbol, unknown>)[RENDERED] = count;
}

/** Read by `roadbook build` (the same process) once the build is done. */
export function takeRendered(): RenderCount | null {
  const store = globalThis as Record<symbol, unknown>;
  const count = (store[RENDERED] as RenderCount | undefined) ?? null;
  delete store[RENDERED];
  return count;
}
