import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../astro/site-data.ts';
import { gzipResponse } from '../../../astro/responses.ts';
import { skippedFiles } from '../../../astro/build-plan.ts';
import { versionFiles } from '../../../astro/version-checklist.ts';
import { versionDataGzipFile } from '../../../core/build/site-files.ts';

/** A version's data file gzipped: what the browser loads (lib/data.ts reads it back). */
export const getStaticPaths = (async () => {
  const [site, skipped] = await Promise.all([getSite(), skippedFiles()]);
  return site.versions
    .filter((version) => !skipped.has(versionDataGzipFile(version.slug)))
    .map((version) => ({ params: { version: version.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const version = site.version(params.version ?? '')!;
  return gzipResponse(versionFiles(site).dataFileGzip(version));
};
