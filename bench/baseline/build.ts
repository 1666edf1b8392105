/**
 * Builds the plain Astro site of bench/baseline over a road book's content/versions/ folder,
 * through Astro's build API, from a copy of the project (see project.ts).
 * Usage: node bench/baseline/build.ts <road-book> <out-dir> <cache-dir>
 */
import { resolve } from 'node:path';
import { copyBaselineProject } from './project.ts';

const [book, out, cache] = process.argv.slice(2).map((arg) => resolve(arg));
if (!book || !out || !cache) {
  console.error('usage: node bench/baseline/build.ts <road-book> <out-dir> <cache-dir>');
  process.exit(2);
}
const root = await copyBaselineProject(out);
process.env.BASELINE_VERSIONS = resolve(book, 'content', 'versions');
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV = 'production';
const { build } = await import('astro');
await build({ root, outDir: out, cacheDir: cache, logLevel: 'warn' });
