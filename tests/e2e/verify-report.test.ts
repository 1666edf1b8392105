import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sourceFromRoadBook } from '../../src/core/checklist/index.ts';
import { loadRoadBook } from '../../src/core/read/road-book.ts';
import { reportSealData } from '../../src/core/run/seal-report.ts';
import { sealOf } from '../../src/core/run/seal.ts';
import { compareWithSite } from '../../src/core/run/verify-report.ts';
import { launchChromium } from './browser.ts';
import { audit, downloadOf, watch, type WatchedPage } from './run-helpers.ts';
import { SAMPLE_CHANGE } from './sample-changed.ts';
import { serveSite, type StaticServer } from './server.ts';

/**
 * /checklist/verify/ in Chromium, on the sample road book built by the global setup: a
 * sign-off report made by the checklist page is verified, the same report edited by hand is
 * refused, and once the site is rebuilt in place with one entry changed, the report's items
 * of that entry are listed.
 */
const sites = inject('sites');
const PATH = 'checklist/?from=15.2.0&to=15.3.0&modules=facturation';

let browser: Browser;
let server: StaticServer;
let page: Page;
let watched: WatchedPage;
let markdown: Buffer;
let json: Buffer;

const row = (id: string) => page.locator(`.run-item[data-item="${id}"]`);

