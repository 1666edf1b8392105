import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Checklist } from '../../src/core/checklist/index.ts';
import { requestToParams } from '../../src/core/run/request.ts';
import { RUN_FORMAT, FORMAT_VERSION } from '../../src/core/run/schema.ts';
import type { SavedRun } from '../../src/core/run/types.ts';
import { GROUP_KNOWN } from '../../src/core/run/view.ts';
import { downloadOf, engineChecklist, watch } from './run-helpers.ts';
import { putStoredValue } from './stored-values.ts';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * The items of the target's open known issues on the run page, in Chromium, on the sample road
 * book: 15.1.0 → 15.2.0 has two (the blocking Factur-X one, the lettrage one), each with its
 * workaround. Their group has its own heading in the road book's order, in the risk order, with
 * the minimum set, with the group filter and in a run given by that group; each row says the
 * workaround and its box the severity; a download and the printed sign-off report list them.
 */
const sites = inject('sites');
const REQUEST = { from: '15.1.0', to: '15.2.0', modules: [], editions: [], processes: [] };
const PATH = 'checklist/?from=15.1.0&to=15.2.0';
const KEY_PREFIX = 'roadbook:%2F:Gestan:';
const HEADING = 'Problèmes connus de la version cible';

useSampleSite();
let expected: Checklist;
let known: string[];

beforeAll(async () => {
  expected = await engineChecklist(sites.sample.root, REQUEST);
  known = expected.items.filter((i) => i.knownIssue !== null).map((i) => i.id);
});

const ready = (page: Page) => page.waitForSelector('rb-run[data-state="ready"]');
/** The headings of the changes the page shows, with their counts. */
const headings = (page: Page) =>
  page
    .locator('[data-part="step-changes"] .run-group > h4')
    .evaluateAll((els) => els.filter((e) => !e.closest('[hidden]')).map((e) => e.textContent!.trim()));
/** The ids of the shown rows under the heading `label` (its section), in order. */
const rowsUnder = (page: Page, label: string) =>
  page.locator('[data-part="step-changes"] .run-group').evaluateAll(
    (groups, label) =>
      groups
        .filter((g) => !g.closest('[hidden]') && g.querySelector('h4')!.textContent!.startsWith(label))
        .flatMap((g) => [...g.querySelectorAll<HTMLElement>('.run-item')])
        .filter((e) => !e.closest('[hidden]'))
        .map((e) => e.dataset.item!),
    label,
  );

/** Each known issue's row says its workaround, and its box its severity. */
async function expectRows(page: Page) {
  for (const issue of expected.knownIssues.filter((i) => i.workaround !== null)) {
    const row = page.locator(`.run-item[data-item="known:${issue.id}"]`);
    expect(await row.isVisible(), issue.id).toBe(true);
    // textContent: a row off screen is not rendered (content-visibility), so has no innerText.
    expect(await row.locator('.run-item-step').textContent()).toBe(`Appliquer le contournement : ${issue.workaround}`);
    const box = page.locator(`.run-known-issue[data-known-issue="${issue.id}"]`);
    expect(await box.locator('h5').textContent()).toBe(`${issue.id} ${issue.title}`);
    expect(await box.locator('.badge-severity').textContent()).toBe(
      { blocking: 'Bloquant', major: 'Majeur', minor: 'Mineur' }[issue.severity],
    );
  }
}

