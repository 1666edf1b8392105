import { createHash } from 'node:crypto';
import type { RoadBookData } from './data-files.ts';
import { pickVersion } from './public-fields.ts';
import type { RoadBook } from './model.ts';

/**
 * Identifies a build of the road book: a digest of every version (as published) and every
 * entry's hash, in road book order. Sign-off reports are stamped with it, so a republished
 * road book shows what changed since.
 */
export function buildIdOf(data: RoadBookData): string {
  const hash = createHash('sha256');
  for (const v of data.versions) hash.update(`v\0${JSON.stringify(pickVersion(v))}\n`);
  for (const e of data.entries) hash.update(`e\0${e.versionSlug}\0${e.id}\0${e.hash}\n`);
  return hash.digest('hex');
}

/**
 * Changes whenever anything a page shows changes (settings, processes, a version's intro,
 * an entry or what supersedes it): the dev preview rebuilds its page data only then.
 */
export function generationOf(book: RoadBook): string {
  const hash = createHash('sha256').update(buildIdOf(book));
  hash.update(JSON.stringify(book.config)).update(JSON.stringify(book.processes));
  for (const v of book.versions) hash.update(`${v.slug}\0${v.intro}\n`);
  for (const e of book.entries) hash.update(`${e.id}\0${e.supersededBy.join(',')}\n`);
  for (const a of book.assets) hash.update(`${a.versionSlug}/${a.path}\n`);
  return hash.digest('hex');
}
