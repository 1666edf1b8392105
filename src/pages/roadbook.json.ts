import type { APIRoute } from 'astro';
import { toRoadBookFile } from '../core/data-files.ts';
import { getSite } from '../astro/site-data.ts';
import { jsonResponse } from '../astro/responses.ts';

/** Every published version, entry and verification item (shape: RoadBookFile in core/data-files.ts). */
export const GET: APIRoute = async () => {
  const site = await getSite();
  return jsonResponse(toRoadBookFile(site.data, site.buildId));
};
