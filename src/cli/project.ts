import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { ENV } from '../astro/settings.ts';

/** The roadbook package itself: where astro.config.mjs and src/ are. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
  const key = createHash('sha256').update(resolve(request.root)).digest('hex').slice(0, 12);
  return { root: PACKAGE_ROOT, cacheDir: join(PACKAGE_ROOT, 'node_modules', '.astro', `roadbook-${key}`) };
}
