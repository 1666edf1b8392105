import type { APIRoute } from 'astro';
import { getSite } from '../astro/site-data.ts';
import { jsonResponse } from '../astro/responses.ts';
import { searchBundleUrl } from '../core/urls.ts';
import type { SearchSettings } from '../scripts/search.ts';

/*
 * pagefind's results list puts a row in the page for every match before it loads any: a word
 * found on every page of a 10,000-entry road book made 10,000 rows and seconds of layout
 * before the first result showed. The best matches are listed; the summary says how many
 * there are in all, and the filters narrow them.
 */
const MAX_RESULTS = 20;

/**
 * The search box's words and settings (scripts/search.ts), one file the browser caches for
 * every page: written as attributes, they weighed 460 bytes in each of a road book's pages.
 */
export const GET: APIRoute = async () => {
  const { t, base, locale } = await getSite();
  const settings: SearchSettings = {
    bundle: searchBundleUrl(base),
    lang: locale,
    placeholder: t('site.search.placeholder'),
    filters: [
      { filter: 'version', label: t('site.filter.version') },
      { filter: 'module', label: t('site.filter.module') },
      { filter: 'type', label: t('site.filter.type') },
    ],
    maxResults: MAX_RESULTS,
    unavailable: t('site.search.unavailable'),
    failed: t('site.search.failed'),
  };
  return jsonResponse(settings);
};
