import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { RoadBookFile } from '../../src/core/data-files.ts';
import { counter } from '../../src/core/i18n/count.ts';
import { concerns, storedInstallation, type Installation } from '../../src/core/installation.ts';
import { installationKey } from '../../src/core/run/storage-keys.ts';
import { serveBigSite } from './big-site.ts';
import { audit, dataRequests, engineChecklist, json, watch } from './run-helpers.ts';
import { browser, server, useSampleSite } from './sample-site.ts';
import { serveSite } from './server.ts';

/**
 * "Mon installation" changing the pages, in Chromium, on the built sample site: an
 * installation is recorded by writing the store's localStorage key, as the store itself
 * writes it, then the home page's news, the version pages' standing and the "only my modules"
 * toggle are read from the browser's DOM and compared with the upgrade page and the engine.
 */
const sites = inject('sites');
const KEY = installationKey({ base: '/', product: 'Gestan' });
// Trésorerie: a known issue of 15.30.02 (Entreprise edition) is still open in the newest version.
const MINE: Installation = {
  installed: '15.1.0',
  modules: ['facturation', 'comptabilite', 'tresorerie'],
  editions: ['entreprise'],
};
const NEWEST = '15.30.02/DU1';
const fr = counter('fr');

useSampleSite();

/** A page of a new context, with `installation` recorded (or none) before the page loads. */
async function open(path: string, installation: Installation | null = MINE, context?: BrowserContext) {
  context ??= await browser.newContext();
  const watched = await watch(context, server.origin);
  if (installation) {
    // Written once, before the first page of the context, as the store writes it.
    await watched.page.goto(`${server.url}404.html`);
    await watched.page.evaluate(
      ([key, text]) => localStorage.setItem(key!, text!),
      [KEY, storedInstallation(installation)],
    );
    watched.requests.length = 0;
  }
  await watched.page.goto(`${server.url}${path}`);
  return { context, ...watched };
}

const news = (page: Page) => page.locator('rb-installation-news');
const standing = (page: Page) => page.locator('.page-header rb-version-standing');

async function newsState(page: Page, state: string) {
  await page.waitForSelector(`rb-installation-news[data-state="${state}"]`, { state: 'attached' });
}

