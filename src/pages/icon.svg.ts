import type { APIRoute } from 'astro';

/**
 * The site's icon, a file of its own: as a data: URL it weighed 290 bytes in every page, that
 * is 2.9 MB of a 10,000-entry road book.
 */
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#155fa0"/><path d="M4 4h8M4 8h8M4 12h5" stroke="#fff" stroke-width="2"/></svg>\n';

export const GET: APIRoute = () => new Response(ICON, { headers: { 'Content-Type': 'image/svg+xml' } });
