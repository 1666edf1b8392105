import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../astro/site-data.ts';
import { jsonTextResponse } from '../../../astro/responses.ts';
import { skippedFiles } from '../../../astro/build-plan.ts';
import { versionFiles } from '../../../astro/version-checklist.ts';
import { versionDataFile } from '../../../core/build/site-files.ts';

/** One version and its entries, loaded by the browser only for the versions a page shows. */
export const getStaticPaths = (async () => {
  const [site, skipped] = await Promise.all([getSite(), skippedFiles()]);
  return site.versions
    .filter((version) => !skipped.has(versionDataFile(version.slug)))
    .map((version) => ({ params: { version: version.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const version = site.version(params.version ?? '')!;
  return jsonTextResponse(versionFiles(site).dataFile(version));
};
