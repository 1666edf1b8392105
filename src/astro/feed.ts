import { XMLBuilder } from 'fast-xml-parser';
import { xmlText } from '../core/export/xml.ts';
import { versionStatusLabel } from '../core/i18n/labels.ts';
import { absoluteUrl, feedUrl, homeUrl, versionUrl } from '../core/urls.ts';
import type { Site } from './site-data.ts';

/**
 * The Atom feed of the versions: one entry per version, newest first. Drafts are left out
 * (even with --drafts: a feed is for what customers may install); withdrawn versions stay,
 * because a withdrawal is news too, with their title and summary marked.
 *
 * Links are absolute when roadbook.yml sets `site`. Otherwise they are paths from the
 * server root (base included), which feed readers resolve against the feed's own address,
 * and ids are `urn:roadbook:…` URNs (Atom ids must be absolute). Written with fast-xml-parser's
 * builder (the `feed` package refuses relative links).
 */
export function buildFeed(site: Site): string {
  const { config, base, t } = site;
  const url = (path: string) => absoluteUrl(config.site, path);
  const urn = `urn:roadbook:${encodeURIComponent(config.product || config.title)}`;
  const id = (path: string, name: string) => (config.site ? url(path) : `${urn}:${name}`);
  const versions = site.newestFirst.filter((v) => v.status !== 'draft' && v.date);
  const updated =
    versions
      .map((v) => v.date!)
      .sort()
      .at(-1) ?? '1970-01-01';
  const author = config.publisher || config.product || config.title;

  const entries = versions.map((version) => {
    const counts = site.counts(version.slug);
    const withdrawn = version.status === 'withdrawn';
    const name =
      [config.product, version.version].filter(Boolean).join(' ') + (version.title ? ` — ${version.title}` : '');
    const summary = [
      ...(withdrawn ? [t('site.version.withdrawnBanner')] : []),
      site.tn('site.counts.entries', counts.entries),
      site.tn('site.counts.items', counts.items),
    ].join(' · ');
    const intro =
      (site.versionEntry(version.slug) as { rendered?: { html?: string } } | undefined)?.rendered?.html ?? '';
    return {
      id: xmlText(id(versionUrl(base, version.slug), `version:${encodeURIComponent(version.version)}`)),
      title: {
        '@_type': 'text',
        '#text': xmlText(withdrawn ? `[${versionStatusLabel(site.locale, 'withdrawn')}] ${name}` : name),
      },
      link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': url(versionUrl(base, version.slug)) },
      published: timestamp(version.date!),
      updated: timestamp(version.date!),
      ...(withdrawn
        ? { category: { '@_term': 'withdrawn', '@_label': versionStatusLabel(site.locale, 'withdrawn') } }
        : {}),
      summary: { '@_type': 'text', '#text': xmlText(summary) },
      ...(intro ? { content: { '@_type': 'html', '#text': xmlText(intro) } } : {}),
    };
  });

  const feed = {
    '@_xmlns': 'http://www.w3.org/2005/Atom',
    '@_xml:lang': config.locale,
    id: xmlText(id(homeUrl(base), 'versions')),
    title: { '@_type': 'text', '#text': xmlText(t('site.feed.title', { title: config.title })) },
    subtitle: { '@_type': 'text', '#text': xmlText(t('site.feed.subtitle', { product: config.product })) },
    updated: timestamp(updated),
    link: [
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': url(homeUrl(base)) },
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': url(feedUrl(base)) },
    ],
    author: { name: xmlText(author) },
    generator: 'roadbook',
    entry: entries,
  };
  // The builder escapes every text and attribute value.
  const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: false, suppressEmptyNode: true });
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, feed });
}

function timestamp(date: string): string {
  return `${date}T00:00:00Z`;
}
