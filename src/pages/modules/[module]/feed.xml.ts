import type { APIRoute, GetStaticPaths } from 'astro';
import { buildModuleFeed } from '../../../astro/feed.ts';
import { getSite } from '../../../astro/site-data.ts';

/** One feed per module of the site (the modules its pages list). */
export const getStaticPaths: GetStaticPaths = async () => {
  const site = await getSite();
  return site.modules.map((module) => ({ params: { module: module.id } }));
};

/** Atom feed of one module's changes, newest first. */
export const GET: APIRoute = async ({ params }) => {
  return new Response(await buildModuleFeed(await getSite(), params.module!), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
