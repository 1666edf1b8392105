import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../astro/site-data.ts';
import { skippedFiles } from '../../../astro/build-plan.ts';
import { VERSION_DOWNLOADS, versionChecklist, versionFiles } from '../../../astro/version-checklist.ts';
import { versionChecklistFileOf } from '../../../core/build/site-files.ts';

/** A version's own checklist as CSV, XLSX and Markdown files, made by core's exporters (core/build/version-files.ts). */
export const getStaticPaths = (async () => {
  const [site, skipped] = await Promise.all([getSite(), skippedFiles()]);
  return site.versions
    .filter((version) => versionFiles(site).hasChecklist(version))
    .flatMap((version) =>
      VERSION_DOWNLOADS.filter((format) => !skipped.has(versionChecklistFileOf(version.slug, format.extension))).map(
        (format) => ({ params: { version: version.slug, format: format.extension } }),
      ),
    );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const checklist = versionChecklist(site, site.version(params.version ?? '')!)!;
  const format = VERSION_DOWNLOADS.find((f) => f.extension === params.format)!;
  const body = await versionFiles(site).download(checklist, format);
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': format.mimeType } });
};
