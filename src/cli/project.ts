import { cachePaths, ENV, PACKAGE_ROOT } from '../astro/settings.ts';

export { PACKAGE_ROOT };

export interface SiteRequest {
  /** The project folder holding content/. */
  root: string;
  drafts: boolean;
  base: string | null;
}

/**
 * Hands the request to Astro's config and loaders (which run in this process, loaded by
 * Vite) and returns the inline config that goes with it. Each content folder gets its own
 * cache of rendered entries, so building a second road book never mixes the two.
 */
export function prepareAstro(request: SiteRequest): { root: string; cacheDir: string } {
  process.env[ENV.root] = request.root;
  process.env[ENV.drafts] = request.drafts ? '1' : '';
  process.env[ENV.base] = request.base ?? '';
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  return { root: PACKAGE_ROOT, cacheDir: cachePaths(request.root).astroCacheDir };
}
