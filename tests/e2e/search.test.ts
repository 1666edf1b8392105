import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveSite, type StaticServer } from './server.ts';

/**
 * Search in a real Chromium, on the English fixture site served under its base path
 * (/docs/roadbook/) exactly as built by tests/site/global-setup.ts. Without a browser this
 * fails with one line saying how to get one: it is never skipped.
 */
const sites = inject('sites');

describe('search (pagefind component UI) in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveSite(sites.en.out, sites.en.base);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that records requests to other origins and script errors. */
  async function open(path: string): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:')) foreign.push(url);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}${path}`);
    return { page, foreign, errors };
  }

  it('finds an entry from the search box on the home page and opens it', async () => {
    const { page, foreign, errors } = await open('');
    await page.waitForSelector('rb-search[data-state="idle"]');
    await page.click('rb-search [data-search-trigger]');
    const input = page.locator('pagefind-modal pagefind-input input');
    await input.fill('rounding');
    const result = page.locator('pagefind-results a.pf-result-link', { hasText: 'Rounding of tax totals' });
    await result.waitFor();
    await Promise.all([page.waitForURL('**/versions/3.1.0/LED-21/'), result.click()]);
    expect(new URL(page.url()).pathname).toBe('/docs/roadbook/versions/3.1.0/LED-21/');
    expect(await page.locator('h1').innerText()).toBe('Rounding of tax totals');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows results with the module filter', async () => {
    const { page, foreign, errors } = await open('versions/3.0.0/');
    // The shortcut, pressed before pagefind's interface is in, opens its modal once it is.
    await page.waitForSelector('rb-search[data-state="idle"]');
    await page.keyboard.press('ControlOrMeta+k');
    await page.locator('pagefind-modal pagefind-input input').fill('invoice');
    const titles = page.locator('pagefind-results a.pf-result-link');
    await titles.first().waitFor();
    expect((await titles.allInnerTexts()).sort()).toEqual(['Multi-currency invoices', 'Rounding of tax totals']);
    const modules = page.locator('pagefind-filter-dropdown[filter="module"]');
    await modules.locator('button.pf-dropdown-trigger').click();
    await modules.locator('[role="option"][data-value="ledger"]').click();
    await expect.poll(() => titles.allInnerTexts()).toEqual(['Rounding of tax totals']);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the best matches of a word found almost everywhere, and says how many there are in all', async () => {
    const sample = await serveSite(sites.sample.out, sites.sample.base);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(sample.url);
    await page.waitForSelector('rb-search[data-state="idle"]');
    await page.click('rb-search [data-search-trigger]');
    await page.locator('pagefind-modal pagefind-input input').fill('de');
    const titles = page.locator('pagefind-results a.pf-result-link');
    await titles.first().waitFor();
    const summary = page.locator('pagefind-summary');
    await expect.poll(async () => Number((await summary.innerText()).match(/\d+/)?.[0] ?? 0)).toBeGreaterThan(20);
    // One row per listed match, never one per match of the whole site.
    expect(await titles.count()).toBeLessThanOrEqual(20);
    expect(errors).toEqual([]);
    await page.close();
    await sample.close();
  });

  it('says search is unavailable, politely, when the site has no index (the dev preview)', async () => {
    const bare = await serveSite(sites.en.out, sites.en.base, { hide: ['/pagefind/'] });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(bare.url);
    await page.waitForSelector('rb-search[data-state="idle"]');
    await page.click('rb-search [data-search-trigger]');
    await page.waitForSelector('rb-search[data-state="unavailable"]');
    const message = page.locator('rb-search [data-search-message]');
    expect(await message.isVisible()).toBe(true);
    expect(await message.innerText()).toContain('Search only exists in the built site');
    expect(await page.locator('rb-search [data-search-ui]').isVisible()).toBe(false);
    expect(await page.locator('rb-search [data-search-trigger]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    await bare.close();
  });

  it('asks for no pagefind file before the reader is about to search, and searches on the first click', async () => {
    const { page, foreign, errors } = await open('versions/3.0.0/');
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/docs/roadbook/pagefind/')) asked.push(request.url());
    });
    await page.waitForSelector('rb-search[data-state="idle"]');
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
    // The light trigger has pagefind's words and keyboard shortcut.
    const trigger = page.getByRole('button', { name: 'Search changes' });
    expect(await trigger.getAttribute('aria-keyshortcuts')).toContain('Control+K');
    // One click, before pagefind is in: its modal opens once it is, with the input focused.
    await trigger.click();
    const input = page.locator('pagefind-modal pagefind-input input');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(asked.some((url) => url.endsWith('pagefind-component-ui.js'))).toBe(true);
    await page.keyboard.type('rounding');
    await page.locator('pagefind-results a.pf-result-link', { hasText: 'Rounding of tax totals' }).waitFor();
    expect(await page.locator('rb-search[data-state="ready"]').count()).toBe(1);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says so when pagefind's interface cannot be loaded", async () => {
    const { page, errors } = await open('');
    await page.route('**/pagefind/pagefind-component-ui.js', (route) => route.fulfill({ status: 404, body: '' }));
    await page.waitForSelector('rb-search[data-state="idle"]');
    await page.click('rb-search [data-search-trigger]');
    await page.waitForSelector('rb-search[data-state="failed"]');
    expect(await page.getByRole('status').filter({ hasText: 'Search could not be loaded.' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
