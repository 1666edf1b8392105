import { getCollection } from 'astro:content';

/**
 * The files the pages' getStaticPaths leave out of this build: those of the last good site it
 * keeps (`roadbook build` puts them into the new site itself, core/build/reuse.ts) and those
 * it makes on worker threads beside Astro (the versions' data files and downloads,
 * core/build/version-files-pool.ts). Empty for a plain `astro build` and in the dev preview,
 * where every route is generated.
 */
export async function skippedFiles(): Promise<ReadonlySet<string>> {
  const plan = (await getCollection('build'))[0]?.data as { keep?: string[] } | undefined;
  return new Set(plan?.keep ?? []);
}
