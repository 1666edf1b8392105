import type { APIRoute } from 'astro';
import { toDataIndex } from '../../core/data-files.ts';
import { getSite } from '../../astro/site-data.ts';
import { jsonResponse } from '../../astro/responses.ts';

/** What the browser starts from: versions with counts, modules, editions, types, processes. */
export const GET: APIRoute = async () => {
  const site = await getSite();
  return jsonResponse(toDataIndex(site.data, site.buildId));
};
