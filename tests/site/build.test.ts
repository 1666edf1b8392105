import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import * as z from 'zod';
import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataIndex, RoadBookFile } from '../../src/core/data-files.ts';
import type { SearchSettings } from '../../src/scripts/search.ts';
import { translate } from '../../src/core/i18n/translate.ts';
import { unpackVersionFile, type VersionFile } from '../../src/core/version-file.ts';
import { runBuild } from '../../src/cli/commands/build.ts';
import { readWorkbook } from '../helpers/workbook.ts';
import { all, both, cls, files, has, id, items, linkedEntry, one, page, prop, tag, text } from './html.ts';
import { collectingIo, REPO } from './sites.ts';
import { treeDigest } from '../helpers/tree-digest.ts';

/**
 * The fixture sites, built once by tests/site/global-setup.ts, checked as a reader, a
 * browser and other tools would see them: the HTML (parsed), the data files and the feed.
 */
const sites = inject('sites');

const json = async <T>(dir: string, path: string): Promise<T> =>
  JSON.parse(await readFile(join(dir, path), 'utf8')) as T;
const exists = async (dir: string, path: string) => (await files(dir)).includes(path);
const byData = (name: string, value?: string) => (el: Element) =>
  value === undefined ? el.properties[name] !== undefined : el.properties[name] === value;
const htmlFiles = async (dir: string) => (await files(dir)).filter((f) => f.endsWith('.html'));
const feedEntries = async (dir: string) => {
  const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(
    await readFile(join(dir, 'feed.xml'), 'utf8'),
  );
  const entries = feed.feed.entry;
  return { feed: feed.feed, entries: (Array.isArray(entries) ? entries : [entries]) as Record<string, unknown>[] };
};
const href = (el: Element) => prop(el, 'href') ?? '';

