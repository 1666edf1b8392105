import { XMLBuilder } from 'fast-xml-parser';
import { attentionReasons } from '../core/attention.ts';
import { xmlText } from '../core/export/xml.ts';
import { attentionLabel, versionStatusLabel } from '../core/i18n/labels.ts';
import type { EntryRecord, VersionInfo } from '../core/model.ts';
import {
  absoluteUrl,
  attentionFeedUrl,
  entryUrl,
  feedUrl,
  homeUrl,
  moduleFeedUrl,
  moduleUrl,
  versionUrl,
} from '../core/urls.ts';
import type { Site } from './site-data.ts';

/**
 * The site's Atom feeds: the versions (/feed.xml), one module's changes
 * (/modules/<m>/feed.xml) and the changes that need attention (/attention/feed.xml).
 *
 * The feed of the versions: one entry per version, newest first. Drafts are left out
 * (even with --drafts: a feed is for what customers may install); withdrawn versions stay,
 * because a withdrawal is news too, with their title and summary marked.
 *
 * Links are absolute when roadbook.yml sets `site`. Otherwise they are paths from the
 * server root (base included), which feed readers resolve against the feed's own address,
 * and ids are `urn:roadbook:…` URNs (Atom ids must be absolute). Written with fast-xml-parser's
 * builder (the `feed` package refuses relative links).
 */
/** The newest changes a feed of changes carries: readers poll it for news, the site keeps the rest. */
export const FEED_CHANGE_LIMIT = 100;

/** What a feed is about: its address, the page it belongs to, its texts and a name for its id. */
interface FeedHead {
  self: string;
  alternate: string;
  name: string;
  title: string;
  subtitle: string;
}

/** Versions a feed speaks of: drafts never (a feed is for what customers may install), dated ones. */
function feedVersions(site: Site): VersionInfo[] {
  return site.newestFirst.filter((v) => v.status !== 'draft' && v.date);
}

/** The Atom document around `entries`; `updated` is the newest date among them. */
function atomFeed(site: Site, head: FeedHead, entries: object[], dates: string[]): string {
  const { config } = site;
  const url = (path: string) => absoluteUrl(config.site, path);
  const updated = [...dates].sort().at(-1) ?? '1970-01-01';
  const feed = {
    '@_xmlns': 'http://www.w3.org/2005/Atom',
    '@_xml:lang': config.locale,
    id: xmlText(feedId(site, head.alternate, head.name)),
    title: { '@_type': 'text', '#text': xmlText(head.title) },
    subtitle: { '@_type': 'text', '#text': xmlText(head.subtitle) },
    updated: timestamp(updated),
    link: [
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': url(head.alternate) },
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': url(head.self) },
    ],
    author: { name: xmlText(config.publisher || config.product || config.title) },
    generator: 'roadbook',
    entry: entries,
  };
  // The builder escapes every text and attribute value.
  const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: false, suppressEmptyNode: true });
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, feed });
}

/**
 * An Atom id: the page's absolute address when roadbook.yml sets `site`, otherwise a
 * `urn:roadbook:<product>:<name>` URN (Atom ids must be absolute, and stay the same across builds).
 */
function feedId(site: Site, path: string, name: string): string {
  const { config } = site;
  if (config.site) return absoluteUrl(config.site, path);
  return `urn:roadbook:${encodeURIComponent(config.product || config.title)}:${name}`;
}

export function buildFeed(site: Site): string {
  const { config, base, t } = site;
  const url = (path: string) => absoluteUrl(config.site, path);
  const versions = feedVersions(site);
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
      id: xmlText(feedId(site, versionUrl(base, version.slug), `version:${encodeURIComponent(version.version)}`)),
      title: {
        '@_type': 'text',
        '#text': xmlText(withdrawn ? `[${versionStatusLabel(site.locale, 'withdrawn')}] ${name}` : name),
      },
      link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': url(versionUrl(base, version.slug)) },
      published: timestamp(version.date!),
      updated: timestamp(version.date!),
      ...(withdrawn ? { category: withdrawnCategory(site) } : {}),
      summary: { '@_type': 'text', '#text': xmlText(summary) },
      ...(intro ? { content: { '@_type': 'html', '#text': xmlText(intro) } } : {}),
    };
  });
  const head: FeedHead = {
    self: feedUrl(base),
    alternate: homeUrl(base),
    name: 'versions',
    title: t('site.feed.title', { title: config.title }),
    subtitle: t('site.feed.subtitle', { product: config.product }),
  };
  return atomFeed(
    site,
    head,
    entries,
    versions.map((v) => v.date!),
  );
}

