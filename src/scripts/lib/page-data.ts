/**
 * One DataFiles for every element of a page that speaks of "Mon installation" (the home
 * page's news, each badge of its version table): /data/index.json and each version file are
 * then fetched once per page, however many elements ask.
 */
import { DataFiles } from './data.ts';

const shared = new Map<string, DataFiles>();

export function pageDataFiles(base: string): DataFiles {
  let data = shared.get(base);
  if (!data) shared.set(base, (data = new DataFiles(base)));
  return data;
}
