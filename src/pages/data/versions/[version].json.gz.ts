import type { APIRoute, GetStaticPaths } from 'astro';
import { packVersionFile } from '../../../core/version-file.ts';
import { getSite } from '../../../astro/site-data.ts';
import { gzipJsonResponse } from '../../../astro/responses.ts';
import { keptFiles } from '../../../astro/build-plan.ts';
import { versionDataGzipFile } from '../../../core/build/site-files.ts';

/** A version's data file gzipped: what the browser loads (lib/data.ts reads it back). */
export const getStaticPaths = (async () => {
  const [site, kept] = await Promise.all([getSite(), keptFiles()]);
  return site.versions
    .filter((version) => !kept.has(versionDataGzipFile(version.slug)))
    .map((version) => ({ params: { version: version.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const version = site.version(params.version ?? '')!;
  return gzipJsonResponse(packVersionFile(version, site.entries(version.slug)));
};
