import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../astro/site-data.ts';
import { keptFiles } from '../../../astro/build-plan.ts';
import { VERSION_DOWNLOADS, versionChecklist } from '../../../astro/version-checklist.ts';
import { versionChecklistFileOf } from '../../../core/build/site-files.ts';

/** A version's own checklist as CSV, XLSX and Markdown files, made at build time by core's exporters. */
export const getStaticPaths = (async () => {
  const [site, kept] = await Promise.all([getSite(), keptFiles()]);
  return site.versions
    .filter((version) => versionChecklist(site, version))
    .flatMap((version) =>
      VERSION_DOWNLOADS.filter((format) => !kept.has(versionChecklistFileOf(version.slug, format.extension))).map(
        (format) => ({ params: { version: version.slug, format: format.extension } }),
      ),
    );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const checklist = versionChecklist(site, site.version(params.version ?? '')!)!;
  const format = VERSION_DOWNLOADS.find((f) => f.extension === params.format)!;
  const data = await format.export(
    checklist,
    undefined,
    site.config.site ? { origin: new URL(site.config.site).origin } : {},
  );
  const body = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': format.mimeType } });
};