/** The Atom feed of one module's changes, newest first (FEED_CHANGE_LIMIT of them). */
export function buildModuleFeed(site: Site, moduleId: string): Promise<string> {
  const { config, base, t } = site;
  const module = site.moduleLabel(moduleId);
  const head: FeedHead = {
    self: moduleFeedUrl(base, moduleId),
    alternate: moduleUrl(base, moduleId),
    name: `module:${encodeURIComponent(moduleId)}`,
    title: t('site.feed.module.title', { title: config.title, module }),
    subtitle: t('site.feed.module.subtitle', { product: config.product, module }),
  };
  return changesFeed(site, head, (entry) => entry.modules.includes(moduleId));
}

/** The Atom feed of the changes that need attention (core/attention.ts), newest first. */
export function buildAttentionFeed(site: Site): Promise<string> {
  const { config, base, t } = site;
  const head: FeedHead = {
    self: attentionFeedUrl(base),
    alternate: homeUrl(base),
    name: 'attention',
    title: t('site.feed.attention.title', { title: config.title }),
    subtitle: t('site.feed.attention.subtitle', { product: config.product }),
  };
  return changesFeed(site, head, (entry) => attentionReasons(entry).length > 0);
}

/**
 * A feed of changes: the entries `wanted` picks, newest version first and in the version's
 * order within it, cut at FEED_CHANGE_LIMIT. Changes of a withdrawn version stay (later
 * versions carry them) with the version marked.
 */
async function changesFeed(site: Site, head: FeedHead, wanted: (entry: EntryRecord) => boolean): Promise<string> {
  const picked: { entry: EntryRecord; version: VersionInfo }[] = [];
  for (const version of feedVersions(site)) {
    for (const entry of site.entries(version.slug)) {
      if (picked.length === FEED_CHANGE_LIMIT) break;
      if (wanted(entry)) picked.push({ entry, version });
    }
    if (picked.length === FEED_CHANGE_LIMIT) break;
  }
  return atomFeed(
    site,
    head,
    await Promise.all(picked.map(({ entry, version }) => changeEntry(site, entry, version))),
    picked.map(({ version }) => version.date!),
  );
}

/** One change as an Atom entry: its page, its version's date, its type, modules and reasons as categories. */
async function changeEntry(site: Site, entry: EntryRecord, version: VersionInfo): Promise<object> {
  const { config, base, locale } = site;
  const page = entryUrl(base, entry.versionSlug, entry.id);
  const reasons = attentionReasons(entry).map((reason) => attentionLabel(locale, reason));
  const modules = site.sortedModules(entry.modules).map((m) => site.moduleLabel(m));
  const withdrawn = version.status === 'withdrawn';
  const summary = [
    ...(withdrawn ? [versionStatusLabel(locale, 'withdrawn')] : []),
    site.typeLabel(entry.type),
    ...modules,
    ...reasons,
  ].join(' · ');
  const { html: body } = await site.entryBody(entry.id);
  const categories: Category[] = [
    { '@_term': `type:${entry.type}`, '@_label': site.typeLabel(entry.type) },
    ...site.sortedModules(entry.modules).map((m) => ({ '@_term': `module:${m}`, '@_label': site.moduleLabel(m) })),
    ...attentionReasons(entry).map((r) => ({ '@_term': `attention:${r}`, '@_label': attentionLabel(locale, r) })),
    ...(withdrawn ? [withdrawnCategory(site)] : []),
  ];
  return {
    id: xmlText(feedId(site, page, `entry:${encodeURIComponent(entry.id)}`)),
    title: { '@_type': 'text', '#text': xmlText(`${version.version} · ${entry.title}`) },
    link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': absoluteUrl(config.site, page) },
    published: timestamp(version.date!),
    updated: timestamp(version.date!),
    category: categories.map((c) => ({ '@_term': xmlText(c['@_term']), '@_label': xmlText(c['@_label']) })),
    summary: { '@_type': 'text', '#text': xmlText(summary) },
    ...(body ? { content: { '@_type': 'html', '#text': xmlText(body) } } : {}),
  };
}

interface Category {
  '@_term': string;
  '@_label': string;
}

function withdrawnCategory(site: Site): Category {
  return { '@_term': 'withdrawn', '@_label': versionStatusLabel(site.locale, 'withdrawn') };
}

function timestamp(date: string): string {
  return `${date}T00:00:00Z`;
}
