import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { RoadBookFile } from '../../src/core/data-files.ts';
import { installationKey } from '../../src/core/run/storage-keys.ts';
import { VIEWPORTS } from './browser.ts';
import { audit, dataRequests, json, watch, type WatchedPage } from './run-helpers.ts';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * "Mon installation" in Chromium, on the sample road book: recorded from a link, from the
 * home page's form and from the upgrade page; shown in the header of every page, kept across
 * a reload, followed by another tab; the upgrade and checklist pages starting from it;
 * forgotten; and a browser that refuses storage.
 */
useSampleSite();

const sites = inject('sites');
const KEY = installationKey({ base: '/', product: 'Gestan' });
const book = await json<RoadBookFile>(sites.sample.out, 'roadbook.json');
const newest = book.versions.filter((v) => v.status === 'published').at(-1)!.version;

const bar = (page: Page) => page.locator('rb-installation [data-part="bar"]');
const header = (page: Page) => page.locator('rb-installation [data-part="bar"] span').innerText();
const notice = (page: Page) => page.locator('rb-installation [data-part="notice"]');
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

async function open(context: BrowserContext, path: string): Promise<WatchedPage> {
  const watched = await watch(context, server.origin);
  await watched.page.goto(`${server.url}${path}`);
  await watched.page.waitForSelector('rb-installation[data-state]', { state: 'attached' });
  return watched;
}

function quiet(watched: WatchedPage): void {
  expect(watched.errors).toEqual([]);
  expect(watched.foreign).toEqual([]);
}

