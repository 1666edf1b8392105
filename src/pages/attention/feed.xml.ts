import type { APIRoute } from 'astro';
import { buildAttentionFeed } from '../../astro/feed.ts';
import { getSite } from '../../astro/site-data.ts';

/** Atom feed of the changes that need attention (breaking, data change, required action, security). */
export const GET: APIRoute = async () => {
  return new Response(await buildAttentionFeed(await getSite()), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
