import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { describe, expect, inject, it } from 'vitest';
import { all, one, page, prop, text, tag } from './html.ts';

/**
 * The feeds of changes (/modules/<m>/feed.xml, /attention/feed.xml) and the calendar
 * (/calendar.ics) of the fixture sites, read back with an XML parser and with ical.js, and
 * the pages that announce them.
 */
const sites = inject('sites');

type Node = Record<string, unknown>;
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

async function atom(dir: string, path: string) {
  const xml = await readFile(join(dir, path), 'utf8');
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as { feed: Node };
  const entries = list(parsed.feed.entry as Node | Node[]);
  const ids = (e: Node) => String(e.id);
  const links = (e: Node) => (e.link as Record<string, string>)['@href'];
  const terms = (e: Node) => list(e.category as Node | Node[]).map((c) => String(c['@term']));
  const title = (e: Node) => String((e.title as Record<string, string>)['#text']);
  return { feed: parsed.feed, entries, ids, links, terms, title };
}

const alternates = async (dir: string, path: string) =>
  all(await page(dir, path), (e) => e.tagName === 'link' && prop(e, 'rel') === 'alternate').map((e) => ({
    type: prop(e, 'type'),
    href: prop(e, 'href'),
    title: prop(e, 'title'),
  }));

async function calendar(dir: string) {
  const raw = await readFile(join(dir, 'calendar.ics'), 'utf8');
  const component = new ICAL.Component(ICAL.parse(raw));
  const events = component.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      status: String(v.getFirstPropertyValue('status')),
      url: v.getFirstPropertyValue('url'),
      stamp: String(v.getFirstPropertyValue('dtstamp')),
      description: event.description,
    };
  });
  return { raw, component, events };
}

describe('feeds of changes (French fixture)', () => {
  const { out } = sites.fr;

  it('publishes one Atom feed per module, newest version first, with each change’s page, type and modules', async () => {
    const { feed, entries, links, terms, title } = await atom(out, 'modules/facturation/feed.xml');
    expect(feed['@xml:lang']).toBe('fr');
    expect(String((feed.title as Node)['#text'])).toBe('Road book Testan : module Facturation');
    expect(entries.map(links)).toEqual([
      '/versions/1.1.0-DU1/FAC-3/',
      '/versions/1.1.0/FAC-2/',
      '/versions/1.0.0/FAC-1/',
      '/versions/1.0.0/STK-1/',
    ]);
    expect(title(entries[0]!)).toBe('1.1.0/DU1 · Migration des soldes reprenable');
    expect(terms(entries[0]!)).toEqual([
      'type:correction',
      'module:facturation',
      'module:comptabilite',
      'attention:action',
    ]);
    // A withdrawn version's changes stay (later versions carry them), marked.
    expect(terms(entries[1]!)).toContain('withdrawn');
    // Text, not markup: the parser reads back the title as the writer typed it.
    expect(title(entries[1]!)).toBe('1.1.0 · Titre avec <script>alert("x")</script> & balises');
    const self = list(feed.link as Node[]).find((l) => l['@rel'] === 'self');
    expect(self?.['@href']).toBe('/modules/facturation/feed.xml');
    expect(String(feed.id)).toBe('urn:roadbook:Testan:module:facturation');
  });

  it('publishes the changes that need attention: breaking, data change, required action, security', async () => {
    const { entries, links, terms } = await atom(out, 'attention/feed.xml');
    expect(entries.map(links)).toEqual([
      '/versions/1.1.0-DU1/FAC-3/',
      '/versions/1.1.0-DU1/SEC-1/',
      '/versions/1.1.0/CPT-2/',
      '/versions/1.0.0/STK-1/',
    ]);
    expect(terms(entries[1]!)).toContain('attention:security');
    expect(terms(entries[2]!)).toEqual(expect.arrayContaining(['attention:breaking', 'attention:data-change']));
    expect(terms(entries[3]!)).toEqual(expect.arrayContaining(['attention:data-change', 'attention:action']));
    const summary = String((entries[3]!.summary as Node)['#text']);
    expect(summary).toContain('Changement de données');
    expect(summary).toContain('Action requise');
    // The content is the change's page body, as HTML text.
    expect(String((entries[3]!.content as Node)['#text'])).toContain('<');
  });

  it('announces each feed on the pages it belongs to and lists them on the home page', async () => {
    expect(await alternates(out, 'modules/facturation/index.html')).toContainEqual({
      type: 'application/atom+xml',
      href: '/modules/facturation/feed.xml',
      title: 'Flux Atom du module Facturation',
    });
    const home = await alternates(out, 'index.html');
    expect(home.map((l) => l.href)).toEqual(['/feed.xml', '/attention/feed.xml', '/calendar.ics']);
    expect(home[2]!.type).toBe('text/calendar');
    const follow = one(await page(out, 'index.html'), (e) => prop(e, 'id') === 'follow');
    expect(text(follow)).toBe('Suivre les nouveautés');
    const links = all(await page(out, 'index.html'), tag('a')).map((a) => prop(a, 'href'));
    expect(links).toEqual(expect.arrayContaining(['/attention/feed.xml', '/calendar.ics', '/modules/']));
    const index = all(await page(out, 'modules/index.html'), tag('a')).map((a) => prop(a, 'href'));
    expect(index).toEqual(expect.arrayContaining(['/modules/stocks/feed.xml', '/modules/comptabilite/feed.xml']));
  });
});