describe('the known issues of the target on the run page', () => {
  it('have their heading and their workaround in every arrangement and with the group filter', async () => {
    expect(expected.knownIssues.map((i) => [i.id, i.severity])).toEqual([
      ['KI-facturx-logo-transparent', 'blocking'],
      ['KI-lettrage-gros-comptes', 'major'],
    ]);
    expect(known).toEqual(['known:KI-facturx-logo-transparent', 'known:KI-lettrage-gros-comptes']);
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, errors } = await watch(context, server.origin);
    await page.goto(`${server.url}${PATH}`);
    await ready(page);

    // The road book's order: after the modules, a heading of their own.
    expect((await headings(page)).at(-1)).toBe(`${HEADING} (2)`);
    expect(await rowsUnder(page, HEADING)).toEqual(known);
    expect(await page.locator('[data-part="step-changes"] .run-known').getAttribute('data-group')).toBe(GROUP_KNOWN);
    await expectRows(page);

    // By risk: their rank's heading.
    await page.getByLabel('par risque').check();
    await page.waitForSelector('[data-part="run"][data-order="risk"]');
    expect(await headings(page)).toContain(`${HEADING} (2)`);
    expect(await rowsUnder(page, HEADING)).toEqual(known);
    await expectRows(page);

    // The minimum set keeps them, in both orders.
    await page.getByLabel('Ensemble minimal').check();
    await page.waitForSelector('[data-part="run"][data-minimum]');
    expect(await rowsUnder(page, HEADING)).toEqual(known);
    await page.getByLabel('feuille de route').check();
    await page.waitForSelector('[data-part="run"][data-order="road-book"]');
    expect((await headings(page)).at(-1)).toBe(`${HEADING} (2)`);
    expect(await rowsUnder(page, HEADING)).toEqual(known);
    await expectRows(page);
    await page.getByLabel('Ensemble minimal').uncheck();
    await page.waitForSelector('[data-part="run"]:not([data-minimum])');

    // The group filter: its own choice, and only their rows under their heading.
    const group = page.locator('[data-part="filters"] select[name="group"]');
    expect(await group.locator(`option[value="${GROUP_KNOWN}"]`).innerText()).toBe(HEADING);
    await group.selectOption(GROUP_KNOWN);
    await expect.poll(() => headings(page)).toEqual([`${HEADING} (2)`]);
    expect(
      await page
        .locator('[data-part="step-changes"] .run-item')
        .evaluateAll((els) => els.filter((e) => !e.closest('[hidden]')).map((e) => (e as HTMLElement).dataset.item!)),
    ).toEqual(known);
    expect(new URL(page.url()).searchParams.get('group')).toBe(GROUP_KNOWN);
    await page.click('[data-part="filters"] button[type="reset"]');
    await expect.poll(() => headings(page).then((h) => h.length)).toBeGreaterThan(1);

    // A download lists them, with the workaround in the step.
    const csv = await downloadOf(page, () => page.click('button[data-export="csv"]'));
    const records = parseCsv(csv.data, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const rows = records.filter((r) => known.includes(r.ID!));
    expect(rows.map((r) => r.ID)).toEqual(known);
    expect(rows[0]!['Étape']).toContain(expected.knownIssues[0]!.workaround!);

    // The printed sign-off report lists them as a group of items and as issues accepted.
    await page.locator(`.run-item[data-item="${known[0]}"] input[type="radio"][value="passed"]`).check();
    await page.fill('#signoff-environment', 'SRV');
    await page.fill('#signoff-place', 'Lyon');
    await page.fill('#signoff-testers', 'Marie');
    await page.check('#signoff-decision-reserves');
    await page.fill('.party [data-party="name"]', 'Marie');
    await page.click('.signoff-form button[type="submit"]');
    const report = page.locator('[data-part="report"]:not([hidden]) .signoff-report');
    await report.waitFor();
    const accepted = await report
      .locator('table.report-known-issues tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td, th')].map((td) => td.textContent!.trim())));
    expect(accepted.map((r) => [r[0], r[1], r[4]])).toEqual(
      expected.knownIssues.map((i) => [i.id, i.severity === 'blocking' ? 'Bloquant' : 'Majeur', i.workaround]),
    );
    expect(await report.innerText()).toContain(known[0]!);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('are a group the lead gives a tester, who sees them first under their heading', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}${PATH}`);
    await ready(page);
    await page.click('[data-part="assign"] summary');
    const choice = page.locator(`[data-part="assign-groups"] label:has(input[value="${GROUP_KNOWN}"])`);
    expect((await choice.innerText()).trim()).toBe(HEADING);
    await page.fill('#assign-tester', 'Claire');
    await choice.locator('input').check();
    await page.click('[data-part="assign-form"] button[type="submit"]');
    const entry = page.locator('.assign-entry[data-tester="Claire"]');
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Claire — vérifications : 2');
    expect(await entry.innerText()).toContain(HEADING);

    // Opened by the tester: their two items first, under their heading; the changes apart.
    const run: SavedRun = {
      id: 'equipe-connus',
      name: 'Recette équipe',
      created: '2026-05-20T08:00:00.000Z',
      updated: '2026-05-20T08:00:00.000Z',
      buildId: null,
      request: REQUEST,
      results: {},
      signOff: null,
      assignment: { tester: 'Claire', modules: [], groups: [GROUP_KNOWN], items: [] },
    };
    const text = JSON.stringify({ format: RUN_FORMAT, version: FORMAT_VERSION, product: 'Gestan', base: '/', run });
    await putStoredValue(page, `${KEY_PREFIX}run:${run.id}`, text);
    const params = requestToParams(REQUEST);
    params.set('run', run.id);
    await page.goto(`${server.url}checklist/?${params}`);
    await ready(page);
    const mine = page.locator('[data-part="step-changes"] > .run-group');
    expect(await mine.locator('> h4').allInnerTexts()).toEqual([`${HEADING} (2)`]);
    expect(await rowsUnder(page, HEADING)).toEqual(known);
    const apart = page.locator('[data-part="step-changes"] > details.run-others');
    const others = expected.items.filter((i) => i.process === null && i.knownIssue === null).length;
    expect(await apart.locator('summary').textContent()).toBe(`Attribuées à quelqu'un d'autre (${others})`);
    expect(await apart.locator('.run-known').count()).toBe(0);
    await expectRows(page);
    await context.close();
  });
});
