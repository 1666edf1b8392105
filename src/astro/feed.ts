import { escapeHtml } from '../core/escape.ts';
import { absoluteUrl, feedUrl, homeUrl, versionUrl } from '../core/urls.ts';
import type { Site } from './site-data.ts';

/**
 * The Atom feed of the versions: one entry per version, newest first. Drafts are left out
 * (even with --drafts: a feed is for what customers may install); withdrawn versions stay,
 * because a withdrawal is news too, with their title and summary marked.
 *
 * Links are absolute when roadbook.yml sets `site`. Otherwise they are paths from the
 * server root (base included), which feed readers resolve against the feed's own address,
 * and ids are `urn:roadbook:…` URNs (Atom ids must be absolute). Written by hand rather than
 * with the `feed` package, which refuses relative links.
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
    const title = withdrawn ? `[${t('versionStatus.withdrawn')}] ${name}` : name;
    const summary = [
      ...(withdrawn ? [t('site.version.withdrawnBanner')] : []),
      site.tn('site.counts.entries', counts.entries),
      site.tn('site.counts.items', counts.items),
    ].join(' · ');
    const intro =
      (site.versionEntry(version.slug) as { rendered?: { html?: string } } | undefined)?.rendered?.html ?? '';
    const link = url(versionUrl(base, version.slug));
    return [
      '  <entry>',
      element('id', id(versionUrl(base, version.slug), `version:${encodeURIComponent(version.version)}`), 4),
      `    <title type="text">${x(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(link)}"/>`,
      element('published', timestamp(version.date!), 4),
      element('updated', timestamp(version.date!), 4),
      ...(withdrawn ? [`    <category term="withdrawn" label="${x(t('versionStatus.withdrawn'))}"/>`] : []),
      `    <summary type="text">${x(summary)}</summary>`,
      ...(intro ? [`    <content type="html">${x(intro)}</content>`] : []),
      '  </entry>',
    ].join('\n');
  });

  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(config.locale)}">`,
    element('id', id(homeUrl(base), 'versions'), 2),
    `  <title type="text">${x(t('site.feed.title', { title: config.title }))}</title>`,
    `  <subtitle type="text">${x(t('site.feed.subtitle', { product: config.product }))}</subtitle>`,
    element('updated', timestamp(updated), 2),
    `  <link rel="alternate" type="text/html" href="${x(url(homeUrl(base)))}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${x(url(feedUrl(base)))}"/>`,
    `  <author><name>${x(author)}</name></author>`,
    '  <generator>roadbook</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** XML text and attribute values: core's one escaping rule. */
const x = escapeHtml;

function element(name: string, value: string, indent: number): string {
  return `${' '.repeat(indent)}<${name}>${x(value)}</${name}>`;
}

function timestamp(date: string): string {
  return `${date}T00:00:00Z`;
}