describe('feeds and calendar under a base, with `site` (English fixture)', () => {
  const { out } = sites.en;

  it('makes the feeds’ links absolute and in English', async () => {
    const { feed, entries, links } = await atom(out, 'modules/ledger/feed.xml');
    expect(feed['@xml:lang']).toBe('en');
    expect(String(feed.id)).toBe('https://docs.example.com/docs/roadbook/modules/ledger/');
    expect(entries.map(links).every((l) => l?.startsWith('https://docs.example.com/docs/roadbook/versions/'))).toBe(
      true,
    );
    const attention = await atom(out, 'attention/feed.xml');
    expect(String((attention.feed.title as Node)['#text'])).toMatch(/changes that need attention$/);
  });

  it('writes release events with URLs of the version pages', async () => {
    const { events } = await calendar(out);
    const releases = events.filter((e) => e.uid.startsWith('release.'));
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.every((e) => e.allDay)).toBe(true);
    expect(releases.map((e) => e.url)).toEqual(
      expect.arrayContaining(['https://docs.example.com/docs/roadbook/versions/3.1.0/']),
    );
  });
});

describe('the calendar (French fixture)', () => {
  const { out } = sites.fr;

  it('is an RFC 5545 calendar of the published versions’ releases, a withdrawn one cancelled, drafts left out', async () => {
    const { raw, component, events } = await calendar(out);
    expect(raw.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(String(component.getFirstPropertyValue('version'))).toBe('2.0');
    const releases = events.filter((e) => e.uid.startsWith('release.'));
    expect(releases.map((e) => [e.start, e.summary, e.status])).toEqual([
      ['2026-01-13', 'Sortie de Testan 1.0.0', 'CONFIRMED'],
      ['2026-02-10', '[Retirée] Sortie de Testan 1.1.0', 'CANCELLED'],
      ['2026-02-20', 'Sortie de Testan 1.1.0/DU1', 'CONFIRMED'],
    ]);
    expect(releases.every((e) => e.allDay)).toBe(true);
    // Without `site` there is no absolute address for URL; the description names the page.
    expect(releases.every((e) => e.url === null)).toBe(true);
    expect(releases[0]!.description).toContain('/versions/1.0.0/');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('writes each published version’s end of support as an all-day event, none for a withdrawn one', async () => {
    const { events } = await calendar(out);
    const ends = events.filter((e) => e.uid.startsWith('end-of-support.'));
    expect(ends.map((e) => [e.start, e.summary])).toEqual([
      ['2026-06-30', 'Fin du support de Testan 1.0.0'],
      ['2030-12-31', 'Fin du support de Testan 1.1.0/DU1'],
    ]);
    expect(ends.every((e) => e.allDay)).toBe(true);
    // Every event is stamped with the newest date the calendar shows, so a rebuild writes the same file.
    expect(new Set(events.map((e) => e.stamp))).toEqual(new Set(['2030-12-31T00:00:00Z']));
  });

  it('gives the same UIDs and stamps to the same road book built with drafts (stable across builds)', async () => {
    const withDrafts = await calendar(sites.frDrafts.out);
    const without = await calendar(out);
    expect(withDrafts.events.map((e) => [e.uid, e.stamp])).toEqual(without.events.map((e) => [e.uid, e.stamp]));
    expect(JSON.stringify(withDrafts.events)).not.toContain('2.0.0');
  });
});