describe('French fixture (gestan-fr), built without drafts', () => {
  const { out } = sites.fr;

  it('writes every route', async () => {
    const built = await files(out);
    for (const path of [
      'index.html',
      '404.html',
      'modules/index.html',
      'modules/facturation/index.html',
      'modules/comptabilite/index.html',
      'modules/stocks/index.html',
      'versions/1.0.0/index.html',
      'versions/1.1.0/index.html',
      'versions/1.1.0-DU1/index.html',
      'versions/1.0.0/FAC-1/index.html',
      'versions/1.1.0/FAC-2/index.html',
      'versions/1.1.0-DU1/FAC-3/index.html',
      'versions/1.1.0-DU1/assets/schema.svg',
      'feed.xml',
      'roadbook.json',
      'data/index.json',
      'data/index.json.gz',
      'data/versions/1.0.0.json',
      'data/versions/1.1.0.json',
      'data/versions/1.1.0-DU1.json',
      'data/versions/1.1.0-DU1.json.gz',
      'schemas/roadbook.json',
      'schemas/checklist.json',
      'versions/1.0.0/checklist.csv',
      'versions/1.0.0/checklist.xlsx',
      'versions/1.0.0/checklist.md',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind-component-ui.js',
    ]) {
      expect(built, path).toContain(path);
    }
    expect(built.filter((f) => /^versions\/[^/]+\/[^/]+\/index\.html$/.test(f))).toHaveLength(7);
  });

  it('publishes the index the browser loads gzipped, holding the bytes of data/index.json', async () => {
    const packed = await readFile(join(out, 'data/index.json.gz'));
    const plain = await readFile(join(out, 'data/index.json'));
    expect([...packed.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(packed).equals(plain)).toBe(true);
    expect(packed.length).toBeLessThan(plain.length);
  });

  it('leaves the draft version out everywhere', async () => {
    const built = await files(out);
    expect(built.some((f) => f.includes('2.0.0') || f.includes('STK-2'))).toBe(false);
    const book = await json<RoadBookFile>(out, 'roadbook.json');
    expect(book.versions.map((v) => v.slug)).not.toContain('2.0.0');
    expect(JSON.stringify(await json(out, 'data/index.json'))).not.toContain('2.0.0');
    expect(text(await page(out, 'index.html'))).not.toContain('2.0.0');
  });

  it('sets up every page: language, title, description, colour schemes, skip link, landmarks, search', async () => {
    for (const path of [
      'index.html',
      'versions/1.0.0/index.html',
      'versions/1.0.0/FAC-1/index.html',
      'modules/stocks/index.html',
      '404.html',
    ]) {
      const tree = await page(out, path);
      const html = one(tree, tag('html'));
      expect(prop(html, 'lang'), path).toBe('fr');
      expect(text(one(tree, tag('title'))), path).toMatch(/Road book Testan$/);
      const meta = (name: string) => all(tree, both(tag('meta'), byData('name', name)));
      expect(prop(meta('description')[0]!, 'content'), path).toBeTruthy();
      expect(prop(meta('color-scheme')[0]!, 'content'), path).toBe('light dark');
      // The icon is one file for the whole site, not a data: URL repeated in every page.
      expect(
        href(
          one(
            tree,
            both(tag('link'), (e) => prop(e, 'rel') === 'icon'),
          ),
        ),
        path,
      ).toBe('/icon.svg');
      const skip = one(tree, cls('skip-link'));
      expect(href(skip)).toBe('#main');
      expect(all(tree, both(tag('main'), id('main')))).toHaveLength(1);
      expect(all(tree, tag('header')).length, path).toBeGreaterThan(0);
      expect(all(tree, tag('footer')), path).toHaveLength(1);
      expect(text(one(tree, tag('footer')))).toContain('Publié par Éditions Essai');
      const search = one(tree, tag('rb-search'));
      // pagefind's elements are made by the script from the site's search settings, one file
      // whose address is all the page holds.
      expect(prop(search, 'dataSettings')).toBe('/search.json');
      expect(Object.keys(search.properties).sort(), path).toEqual(['ariaLabel', 'className', 'dataSettings', 'role']);
      expect(
        all(search, (e) => e.tagName.startsWith('pagefind-')),
        path,
      ).toEqual([]);
      const nav = one(tree, cls('site-nav'));
      expect(all(nav, tag('a')).map(href)).toEqual(['/', '/modules/', '/upgrade/', '/checklist/']);
      expect(all(tree, tag('h1')), path).toHaveLength(1);
    }
  });

  it('writes the search box’s words and settings once, in /search.json', async () => {
    const settings = await json<SearchSettings>(out, 'search.json');
    expect(settings).toEqual({
      bundle: '/pagefind/',
      lang: 'fr',
      placeholder: 'Rechercher un changement',
      filters: [
        { filter: 'version', label: 'Version' },
        { filter: 'module', label: 'Module' },
        { filter: 'type', label: 'Type' },
      ],
      maxResults: 20,
      unavailable: translate('fr', 'site.search.unavailable'),
      failed: "La recherche n'a pas pu être chargée.",
    });
  });

  it('lists the versions newest first on the home page, the latest published one first of all', async () => {
    const tree = await page(out, 'index.html');
    const rows = all(one(tree, cls('version-table')), byData('dataVersion'));
    expect(rows.map((r) => prop(r, 'dataVersion'))).toEqual(['1.1.0/DU1', '1.1.0', '1.0.0']);
    expect(rows.map((r) => href(one(r, tag('a'))))).toEqual([
      '/versions/1.1.0-DU1/',
      '/versions/1.1.0/',
      '/versions/1.0.0/',
    ]);
    expect(text(rows[0]!)).toContain('20 février 2026');
    expect(text(rows[0]!)).toContain('Correctif DU1');
    expect(text(rows[2]!)).toContain('3 changements');
    expect(text(rows[2]!)).toMatch(/1 Nouveauté.*1 Évolution.*1 Correction/);
    // Withdrawn, breaking and data markers.
    expect(prop(rows[1]!, 'dataStatus')).toBe('withdrawn');
    expect(all(rows[1]!, cls('badge-withdrawn')).map(text)).toEqual(['Retirée']);
    expect(all(rows[1]!, cls('badge-breaking'))).toHaveLength(1);
    expect(all(rows[1]!, cls('badge-data'))).toHaveLength(1);
    expect(all(rows[0]!, cls('badge-breaking'))).toHaveLength(0);
    const latest = one(tree, cls('version-summary'));
    expect(text(one(latest, cls('version-number')))).toBe('1.1.0/DU1');
  });

  it('marks a withdrawn version clearly, with the introduction saying why', async () => {
    const tree = await page(out, 'versions/1.1.0/index.html');
    const banner = one(tree, cls('banner-withdrawn'));
    expect(text(banner)).toContain('Version retirée — ne pas installer');
    expect(text(one(tree, cls('version-intro')))).toContain('la migration des soldes pouvait échouer');
    expect(all(tree, cls('banner-draft'))).toHaveLength(0);
    const entryPage = await page(out, 'versions/1.1.0/CPT-2/index.html');
    expect(text(one(entryPage, cls('banner-withdrawn')))).toContain('version retirée 1.1.0');
    expect(all(await page(out, 'versions/1.0.0/index.html'), cls('banner-withdrawn'))).toHaveLength(0);
  });

  it('shows a version: real version string, date, installer, minimumFrom, database', async () => {
    const du = await page(out, 'versions/1.1.0-DU1/index.html');
    expect(text(one(du, tag('h1')))).toContain('Version 1.1.0/DU1');
    expect(text(one(du, cls('version-meta')))).toContain('Publiée le 20 février 2026');
    expect(text(one(du, cls('minimum-from')))).toContain('1.0.0');
    expect(text(one(du, cls('database')))).toContain('2');

    const tree = await page(out, 'versions/1.0.0/index.html');
    const installer = one(tree, cls('installer'));
    expect(text(one(installer, cls('installer-file')))).toBe('Testan_1.0.0_setup.exe');
    expect(text(one(installer, cls('installer-size')))).toBe('187,7 Mo');
    expect(text(one(installer, cls('installer-bytes')))).toBe('(187 654 321 octets)');
    const sha = one(installer, both(tag('code'), cls('sha256')));
    expect(text(sha)).toBe('0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9');
    expect(prop(one(installer, tag('rb-copy')), 'target')).toBe(prop(sha, 'id'));
  });

  it('lists required actions, data changes and breaking changes, each linking to its entry', async () => {
    const first = await page(out, 'versions/1.0.0/index.html');
    const actions = one(first, cls('highlights-actions'));
    expect(text(one(actions, tag('h2')))).toBe('Actions requises');
    expect(all(actions, tag('li')).map(linkedEntry)).toEqual(['STK-1']);
    expect(href(one(actions, tag('a')))).toBe('/versions/1.0.0/STK-1/');
    expect(text(actions)).toContain('Relancer le calcul des stocks');
    const data = one(first, cls('highlights-data'));
    expect(text(data)).toContain('Nouvelle table INVENTAIRE_EMPLACEMENT.');
    expect(all(first, cls('highlights-breaking'))).toHaveLength(0);

    const withdrawn = await page(out, 'versions/1.1.0/index.html');
    const breaking = one(withdrawn, cls('highlights-breaking'));
    expect(all(breaking, tag('li')).map(linkedEntry)).toEqual(['CPT-2']);
    expect(all(one(withdrawn, cls('highlights-data')), tag('li')).map(linkedEntry)).toEqual(['CPT-2']);
    expect(all(withdrawn, cls('highlights-actions'))).toHaveLength(0);
  });

  it('groups a version’s entries by module in roadbook.yml’s order, with their verification items', async () => {
    const tree = await page(out, 'versions/1.0.0/index.html');
    const groups = all(tree, both(cls('module-group'), byData('dataGroup')));
    expect(groups.map((g) => prop(g, 'dataGroup'))).toEqual(['facturation', 'comptabilite', 'stocks']);
    expect(groups.map((g) => text(one(g, tag('h3'))))).toEqual(['Facturation', 'Comptabilité', 'Stocks']);
    const entriesOf = (g: Element) => all(g, both(tag('li'), byData('dataEntry'))).map((li) => prop(li, 'id'));
    expect(groups.map(entriesOf)).toEqual([['entry-FAC-1'], ['entry-CPT-1'], ['entry-STK-1']]);

    const stk = one(tree, id('entry-STK-1'));
    expect(href(one(one(stk, cls('entry-title')), tag('a')))).toBe('/versions/1.0.0/STK-1/');
    expect(text(one(stk, cls('entry-also')))).toContain('Facturation');
    expect(text(one(stk, cls('badge-type')))).toBe('Évolution');
    expect(text(one(stk, cls('entry-facts')))).toContain('Entreprise');
    expect(JSON.parse(prop(stk, 'dataModules')!)).toEqual(['stocks', 'facturation']);

    const fac = one(tree, id('entry-FAC-1'));
    const listed = items(fac);
    expect(listed).toHaveLength(4);
    // No anchors here: an item's one address is on its entry's page.
    expect(listed.map((i) => prop(i, 'id'))).toEqual([undefined, undefined, undefined, undefined]);
    const firstItem = listed[0]!;
    expect(prop(one(firstItem, cls('badge-priority')), 'dataValue')).toBe('critical');
    expect(text(one(firstItem, cls('badge-priority')))).toBe('Critique');
    expect(text(one(firstItem, tag('p')))).toContain('Créer un avoir partiel sur une facture réglée');
    expect(text(one(firstItem, cls('item-expect')))).toContain("Le solde client est diminué du montant de l'avoir");
    expect(text(one(firstItem, cls('item-menu')))).toContain('Facturation → Avoirs → Nouveau');
    expect(text(one(firstItem, cls('item-setup')))).toContain('Une facture réglée de 1 200 €');
    expect(text(one(listed[2]!, cls('item-expect')))).toContain('le PDF porte la mention « Avoir partiel »');
    expect(text(one(listed[3]!, cls('item-expect')))).toContain("l'avoir figure au journal des ventes");
    expect(text(one(fac, cls('tags')))).toBe('avoirs');
    expect(text(fac)).toContain('1001');
  });

  it('ships the type and module filter as a progressive enhancement (hidden until its script runs)', async () => {
    const tree = await page(out, 'versions/1.0.0/index.html');
    const filter = one(tree, tag('rb-entry-filter'));
    const form = one(filter, tag('form'));
    expect(form.properties.hidden).toBe(true);
    const options = (name: string) =>
      all(one(form, both(tag('select'), byData('name', name))), tag('option')).map((o) => prop(o, 'value'));
    expect(options('type')).toEqual(['', 'nouveaute', 'evolution', 'correction']);
    expect(options('module')).toEqual(['', 'facturation', 'comptabilite', 'stocks']);
    // Every entry is in the page and none is hidden.
    expect(all(filter, byData('dataEntry')).every((e) => e.properties.hidden === undefined)).toBe(true);
  });

  it('shows an entry page: breadcrumbs, title, facts, callouts, body, items, relations, permalink', async () => {
    const tree = await page(out, 'versions/1.1.0-DU1/FAC-3/index.html');
    expect(all(one(tree, cls('breadcrumbs')), tag('a')).map(href)).toEqual(['/', '/versions/1.1.0-DU1/']);
    expect(text(one(tree, tag('h1')))).toBe('Migration des soldes reprenable');
    const facts = one(tree, cls('entry-facts'));
    expect(href(one(facts, both(tag('a'), byData('dataPagefindFilter', 'version'))))).toBe('/versions/1.1.0-DU1/');
    expect(all(facts, both(tag('a'), byData('dataPagefindFilter', 'module'))).map(href)).toEqual([
      '/modules/facturation/',
      '/modules/comptabilite/',
    ]);
    expect(text(facts)).toContain('Standard, Entreprise');
    expect(text(facts)).toContain('migration');
    expect(text(facts)).toContain('1003, 1004');
    expect(text(one(tree, cls('callout-action')))).toContain("Éditer le rapport de migration après l'installation.");
    const img = one(one(tree, cls('entry-body')), tag('img'));
    expect(prop(img, 'src')).toBe('/versions/1.1.0-DU1/assets/schema.svg');
    expect(items(tree)).toHaveLength(1);
    expect(href(one(one(tree, cls('supersedes')), tag('a')))).toBe('/versions/1.1.0/FAC-2/');
    expect(href(one(one(tree, cls('permalink')), tag('a')))).toBe('/versions/1.1.0-DU1/FAC-3/');

    // Links to other entries' and versions' Markdown files become their pages, fragment kept.
    expect(all(one(tree, cls('entry-body')), tag('a')).map(href)).toEqual([
      '/versions/1.1.0/FAC-2/#reprise',
      '/versions/1.1.0/',
      '/versions/1.1.0-DU1/SEC-1/',
    ]);

    const replaced = await page(out, 'versions/1.1.0/FAC-2/index.html');
    expect(href(one(one(replaced, cls('superseded-by')), tag('a')))).toBe('/versions/1.1.0-DU1/FAC-3/');

    const withIntro = await page(out, 'versions/1.0.0/FAC-1/index.html');
    expect(text(one(withIntro, cls('items-intro')))).toBe('Ces contrôles se font sur une copie du dossier.');
    expect(text(one(withIntro, cls('entry-body')))).not.toContain('Imprimer');
    expect(items(withIntro).map((i) => prop(i, 'id'))).toEqual([
      'item-FAC-1--avoir-partiel',
      'item-FAC-1--reediter-la-facture-d-origine',
      'item-FAC-1--imprimer-l-avoir',
      'item-FAC-1--exporter-les-ecritures-du-mois',
    ]);

    const breaking = await page(out, 'versions/1.1.0/CPT-2/index.html');
    expect(all(breaking, cls('callout-breaking'))).toHaveLength(1);
    expect(text(one(breaking, cls('callout-data')))).toContain('SOLDE_MENSUEL');
  });

  it('copies assets byte for byte and highlights code blocks at build time', async () => {
    const source = await readFile(join(sites.fr.root, 'content/versions/1.1.0-DU1/assets/schema.svg'));
    expect(await readFile(join(out, 'versions/1.1.0-DU1/assets/schema.svg'))).toEqual(source);
    const tree = await page(out, 'versions/1.0.0/CPT-1/index.html');
    const pre = one(one(tree, cls('entry-body')), tag('pre'));
    expect(text(pre)).toContain("SELECT COUNT(*) FROM ecriture WHERE journal = 'VT';");
    expect(all(pre, tag('span')).length).toBeGreaterThan(3);
  });

  it('shows content text as text: a title holding <script> is escaped everywhere', async () => {
    const title = 'Titre avec <script>alert("x")</script> & balises';
    for (const path of [
      'versions/1.1.0/FAC-2/index.html',
      'versions/1.1.0/index.html',
      'modules/facturation/index.html',
    ]) {
      const tree = await page(out, path);
      expect(text(tree), path).toContain(title);
      for (const script of all(tree, tag('script'))) expect(text(script), path).not.toContain('alert');
    }
    const entry = await page(out, 'versions/1.1.0/FAC-2/index.html');
    expect(text(one(entry, tag('h1')))).toBe(title);
    const item = items(entry)[0]!;
    expect(all(item, tag('b'))).toHaveLength(0);
    expect(text(item)).toContain('Saisir <b>gras</b> dans le libellé');
    expect(text(one(entry, tag('title')))).toContain(title);
    const raw = await readFile(join(out, 'feed.xml'), 'utf8');
    expect(raw).not.toContain('<script>');
  });

  it('lists every change of a module, newest version first', async () => {
    const tree = await page(out, 'modules/facturation/index.html');
    expect(text(one(tree, tag('h1')))).toBe('Module Facturation');
    const sections = all(tree, both(cls('module-version'), byData('dataVersion')));
    expect(sections.map((s) => prop(s, 'dataVersion'))).toEqual(['1.1.0/DU1', '1.1.0', '1.0.0']);
    const ids = sections.map((s) => all(s, cls('entry')).map(linkedEntry));
    expect(ids).toEqual([['FAC-3'], ['FAC-2'], ['FAC-1', 'STK-1']]);
    expect(all(sections[1]!, cls('badge-withdrawn'))).toHaveLength(1);
    const index = await page(out, 'modules/index.html');
    expect(all(one(index, cls('module-index')), tag('a')).map(href)).toEqual([
      '/modules/facturation/',
      '/modules/facturation/feed.xml',
      '/modules/comptabilite/',
      '/modules/comptabilite/feed.xml',
      '/modules/stocks/',
      '/modules/stocks/feed.xml',
    ]);
  });

  it('has a 404 page with a way home and the search box', async () => {
    const tree = await page(out, '404.html');
    expect(text(one(tree, tag('h1')))).toBe('Page introuvable');
    expect(all(one(tree, tag('main')), tag('a')).map(href)).toContain('/');
    expect(all(tree, tag('rb-search'))).toHaveLength(1);
  });

  it('marks only entry pages for the search index, with version, module and type filters', async () => {
    for (const path of await htmlFiles(out)) {
      const tree = await page(out, path);
      const bodies = all(tree, has('dataPagefindBody'));
      const isEntry = /^versions\/[^/]+\/[^/]+\/index\.html$/.test(path);
      expect(bodies.length, path).toBe(isEntry ? 1 : 0);
    }
    const tree = await page(out, 'versions/1.1.0-DU1/FAC-3/index.html');
    const body = one(tree, has('dataPagefindBody'));
    const filters = (name: string) => all(body, byData('dataPagefindFilter', name)).map(text);
    expect(filters('version')).toEqual(['1.1.0/DU1']);
    expect(filters('module')).toEqual(['Facturation', 'Comptabilité']);
    expect(filters('type')).toEqual(['Correction']);
    expect(text(one(body, byData('dataPagefindMeta', 'title')))).toBe('Migration des soldes reprenable');
    const entry = await json<{ languages: Record<string, { page_count: number }> }>(
      out,
      'pagefind/pagefind-entry.json',
    );
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    expect(entry.languages.fr!.page_count).toBe(7);
  });

  it('publishes /roadbook.json and the per-version data files from core', async () => {
    const book = await json<RoadBookFile>(out, 'roadbook.json');
    const index = await json<DataIndex>(out, 'data/index.json');
    expect(book.schema).toBe(1);
    expect(book.buildId).toMatch(/^[0-9a-f]{64}$/);
    expect(index.buildId).toBe(book.buildId);
    expect(book.versions.map((v) => v.version)).toEqual(['1.0.0', '1.1.0', '1.1.0/DU1']);
    expect(book.versions.map((v) => v.entries.map((e) => e.id))).toEqual([
      ['CPT-1', 'FAC-1', 'STK-1'],
      ['CPT-2', 'FAC-2'],
      ['FAC-3', 'SEC-1'],
    ]);
    expect(book.versions[1]!.status).toBe('withdrawn');
    expect(book.versions[0]!.counts).toMatchObject({ entries: 3, items: 6, data: 1, actions: 1, breaking: 0 });
    expect(book.versions[0]!.entries[1]!.items[0]).toMatchObject({
      id: 'FAC-1#avoir-partiel',
      step: 'Créer un avoir partiel sur une facture réglée',
      priority: 'critical',
    });
    expect(index.base).toBe('/');
    expect(index.versions.map((v) => v.slug)).toEqual(['1.0.0', '1.1.0', '1.1.0-DU1']);
    expect(index.modules.map((m) => m.id)).toEqual(['facturation', 'comptabilite', 'stocks']);
    expect(index.processes.map((p) => p.id)).toEqual(['facturation-mensuelle']);

    // The browser's file of a version reads back into exactly the entries of /roadbook.json.
    const du = await json<VersionFile>(out, 'data/versions/1.1.0-DU1.json');
    expect(du.schema).toBe(2);
    expect(du.version).toMatchObject({ version: '1.1.0/DU1', slug: '1.1.0-DU1', minimumFrom: '1.0.0' });
    const duEntries = unpackVersionFile(du).entries;
    expect(duEntries.map((e) => e.id)).toEqual(['FAC-3', 'SEC-1']);
    expect(duEntries).toEqual(book.versions[2]!.entries);
    for (const [slug, v] of [
      ['1.0.0', 0],
      ['1.1.0', 1],
    ] as const) {
      const file = await json<VersionFile>(out, `data/versions/${slug}.json`);
      expect(unpackVersionFile(file).entries, slug).toEqual(book.versions[v]!.entries);
    }

    // Nothing of the build machine is published.
    for (const path of (await files(out)).filter((f) => f.endsWith('.json') && !f.startsWith('pagefind/'))) {
      const raw = await readFile(join(out, path), 'utf8');
      expect(raw, path).not.toContain(sites.fr.root);
      expect(raw, path).not.toMatch(/"(dir|source|body|bodyLine|absolutePath)":|"file":"content\//);
    }
  });

  it('publishes the JSON Schemas of the files writers edit, as committed', async () => {
    for (const name of ['roadbook-yml', 'processes-yml', 'version', 'entry']) {
      const committed = JSON.parse(await readFile(join(REPO, `src/core/schemas/${name}.schema.json`), 'utf8'));
      expect(await json(out, `schemas/${name}.json`), name).toEqual(committed);
    }
  });

  it('publishes the JSON Schema of /roadbook.json, which every build’s file meets', async () => {
    const schema = await json<Parameters<typeof z.fromJSONSchema>[0]>(out, 'schemas/roadbook.json');
    const validator = z.fromJSONSchema(schema);
    for (const site of [sites.fr, sites.frDrafts, sites.en]) {
      const parsed = validator.safeParse(await json(site.out, 'roadbook.json'));
      expect(parsed.error?.issues ?? [], site.out).toEqual([]);
    }
    const book = await json<RoadBookFile>(out, 'roadbook.json');
    expect(validator.safeParse({ ...book, extra: 1 }).success).toBe(false);
    const entry = book.versions[0]!.entries[0]!;
    const withEntry = (e: object) => ({ ...book, versions: [{ ...book.versions[0]!, entries: [e] }] });
    expect(validator.safeParse(withEntry({ ...entry, file: 'x.md' })).success).toBe(false);
    expect(
      validator.safeParse(withEntry({ ...entry, items: [{ ...entry.items[0]!, priority: 'urgent' }] })).success,
    ).toBe(false);
  });

  it('publishes an Atom feed of the versions, newest first, withdrawn marked, links under the base', async () => {
    const { feed, entries } = await feedEntries(out);
    expect(feed['@xml:lang']).toBe('fr');
    expect(entries.map((e) => (e.link as Record<string, string>)['@href'])).toEqual([
      '/versions/1.1.0-DU1/',
      '/versions/1.1.0/',
      '/versions/1.0.0/',
    ]);
    const titles = entries.map((e) => String((e.title as Record<string, string>)['#text']));
    expect(titles[0]).toBe('Testan 1.1.0/DU1 — Correctif DU1');
    expect(titles[1]).toBe('[Retirée] Testan 1.1.0');
    expect(entries.map((e) => e.updated)).toEqual([
      '2026-02-20T00:00:00Z',
      '2026-02-10T00:00:00Z',
      '2026-01-13T00:00:00Z',
    ]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(3);
    expect(String(entries[0]!.id)).toMatch(/^urn:roadbook:/);
  });

  it('asks nothing of another origin: every URL a page, stylesheet or script loads is the site’s own', async () => {
    await expectOwnOrigin(out, '/', null);
  });
});

describe('French fixture built with --drafts', () => {
  const { out } = sites.frDrafts;

  it('publishes the draft version, clearly marked, without making it the latest or putting it in the feed', async () => {
    expect(await exists(out, 'versions/2.0.0/index.html')).toBe(true);
    expect(await exists(out, 'versions/2.0.0/STK-2/index.html')).toBe(true);
    const version = await page(out, 'versions/2.0.0/index.html');
    expect(text(one(version, cls('banner-draft')))).toContain('Brouillon');
    expect(text(one(version, cls('version-meta')))).toContain('Date de diffusion non fixée');
    const home = await page(out, 'index.html');
    const rows = all(one(home, cls('version-table')), byData('dataVersion'));
    expect(rows.map((r) => prop(r, 'dataVersion'))).toEqual(['2.0.0', '1.1.0/DU1', '1.1.0', '1.0.0']);
    expect(text(one(rows[0]!, cls('badge-draft')))).toBe('Brouillon');
    expect(text(one(one(home, cls('version-summary')), cls('version-number')))).toBe('1.1.0/DU1');
    const book = await json<RoadBookFile>(out, 'roadbook.json');
    expect(book.versions.map((v) => v.slug)).toContain('2.0.0');
    const { entries } = await feedEntries(out);
    expect(entries).toHaveLength(3);
    expect(JSON.stringify(entries)).not.toContain('2.0.0');
  });

  it("links a draft's entry to its own version page", async () => {
    const entry = await page(out, 'versions/2.0.0/STK-2/index.html');
    expect(all(one(entry, cls('entry-body')), tag('a')).map(href)).toEqual(['/versions/2.0.0/']);
  });
});

describe('English fixture under a sub-path (english-base: locale en, base /docs/roadbook/, site set)', () => {
  const { out } = sites.en;
  const base = '/docs/roadbook/';

  it('speaks English', async () => {
    const tree = await page(out, 'index.html');
    expect(prop(one(tree, tag('html')), 'lang')).toBe('en');
    expect(text(one(tree, cls('skip-link')))).toBe('Skip to content');
    expect(all(one(tree, cls('site-nav')), tag('a')).map(text)).toEqual([
      'Versions',
      'Modules',
      'Upgrade',
      'Acceptance test',
    ]);
    expect(text(one(tree, tag('main')))).toContain('Latest version');
    const version = await page(out, 'versions/3.0.0/index.html');
    expect(text(one(version, cls('installer')))).toContain('Installer to archive');
    expect(text(one(version, cls('installer-size')))).toBe('1.5 kB');
    expect(text(one(version, cls('version-meta')))).toContain('Released on 3 March 2026');
    const entry = await page(out, 'versions/3.1.0/LED-21/index.html');
    expect(text(one(entry, cls('badge-type')))).toBe('Fix');
    expect(text(one(entry, cls('item-expect')))).toContain('Expected result');
    const entryIndex = await json<{ languages: Record<string, unknown> }>(out, 'pagefind/pagefind-entry.json');
    expect(Object.keys(entryIndex.languages)).toEqual(['en']);
  });

  it('writes the site icon as an SVG file of its own', async () => {
    const icon = await readFile(join(out, 'icon.svg'), 'utf8');
    expect(icon).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>\n$/s);
  });

  it('puts the base in front of every link, image, stylesheet, script and data address', async () => {
    for (const path of await htmlFiles(out)) {
      const tree = await page(out, path);
      for (const el of all(tree, (e) => ['href', 'src', 'action'].some((p) => typeof e.properties[p] === 'string'))) {
        for (const p of ['href', 'src', 'action']) {
          const value = prop(el, p);
          if (value === undefined || /^(#|data:|mailto:|https:\/\/docs\.example\.com\/docs\/roadbook\/)/.test(value))
            continue;
          expect(value.startsWith(base), `${path}: <${el.tagName} ${p}="${value}">`).toBe(true);
        }
      }
      expect(prop(one(tree, tag('rb-search')), 'dataSettings')).toBe(`${base}search.json`);
    }
    const entry = await page(out, 'versions/3.1.0/LED-20/index.html');
    expect(prop(one(one(entry, cls('entry-body')), tag('img')), 'src')).toBe(`${base}versions/3.1.0/assets/chart.png`);
    expect(await exists(out, 'versions/3.1.0/assets/chart.png')).toBe(true);
    const linking = await page(out, 'versions/3.0.0/LED-10/index.html');
    expect(all(one(linking, cls('entry-body')), tag('a')).map(href)).toEqual([
      `${base}versions/3.1.0/LED-20/`,
      `${base}versions/3.1.0/LED-20/#details`,
      `${base}versions/3.1.0/`,
    ]);
    expect((await json<SearchSettings>(out, 'search.json')).bundle).toBe(`${base}pagefind/`);
    const index = await json<DataIndex>(out, 'data/index.json');
    expect(index.base).toBe(base);
  });

  it('derives the module pages from the entries when roadbook.yml has no module list', async () => {
    expect(await exists(out, 'modules/invoicing/index.html')).toBe(true);
    expect(await exists(out, 'modules/ledger/index.html')).toBe(true);
    const tree = await page(out, 'modules/ledger/index.html');
    expect(all(tree, cls('entry')).map(linkedEntry)).toEqual(['LED-20', 'LED-21']);
  });

  it('makes feed links and the canonical address absolute with `site`', async () => {
    const { feed, entries } = await feedEntries(out);
    expect(feed.id).toBe('https://docs.example.com/docs/roadbook/');
    expect(entries.map((e) => (e.link as Record<string, string>)['@href'])).toEqual([
      'https://docs.example.com/docs/roadbook/versions/3.1.0/',
      'https://docs.example.com/docs/roadbook/versions/3.0.0/',
    ]);
    const tree = await page(out, 'versions/3.1.0/LED-21/index.html');
    expect(href(one(tree, (e) => e.tagName === 'link' && prop(e, 'rel') === 'canonical'))).toBe(
      'https://docs.example.com/docs/roadbook/versions/3.1.0/LED-21/',
    );
    expect(href(one(one(tree, cls('permalink')), tag('a')))).toBe(
      'https://docs.example.com/docs/roadbook/versions/3.1.0/LED-21/',
    );
    const notFound = await page(out, '404.html');
    expect(all(notFound, (e) => e.tagName === 'link' && prop(e, 'rel') === 'canonical')).toEqual([]);
  });

  it('asks nothing of another origin', async () => {
    await expectOwnOrigin(out, base, 'https://docs.example.com');
  });
});

describe('a failed build', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'roadbook-failed-build-'));
    await cp(join(sites.fr.root, 'content'), join(work, 'content'), { recursive: true });
    await cp(sites.fr.out, join(work, 'dist'), { recursive: true });
    return () => rm(work, { recursive: true, force: true });
  });

  it('exits 1 with the diagnostic and leaves the previous site byte for byte', async () => {
    const before = await treeDigest(join(work, 'dist'));
    await writeFile(
      join(work, 'content/versions/1.0.0/FAC-1-avoirs.md'),
      '---\ntitle: [unclosed\ntype: nouveaute\n---\nBody\n',
    );
    const { io, stderr } = collectingIo(work);
    const code = await runBuild({ root: work, out: 'dist' }, io);
    expect(code).toBe(1);
    expect(stderr()).toMatch(/content\/versions\/1\.0\.0\/FAC-1-avoirs\.md:\d+:\d+\s+error\s/);
    expect(stderr()).toContain('The site was not built');
    expect(await treeDigest(join(work, 'dist'))).toBe(before);
    expect((await readdir(work)).sort()).toEqual(['content', 'dist']);
  });
});

