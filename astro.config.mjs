// @ts-check
import { defineConfig } from 'astro/config';
import roadbook from './src/astro/integration.ts';

// Base path, site address and language come from content/roadbook.yml (see the integration).
export default defineConfig({
  output: 'static',
  integrations: [roadbook()],
  devToolbar: { enabled: false },
});
