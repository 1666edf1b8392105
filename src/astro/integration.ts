import type { AstroIntegration } from 'astro';
import { DiagnosticList } from '../core/diagnostics.ts';
import { normaliseBase, readConfig } from '../core/read/config.ts';
import { indexSite } from './pagefind.ts';
import { buildSettings } from './settings.ts';

/**
 * roadbook's Astro integration: takes the site's base, address and language from
 * roadbook.yml, and indexes the built pages for search.
 */
export default function roadbook(): AstroIntegration {
  let locale = 'fr';
  return {
    name: 'roadbook',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, addWatchFile }) => {
        const settings = buildSettings(new URL('.', config.root).pathname);
        // Problems of roadbook.yml are reported by `roadbook check` and by the loader.
        const rb = await readConfig(settings.root, new DiagnosticList());
        locale = rb.locale;
        addWatchFile(`${settings.root}/content/roadbook.yml`);
        updateConfig({
          base: normaliseBase(settings.base ?? rb.base),
          ...(rb.site ? { site: rb.site } : {}),
          trailingSlash: 'always',
          build: { format: 'directory' },
          // exceljs (about 1 MB) is one chunk, loaded only when a tester asks for an XLSX file.
          vite: { build: { chunkSizeWarningLimit: 1500 } },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await indexSite(dir, locale, logger);
      },
    },
  };
}
