import { isAbsolute, join, relative } from 'node:path';
import { PACKAGE_ROOT } from './settings.ts';

/** What the dev preview watches in the package itself: its code and Astro's work folder. */
const WATCHED_IN_PACKAGE = ['src', 'public', '.astro'];

function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Vite's watcher follows the whole Astro root, which is the roadbook package: with road books
 * kept inside it (bench/out holds generated ones of 10,000 and 20,000 entries, and their
 * built sites) it would walk every file of them at start. Of the package it follows only the
 * code, Astro's work folder and the road book's own content/ (added by preview-refresh.ts),
 * with the folders on the way to them.
 */
export function ignoredInPackage(root: string): (path: string) => boolean {
  const kept = [...WATCHED_IN_PACKAGE.map((f) => join(PACKAGE_ROOT, f)), join(root, 'content')];
  return (path) => within(path, PACKAGE_ROOT) && !kept.some((folder) => within(path, folder) || within(folder, path));
}
