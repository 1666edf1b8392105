import type { APIRoute } from 'astro';
import { buildCalendar } from '../core/calendar.ts';
import { getSite } from '../astro/site-data.ts';

/** Release and end-of-support dates of the published versions (core/calendar.ts). */
export const GET: APIRoute = async () => {
  const site = await getSite();
  const calendar = buildCalendar({
    config: site.config,
    base: site.base,
    versions: site.versions,
    entryCount: (slug) => site.counts(slug).entries,
  });
  return new Response(calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
