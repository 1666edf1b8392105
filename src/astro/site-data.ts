import { getCollection, type CollectionEntry } from 'astro:content';
import { countVersion, moduleChoices, type RoadBookData, type VersionCounts } from '../core/data-files.ts';
import { pickEntry, pickVersion } from '../core/public-fields.ts';
import { formatters, type Formatters } from '../core/i18n/format.ts';
import { choiceLabels } from '../core/i18n/labels.ts';
import { counter } from '../core/i18n/count.ts';
import type { CountKey } from '../core/i18n/plural.ts';
import { translator, type Translate } from '../core/i18n/translate.ts';
import type { Asset, Choice, EntryRecord, Locale, RoadBookConfig, VersionInfo } from '../core/model.ts';
import type { SiteData, VersionData } from './collections.ts';
import { heldEntries } from './held-entries.ts';

/**
 * Everything the pages show, read once per build from the site's and the versions'
 * collections and from the entries the integration holds (held-entries.ts): the road book
 * as plain data (core's RoadBookData, what the data files are made from) plus lookup maps,
 * so that each page does only the work of what it shows, even with 10,000 entries.
 */
export interface Site {
  data: RoadBookData;
  config: RoadBookConfig;
  base: string;
  locale: Locale;
  t: Translate;
  /** `t` for a count: picks `<key>.one` or `<key>.other` by the locale's plural rules, `{n}` formatted. */
  tn: (key: CountKey, n: number) => string;
  format: Formatters;
  /** sha256 over every version and every entry's hash: identifies this build of the road book. */
  buildId: string;
  /** Versions in version order, oldest first (as in `data.versions`). */
  versions: VersionInfo[];
  newestFirst: VersionInfo[];
  /** The newest version with status `published`. */
  latest: VersionInfo | null;
  modules: Choice[];
  assets: Asset[];
  version(slug: string): VersionInfo | undefined;
  /** The stored version (for its rendered introduction). */
  versionEntry(slug: string): CollectionEntry<'versions'> | undefined;
  entries(slug: string): EntryRecord[];
  counts(slug: string): VersionCounts;
  entry(id: string): EntryRecord | undefined;
  /** An entry's rendered body and the introduction of its verification items, as HTML. */
  entryBody(id: string): Promise<EntryBody>;
  /** Every entry of a module, newest version first, file order within a version. */
  moduleEntries(moduleId: string): EntryRecord[];
  typeLabel(id: string): string;
  moduleLabel(id: string): string;
  editionLabel(id: string): string;
  /** Modules of an entry in roadbook.yml's order (the entry's own order when there is no list). */
  sortedModules(ids: readonly string[]): string[];
}

export interface EntryBody {
  html: string;
  verifyIntroHtml: string;
}

let memo: { generation: string; site: Promise<Site> } | null = null;

/**
 * The site's data, read from the collections once and kept while the content stays the same
 * (the whole build; in the dev preview, until an edit changes the road book's generation).
 */
export async function getSite(): Promise<Site> {
  if (!import.meta.env.DEV && memo) return memo.site;
  const generation = ((await getCollection('site'))[0]?.data as SiteData | undefined)?.generation ?? '';
  if (memo?.generation !== generation) memo = { generation, site: loadSite() };
  return memo.site;
}

async function loadSite(): Promise<Site> {
  const [siteEntries, versionEntries] = await Promise.all([getCollection('site'), getCollection('versions')]);
  const siteEntry = siteEntries[0];
  if (!siteEntry) throw new Error('roadbook: the site collection is empty (the loader did not run)');
  const site = siteEntry.data as SiteData;
  const config = site.config;

  const storedVersions = versionEntries
    .map((e: CollectionEntry<'versions'>) => ({ entry: e, data: e.data as VersionData }))
    .sort((a: { data: VersionData }, b: { data: VersionData }) => a.data.order - b.data.order);
  const sortedEntries = heldEntries()
    .all()
    .sort((a, b) => a.data.order - b.data.order);

  const versions: VersionInfo[] = storedVersions.map(({ data }: { data: VersionData }) => pickVersion(data));
  const entries: EntryRecord[] = sortedEntries.map(({ data }) => pickEntry(data));
  const data: RoadBookData = { config, processes: site.processes, versions, entries };

  const versionBySlug = new Map(versions.map((v) => [v.slug, v]));
  const versionEntryBySlug = new Map<string, CollectionEntry<'versions'>>(
    storedVersions.map(({ entry, data }: { entry: CollectionEntry<'versions'>; data: VersionData }) => [
      data.slug,
      entry,
    ]),
  );
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const byId = new Map(sortedEntries.map((entry) => [entry.data.id, entry]));

  const byVersion = new Map<string, EntryRecord[]>(versions.map((v) => [v.slug, []]));
  const byModule = new Map<string, EntryRecord[]>();
  for (const entry of entries) {
    byVersion.get(entry.versionSlug)?.push(entry);
    for (const m of entry.modules) {
      let list = byModule.get(m);
      if (!list) byModule.set(m, (list = []));
      list.push(entry);
    }
  }
  const versionRank = new Map(versions.map((v, i) => [v.slug, i]));
  for (const list of byModule.values()) {
    // Stable sort: file order is kept within a version.
    list.sort((a, b) => (versionRank.get(b.versionSlug) ?? 0) - (versionRank.get(a.versionSlug) ?? 0));
  }
  const counts = new Map([...byVersion].map(([slug, list]) => [slug, countVersion(list)]));

  const modules = moduleChoices(data);
  const moduleRank = new Map(modules.map((m, i) => [m.id, i]));

  const t = translator(config.locale);
  const format = formatters(config.locale);
  const newestFirst = [...versions].reverse();

  return {
    data,
    config,
    base: config.base,
    locale: config.locale,
    t,
    tn: counter(config.locale),
    format,
    buildId: site.buildId,
    versions,
    newestFirst,
    latest: newestFirst.find((v) => v.status === 'published') ?? null,
    modules,
    assets: site.assets,
    version: (slug) => versionBySlug.get(slug),
    versionEntry: (slug) => versionEntryBySlug.get(slug),
    entries: (slug) => byVersion.get(slug) ?? [],
    counts: (slug) => counts.get(slug) ?? countVersion([]),
    entry: (id) => entryById.get(id),
    entryBody: async (id) => {
      const held = byId.get(id);
      return held
        ? { html: await held.html(), verifyIntroHtml: held.data.verifyIntroHtml }
        : { html: '', verifyIntroHtml: '' };
    },
    moduleEntries: (id) => byModule.get(id) ?? [],
    typeLabel: choiceLabels(config.types),
    moduleLabel: choiceLabels(modules),
    editionLabel: choiceLabels(config.editions),
    sortedModules: (ids) => [...ids].sort((a, b) => (moduleRank.get(a) ?? Infinity) - (moduleRank.get(b) ?? Infinity)),
  };
}
