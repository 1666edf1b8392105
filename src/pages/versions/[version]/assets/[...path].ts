import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../../astro/site-data.ts';
import { assetResponse } from '../../../../astro/responses.ts';

/** The images of a version's assets/ folder, copied byte for byte. */
export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.assets.map((asset) => ({
    params: { version: asset.versionSlug, path: asset.path },
    props: { file: asset.absolutePath },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file } = props as { file: string };
  return assetResponse(file, await readFile(file));
};
