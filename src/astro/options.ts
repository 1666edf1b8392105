import { resolve } from 'node:path';
import type { LoadResult } from '../core/read/road-book.ts';

/** What a site is built from: the options of `roadbook({ root, drafts, base })`. */
export interface SiteOptions {
  /** The project folder holding content/. */
  root: string;
  /** Whether draft versions are published. */
  drafts: boolean;
  /** Sub-path given on the command line; overrides roadbook.yml's `base`. */
  base: string | null;
}

/** How many entry bodies a content sync rendered: the others came from Astro's store. */
export interface RenderCount {
  rendered: number;
  total: number;
}

/**
 * The integration's options. `roadBook` and `onRendered` are for a caller in the same
 * process (`roadbook build`): they are live values, never written into a module.
 */
export interface RoadbookOptions extends Partial<SiteOptions> {
  /** The road book the caller has already read and checked with these options: not read again. */
  roadBook?: LoadResult;
  /** Told, after each sync of the entries, how many bodies were rendered. */
  onRendered?: (count: RenderCount) => void;
  /**
   * Files of the last good site this build keeps (paths in the site): their routes are not
   * generated (see astro/build-plan.ts).
   */
  keep?: readonly string[];
  /** Called with the built site's folder once its pages are written. */
  onPagesWritten?: (dir: string) => Promise<void>;
}

/** The options with their defaults; `astroRoot` (Astro's own root) is the default project folder. */
export function siteOptions(options: RoadbookOptions, astroRoot: string): SiteOptions {
  return {
    root: resolve(options.root ?? astroRoot),
    drafts: options.drafts ?? false,
    base: options.base || null,
  };
}
