import type { APIRoute, GetStaticPaths } from 'astro';
import { packVersionFile } from '../../../core/version-file.ts';
import { getSite } from '../../../astro/site-data.ts';
import { jsonResponse } from '../../../astro/responses.ts';
import { keptFiles } from '../../../astro/build-plan.ts';
import { versionDataFile } from '../../../core/build/site-files.ts';

/** One version and its entries, loaded by the browser only for the versions a page shows. */
export const getStaticPaths = (async () => {
  const [site, kept] = await Promise.all([getSite(), keptFiles()]);
  return site.versions
    .filter((version) => !kept.has(versionDataFile(version.slug)))
    .map((version) => ({ params: { version: version.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const version = site.version(params.version ?? '')!;
  return jsonResponse(packVersionFile(version, site.entries(version.slug)));
};
