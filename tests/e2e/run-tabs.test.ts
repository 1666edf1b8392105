import { storedValues } from './stored-values.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Checklist } from '../../src/core/checklist/index.ts';
import { statusLabel } from '../../src/core/i18n/labels.ts';
import { launchChromium } from './browser.ts';
import { audit, downloadOf, engineChecklist, watch } from './run-helpers.ts';
import { SAMPLE_WITHDRAWN } from './sample-withdrawn.ts';
import { serveSite, type StaticServer } from './server.ts';

/**
 * /checklist/ in Chromium, on the sample road book built by the global setup: one run open
 * in two tabs of one profile, the same item changed in both (both versions kept, shown in the
 * tab where the tester works, settled there, the settled result saved for good), and a run
 * whose target version was withdrawn on a rebuilt site (opened read-only with its results
 * and orphans, exported, nothing recorded).
 */
const sites = inject('sites');
const REQUEST = { from: '15.2.0', to: '15.3.0', modules: ['facturation'] };
const PATH = 'checklist/?from=15.2.0&to=15.3.0&modules=facturation';
const KEY_PREFIX = 'roadbook:%2F:Gestan:';
const OK = statusLabel('fr', 'passed');
/** How long a poll waits for what another tab saved (the machine may be busy). */
const WAIT = { timeout: 10_000 };
const KO = statusLabel('fr', 'failed');

interface StoredResult {
  status: string;
  comment?: string;
  rev?: string;
  base?: string[];
  conflict?: StoredResult[];
}
interface StoredRun {
  id: string;
  updated: string;
  results: Record<string, StoredResult>;
}

let browser: Browser;
let expected: Checklist;

beforeAll(async () => {
  browser = await launchChromium();
  expected = await engineChecklist(sites.sample.root, REQUEST);
});

afterAll(async () => {
  await browser?.close();
});

const row = (page: Page, id: string) => page.locator(`.run-item[data-item="${id}"]`);
const ready = (page: Page) => page.waitForSelector('rb-run[data-state="ready"]');
const setStatus = (page: Page, id: string, status: string) =>
  row(page, id).locator(`input[type="radio"][value="${status}"]`).check();
const comment = (page: Page, id: string) => row(page, id).locator('[data-field="comment"]');
async function openFields(page: Page, id: string) {
  const edit = row(page, id).locator('button.edit-result');
  if ((await edit.getAttribute('aria-expanded')) !== 'true') await edit.click();
}
async function savedRuns(page: Page): Promise<StoredRun[]> {
  const all = await storedValues(page);
  return Object.entries(all)
    .filter(([k]) => k.startsWith(`${KEY_PREFIX}run:`))
    .map(([, v]) => (JSON.parse(v) as { run: StoredRun }).run);
}
const savedResult = async (page: Page, id: string) => (await savedRuns(page))[0]?.results[id];
/** What a version shown in a conflict says: side, status, comment. */
const versionsShown = (page: Page, id: string) =>
  row(page, id)
    .locator('.run-conflict-version')
    .evaluateAll((els) =>
      els.map((el) => ({
        side: (el as HTMLElement).dataset.side,
        label: el.querySelector('.run-conflict-label')!.textContent,
        status: el.querySelector('.status-pill')!.textContent,
        comment: el.querySelectorAll('dd')[1]!.textContent,
      })),
    );

async function openPath(context: BrowserContext, server: StaticServer, path = PATH) {
  const watched = await watch(context, server.origin);
  await watched.page.goto(`${server.url}${path}`);
  await ready(watched.page);
  return watched;
}