/** Picks a file in the verify page and waits for what it says. */
async function verify(name: string, data: Buffer, mimeType: string) {
  const element = page.locator('rb-verify-report');
  await page.evaluate(() => document.querySelector('rb-verify-report')!.removeAttribute('data-outcome'));
  await page.setInputFiles('[data-part="verify-file"]', { name, mimeType, buffer: data });
  await expect.poll(() => element.getAttribute('data-outcome')).not.toBeNull();
  return {
    outcome: await element.getAttribute('data-outcome'),
    verdict: page.locator('[data-part="verify-verdict"]'),
    listed: (part: string) =>
      page.locator(`[data-part="verify-${part}"] li`).evaluateAll((els) => els.map((e) => e.textContent)),
  };
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveSite(sites.sample.out, sites.sample.base);
  const context = await browser.newContext({ acceptDownloads: true });
  watched = await watch(context, server.origin);
  page = watched.page;

  // A run of the checklist page, signed off, its report downloaded as Markdown and JSON.
  await page.goto(`${server.url}${PATH}`);
  await page.waitForSelector('rb-run[data-state="ready"]');
  await row(SAMPLE_CHANGE.changedItem).locator('input[type="radio"][value="passed"]').check();
  await page.fill('#signoff-environment', 'SRV-RECETTE');
  await page.fill('#signoff-place', 'Lyon');
  await page.fill('#signoff-date', '2026-05-22');
  await page.fill('#signoff-testers', 'Marie');
  await page.check('#signoff-decision-accepted');
  await page.fill('.party [data-party="name"]', 'Marie Dupont');
  await page.click('.signoff-form button[type="submit"]');
  await page.waitForSelector('[data-part="report"]:not([hidden]) .signoff-report');
  markdown = (await downloadOf(page, () => page.click('button[data-report="signoff-md"]'))).data;
  json = (await downloadOf(page, () => page.click('button[data-report="signoff-json"]'))).data;

  // The verify page, reached from the checklist page's link.
  await page.click('button[data-action="close-report"]');
  await page.waitForSelector('rb-run[data-state="ready"]');
  await page.click(`a[href="${sites.sample.base}checklist/verify/"]`);
  await page.waitForSelector('rb-verify-report[data-ready]');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('verifying a sign-off report on the site', { timeout: 60_000 }, () => {
  it('says a report made by the site is sealed and unchanged, with its seal, and that nothing changed', async () => {
    expect(new URL(page.url()).pathname).toBe(`${sites.sample.base}checklist/verify/`);
    const seal = /<!-- roadbook-seal ([0-9a-f]{64}) -->/.exec(markdown.toString('utf8'))![1]!;
    expect(JSON.parse(json.toString('utf8')).seal).toBe(seal);
    for (const [name, data, type] of [
      ['pv.signoff.md', markdown, 'text/markdown'],
      ['pv.signoff.json', json, 'application/json'],
    ] as const) {
      const result = await verify(name, data, type);
      expect(result.outcome).toBe('clear');
      expect(await result.verdict.locator('.callout-title').innerText()).toBe('Scellé et inchangé');
      expect(await page.locator('[data-part="verify-seal"]').innerText()).toBe(seal);
      expect(await page.locator('[data-part="verify-nothing"]').innerText()).toBe(
        "Aucun élément du PV n'a changé sur le site depuis.",
      );
    }
    expect((await audit(page)).serious).toEqual([]);
  });

  it('refuses the same report edited by hand', async () => {
    const edited = Buffer.from(markdown.toString('utf8').replace('SRV-RECETTE', 'SRV-PRODUCTION'));
    const md = await verify('pv.signoff.md', edited, 'text/markdown');
    expect(md.outcome).toBe('changed');
    expect(await md.verdict.getAttribute('data-unchanged')).toBe('false');
    expect(await md.verdict.innerText()).toContain('Modifié après avoir été fait');
    expect(await md.verdict.innerText()).toContain('Le texte du PV a été modifié après son sceau.');

    const file = JSON.parse(json.toString('utf8'));
    const item = file.report.groups
      .flatMap((g: { items: { id: string }[] }) => g.items)
      .find((i: { id: string }) => i.id === SAMPLE_CHANGE.changedItem);
    item.status = 'failed';
    const data = await verify('pv.signoff.json', Buffer.from(JSON.stringify(file)), 'application/json');
    expect(data.outcome).toBe('changed');
    expect(await data.verdict.innerText()).toContain('ne correspond plus aux données scellées');
  });

  it('says why a file that is not a report cannot be verified', async () => {
    const result = await verify('notes.md', Buffer.from('# Notes\n\nrien\n'), 'text/markdown');
    expect(result.outcome).toBe('unreadable');
    expect(await page.locator('[data-part="verify-result"] .callout-error').innerText()).toContain(
      'Ce fichier ne porte pas de sceau',
    );
  });

  it('checks a report sealed in English against the French site in the words it was sealed in', async () => {
    // The same run as signed on the site had it been English: its items' hashes are those of
    // the English procedure steps, which the French site's pages do not carry.
    const file = JSON.parse(json.toString('utf8'));
    file.report.locale = 'en';
    const source = sourceFromRoadBook((await loadRoadBook(sites.sample.root)).book);
    const english = new Map(
      compareWithSite(reportSealData(file.report), source).changed.map((c) => [c.id, c.now] as const),
    );
    expect(english.size).toBeGreaterThan(0);
    for (const group of file.report.groups as { items: { id: string; hash: string }[] }[])
      for (const item of group.items) item.hash = english.get(item.id) ?? item.hash;
    file.seal = await sealOf(reportSealData(file.report));
    const result = await verify('pv.signoff.json', Buffer.from(JSON.stringify(file)), 'application/json');
    expect(result.outcome).toBe('clear');
    expect(await result.verdict.locator('.callout-title').innerText()).toBe('Scellé et inchangé');
    expect(watched.foreign).toEqual([]);
  });

  it('lists the items of the entry changed when the site is rebuilt with one entry changed', async () => {
    server.use(sites.sampleChanged.out);
    await page.reload();
    await page.waitForSelector('rb-verify-report[data-ready]');
    const result = await verify('pv.signoff.md', markdown, 'text/markdown');
    expect(result.outcome).toBe('changed');
    // The report itself is as it was made: what changed is the site.
    expect(await result.verdict.getAttribute('data-unchanged')).toBe('true');
    const changed = await result.listed('changed');
    expect(changed).toContain(SAMPLE_CHANGE.changedItem);
    expect(changed.every((id) => id!.startsWith(`${SAMPLE_CHANGE.entry}#`))).toBe(true);
    expect(await result.listed('gone')).toEqual([SAMPLE_CHANGE.removedItem]);
    expect(watched.foreign).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
});
