import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, VIEWPORTS } from './browser.ts';
import { serveSite, type StaticServer } from './server.ts';

/**
 * The French fixture site in Chromium: the browser behaviour of the pages (entry filter,
 * copy buttons) and an axe-core audit (WCAG 2.2 A/AA) of each kind of page, light and dark,
 * at a desktop's and a phone's width.
 */
const sites = inject('sites');
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('pages in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveSite(sites.fr.out, sites.fr.base);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Through the debugging protocol: the page's Content-Security-Policy refuses inline scripts.
  async function audit(page: Page): Promise<string[]> {
    await page.evaluate(axeSource);
    return page.evaluate(async (tags) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (...args: unknown[]) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, WCAG);
  }

  for (const [width, viewport] of Object.entries(VIEWPORTS))
    for (const scheme of ['light', 'dark'] as const) {
      it(`meets WCAG 2.2 AA on every kind of page (${scheme}, ${width})`, async () => {
        const context = await browser.newContext({ colorScheme: scheme, viewport });
        const page = await context.newPage();
        for (const path of [
          '',
          'versions/1.0.0/',
          'versions/1.1.0/',
          'versions/1.0.0/FAC-1/',
          'versions/1.0.0/CPT-1/',
          'modules/',
          'modules/facturation/',
          'nowhere/',
        ]) {
          await page.goto(`${server.url}${path}`);
          await page.waitForSelector('rb-search[data-state="idle"]');
          expect(await audit(page), path || 'home').toEqual([]);
        }
        await page.click('rb-search [data-search-trigger]');
        await page.fill('pagefind-modal pagefind-input input', 'migration');
        await page.locator('pagefind-results a.pf-result-link').first().waitFor();
        expect(await audit(page), 'search dialog').toEqual([]);
        await context.close();
      });
    }

  it('filters a version’s entries by type and module, and keeps the choice in the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}versions/1.0.0/`);
    const form = page.locator('rb-entry-filter form');
    await form.waitFor({ state: 'visible' });
    const visible = () =>
      page.locator('rb-entry-filter [data-entry]:visible').evaluateAll((els) => els.map((e) => e.id));
    const status = page.locator('[data-filter-status]');
    expect(await visible()).toEqual(['entry-FAC-1', 'entry-CPT-1', 'entry-STK-1']);
    expect(await status.innerText()).toBe('3 changements affichés sur 3');

    await form.locator('select[name="module"]').selectOption('facturation');
    expect(await visible()).toEqual(['entry-FAC-1', 'entry-STK-1']);
    expect(await page.locator('[data-group="comptabilite"]').isVisible()).toBe(false);
    expect(new URL(page.url()).searchParams.get('module')).toBe('facturation');

    await form.locator('select[name="type"]').selectOption('evolution');
    expect(await visible()).toEqual(['entry-STK-1']);
    expect(await status.innerText()).toBe('1 changement affiché sur 3');

    await page.reload();
    await form.waitFor({ state: 'visible' });
    expect(await visible()).toEqual(['entry-STK-1']);
    await form.locator('button[type="reset"]').click();
    await expect.poll(visible).toEqual(['entry-FAC-1', 'entry-CPT-1', 'entry-STK-1']);
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('copies the installer checksum and the full permalink', async () => {
    const context: BrowserContext = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(`${server.url}versions/1.0.0/`);
    await page.locator('.installer rb-copy button').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
    );
    await page.goto(`${server.url}versions/1.0.0/FAC-1/`);
    await page.locator('.permalink rb-copy button').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}versions/1.0.0/FAC-1/`);
    await context.close();
  });
  it('shows each version’s support status by the reader’s own date', async () => {
    const statusOn = async (day: string) => {
      const page = await browser.newPage();
      await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
      await page.goto(server.url);
      const status = (version: string) =>
        page.locator(`.version-table tr[data-version="${version}"] rb-support`).evaluate((el) => ({
          shown: !(el as HTMLElement).hidden,
          status: el.getAttribute('data-status'),
          text: el.textContent?.trim(),
        }));
      const result = { old: await status('1.0.0'), current: await status('1.1.0/DU1') };
      await page.close();
      return result;
    };
    // 1.0.0 is supported until 2026-06-30, 1.1.0/DU1 until 2030-12-31; 90 days ahead is "ending".
    expect((await statusOn('2026-03-01')).old.status).toBe('supported');
    expect(await statusOn('2026-04-15')).toEqual({
      old: { shown: true, status: 'ending', text: 'Fin de support proche' },
      current: { shown: true, status: 'supported', text: 'Supportée' },
    });
    expect((await statusOn('2026-06-30')).old.status).toBe('ending');
    expect(await statusOn('2026-07-01')).toMatchObject({
      old: { status: 'ended', text: 'Plus supportée' },
      current: { status: 'supported' },
    });
  });
});
