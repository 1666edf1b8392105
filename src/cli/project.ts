import type { AstroInlineConfig } from 'astro';
import roadbook from '../astro/integration.ts';
import type { RoadbookOptions, SiteOptions } from '../astro/options.ts';
import { cachePaths, PACKAGE_ROOT } from '../astro/settings.ts';

export { PACKAGE_ROOT };

/** What a command asks of Astro: the site's options, and what it shares in this process. */
export type SiteRequest = SiteOptions & Pick<RoadbookOptions, 'roadBook' | 'onRendered' | 'keep' | 'onPagesWritten'>;

/**
 * The inline config Astro's programmatic API (`build`, `dev`) is called with: the package's
 * pages with the `roadbook()` integration given the request, and no config file
 * (astro.config.mjs is for Astro's own commands, such as `astro check`). Each content folder
 * gets its own cache of rendered entries, so building a second road book never mixes the two.
 */
export function astroConfig(request: SiteRequest): AstroInlineConfig & { cacheDir: string } {
  // Astro's telemetry is turned off only by the environment (or by a global preference,
  // which a build must not change for the machine's other projects).
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  return {
    root: PACKAGE_ROOT,
    configFile: false,
    cacheDir: cachePaths(request.root).astroCacheDir,
    integrations: [roadbook(request)],
  };
}
