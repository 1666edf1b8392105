import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Checklist, ChecklistItem } from '../../src/core/checklist/index.ts';
import { launchChromium } from './browser.ts';
import { audit, downloadOf, engineChecklist, watch } from './run-helpers.ts';
import { SAMPLE_CHANGE } from './sample-changed.ts';
import { serveSite, type StaticServer } from './server.ts';
import { storedValues } from './stored-values.ts';

/**
 * Carrying results over on /checklist/, in Chromium: a run on a short path is signed off, the
 * site is rebuilt with one entry changed (sample-changed.ts), and a new run on a longer path
 * is started from it — from this browser's runs, then in another browser from the progress
 * file. Checked in the page, in what the browser saved and in the CSV download.
 */
const sites = inject('sites');
const SHORT = { from: '15.2.1', to: '15.3.0', modules: ['facturation'] };
const SHORT_PATH = 'checklist/?from=15.2.1&to=15.3.0&modules=facturation';
const LONG_PATH = 'checklist/?from=15.2.0&to=15.3.0&modules=facturation';
const KEY_PREFIX = 'roadbook:%2F:Gestan:';
const SHORT_NAME = 'Recette de mars';

let browser: Browser;
let server: StaticServer;
let short: Checklist;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveSite(sites.sample.out, '/');
  short = await engineChecklist(sites.sample.root, { ...SHORT, processes: [] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const row = (page: Page, id: string) => page.locator(`.run-item[data-item="${id}"]`);
const ready = (page: Page) => page.waitForSelector('rb-run[data-state="ready"]');
const visibleIds = (page: Page) =>
  page.locator('.run-item:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item!));
async function savedRuns(page: Page) {
  return Object.entries(await storedValues(page))
    .filter(([k]) => k.startsWith(`${KEY_PREFIX}run:`))
    .map(
      ([, v]) =>
        JSON.parse(v).run as {
          id: string;
          name: string;
          results: Record<string, { status: string; comment?: string; carriedFrom?: { name: string } }>;
          carryChanged?: Record<string, { name: string }>;
        },
    );
}

describe('a new run started from earlier runs', () => {
  it('carries the unchanged passed and n/a results, not the changed or failed ones, undoably, from this browser or a file', async () => {
    // Items of the short path outside the entry that changes: one passed, one n/a, one failed.
    const others = short.items.filter((i) => i.entry !== SAMPLE_CHANGE.entry && i.process === null);
    expect(others.length).toBeGreaterThanOrEqual(3);
    const [passed, na, failed] = others as [ChecklistItem, ChecklistItem, ChecklistItem];

    const context = await browser.newContext();
    const { page, errors } = await watch(context, server.origin);
    await page.goto(`${server.url}${SHORT_PATH}`);
    await ready(page);
    // A run that holds nothing, and no other run to carry from: the panel is there, folded.
    expect(await page.locator('[data-part="carry-details"]').getAttribute('open')).toBeNull();
    await row(page, passed.id).locator('input[value="passed"]').check();
    await row(page, na.id).locator('input[value="na"]').check();
    await row(page, failed.id).locator('input[value="failed"]').check();
    await row(page, SAMPLE_CHANGE.changedItem).locator('input[value="passed"]').check();
    await row(page, passed.id).locator('button.edit-result').click();
    await row(page, passed.id).locator('[data-field="comment"]').fill('Montants justes');
    await row(page, failed.id).locator('button.edit-result').click();
    await row(page, failed.id).locator('[data-field="comment"]').fill('Arrondi faux');
    // Named and signed off.
    await page.click('.run-summary button[data-action="rename"]');
    await page.fill('.rename-form input', SHORT_NAME);
    await page.click('.rename-form button[type="submit"]');
    await page.fill('#signoff-environment', 'SRV-RECETTE');
    await page.fill('#signoff-place', 'Lyon');
    await page.fill('#signoff-date', '2026-03-20');
    await page.fill('#signoff-testers', 'Marie');
    await page.check('#signoff-decision-reserves');
    await page.fill('.party [data-party="name"]', 'Marie Dupont');
    await page.click('.signoff-form button[type="submit"]');
    await page.waitForSelector('[data-part="report"]:not([hidden]) .signoff-report');
    await expect
      .poll(async () => (await savedRuns(page)).find((r) => r.name === SHORT_NAME)?.results[failed.id]?.comment)
      .toBe('Arrondi faux');
    // Its progress file, for another browser (the run list is left out of the report view).
    await page.goto(`${server.url}${SHORT_PATH}`);
    await ready(page);
    const progressFile = await downloadOf(page, () => page.click('[data-part="export-all"]'));

    // The site is rebuilt with GES-5318 changed; a new run on a longer path.
    server.use(sites.sampleChanged.out);
    await page.goto(`${server.url}${LONG_PATH}`);
    await ready(page);
    const details = page.locator('[data-part="carry-details"]');
    expect(await details.getAttribute('open')).toBe('');
    const offered = page.locator('[data-part="carry-runs"] li');
    expect(await offered.count()).toBe(1);
    expect(await offered.innerText()).toMatch(
      /^Recette de mars\s+15\.2\.1 → 15\.3\.0 · Facturation · modifiée le .+ · PV : Acceptée avec réserves$/,
    );
    await offered.locator('input[type="checkbox"]').check();
    await page.click('[data-part="carry-form"] button[type="submit"]');
    await expect
      .poll(() => page.locator('[data-part="status"]').innerText())
      .toBe(
        'Résultats reportés de « Recette de mars » : 2. Modifiés depuis, à refaire : 1. ' +
          'Non reportés (KO, bloqués ou à refaire) : 1.',
      );
    await checkCarried(page, { passed, na, failed });
    // The panel unfolded and the rows' marks meet WCAG 2.2 AA.
    const audited = await audit(page);
    expect(audited.all).toEqual([]);
    // The filter shows the carried ones alone, and stays in the address.
    await page.check('[data-part="filters"] input[name="carried"]');
    expect(await visibleIds(page)).toEqual([passed.id, na.id]);
    expect(new URL(page.url()).searchParams.get('carried')).toBe('1');
    await page.uncheck('[data-part="filters"] input[name="carried"]');

    // The CSV says where each carried result comes from.
    const csv = await downloadOf(page, () => page.click('button[data-export="csv"]'));
    const rows: string[][] = parseCsv(csv.data, { bom: true, delimiter: ';' });
    const carriedColumn = rows[0]!.indexOf('Reporté de');
    expect(carriedColumn).toBeGreaterThan(0);
    const cell = new Map(rows.slice(1).map((r) => [r[0]!, r[carriedColumn]!]));
    expect(cell.get(passed.id)).toMatch(/^Recette de mars \(\d{4}-\d\d-\d\dT/);
    expect(cell.get(na.id)).toMatch(/^Recette de mars \(/);
    expect(cell.get(failed.id)).toBe('');
    expect(cell.get(SAMPLE_CHANGE.changedItem)).toBe('');

    // A reload keeps it all: the run was saved as results were carried into it.
    await page.reload();
    await ready(page);
    await checkCarried(page, { passed, na, failed });

    // Open read-only (its target withdrawn since): the marks stay, without a control.
    server.use(sites.sampleWithdrawn.out);
    await page.reload();
    await ready(page);
    expect(await page.locator('rb-run').getAttribute('data-read-only')).toBe('');
    expect(await row(page, passed.id).locator('.carry-from').textContent()).toMatch(/^Reporté de « Recette de mars »/);
    expect(await row(page, passed.id).locator('button[data-action="undo-carry"]').isHidden()).toBe(true);
    expect(await page.locator('[data-part="carry-details"]').isHidden()).toBe(true);
    expect(await page.locator('[data-part="carry-undo-all"]').isHidden()).toBe(true);
    expect(await page.locator('[data-part="carry-summary"]').innerText()).toBe(
      'Résultats reportés : 2 (de « Recette de mars »).',
    );
    server.use(sites.sampleChanged.out);
    await page.reload();
    await ready(page);

    // Undo one, then all (after confirming): the items are to run again, nothing else moves.
    await row(page, passed.id).locator('button[data-action="undo-carry"]').click();
    expect(await row(page, passed.id).getAttribute('data-status')).toBe('untested');
    expect(await row(page, passed.id).getAttribute('data-carried')).toBeNull();
    expect(await row(page, na.id).getAttribute('data-carried')).toBe('');
    await page.locator('[data-part="carry-undo-all"]').click();
    expect(await page.locator('dialog[open]').innerText()).toContain('Annuler tous les résultats reportés (1) ?');
    await page.click('dialog[open] button[value="ok"]');
    await expect.poll(() => row(page, na.id).getAttribute('data-status')).toBe('untested');
    expect(await page.locator('.run-item[data-carried]').count()).toBe(0);
    expect(await row(page, SAMPLE_CHANGE.changedItem).locator('.flag-carry-changed').isVisible()).toBe(false);
    await expect
      .poll(async () => {
        const long = (await savedRuns(page)).find((r) => r.name !== SHORT_NAME)!;
        return [Object.keys(long.results).length, long.carryChanged ?? null];
      })
      .toEqual([0, null]);
    expect(errors).toEqual([]);
    await context.close();

    // Another browser, with the progress file only: read for carrying, not added to its runs.
    const elsewhere = await browser.newContext();
    const other = await watch(elsewhere, server.origin);
    await other.page.goto(`${server.url}${LONG_PATH}`);
    await ready(other.page);
    await other.page.click('[data-part="carry-details"] summary');
    expect(await other.page.locator('[data-part="carry-no-runs"]').isVisible()).toBe(true);
    await other.page.setInputFiles('[data-part="carry-files"]', {
      name: progressFile.name,
      mimeType: 'application/json',
      buffer: progressFile.data,
    });
    const fromFile = other.page.locator('[data-part="carry-runs"] li');
    await expect.poll(() => fromFile.count()).toBe(1);
    expect(await fromFile.innerText()).toContain(`fichier ${progressFile.name}`);
    expect(await fromFile.locator('input').isChecked()).toBe(true);
    await other.page.click('[data-part="carry-form"] button[type="submit"]');
    await checkCarried(other.page, { passed, na, failed });
    await expect
      .poll(async () => (await savedRuns(other.page)).map((r) => r.name))
      .toEqual(['15.2.0 → 15.3.0 · Facturation']);
    expect(await other.page.locator('.run-summary').count()).toBe(1);
    expect(other.errors).toEqual([]);
    await elsewhere.close();
  });
});

/** The marks and the saved run once the short run's results were carried into the long one. */
async function checkCarried(page: Page, items: Record<'passed' | 'na' | 'failed', ChecklistItem>) {
  const { passed, na, failed } = items;
  expect(await row(page, passed.id).getAttribute('data-status')).toBe('passed');
  expect(await row(page, passed.id).getAttribute('data-carried')).toBe('');
  expect(await row(page, passed.id).locator('.carry-from').textContent()).toMatch(
    /^Reporté de « Recette de mars » \(.+\)$/,
  );
  expect(await row(page, passed.id).locator('.run-item-notes').textContent()).toContain('Montants justes');
  expect(await row(page, passed.id).locator('button[data-action="undo-carry"]').textContent()).toBe(
    'Annuler le report',
  );
  expect(await row(page, na.id).getAttribute('data-status')).toBe('na');
  expect(await row(page, na.id).getAttribute('data-carried')).toBe('');
  // The failed item is not carried; the changed one starts untested and says since which run.
  expect(await row(page, failed.id).getAttribute('data-status')).toBe('untested');
  expect(await row(page, failed.id).getAttribute('data-carried')).toBeNull();
  const changed = row(page, SAMPLE_CHANGE.changedItem);
  expect(await changed.getAttribute('data-status')).toBe('untested');
  expect(await changed.getAttribute('data-carried')).toBeNull();
  expect(await changed.locator('.flag-carry-changed').textContent()).toMatch(
    /^Modifié depuis « Recette de mars » \(.+\) : à refaire$/,
  );
  expect(await page.locator('[data-part="carry-summary"]').innerText()).toBe(
    'Résultats reportés : 2 (de « Recette de mars »).',
  );
  await expect
    .poll(async () => {
      const long = (await savedRuns(page)).find((r) => r.name !== SHORT_NAME)!;
      return [long.results[passed.id]?.carriedFrom?.name, long.results[failed.id], long.carryChanged];
    })
    .toEqual([SHORT_NAME, undefined, { [SAMPLE_CHANGE.changedItem]: expect.objectContaining({ name: SHORT_NAME }) }]);
}
