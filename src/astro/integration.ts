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
          // Stylesheets and scripts stay files, never inlined: the pages' Content-Security-Policy
          // (core/content-security-policy.ts) then needs no per-build hash.
          build: { format: 'directory', inlineStylesheets: 'never' },
          // exceljs (about 1 MB) is one chunk, loaded only when a tester asks for an XLSX file.
          vite: { build: { chunkSizeWarningLimit: 1500, assetsInlineLimit: 0 } },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await indexSite(dir, locale, logger);
      },
    },
  };
}
