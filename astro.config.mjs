// @ts-check
import { defineConfig } from 'astro/config';
import roadbook from './src/astro/integration.ts';

// For Astro's own commands (`astro check`): the sample road book in content/. The roadbook
// CLI does not read this file; it calls Astro with roadbook({ root, drafts, base }) itself
// (src/cli/project.ts). Base path, site address and language come from content/roadbook.yml.
export default defineConfig({
  integrations: [roadbook()],
});
