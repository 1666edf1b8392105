import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE } from '../core/read/config.ts';
import { messagesModule } from './messages-module.ts';
import { optionsModule } from './options-module.ts';
import { siteOptions, type RoadbookOptions, type SiteOptions } from './options.ts';
import { watchContent } from './preview-refresh.ts';
import { keepContentFresh } from './preview-fresh-content.ts';
import { ignoredInPackage } from './preview-watch.ts';
import { RoadBookSource, SOURCE_HOOK } from './road-book-source.ts';
import { publishHeldEntries } from './held-entries.ts';

export type { RoadbookOptions };

/** Pages Astro renders at once (its default is one at a time). */
const PAGE_CONCURRENCY = 4;

/**
 * roadbook's Astro integration: `roadbook({ root, drafts, base })`. Reads the road book
 * under `root` once (or takes the one `roadbook build` read), takes the site's base, address
 * and language from it, hands the options to the code Vite loads (virtual:roadbook/options)
 * and the road book to the loaders (its `roadbook:source` hook), refreshes the dev preview's
 * content after each edit, and tells `roadbook build` when the pages are written (the CLI
 * then indexes them for search, commands/build.ts).
 */
export default function roadbook(options: RoadbookOptions = {}): AstroIntegration {
  let site: SiteOptions | null = null;
  let source: RoadBookSource | null = null;
  return {
    name: 'roadbook',
    hooks: {
      'astro:config:setup': async ({ config, command, isRestart, updateConfig, addWatchFile }) => {
        if (!site || !source) {
          site = siteOptions(options, fileURLToPath(config.root));
          source = new RoadBookSource(site, options.roadBook, options.onRendered, options.keep);
          source.previewing = command === 'dev';
          publishHeldEntries(source.entries);
        } else if (isRestart) {
          // The dev preview restarts when roadbook.yml changes: its base or address may have.
          source.invalidate();
        }
        // Problems of the road book are reported by `roadbook check`, the build and the loader.
        const { config: rb } = (await source.current()).book;
        addWatchFile(`${site.root}/${CONFIG_FILE}`);
        updateConfig({
          output: 'static',
          base: rb.base,
          ...(rb.site ? { site: rb.site } : {}),
          trailingSlash: 'always',
          devToolbar: { enabled: false },
          // Stylesheets and scripts stay files, never inlined: the pages' Content-Security-Policy
          // (core/content-security-policy.ts) then needs no per-build hash.
          // Several pages at once: while one page's file is written (10,000 folders and files at
          // 10,000 entries) the thread renders the next instead of waiting.
          build: { format: 'directory', inlineStylesheets: 'never', concurrency: PAGE_CONCURRENCY },
          vite: {
            plugins: [optionsModule(site), messagesModule(rb.locale)],
            server: { watch: { ignored: ignoredInPackage(site.root) } },
            // exceljs (about 1 MB) is one chunk, loaded only when a tester asks for an XLSX file.
            build: { chunkSizeWarningLimit: 1500, assetsInlineLimit: 0 },
          },
        });
      },
      [SOURCE_HOOK]: () => {
        if (!source) throw new Error('roadbook: the road book is asked for before astro:config:setup');
        return source;
      },
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        if (!site || !source || !refreshContent) return;
        watchContent(site.root, source, { watcher: server.watcher, refreshContent, logger });
        keepContentFresh(server);
      },
      'astro:build:done': async ({ dir }) => {
        await options.onPagesWritten?.(fileURLToPath(dir));
      },
    },
  };
}
