import type { APIRoute } from 'astro';
import { toDataIndex } from '../../core/data-files.ts';
import { gzipFileText, jsonFileText } from '../../core/build/version-files.ts';
import { getSite } from '../../astro/site-data.ts';
import { gzipResponse } from '../../astro/responses.ts';

/** /data/index.json gzipped: what the browser loads (lib/data.ts reads it back), as it does each version's file. */
export const GET: APIRoute = async () => {
  const site = await getSite();
  return gzipResponse(gzipFileText(jsonFileText(toDataIndex(site.data, site.buildId))));
};