describe('one run in two tabs', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveSite(sites.sample.out, sites.sample.base);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps both versions of an item changed in both, shows them where the tester types, and saves the one kept', async () => {
    const context = await browser.newContext();
    const one = await openPath(context, server);
    const item = expected.items.find((i) => i.process === null)!.id;
    const other = expected.items.filter((i) => i.process === null)[1]!.id;
    await setStatus(one.page, item, 'passed');
    await expect.poll(async () => (await savedResult(one.page, item))?.status, WAIT).toBe('passed');
    const two = await watch(context, server.origin);
    await two.page.goto(one.page.url());
    await ready(two.page);
    expect(await row(two.page, item).getAttribute('data-status')).toBe('passed');

    // Tab two opens the comment of the item; meanwhile tab one records a failure for it.
    await openFields(two.page, item);
    await expect.poll(() => comment(two.page, item).evaluate((el) => el === document.activeElement), WAIT).toBe(true);
    await setStatus(one.page, item, 'failed');
    await openFields(one.page, item);
    await comment(one.page, item).fill('Le PDF est refusé par le validateur');
    await expect
      .poll(async () => (await savedResult(one.page, item))?.comment)
      .toBe('Le PDF est refusé par le validateur');
    await expect.poll(() => row(two.page, item).getAttribute('data-status'), WAIT).toBe('failed');
    await expect
      .poll(() => row(two.page, item).locator('.run-item-notes').textContent(), WAIT)
      .toContain('Le PDF est refusé par le validateur');
    // What tab two types is about the result it showed (passed): never laid over the failure.
    await comment(two.page, item).fill('Vu dans l’onglet 2');
    await expect.poll(() => row(two.page, item).getAttribute('data-conflict'), WAIT).toBe('');
    expect(await comment(two.page, item).inputValue()).toBe('Vu dans l’onglet 2');
    expect(await versionsShown(two.page, item)).toEqual([
      { side: 'mine', label: 'Votre version', status: OK, comment: 'Vu dans l’onglet 2' },
      { side: 'other', label: "L'autre version", status: KO, comment: 'Le PDF est refusé par le validateur' },
    ]);
    expect(await row(two.page, item).locator('.run-conflict button').allInnerTexts()).toEqual([
      'Garder la mienne',
      "Garder l'autre",
      'Modifier la mienne',
    ]);

    expect((await audit(two.page)).serious).toEqual([]);

    // Both versions are saved; tab one shows the conflict too, its own version first.
    await expect.poll(async () => (await savedResult(two.page, item))?.conflict?.length, WAIT).toBe(1);
    const stored = (await savedResult(two.page, item))!;
    const conflicting = [stored, ...stored.conflict!];
    const versions = conflicting.map((v) => [v.status, v.comment]);
    expect(versions).toEqual(
      expect.arrayContaining([
        ['passed', 'Vu dans l’onglet 2'],
        ['failed', 'Le PDF est refusé par le validateur'],
      ]),
    );
    await expect.poll(() => row(one.page, item).getAttribute('data-conflict'), WAIT).toBe('');
    expect((await versionsShown(one.page, item)).map((v) => [v.side, v.status])).toEqual([
      ['mine', KO],
      ['other', OK],
    ]);
    expect(await one.page.locator('[data-alert="sync-conflict"]').innerText()).toContain(
      'modifiées des deux côtés : 1',
    );

    // Another item changed in one tab only is simply taken by the other.
    await setStatus(one.page, other, 'na');
    await expect.poll(() => row(two.page, other).getAttribute('data-status'), WAIT).toBe('na');
    expect(await row(two.page, other).getAttribute('data-conflict')).toBeNull();

    // Tab two keeps the other version: both tabs show it alone, and it is saved for good.
    await row(two.page, item).getByRole('button', { name: "Garder l'autre" }).click();
    expect(await row(two.page, item).getAttribute('data-conflict')).toBeNull();
    expect(await row(two.page, item).getAttribute('data-status')).toBe('failed');
    await expect.poll(async () => (await savedResult(two.page, item))?.conflict, WAIT).toBeUndefined();
    const settled = (await savedResult(two.page, item))!;
    expect(settled).toMatchObject({ status: 'failed', comment: 'Le PDF est refusé par le validateur' });
    // Made from both versions, so every side that still holds the conflict takes it.
    expect(settled.base).toEqual(expect.arrayContaining(conflicting.map((v) => v.rev)));
    await expect.poll(() => row(one.page, item).getAttribute('data-conflict'), WAIT).toBeNull();
    expect(await row(one.page, item).getAttribute('data-status')).toBe('failed');

    await two.page.reload();
    await ready(two.page);
    expect(await row(two.page, item).getAttribute('data-status')).toBe('failed');
    expect(await row(two.page, item).getAttribute('data-conflict')).toBeNull();
    expect(await row(two.page, item).locator('.run-item-notes').textContent()).toContain(
      'Le PDF est refusé par le validateur',
    );
    expect(await row(two.page, other).getAttribute('data-status')).toBe('na');
    expect((await savedResult(two.page, item))!.conflict).toBeUndefined();
    expect([...one.errors, ...two.errors]).toEqual([]);
    expect([...one.foreign, ...two.foreign]).toEqual([]);
    await context.close();
  });

  it('keeps both when two tabs record the same item before either hears of the other, and saves the one kept', async () => {
    const context = await browser.newContext();
    const one = await openPath(context, server);
    const item = expected.items.filter((i) => i.process === null)[2]!.id;
    await setStatus(one.page, item, 'passed');
    await expect.poll(async () => (await savedResult(one.page, item))?.status, WAIT).toBe('passed');
    const two = await watch(context, server.origin);
    // Tab two can stop hearing of the other tab for a while: the store's channel then drops
    // the other tab's news of a change before the page's own listener sees it.
    await two.page.addInitScript(() => {
      const held = window as unknown as { holdStorage: boolean };
      held.holdStorage = false;
      const add = BroadcastChannel.prototype.addEventListener;
      BroadcastChannel.prototype.addEventListener = function (
        this: BroadcastChannel,
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | AddEventListenerOptions,
      ) {
        if (type !== 'message' || typeof listener !== 'function') return add.call(this, type, listener, options);
        const filtered = (event: Event) => {
          const data = (event as MessageEvent).data as Record<string, unknown> | null;
          if (held.holdStorage && data && 'key' in data) return;
          listener.call(this, event);
        };
        return add.call(this, type, filtered, options);
      } as typeof BroadcastChannel.prototype.addEventListener;
    });
    await two.page.goto(one.page.url());
    await ready(two.page);
    await two.page.evaluate(() => ((window as unknown as { holdStorage: boolean }).holdStorage = true));
    await setStatus(one.page, item, 'failed');
    await openFields(one.page, item);
    await comment(one.page, item).fill('KO dans l’onglet 1');
    await expect.poll(async () => (await savedResult(one.page, item))?.comment, WAIT).toBe('KO dans l’onglet 1');
    expect(await row(two.page, item).getAttribute('data-status')).toBe('passed');
    await setStatus(two.page, item, 'blocked');
    await openFields(two.page, item);
    await comment(two.page, item).fill('Bloqué dans l’onglet 2');

    // Saving, tab two finds the other tab's change of the same item: both are kept, and said.
    await expect.poll(() => row(two.page, item).getAttribute('data-conflict'), WAIT).toBe('');
    await expect
      .poll(() => versionsShown(two.page, item))
      .toEqual([
        {
          side: 'mine',
          label: 'Votre version',
          status: statusLabel('fr', 'blocked'),
          comment: 'Bloqué dans l’onglet 2',
        },
        { side: 'other', label: "L'autre version", status: KO, comment: 'KO dans l’onglet 1' },
      ]);
    expect(await two.page.locator('[data-alert="sync-conflict"]').innerText()).toContain('des deux côtés : 1');
    await expect.poll(() => row(one.page, item).getAttribute('data-conflict'), WAIT).toBe('');
    await two.page.evaluate(() => ((window as unknown as { holdStorage: boolean }).holdStorage = false));

    await row(two.page, item).getByRole('button', { name: 'Garder la mienne' }).click();
    await expect.poll(() => row(one.page, item).getAttribute('data-conflict'), WAIT).toBeNull();
    expect(await row(one.page, item).getAttribute('data-status')).toBe('blocked');
    await expect.poll(async () => (await savedResult(one.page, item))?.conflict, WAIT).toBeUndefined();
    await one.page.reload();
    await ready(one.page);
    expect(await row(one.page, item).getAttribute('data-status')).toBe('blocked');
    expect(await row(one.page, item).getAttribute('data-conflict')).toBeNull();
    expect((await savedResult(one.page, item))!).toMatchObject({
      status: 'blocked',
      comment: 'Bloqué dans l’onglet 2',
    });
    expect([...one.errors, ...two.errors]).toEqual([]);
    await context.close();
  });
});

