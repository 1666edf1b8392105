import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { downloadOf } from './run-helpers.ts';
import { serveSite, type StaticServer } from './server.ts';

/**
 * Every kind of page in Chromium under its own Content-Security-Policy: what the browser
 * reports refused (`securitypolicyviolation` events and its console) must be nothing, while
 * search, the upgrade page and a checklist run (with an export that loads a script on
 * demand) do their work; and a script put into a page is refused, so the policy is in force.
 */
const sites = inject('sites');

interface Watched {
  page: Page;
  /** The page's `securitypolicyviolation` events, as `directive blocked-uri (where)`. */
  events: () => Promise<string[]>;
  /** What the browser refused, from the page's events and its console. */
  refused: () => Promise<string[]>;
}

async function watchPolicy(context: BrowserContext): Promise<Watched> {
  // An init script runs through the debugging protocol, before the page's own scripts.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { refusedByPolicy: string[] }).refusedByPolicy = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  const events = () => page.evaluate(() => (window as unknown as { refusedByPolicy: string[] }).refusedByPolicy);
  return { page, events, refused: async () => [...(await events()), ...console] };
}

describe('the Content-Security-Policy in Chromium', () => {
  let browser: Browser;
  let fr: StaticServer;
  let sample: StaticServer;

  beforeAll(async () => {
    browser = await launchChromium();
    fr = await serveSite(sites.fr.out, sites.fr.base);
    sample = await serveSite(sites.sample.out, sites.sample.base);
  });

  afterAll(async () => {
    await browser?.close();
    await fr?.close();
    await sample?.close();
  });

  it('refuses nothing on the pages of the road book, nor in the search dialog', async () => {
    const context = await browser.newContext();
    const { page, refused } = await watchPolicy(context);
    for (const path of [
      '',
      'versions/1.0.0/',
      'versions/1.0.0/CPT-1/',
      'versions/1.1.0-DU1/SEC-1/',
      'modules/',
      'modules/facturation/',
      'nowhere/',
    ]) {
      await page.goto(`${fr.url}${path}`);
      // Pointed at, the search box loads pagefind's interface: the policy must allow it on every page.
      await page.waitForSelector('rb-search[data-state="idle"]');
      await page.hover('rb-search [data-search-trigger]');
      await page.waitForSelector('rb-search[data-state="ready"]');
      expect(await refused(), path || 'home').toEqual([]);
    }
    await page.click('pagefind-modal-trigger button');
    await page.fill('pagefind-modal pagefind-input input', 'migration');
    await page.locator('pagefind-results a.pf-result-link').first().waitFor();
    expect(await refused(), 'search dialog').toEqual([]);
    await context.close();
  });

  it('colours highlighted code from the site’s stylesheets, with no inline style', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const { page, refused } = await watchPolicy(context);
    await page.goto(`${fr.url}versions/1.0.0/CPT-1/`);
    const keyword = page.locator('pre.shiki code span.line > span').first();
    expect(await keyword.innerText()).toBe('SELECT');
    // github-dark-default's keyword colour, and its background on the block.
    expect(await keyword.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 123, 114)');
    expect(await page.locator('pre.shiki').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(13, 17, 23)',
    );
    expect(await refused()).toEqual([]);
    await context.close();
  });

  it('refuses nothing on the upgrade page, nor during a checklist run and its XLSX export', async () => {
    const context = await browser.newContext();
    const { page, refused } = await watchPolicy(context);
    await page.goto(`${sample.url}upgrade/?from=14.10.1&to=15.3.0&modules=facturation`);
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(await refused(), 'upgrade').toEqual([]);

    await page.goto(
      `${sample.url}checklist/?from=15.2.0&to=15.3.0&modules=facturation&processes=facturation-mensuelle`,
    );
    await page.waitForSelector('rb-run[data-state="ready"]');
    await page.locator('.run-item input[type="radio"][value="passed"]').first().check();
    const file = await downloadOf(page, () => page.click('button[data-export="xlsx"]'));
    expect(file.name).toMatch(/\.xlsx$/);
    expect(file.data.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await refused(), 'checklist').toEqual([]);
    await context.close();
  });

  it('refuses a script written into a page, and a style attribute', async () => {
    const context = await browser.newContext();
    const { page, events } = await watchPolicy(context);
    await page.goto(`${fr.url}versions/1.0.0/FAC-1/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "yes"';
      document.body.append(script);
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>');
    });
    await expect.poll(events).toHaveLength(2);
    expect((await events()).join('\n')).toMatch(/^script-src-elem inline .*\nstyle-src-attr inline /);
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
    await context.close();
  });
});