describe('the home page’s news for an installation', () => {
  it('gives the upgrade page’s numbers for the same path, and leads to it', async () => {
    const { context, page, errors, foreign, ...rest } = await open('');
    await newsState(page, 'behind');
    const expected = await engineChecklist(sites.sample.root, { from: MINE.installed, to: NEWEST, ...MINE });
    const count = (name: string) => page.locator(`rb-installation-news [data-count="${name}"]`).innerText();
    expect(await count('versions')).toBe(fr('site.installation.news.versions', expected.versions.length));
    expect(await count('changes')).toBe(fr('site.installation.news.changes', expected.entries.length));
    expect(await count('dataChanges')).toBe(fr('site.installation.news.dataChanges', expected.dataChanges.length));
    expect(await count('fixed')).toBe(fr('site.installation.news.fixed', expected.fixedOnPath.length));
    const summary = await page.locator('.installation-news-summary p').first().innerText();
    expect(summary).toMatch(
      /^Depuis votre version 15\.1\.0, pour vos modules \(Facturation, Comptabilité, Trésorerie, Entreprise\) : /,
    );
    expect(await page.locator('.installation-news-open > p').first().innerText()).toBe(
      `Problèmes connus ouverts de la dernière version (${NEWEST}) :`,
    );
    const homeIssues = await page
      .locator('rb-installation-news .known-issue')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.issue));
    expect(homeIssues).toEqual(expected.knownIssues.map((i) => i.id));
    expect(homeIssues.length).toBeGreaterThan(0);
    // Nothing but the index and the files of the versions on the path, all from the site.
    expect(dataRequests({ page, errors, foreign, ...rest })).toEqual([
      '/data/index.json.gz',
      ...expected.path.versions.map((v) => `/data/versions/${v.slug}.json.gz`),
    ]);

    const numbers = {
      versions: expected.versions.length,
      changes: expected.entries.length,
      dataChanges: expected.dataChanges.length,
      fixed: expected.fixedOnPath.length,
    };
    expect(numbers.changes).toBeGreaterThan(0);
    await page.locator('a.installation-news-path').click();
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(new URL(page.url()).search).toBe(
      '?from=15.1.0&to=15.30.02%2FDU1&modules=facturation%2Ccomptabilite%2Ctresorerie&editions=entreprise',
    );
    // The same numbers on the upgrade page.
    expect(await page.locator('.path-summary p').first().locator('a').count()).toBe(numbers.versions);
    expect(await page.locator('.path-changes [data-entry]').count()).toBe(numbers.changes);
    expect(await page.locator('.path-undo li').count()).toBe(numbers.dataChanges);
    expect(await page.locator('.path-fixed li.known-issue').count()).toBe(numbers.fixed);
    expect(
      await page
        .locator('.path-known .known-issue')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.issue)),
    ).toEqual(homeIssues);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says an installed newest version is up to date, with its own open known issues', async () => {
    const installed = { ...MINE, installed: NEWEST };
    const { context, page, errors } = await open('', installed);
    await newsState(page, 'current');
    const expected = await engineChecklist(sites.sample.root, { to: NEWEST, ...MINE });
    expect(await page.locator('.installation-news-current').innerText()).toBe(
      `Votre version ${NEWEST} est à jour : c'est la dernière version publiée.`,
    );
    expect(await page.locator('rb-installation-news [data-count]').count()).toBe(0);
    expect(
      await page
        .locator('rb-installation-news .known-issue')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.issue)),
    ).toEqual(expected.knownIssues.map((i) => i.id));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names a version the site does not have, without numbers', async () => {
    const { context, page, errors } = await open('', { ...MINE, installed: '9.9.9' });
    await newsState(page, 'unknown');
    expect(await news(page).innerText()).toContain("Votre version 9.9.9 n'est pas (ou plus) dans ce road book");
    expect(await page.locator('rb-installation-news [data-count]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says why when the data cannot be loaded', async () => {
    const broken = await serveSite(sites.sample.out, sites.sample.base, { hide: ['/data/versions/'] });
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${broken.url}404.html`);
    await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [KEY, storedInstallation(MINE)]);
    await page.goto(broken.url);
    await newsState(page, 'error');
    expect(await page.locator('rb-installation-news .callout-error').innerText()).toMatch(
      /^Les nouveautés de votre installation n'ont pas pu être chargées \(.*HTTP 404.*\)\. Rechargez la page\.$/,
    );
    expect(await page.locator('.installation-news-status').innerText()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
    await broken.close();
  });
});

describe('where a version stands for an installation', () => {
  it('says installed, behind or new on version pages, and how many changes of a new one concern it', async () => {
    const context = await browser.newContext();
    const book = await json<RoadBookFile>(sites.sample.out, 'roadbook.json');
    const { page, errors } = await open('versions/15.1.0/', MINE, context);
    await expect.poll(() => standing(page).getAttribute('data-standing')).toBe('installed');
    expect(await standing(page).innerText()).toBe('Votre version');
    await page.goto(`${server.url}versions/15.0.0/`);
    await expect.poll(() => standing(page).getAttribute('data-standing')).toBe('behind');
    expect(await standing(page).innerText()).toBe('Déjà dépassée par votre installation');
    await page.goto(`${server.url}versions/15.3.0/`);
    await expect.poll(() => standing(page).getAttribute('data-standing')).toBe('new');
    const entries = book.versions.find((v) => v.slug === '15.3.0')!.entries;
    const concerned = entries.filter((e) => concerns(e, MINE)).length;
    expect(concerned).toBeGreaterThan(0);
    expect(concerned).toBeLessThan(entries.length);
    expect(await standing(page).innerText()).toBe(
      `Nouvelle pour vous ${concerned} de ses changements concernent vos modules`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks the installed row and the newer ones in the home page’s table', async () => {
    const { context, page, errors } = await open('');
    await newsState(page, 'behind');
    const rows = page.locator('.version-table tbody tr');
    await expect
      .poll(() => page.locator('.version-table rb-version-standing[data-standing]').count())
      .toBeGreaterThan(0);
    const marks = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const badge = tr.querySelector<HTMLElement>('rb-version-standing');
        return [(tr as HTMLElement).dataset.version, badge?.hidden ? '' : (badge?.innerText ?? '')];
      }),
    );
    const book = await json<RoadBookFile>(sites.sample.out, 'roadbook.json');
    const order = book.versions.map((v) => v.version);
    const at = order.indexOf(MINE.installed);
    expect(Object.fromEntries(marks)).toEqual(
      Object.fromEntries(order.map((v, i) => [v, i === at ? 'Votre version' : i > at ? 'Nouvelle pour vous' : ''])),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('"only my modules" on a version’s list', () => {
  const visibleIds = (page: Page) =>
    page
      .locator('rb-entry-filter [data-entry]:not([hidden])')
      .evaluateAll((els) => els.map((e) => e.id.replace(/^entry-/, '')));

  it('is on by default, names the modules, hides the other changes and says so in the count', async () => {
    const book = await json<RoadBookFile>(sites.sample.out, 'roadbook.json');
    const entries = book.versions.find((v) => v.slug === '15.3.0')!.entries;
    const mine = entries.filter((e) => concerns(e, MINE)).map((e) => e.id);
    const { context, page, errors } = await open('versions/15.3.0/');
    const box = page.locator('input[name="mine"]');
    await box.waitFor({ state: 'visible' });
    expect(await box.isChecked()).toBe(true);
    expect(await page.locator('[data-filter-mine]').innerText()).toBe(
      'Seulement mes modules (Facturation, Comptabilité, Trésorerie, Entreprise)',
    );
    expect((await visibleIds(page)).sort()).toEqual([...mine].sort());
    expect(await page.locator('[data-filter-status]').innerText()).toBe(
      `${mine.length} changements de vos modules affichés sur ${entries.length}`,
    );
    // An edition the installation does not have hides a change of its modules.
    expect(entries.some((e) => e.modules.includes('comptabilite') && !mine.includes(e.id))).toBe(true);

    // With the type select: both apply.
    const type = entries.find((e) => mine.includes(e.id))!.type;
    await page.selectOption('select[name="type"]', type);
    const both = entries.filter((e) => mine.includes(e.id) && e.type === type).map((e) => e.id);
    expect((await visibleIds(page)).sort()).toEqual([...both].sort());

    // Off: every change of that type, and kept in the address across a reload.
    await box.uncheck();
    expect((await visibleIds(page)).sort()).toEqual(
      entries
        .filter((e) => e.type === type)
        .map((e) => e.id)
        .sort(),
    );
    expect(new URL(page.url()).searchParams.get('mine')).toBe('0');
    await page.reload();
    await page.locator('input[name="mine"]').waitFor({ state: 'visible' });
    expect(await page.locator('input[name="mine"]').isChecked()).toBe(false);
    expect(await page.locator('[data-filter-status]').innerText()).toMatch(/^\d+ changements? affichés? sur \d+$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('an installation forgotten, none recorded, storage refused', () => {
  it('empties the news and the badges when it is forgotten, in the open tab and after a reload', async () => {
    const { context, page, errors } = await open('');
    await newsState(page, 'behind');
    const version = await context.newPage();
    await version.goto(`${server.url}versions/15.3.0/`);
    await expect.poll(() => standing(version).getAttribute('data-standing')).toBe('new');
    await version.locator('input[name="mine"]').waitFor({ state: 'visible' });

    // Forgotten in a third tab: the other two follow.
    const other = await context.newPage();
    await other.goto(`${server.url}404.html`);
    await other.evaluate((key) => localStorage.removeItem(key), KEY);
    await newsState(page, 'none');
    expect(await news(page).isHidden()).toBe(true);
    expect(await news(page).locator('.installation-news-output').innerHTML()).toBe('');
    expect(await page.locator('.version-table rb-version-standing:not([hidden])').count()).toBe(0);
    await expect.poll(() => standing(version).isHidden()).toBe(true);
    expect(await standing(version).innerHTML()).toBe('');
    expect(await version.locator('[data-filter-mine]').isHidden()).toBe(true);
    expect(await version.locator('rb-entry-filter [data-entry][hidden]').count()).toBe(0);

    await page.reload();
    await newsState(page, 'none');
    expect(await news(page).isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows nothing of it and loads no data without an installation', async () => {
    const { context, page, errors, foreign, ...rest } = await open('', null);
    await newsState(page, 'none');
    expect(await news(page).isHidden()).toBe(true);
    await page.goto(`${server.url}versions/15.3.0/`);
    await page.waitForSelector('rb-entry-filter[data-ready] form:not([hidden])');
    expect(await standing(page).isHidden()).toBe(true);
    expect(await page.locator('[data-filter-mine]').isHidden()).toBe(true);
    expect(await page.locator('rb-entry-filter [data-entry][hidden]').count()).toBe(0);
    expect(dataRequests({ page, errors, foreign, ...rest })).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('throws nothing where the browser refuses storage', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() =>
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('Storage is disabled.', 'SecurityError');
        },
      }),
    );
    const { page, errors } = await open('', null, context);
    await newsState(page, 'none');
    expect(await news(page).isHidden()).toBe(true);
    await page.goto(`${server.url}versions/15.3.0/`);
    await page.waitForSelector('rb-entry-filter[data-ready] form:not([hidden])');
    expect(await standing(page).isHidden()).toBe(true);
    await page.selectOption('select[name="module"]', 'facturation');
    expect(await page.locator('rb-entry-filter [data-entry][hidden]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('"Mon installation" on other road books and for every reader', () => {
  it('speaks the site’s language and keeps its sub-path (English fixture under /docs/roadbook/)', async () => {
    const en = await serveSite(sites.en.out, sites.en.base);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const mine: Installation = { installed: '3.0.0', modules: ['invoicing'], editions: [] };
    await page.goto(`${en.url}404.html`);
    await page.evaluate(
      ([key, text]) => localStorage.setItem(key!, text!),
      [installationKey({ base: sites.en.base, product: 'Ledgerly' }), storedInstallation(mine)],
    );
    await page.goto(en.url);
    await newsState(page, 'behind');
    const expected = await engineChecklist(sites.en.root, { from: '3.0.0', to: '3.1.0', modules: ['invoicing'] });
    const english = counter('en');
    expect(await page.locator('#installation-news-title').innerText()).toBe('What is new for your installation');
    expect(await page.locator('rb-installation-news [data-count="changes"]').innerText()).toBe(
      english('site.installation.news.changes', expected.entries.length),
    );
    expect(await page.locator('a.installation-news-path').getAttribute('href')).toBe(
      '/docs/roadbook/upgrade/?from=3.0.0&to=3.1.0&modules=invoicing',
    );
    await page.goto(`${en.url}versions/3.1.0/`);
    await expect.poll(() => standing(page).getAttribute('data-standing')).toBe('new');
    expect(await standing(page).innerText()).toMatch(/^New for you \d+ of its changes concerns? your modules$/);
    expect(errors).toEqual([]);
    await context.close();
    await en.close();
  });

  it('shows a long path’s news once its files are read, saying it is loading meanwhile', async () => {
    // 20 versions of 250 changes each, spread over the site's modules.
    const { server: big } = await serveBigSite(sites.sample.out);
    const context = await browser.newContext();
    // Every state the element goes through, seen by the page itself.
    await context.addInitScript(() => {
      const states: string[] = [];
      (window as unknown as { newsStates: string[] }).newsStates = states;
      new MutationObserver(() => {
        const state = document.querySelector<HTMLElement>('rb-installation-news')?.dataset.state;
        if (state && states.at(-1) !== state) states.push(state);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    const watched = await watch(context, big.origin);
    const mine: Installation = { installed: '40.0.0', modules: ['facturation'], editions: [] };
    await watched.page.goto(`${big.url}404.html`);
    await watched.page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [KEY, storedInstallation(mine)]);
    await watched.page.goto(big.url);
    await newsState(watched.page, 'behind');
    const index = await watched.page.evaluate(
      async () => (await fetch('/data/index.json')).json() as Promise<{ modules: unknown[] }>,
    );
    const perVersion = Math.ceil(250 / index.modules.length);
    expect(await watched.page.locator('rb-installation-news [data-count="versions"]').innerText()).toBe(
      fr('site.installation.news.versions', 20),
    );
    expect(await watched.page.locator('rb-installation-news [data-count="changes"]').innerText()).toBe(
      fr('site.installation.news.changes', 20 * perVersion),
    );
    expect(await watched.page.evaluate(() => (window as unknown as { newsStates: string[] }).newsStates)).toEqual([
      'loading',
      'behind',
    ]);
    expect(watched.errors).toEqual([]);
    await context.close();
    await big.close();
  });

  it('meets WCAG 2.2 AA with the news, a standing and "only my modules" shown', async () => {
    const { context, page } = await open('');
    await newsState(page, 'behind');
    let result = await audit(page);
    expect(result.all).toEqual([]);
    await page.goto(`${server.url}versions/15.3.0/`);
    await page.locator('input[name="mine"]').waitFor({ state: 'visible' });
    await expect.poll(() => standing(page).getAttribute('data-standing')).toBe('new');
    result = await audit(page);
    expect(result.all).toEqual([]);
    await context.close();
  });
});