describe('a run whose target was withdrawn', () => {
  it('opens read-only with its results and orphans, exports them, and records nothing', async () => {
    const site = await serveSite(sites.sample.out, '/');
    const context = await browser.newContext();
    const { page, errors, foreign } = await openPath(context, site);
    const kept = expected.items.find((i) => i.entry !== SAMPLE_WITHDRAWN.removedEntry && i.process === null)!;
    const gone = expected.items.find((i) => i.entry === SAMPLE_WITHDRAWN.removedEntry)!;
    await setStatus(page, kept.id, 'passed');
    await setStatus(page, gone.id, 'failed');
    await openFields(page, gone.id);
    await comment(page, gone.id).fill('Profil CMJN refusé');
    await expect.poll(async () => (await savedResult(page, gone.id))?.comment, WAIT).toBe('Profil CMJN refusé');
    await expect.poll(async () => (await savedResult(page, kept.id))?.status, WAIT).toBe('passed');
    const before = await savedRuns(page);

    // The site is rebuilt in place with 15.3.0 withdrawn and GES-5318 gone.
    site.use(sites.sampleWithdrawn.out);
    await page.reload();
    await ready(page);
    expect(await page.locator('rb-run').getAttribute('data-read-only')).toBe('');
    expect(await page.locator('[data-part="run-title"] .badge-read-only').innerText()).toBe('Lecture seule');
    expect(await page.locator('[data-part="run-notices"] [data-read-only="withdrawn"]').innerText()).toContain(
      `la version cible ${SAMPLE_WITHDRAWN.version} a été retirée`,
    );
    // The results are there, without any control that records.
    expect(await row(page, kept.id).getAttribute('data-status')).toBe('passed');
    expect(await row(page, kept.id).locator('fieldset.run-status').getAttribute('disabled')).toBe('');
    expect(await row(page, kept.id).locator('input[type="radio"][value="failed"]').isDisabled()).toBe(true);
    expect(await row(page, kept.id).locator('button.edit-result').isHidden()).toBe(true);
    expect(await page.locator('[data-part="apply"]').isHidden()).toBe(true);
    expect(await page.locator('#signoff-environment').isDisabled()).toBe(true);
    expect(await page.locator('[data-part="parties"] input').first().isDisabled()).toBe(true);
    expect(await page.locator('[data-part="signoff-form"] button[type="submit"]').isDisabled()).toBe(false);
    // A keyboard shortcut records nothing either.
    await row(page, kept.id).focus();
    await page.keyboard.press('3');
    expect(await row(page, kept.id).getAttribute('data-status')).toBe('passed');
    // The result of the removed entry is listed, never dropped, and cannot be forgotten here.
    expect(await row(page, gone.id).count()).toBe(0);
    const orphan = page.locator(`.orphan[data-item="${gone.id}"]`);
    expect(await orphan.getAttribute('data-reason')).toBe('entry-removed');
    expect(await orphan.innerText()).toContain('Profil CMJN refusé');
    expect(await orphan.locator('.status-pill').innerText()).toBe(KO);
    expect(await orphan.locator('button').count()).toBe(0);

    expect((await audit(page)).serious).toEqual([]);

    // Exported: the progress file holds every result, the reports the checklist's.
    const progress = await downloadOf(page, () => page.click('[data-part="export-run"]'));
    const file = JSON.parse(progress.data.toString('utf8')) as { runs: StoredRun[] };
    expect(file.runs).toHaveLength(1);
    expect(file.runs[0]!.results[kept.id]).toMatchObject({ status: 'passed' });
    expect(file.runs[0]!.results[gone.id]).toMatchObject({ status: 'failed', comment: 'Profil CMJN refusé' });
    const csvFile = await downloadOf(page, () => page.click('button[data-export="csv"]'));
    expect(csvFile.name).toBe('gestan-15.2.0-15.3.0.csv');
    const csv: string[][] = parseCsv(csvFile.data, { bom: true, delimiter: ';' });
    const csvRows = new Map(csv.slice(1).map((r) => [r[0]!, r]));
    expect(csvRows.get(kept.id)![7]).toBe(OK);
    expect(csvRows.has(gone.id)).toBe(false);

    // Nothing was written.
    expect(await savedRuns(page)).toEqual(before);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
    await site.close();
  });
});
