import { getCollection } from 'astro:content';

/**
 * The files of the last good site this build keeps (`roadbook build` puts them into the new
 * site itself, core/build/reuse.ts): the pages' getStaticPaths leave their routes out. Empty
 * for a full build and in the dev preview, where every route is generated.
 */
export async function keptFiles(): Promise<ReadonlySet<string>> {
  const plan = (await getCollection('build'))[0]?.data as { keep?: string[] } | undefined;
  return new Set(plan?.keep ?? []);
}
