import { defineConfig } from 'astro/config';
import { pagefindIndex } from './pagefind-index.ts';

/**
 * The plain Astro site the benchmark compares roadbook's build with: Astro's defaults (its
 * Markdown processor, its code highlighting, static output), one page per entry and one per
 * version, and a pagefind index of the entry pages. Nothing here makes it faster or slower
 * than Astro out of the box.
 */
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  integrations: [pagefindIndex()],
});