describe('an installation handed out as a link', () => {
  it('is recorded, shown in the header, kept across a reload; another link asks; an unknown version is refused', async () => {
    const context = await browser.newContext();
    const first = await open(context, '?installed=15.1.0&modules=facturation,ventes&editions=entreprise');
    const { page } = first;
    await expect
      .poll(() => notice(page).innerText())
      .toBe('Installation enregistrée depuis le lien : 15.1.0 · Facturation, Ventes · Entreprise. Annuler');
    expect(await bar(page).isVisible()).toBe(true);
    await expect.poll(() => header(page)).toBe('Mon installation : 15.1.0 · 2 modules · 1 édition');
    // The address no longer hands it out: a reload or the address passed on does not ask again.
    expect(new URL(page.url()).search).toBe('');
    expect(JSON.parse((await stored(page))!)).toEqual({
      v: 1,
      installed: '15.1.0',
      modules: ['facturation', 'ventes'],
      editions: ['entreprise'],
    });
    // The index once, shared with the home page's news, which then reads its path's version files.
    expect(dataRequests(first).filter((r) => !r.startsWith('/data/versions/'))).toEqual(['/data/index.json.gz']);
    // The home form shows it, filled in, with "Oublier".
    expect(await page.locator('#installation-installed').inputValue()).toBe('15.1.0');
    expect(
      await page
        .locator('#mon-installation input[name="modules"]:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['facturation', 'ventes']);
    expect(await page.locator('#mon-installation [data-part="forget"]').isVisible()).toBe(true);
    const audited = await audit(page);
    expect(audited.all).toEqual([]);
    quiet(first);

    // Kept across a reload, and no data file read for it (on a page that shows nothing else of it).
    await page.goto(`${server.url}modules/`);
    first.requests.length = 0;
    await page.reload();
    await page.waitForSelector('rb-installation[data-state="ready"]', { state: 'attached' });
    await expect.poll(() => header(page)).toBe('Mon installation : 15.1.0 · 2 modules · 1 édition');
    expect(await notice(page).innerText()).toBe('');
    expect(dataRequests(first)).toEqual([]);

    // A link that describes another installation asks; "Garder la mienne" keeps it.
    await page.goto(`${server.url}versions/15.3.0/?installed=15.2.0`);
    await expect
      .poll(() => notice(page).innerText())
      .toBe(
        'Ce lien décrit une autre installation (15.2.0) que celle enregistrée (15.1.0 · Facturation, Ventes · Entreprise). Remplacer Garder la mienne',
      );
    expect(new URL(page.url()).pathname).toBe('/versions/15.3.0/');
    expect(new URL(page.url()).search).toBe('');
    await notice(page).getByRole('button', { name: 'Garder la mienne' }).click();
    expect(await notice(page).innerText()).toBe(
      'Votre installation est gardée (15.1.0 · Facturation, Ventes · Entreprise).',
    );
    expect(JSON.parse((await stored(page))!).installed).toBe('15.1.0');

    // Modules the road book does not know are left out and named; "Remplacer" records the rest.
    await page.goto(`${server.url}modules/?installed=15.2.0&modules=ventes,inconnu`);
    await expect.poll(() => notice(page).innerText()).toContain('Laissés de côté, inconnus de ce road book : inconnu.');
    await notice(page).getByRole('button', { name: 'Remplacer' }).click();
    expect(await notice(page).innerText()).toBe('Installation enregistrée : 15.2.0 · Ventes.');
    await expect.poll(() => header(page)).toBe('Mon installation : 15.2.0 · 1 module');

    // A version the road book does not know: refused, nothing recorded.
    await page.goto(`${server.url}?installed=99.0.0`);
    await expect
      .poll(() => notice(page).innerText())
      .toBe(
        "Le lien d'installation nomme la version « 99.0.0 », que ce road book ne connaît pas : rien n'a été enregistré.",
      );
    expect(JSON.parse((await stored(page))!)).toEqual({ v: 1, installed: '15.2.0', modules: ['ventes'], editions: [] });
    expect(new URL(page.url()).search).toBe('');
    quiet(first);
    await context.close();
  });

  it('can be undone at once, and leaves a path the address names alone', async () => {
    const context = await browser.newContext();
    const watched = await open(context, 'upgrade/?from=15.1.0&to=15.3.0&modules=facturation&installed=15.2.0');
    const { page } = watched;
    await expect.poll(() => notice(page).innerText()).toContain('Installation enregistrée depuis le lien : 15.2.0');
    // The path's own parameters stay: only `installed` leaves the address.
    expect(new URL(page.url()).search).toBe('?from=15.1.0&to=15.3.0&modules=facturation');
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    await notice(page).getByRole('button', { name: 'Annuler' }).click();
    expect(await notice(page).innerText()).toBe('Installation du lien annulée.');
    expect(await bar(page).isVisible()).toBe(false);
    expect(await stored(page)).toBeNull();
    quiet(watched);
    await context.close();
  });
});

describe('the header’s link', () => {
  it('copies the address of the home page that hands the installation out', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const watched = await open(context, '?installed=15.1.0&modules=facturation,ventes');
    const { page } = watched;
    await expect.poll(() => header(page)).toBe('Mon installation : 15.1.0 · 2 modules');
    await page.locator('rb-installation').getByRole('button', { name: 'Copier le lien' }).click();
    await expect.poll(() => notice(page).innerText()).toBe("Lien de l'installation copié.");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${server.url}?installed=15.1.0&modules=facturation,ventes`);
    // On a phone the bar wraps within the page, and the page still meets WCAG 2.2 AA.
    await page.setViewportSize(VIEWPORTS.phone);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    expect((await audit(page)).all).toEqual([]);
    // "Changer" leads to the home page's form.
    expect(await page.locator('rb-installation').getByRole('link', { name: 'Changer' }).getAttribute('href')).toBe(
      '/#mon-installation',
    );
    quiet(watched);
    await context.close();
  });
});

describe('an installation recorded on the site’s pages', () => {
  it('from the home form, from the upgrade page; the upgrade and checklist pages start from it; forgotten from the header', async () => {
    const context = await browser.newContext();
    const home = await open(context, '');
    const { page } = home;
    expect(await bar(page).isVisible()).toBe(false);
    await page.selectOption('#installation-installed', '15.2.0');
    await page.check('#mon-installation input[name="modules"][value="ventes"]');
    await page.click('#mon-installation button[type="submit"]');
    expect(await page.locator('#mon-installation [data-part="status"]').innerText()).toBe(
      'Installation enregistrée : 15.2.0 · Ventes.',
    );
    await expect.poll(() => header(page)).toBe('Mon installation : 15.2.0 · 1 module');
    // Still on the home page: the form recorded it instead of leaving.
    expect(new URL(page.url()).pathname).toBe('/');

    // Another tab follows.
    const other = await open(context, 'modules/');
    await expect.poll(() => header(other.page)).toBe('Mon installation : 15.2.0 · 1 module');
    await page.selectOption('#installation-installed', '15.1.0');
    await page.click('#mon-installation button[type="submit"]');
    await expect.poll(() => header(other.page)).toBe('Mon installation : 15.1.0 · 1 module');
    quiet(other);

    // The upgrade page without a path starts from it, to the newest version, in a shareable address.
    await page.goto(`${server.url}upgrade/`);
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    const address = new URL(page.url()).searchParams;
    expect([address.get('from'), address.get('to'), address.get('modules')]).toEqual(['15.1.0', newest, 'ventes']);
    expect(await page.locator('[data-part="installation-from"]').innerText()).toBe(
      'Parcours depuis votre installation (15.1.0).',
    );
    expect(await page.locator('#path-from').inputValue()).toBe('15.1.0');
    expect(await page.locator('#path-to').inputValue()).toBe(newest);
    const mine = page.locator('[data-part="mine"]');
    expect(await mine.innerText()).toBe('Installation déjà enregistrée');
    expect(await mine.isDisabled()).toBe(true);

    // Another path: "C'est mon installation" records its installed version, modules and editions.
    await page.goto(`${server.url}upgrade/?from=15.0.0&to=15.3.0&modules=facturation&editions=standard`);
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(await page.locator('[data-part="installation-from"]').isVisible()).toBe(false);
    expect(await mine.innerText()).toBe("C'est mon installation");
    await mine.click();
    expect(await page.locator('[data-part="installation-said"]').innerText()).toBe(
      'Installation enregistrée : 15.0.0 · Facturation · Standard.',
    );
    expect(await mine.innerText()).toBe('Installation déjà enregistrée');
    expect(await mine.isDisabled()).toBe(true);
    await expect.poll(() => header(page)).toBe('Mon installation : 15.0.0 · 1 module · 1 édition');
    // A path without an installed version offers nothing to record.
    await page.goto(`${server.url}upgrade/?to=15.3.0`);
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(await mine.isVisible()).toBe(false);

    // The checklist page's form is filled from it; no run is started.
    await page.goto(`${server.url}checklist/`);
    await page.waitForSelector('rb-run[data-state="idle"]');
    expect(await page.locator('#path-from').inputValue()).toBe('15.0.0');
    expect(await page.locator('#path-to').inputValue()).toBe(newest);
    const ticked = (name: string) =>
      page
        .locator(`[data-part="path-form"] input[name="${name}"]:checked`)
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(await ticked('modules')).toEqual(['facturation']);
    expect(await ticked('editions')).toEqual(['standard']);
    expect(new URL(page.url()).search).toBe('');

    // Forgotten from the header: the header is empty, the upgrade page no longer starts from it.
    await page.goto(`${server.url}versions/15.3.0/`);
    await page.waitForSelector('rb-installation[data-state="ready"]', { state: 'attached' });
    await page.locator('rb-installation').getByRole('button', { name: 'Oublier' }).click();
    await expect.poll(() => notice(page).innerText()).toBe('Installation oubliée.');
    expect(await bar(page).isVisible()).toBe(false);
    expect(await stored(page)).toBeNull();
    await page.goto(`${server.url}upgrade/`);
    await page.waitForSelector('rb-upgrade[data-state="idle"]');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('[data-part="installation-from"]').isVisible()).toBe(false);
    quiet(home);
    await context.close();
  });
});

describe('a browser that refuses storage', () => {
  it('keeps the installation for the page only, says so, and nothing throws', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() =>
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('The user denied storage.', 'SecurityError');
        },
      }),
    );
    const watched = await open(context, '?installed=15.1.0');
    const { page } = watched;
    await expect
      .poll(() => notice(page).innerText())
      .toBe(
        "Installation du lien gardée pour cette page seulement : ce navigateur refuse de l'enregistrer (15.1.0). Annuler",
      );
    await expect.poll(() => header(page)).toBe('Mon installation : 15.1.0');
    await page.selectOption('#installation-installed', '15.2.0');
    await page.click('#mon-installation button[type="submit"]');
    expect(await page.locator('#mon-installation [data-part="status"]').innerText()).toBe(
      "Installation gardée pour cette page seulement : ce navigateur refuse de l'enregistrer (15.2.0).",
    );
    await expect.poll(() => header(page)).toBe('Mon installation : 15.2.0');
    // A new page knows nothing of it, and still works.
    await page.goto(`${server.url}upgrade/`);
    await page.waitForSelector('rb-upgrade[data-state="idle"]');
    expect(await bar(page).isVisible()).toBe(false);
    quiet(watched);
    await context.close();
  });
});
