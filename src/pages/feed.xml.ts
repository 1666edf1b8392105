import type { APIRoute } from 'astro';
import { buildFeed } from '../astro/feed.ts';
import { getSite } from '../astro/site-data.ts';

/** Atom feed of the versions (drafts never; withdrawn ones marked). */
export const GET: APIRoute = async () => {
  return new Response(buildFeed(await getSite()), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
