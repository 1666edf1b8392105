import { defineMiddleware } from 'astro:middleware';
import type { ProblemsData } from './astro/collections.ts';
import { DEFAULT_LOCALE } from './core/i18n/translate.ts';
import { loadingPage, problemsPage, withProblems } from './astro/dev-problems.ts';

/**
 * In the dev preview, the road book's errors are shown in the browser too: above each page
 * while the last good content is shown, or as the page itself when there is none yet. A
 * build stops on errors, so this does nothing there.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (!import.meta.env.DEV) return next();
  // Imported on each request: Astro keeps this module across content updates, and a
  // reference taken once would keep reading the store of the first request.
  const { getEntry } = await import('astro:content');
  const problems = (await getEntry('problems', 'problems'))?.data as ProblemsData | undefined;
  if (!(await getEntry('site', 'site'))) {
    // Nothing good to show: the errors, or (while Astro reloads its store) a page that waits.
    return new Response(problems ? problemsPage(problems, import.meta.env.BASE_URL) : loadingPage(DEFAULT_LOCALE), {
      status: problems ? 500 : 503,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  }
  if (!problems) return next();
  const response = await next();
  // Pages get their type after the middleware; every endpoint sets its own.
  const type = response.headers.get('Content-Type');
  if (type && !type.startsWith('text/html')) return response;
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response(withProblems(await response.text(), problems), { status: response.status, headers });
});
