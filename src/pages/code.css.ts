import type { APIRoute } from 'astro';
import { codeStyleSheet } from '../core/markdown/highlight.ts';

/** The colours of highlighted code blocks, as classes (see core/markdown/highlight.ts). */
export const GET: APIRoute = async () => {
  return new Response(await codeStyleSheet(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
