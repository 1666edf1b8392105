import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * The panels' scoped styles in Chromium: rules written as :global() under a panel reach the
 * rows, lines and report the scripts make at run time, on screen and in print.
 */
const PATH = 'checklist/?from=15.2.0&to=15.3.0&modules=facturation&processes=facturation-mensuelle';

useSampleSite();

const style = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

describe('the panels styled in Chromium', () => {
  it('styles what the scripts make: rows, status choices, the saved runs and the report', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${PATH}`);
    await page.waitForSelector('rb-run[data-state="ready"]');
    const row = page.locator('.run-item').first();
    await row.locator('input[type="radio"][value="passed"]').check();
    expect(await style(page, '.run-item', 'border-inline-start-width')).toBe('6px');
    expect(
      await style(page, '.run-item[data-status="passed"] .status-choice[data-status="passed"]', 'font-weight'),
    ).toBe('700');
    expect(await style(page, '.status-pill', 'border-radius')).toBe('999px');
    await page.waitForSelector('.run-summary');
    expect(await style(page, '.run-summary', 'display')).toBe('flex');
    expect(await style(page, '.procedure-step', 'border-top-width')).toBe('2px');

    await page.emulateMedia({ media: 'print' });
    expect(await style(page, '.run-item', 'border-inline-start-width')).toBe('3px');
    expect(await style(page, '.run-item-actions', 'display')).toBe('none');
    expect(await style(page, '.signoff-form button[type="submit"]', 'display')).toBe('none');
    await page.emulateMedia({ media: 'screen' });

    await page.fill('#signoff-environment', 'SRV');
    await page.fill('#signoff-place', 'Lyon');
    await page.fill('#signoff-testers', 'Marie');
    await page.check('#signoff-decision-reserves');
    await page.fill('.party [data-party="name"]', 'Marie');
    expect(await style(page, '.party', 'display')).toBe('flex');
    await page.click('.signoff-form button[type="submit"]');
    await page.waitForSelector('[data-part="report"]:not([hidden]) .signoff-report');
    expect(await style(page, '.report-facts div', 'display')).toBe('grid');
    expect(await style(page, '.report-toolbar', 'display')).toBe('flex');
    expect(await page.locator('[data-part="run"]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await style(page, '.report-toolbar', 'display')).toBe('none');
    await context.close();
  });
});
