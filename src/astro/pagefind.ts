import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';

/**
 * Indexes the built site with pagefind's Node API: only pages marked `data-pagefind-body`
 * (the entry pages) are indexed, with their version / module / type filters, in the
 * interface language. The service is closed whatever happens.
 */
export async function indexSite(outDir: URL, language: string, logger: AstroIntegrationLogger): Promise<void> {
  const dir = fileURLToPath(outDir);
  // Loaded only to index: every CLI command imports the integration (through build and dev).
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    failOn(created.errors, 'creating the search index');
    const index = created.index!;
    const added = await index.addDirectory({ path: dir });
    failOn(added.errors, 'indexing the pages');
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    failOn(written.errors, 'writing the search index');
    logger.info(`search index: ${added.page_count} pages`);
  } finally {
    await pagefind.close();
  }
}

function failOn(errors: string[], what: string): void {
  if (errors.length) throw new Error(`pagefind failed ${what}: ${errors.join('; ')}`);
}