/**
 * Every URL the built site would load (src, srcset, poster, stylesheet and script links,
 * CSS url() and @import, our scripts' fetches) is on the site's own origin. Links people
 * follow (<a href>) may point elsewhere only inside Markdown bodies (writers' links); XML
 * namespaces are names, not requests. Pagefind's own bundle is checked in the browser test.
 */
async function expectOwnOrigin(out: string, base: string, site: string | null): Promise<void> {
  const foreign = (url: string) => /^(https?:)?\/\//i.test(url) && !(site && url.startsWith(`${site}${base}`));
  for (const path of await files(out)) {
    if (path.startsWith('pagefind/')) continue;
    if (path.endsWith('.html')) {
      const tree: Root = await page(out, path);
      for (const el of all(tree, () => true)) {
        for (const p of ['src', 'srcSet', 'poster', 'data', 'action', 'href', 'formAction', 'cite', 'background']) {
          const value = prop(el, p);
          if (value === undefined) continue;
          if (p === 'href' && el.tagName === 'a' && insideProse(tree, el)) continue;
          if (p === 'href' && el.tagName === 'link' && prop(el, 'rel') === 'canonical') {
            expect(foreign(value), `${path}: canonical ${value}`).toBe(false);
            continue;
          }
          expect(foreign(value), `${path}: <${el.tagName} ${p}="${value}">`).toBe(false);
        }
        if (el.tagName === 'style' || el.tagName === 'script') {
          expect(stripNamespaces(text(el)), `${path}: inline <${el.tagName}>`).not.toMatch(/https?:\/\//);
        }
        const style = prop(el, 'style');
        if (style) expect(style, `${path}: style`).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
      }
    } else if (/\.(css|js|mjs)$/.test(path)) {
      const raw = stripNamespaces(await readFile(join(out, path), 'utf8'), path);
      expect(raw, path).not.toMatch(/https?:\/\//);
    }
  }
}

function stripNamespaces(text: string, path = ''): string {
  // XML namespaces (W3C, and Office Open XML in the XLSX writer) are identifiers, never fetched.
  const out = text.replace(
    /https?:\/\/(?:www\.w3\.org|schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.org)\/[\w/.#-]*/g,
    '',
  );
  // The chunks of the checklist page's XLSX download, loaded only on click (exceljs' browser build),
  // and the bundler's CommonJS shim (its own chunk once semver, CommonJS too, shares it) name
  // their documentation in error messages: words, not requests.
  return /^_astro\/(?:exceljs\.min|xlsx|rolldown-runtime)\.[\w-]+\.js$/.test(path)
    ? out.replace(/https:\/\/(?:github\.com|stuk\.github\.io|rolldown\.rs)\/[^\s"'`)]*/g, '')
    : out;
}

function insideProse(tree: Root, target: Element): boolean {
  return all(tree, cls('prose')).some((prose) => all(prose, (e) => e === target).length > 0);
}

describe("a version's own checklist, generated at build time", () => {
  const { out, root } = sites.fr;

  it('is offered on the version page in CSV, XLSX and Markdown', async () => {
    const tree = await page(out, 'versions/1.0.0/index.html');
    const section = one(tree, cls('checklist-downloads'));
    const links = all(section, tag('a'));
    expect(links.map(href)).toEqual([
      '/versions/1.0.0/checklist.csv',
      '/versions/1.0.0/checklist.xlsx',
      '/versions/1.0.0/checklist.md',
    ]);
    expect(links.map((a) => prop(a, 'download'))).toEqual(['testan-1.0.0.csv', 'testan-1.0.0.xlsx', 'testan-1.0.0.md']);
  });

  it('holds exactly what `roadbook checklist --to <v>` gives', async () => {
    const { loadRoadBook } = await import('../../src/core/read/road-book.ts');
    const { buildChecklist, sourceFromRoadBook } = await import('../../src/core/checklist/index.ts');
    const { exportChecklist } = await import('../../src/core/export/index.ts');
    const { book } = await loadRoadBook(root);
    const checklist = buildChecklist(sourceFromRoadBook(book), { to: '1.0.0' });
    expect(checklist.items.length).toBeGreaterThan(0);
    for (const [format, file] of [
      ['csv', 'checklist.csv'],
      ['md', 'checklist.md'],
    ] as const) {
      const expected = (await exportChecklist(format, checklist)).data;
      const built = await readFile(join(out, 'versions/1.0.0', file));
      expect(
        Buffer.from(built).equals(
          Buffer.from(typeof expected === 'string' ? new TextEncoder().encode(expected) : expected),
        ),
        file,
      ).toBe(true);
    }
    const workbook = await readWorkbook(join(out, 'versions/1.0.0/checklist.xlsx'));
    const ids = workbook.worksheets[0]!.getColumn(1).values.slice(2);
    expect(ids).toEqual(checklist.items.map((i) => i.id));
  });

  it('is not offered for a withdrawn version, which is never installed', async () => {
    const tree = await page(out, 'versions/1.1.0/index.html');
    expect(all(tree, cls('checklist-downloads'))).toEqual([]);
    expect(await exists(out, 'versions/1.1.0/checklist.csv')).toBe(false);
  });

  it('is offered for a draft only in a build with drafts', async () => {
    expect(await exists(out, 'versions/2.0.0/checklist.csv')).toBe(false);
    expect(await exists(sites.frDrafts.out, 'versions/2.0.0/checklist.csv')).toBe(true);
  });

  it('publishes the JSON Schema of the checklist object, which the engine output meets', async () => {
    const schema = await json<Parameters<typeof z.fromJSONSchema>[0]>(out, 'schemas/checklist.json');
    const { default: source } = await import('../../src/core/schemas/checklist.schema.json', {
      with: { type: 'json' },
    });
    expect(schema).toEqual(source);
    const { loadRoadBook } = await import('../../src/core/read/road-book.ts');
    const { buildChecklist, sourceFromRoadBook } = await import('../../src/core/checklist/index.ts');
    const { book } = await loadRoadBook(root);
    const checklist = buildChecklist(sourceFromRoadBook(book), { from: '1.0.0', to: '1.1.0-DU1' });
    expect(z.fromJSONSchema(schema).safeParse(JSON.parse(JSON.stringify(checklist))).error?.issues ?? []).toEqual([]);
  });
});

describe('the digest cache of rendered entries', () => {
  const builds = inject('renderCache');

  it('renders every entry on a first build, none on an unchanged rebuild, only the edited one after an edit', () => {
    expect(builds.first).toMatch(/Built 3 versions and 7 entries \(7 rendered, 0 unchanged since the last build\)/);
    // Nothing changed: the site is left as it is (tests/cli/rebuild.test.ts).
    expect(builds.again).toMatch(/Nothing changed since the last build: the site in .* is left as it is/);
    expect(builds.afterEdit).toMatch(/\(1 rendered, 6 unchanged since the last build\)/);
  });
});

describe('the digest cache and links between pages', () => {
  const builds = inject('linkCache');

  it('renders a page again when an entry it links to changes id, as a build without a cache does', () => {
    for (const path of Object.keys(builds.cold)) {
      expect(builds.cold[path], path).toContain('href="/versions/1.1.0-DU1/SEC-9/"');
      expect(builds.cold[path], path).not.toContain('/versions/1.1.0-DU1/SEC-1/');
      expect(builds.warm[path], path).toBe(builds.cold[path]);
    }
    // SEC-9 itself (its id changed) and FAC-3, which links to it; the intro is a version's.
    expect(builds.warmStderr).toMatch(/\(2 rendered, 5 unchanged since the last build\)/);
  });
});

describe('the URL space of a version folder', () => {
  it('holds its entries’ pages and only the names core/routes.ts reserves, each used by some version', async () => {
    const { out, root } = sites.frDrafts;
    const { loadRoadBook } = await import('../../src/core/read/road-book.ts');
    const { VERSION_FOLDER_NAMES } = await import('../../src/core/routes.ts');
    const { book } = await loadRoadBook(root, { drafts: true });
    const used = new Set<string>();
    for (const version of book.versions) {
      const ids = book.entries.filter((e) => e.versionSlug === version.slug).map((e) => e.id);
      const names = await readdir(join(out, 'versions', version.slug));
      for (const name of names) {
        if (ids.includes(name)) continue;
        expect(VERSION_FOLDER_NAMES, `versions/${version.slug}/${name}`).toContain(name);
        used.add(name);
      }
    }
    expect([...used].sort()).toEqual([...VERSION_FOLDER_NAMES].sort());
  });
});
