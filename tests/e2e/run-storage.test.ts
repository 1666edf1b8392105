import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Checklist } from '../../src/core/checklist/index.ts';
import { MAX_PROGRESS_FILE_BYTES, RETRY_FIRST_MS, RETRY_MAX_MS } from '../../src/core/run/storage-limits.ts';
import { serializeRun } from '../../src/core/run/saved.ts';
import { DATABASE } from '../../src/core/run/storage-keys.ts';
import type { SavedRun } from '../../src/core/run/types.ts';
import { mountSmallDisk } from './small-disk.ts';
import { launchKillable, type KillableChromium } from './killable-chromium.ts';
import { addressedRun, downloadOf, engineChecklist, watch } from './run-helpers.ts';
import { storedValues } from './stored-values.ts';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * Where the checklist page keeps runs, in Chromium: IndexedDB (runs of localStorage moved in,
 * localStorage kept where IndexedDB is missing), written at once, so a browser killed right
 * after a click keeps the click; a change whose write never finished is named at the next
 * start and can be put back, but never while the tab that made it is still open; a refused
 * write says "not saved" in the run's header until a retry goes through; a progress file too
 * big to store is refused before anything changes; an imported process with an id already here
 * is replaced only when the tester says so.
 */
const sites = inject('sites');
const REQUEST = { from: '15.2.0', to: '15.3.0', modules: ['facturation'], processes: ['facturation-mensuelle'] };
const PATH = 'checklist/?from=15.2.0&to=15.3.0&modules=facturation&processes=facturation-mensuelle';
const KEY_PREFIX = 'roadbook:%2F:Gestan:';
const SCOPE = { product: 'Gestan', base: '/' };

useSampleSite();
let expected: Checklist;

beforeAll(async () => {
  expected = await engineChecklist(sites.sample.root, REQUEST);
});

const row = (page: Page, id: string) => page.locator(`.run-item[data-item="${id}"]`);
const setStatus = (page: Page, id: string, status: string) =>
  row(page, id).locator(`input[type="radio"][value="${status}"]`).check();
const statusOf = (page: Page, id: string) => row(page, id).getAttribute('data-status');
const ready = (page: Page) => page.waitForSelector('rb-run[data-state="ready"]');
const saveState = (page: Page) => page.locator('[data-part="run-saved"]').getAttribute('data-save-state');
async function comment(page: Page, id: string, text: string) {
  await row(page, id).locator('button.edit-result').click();
  await row(page, id).locator('[data-field="comment"]').fill(text);
}
async function storedRuns(page: Page) {
  const values = await storedValues(page);
  return Object.entries(values)
    .filter(([k]) => k.startsWith(`${KEY_PREFIX}run:`))
    .map(([, v]) => JSON.parse(v).run as { id: string; results: Record<string, { status: string; comment?: string }> });
}

describe('runs an earlier version kept in localStorage', () => {
  it('are moved into IndexedDB on first start, and their old keys go once the copy is written', async () => {
    const context = await browser.newContext();
    const { page, errors } = await watch(context, server.origin);
    const [a] = expected.items;
    const run: SavedRun = {
      id: 'r-ancien',
      name: 'Recette d’avant',
      created: '2026-05-20T08:00:00.000Z',
      updated: '2026-05-20T09:00:00.000Z',
      buildId: null,
      request: {
        from: REQUEST.from,
        to: REQUEST.to,
        modules: REQUEST.modules,
        editions: [],
        processes: REQUEST.processes,
      },
      results: { [a!.id]: { status: 'failed', comment: 'vu avant', time: '2026-05-20T09:00:00.000Z' } },
      signOff: null,
    };
    const key = `${KEY_PREFIX}run:${run.id}`;
    // Another page of the site, so the checklist page has not started yet.
    await page.goto(server.url);
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, serializeRun(run, SCOPE)]);
    await page.goto(`${server.url}checklist/`);
    await page.waitForSelector('rb-run[data-state="idle"]');
    expect(await page.locator('.run-summary-name').innerText()).toBe('Recette d’avant');
    expect(JSON.parse((await storedValues(page))[key]!).run).toEqual(run);
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    await page.click('.run-summary-name');
    await ready(page);
    expect(await statusOf(page, a!.id)).toBe('failed');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a browser without IndexedDB', () => {
  it('keeps runs in localStorage instead, across a reload', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    const { page, errors } = await watch(context, server.origin);
    await page.goto(`${server.url}${PATH}`);
    await ready(page);
    const [a] = expected.items;
    await setStatus(page, a!.id, 'failed');
    await comment(page, a!.id, 'gardé quand même');
    await expect.poll(() => saveState(page)).toBe('saved');
    const id = await addressedRun(page);
    const kept = await page.evaluate((k) => localStorage.getItem(k), `${KEY_PREFIX}run:${id}`);
    expect(JSON.parse(kept!).run.results[a!.id]).toMatchObject({ status: 'failed', comment: 'gardé quand même' });
    await page.reload();
    await ready(page);
    expect(await statusOf(page, a!.id)).toBe('failed');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a browser killed while the tester works', () => {
  it('keeps every result it confirmed, and names at the next start the one whose write never finished', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'roadbook-profile-'));
    const [a, b, c] = expected.items;
    try {
      let chromium = await launchKillable(profile);
      let { page, errors } = await watch(chromium.context, server.origin);
      await page.goto(`${server.url}${PATH}`);
      await ready(page);
      await setStatus(page, a!.id, 'passed');
      await setStatus(page, b!.id, 'failed');
      await comment(page, b!.id, 'Écran blanc à la validation');
      // Killed as soon as the header says saved: no pagehide, no close, nothing flushed on the way out.
      await expect.poll(() => saveState(page)).toBe('saved');
      expect(errors).toEqual([]);
      await chromium.kill();

      chromium = await launchKillable(profile);
      ({ page, errors } = await watch(chromium.context, server.origin));
      await page.goto(`${server.url}checklist/`);
      await page.waitForSelector('rb-run[data-state="idle"]');
      expect(await page.locator('.run-summary').count()).toBe(1);
      await page.click('.run-summary-name');
      await ready(page);
      expect(await statusOf(page, a!.id)).toBe('passed');
      expect(await statusOf(page, b!.id)).toBe('failed');
      await row(page, b!.id).locator('button.edit-result').click();
      expect(await row(page, b!.id).locator('[data-field="comment"]').inputValue()).toBe('Écran blanc à la validation');
      // Nothing was pending: no word of an unsaved session.
      expect(await page.locator('[data-alert="last-session"]').count()).toBe(0);

      // Now a write that cannot finish: another connection holds the runs' object store with
      // a transaction kept busy, so the page's write waits (the journal, a store of its own, does not).
      await page.evaluate(
        ([name, store]) =>
          new Promise<void>((held) => {
            const open = indexedDB.open(name!);
            open.onsuccess = () => {
              const values = open.result.transaction(store!, 'readwrite').objectStore(store!);
              const spin = () => (values.get('spin').onsuccess = spin);
              spin();
              held();
            };
          }),
        [DATABASE.name, DATABASE.values],
      );
      await setStatus(page, c!.id, 'blocked');
      await expect.poll(async () => Object.keys(await storedValues(page, 'journal')).length).toBe(1);
      expect(await saveState(page)).toBe('saving');
      expect(await page.locator('[data-part="run-saved"]').innerText()).toContain('Enregistrement en cours');
      await chromium.kill();

      chromium = await launchKillable(profile);
      ({ page, errors } = await watch(chromium.context, server.origin));
      await page.goto(`${server.url}checklist/`);
      await page.waitForSelector('rb-run[data-state="idle"]');
      const notice = page.locator('[data-alert="last-session"]');
      expect(await notice.getAttribute('role')).toBe('alert');
      const text = await notice.innerText();
      expect(text).toContain("La dernière session de cette page s'est terminée");
      expect(text).toContain(`1 résultat(s) non enregistré(s) (${c!.id})`);
      expect(text).not.toContain(a!.id);
      // Truly not stored; put back on request, then stored and shown.
      expect((await storedRuns(page))[0]!.results[c!.id]).toBeUndefined();
      await notice.locator('button', { hasText: 'Remettre ces saisies' }).click();
      await expect.poll(() => notice.count()).toBe(0);
      await expect.poll(async () => (await storedRuns(page))[0]!.results[c!.id]?.status).toBe('blocked');
      expect(await storedValues(page, 'journal')).toEqual({});
      await page.click('.run-summary-name');
      await ready(page);
      expect(await statusOf(page, c!.id)).toBe('blocked');
      expect(await statusOf(page, a!.id)).toBe('passed');
      expect(errors).toEqual([]);
      await chromium.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});

describe('a change another open tab could not save', () => {
  for (const locks of [true, false])
    it(`is not taken for a lost one while that tab is open, and is once it is gone (${locks ? 'Web Locks' : 'no Web Locks: roll call'})`, async () => {
      const context = await browser.newContext();
      // Runs refused in the tab that says so (its journal entries still written).
      await context.addInitScript(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
          if (String(key).includes(':run:') && (window as unknown as { full?: boolean }).full)
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.call(this, value, key);
        };
      });
      if (!locks)
        await context.addInitScript(() =>
          Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }),
        );
      const one = await watch(context, server.origin);
      await one.page.goto(`${server.url}${PATH}`);
      await ready(one.page);
      const [a, b] = expected.items;
      await setStatus(one.page, a!.id, 'passed');
      await expect.poll(() => saveState(one.page)).toBe('saved');
      await one.page.evaluate(() => ((window as unknown as { full?: boolean }).full = true));
      await setStatus(one.page, b!.id, 'failed');
      await expect.poll(() => saveState(one.page)).toBe('failed');
      expect(Object.keys(await storedValues(one.page, 'journal')).length).toBeGreaterThan(0);

      // The first tab is open: a second one says nothing of its unsaved change.
      const two = await watch(context, server.origin);
      await two.page.goto(`${server.url}checklist/`);
      await two.page.waitForSelector('rb-run[data-state="idle"]');
      expect(await two.page.locator('[data-alert="last-session"]').count()).toBe(0);
      await two.page.close();

      // Gone without its change saved: the next page names the item.
      await one.page.close();
      const three = await watch(context, server.origin);
      await three.page.goto(`${server.url}checklist/`);
      await three.page.waitForSelector('rb-run[data-state="idle"]');
      expect(await three.page.locator('[data-alert="last-session"]').innerText()).toContain(`(${b!.id})`);
      expect([...one.errors, ...two.errors, ...three.errors]).toEqual([]);
      await context.close();
    });
});

describe('a full storage', () => {
  it('says "not saved" in the header with the export at hand, retries, and says saved once space is back', async () => {
    // The browser's profile on a disk of its own, filled for real: its writes are refused by the
    // file system (no space left), as on a tester's full disk.
    const disk = await mountSmallDisk('32m');
    let chromium: KillableChromium | undefined;
    try {
      chromium = await launchKillable(join(disk.dir, 'profile'));
      const { page, errors } = await watch(chromium.context, server.origin);
      // The page's clock is the test's: a retry on its timer happens when the test moves time on, never by chance.
      await page.clock.install();
      await page.goto(`${server.url}${PATH}`);
      await ready(page);
      await page.clock.pauseAt(Date.now() + 1000);
      const [a, b, c] = expected.items;
      await setStatus(page, a!.id, 'passed');
      await expect.poll(() => saveState(page)).toBe('saved');
      await disk.fill();
      // A tester's note with a pasted trace, one the browser cannot compress to nothing: the run
      // no longer fits in whatever the browser frees on the disk as it recovers from a refusal.
      const note = `Pas de place. Trace : ${randomBytes(96 * 1024).toString('base64')}`;
      await comment(page, b!.id, note);
      await setStatus(page, b!.id, 'failed');
      await expect.poll(() => saveState(page)).toBe('failed');
      const header = page.locator('[data-part="run-saved"]');
      expect(await header.innerText()).toContain('PAS enregistrée');
      expect(await header.innerText()).toContain('exportez maintenant un fichier de progression');
      expect(await header.innerText()).not.toContain('Enregistrée dans ce navigateur');
      // The export is in the header, and holds what the browser refused.
      const file = await downloadOf(page, () => page.click('[data-part="save-export"]'));
      const progress = JSON.parse(file.data.toString('utf8'));
      expect(progress.runs[0].results[b!.id]).toMatchObject({ status: 'failed', comment: note });
      // More work while full: tried again at once, refused again, kept in the page, still said.
      await setStatus(page, c!.id, 'na');
      await expect.poll(() => saveState(page)).toBe('failed');

      // Space comes back. After several refusals in a row the retries are further apart than the
      // first delay, and never more than the longest one.
      await disk.free();
      expect((await storedRuns(page))[0]!.results[b!.id]).toBeUndefined();
      await page.clock.runFor(RETRY_FIRST_MS);
      expect(await saveState(page)).toBe('failed');
      await page.clock.runFor(RETRY_MAX_MS);
      await expect.poll(() => saveState(page)).toBe('saved');
      expect(await header.innerText()).toContain('Enregistrée dans ce navigateur');
      expect(await page.locator('[data-part="save-export"]').isHidden()).toBe(true);
      expect(await page.locator('[data-alert="storage-full"]').count()).toBe(0);
      const results = (await storedRuns(page))[0]!.results;
      expect(results[a!.id]?.status).toBe('passed');
      expect(results[b!.id]).toMatchObject({ status: 'failed', comment: note });
      expect(results[c!.id]?.status).toBe('na');

      // Full again, then the tester comes back to the page: the retry on focus saves, with the clock still.
      await disk.fill();
      await setStatus(page, a!.id, 'blocked');
      await expect.poll(() => saveState(page)).toBe('failed');
      await disk.free();
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await expect.poll(() => saveState(page)).toBe('saved');
      await page.clock.resume();
      await page.reload();
      await ready(page);
      expect(await statusOf(page, a!.id)).toBe('blocked');
      expect(await statusOf(page, b!.id)).toBe('failed');
      expect(await statusOf(page, c!.id)).toBe('na');
      expect(errors).toEqual([]);

      // On the disk itself: the browser killed and started again on the profile has them all.
      await chromium.kill();
      chromium = await launchKillable(join(disk.dir, 'profile'));
      const again = await watch(chromium.context, server.origin);
      await again.page.goto(`${server.url}checklist/`);
      await again.page.waitForSelector('rb-run[data-state="idle"]');
      await again.page.click('.run-summary-name');
      await ready(again.page);
      expect(await statusOf(again.page, a!.id)).toBe('blocked');
      expect(await statusOf(again.page, b!.id)).toBe('failed');
      expect(await statusOf(again.page, c!.id)).toBe('na');
      await row(again.page, b!.id).locator('button.edit-result').click();
      expect(await row(again.page, b!.id).locator('[data-field="comment"]').inputValue()).toBe(note);
      expect(again.errors).toEqual([]);
    } finally {
      await chromium?.close();
      await disk.unmount();
    }
  });
});

describe('a progress file the browser could not hold', () => {
  it('is refused before anything changes: beyond the size limit, or beyond the free space', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      // The browser's estimate when this origin has almost no room left, once the test says so.
      const estimate = navigator.storage.estimate.bind(navigator.storage);
      navigator.storage.estimate = async () =>
        (window as unknown as { cramped?: boolean }).cramped ? { quota: 1_000_000, usage: 999_000 } : estimate();
    });
    const { page, errors } = await watch(context, server.origin);
    await page.goto(`${server.url}${PATH}`);
    await ready(page);
    const [a] = expected.items;
    await setStatus(page, a!.id, 'passed');
    await expect.poll(() => saveState(page)).toBe('saved');
    const small = await downloadOf(page, () => page.click('[data-part="export-run"]'));
    const before = await storedValues(page);

    const big = Buffer.alloc(MAX_PROGRESS_FILE_BYTES + 1024, ' ');
    small.data.copy(big);
    await page.setInputFiles('[data-part="import"]', {
      name: 'enorme.progress.json',
      mimeType: 'application/json',
      buffer: big,
    });
    const alert = page.locator('[data-alert="import"]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toContain("Le fichier « enorme.progress.json » n'a pas été importé");
    expect(await alert.innerText()).toContain('au-delà des 5.0 Mo');
    expect(await alert.innerText()).toContain("Rien n'a été modifié.");
    expect(await storedValues(page)).toEqual(before);

    await page.evaluate(() => ((window as unknown as { cramped?: boolean }).cramped = true));
    await page.setInputFiles('[data-part="import"]', {
      name: small.name,
      mimeType: 'application/json',
      buffer: small.data,
    });
    await expect.poll(() => alert.innerText()).toContain("le navigateur n'a plus que 0.0 Mo de libre");
    expect(await storedValues(page)).toEqual(before);
    expect(await saveState(page)).toBe('saved');

    // With room, the same file goes in.
    await page.evaluate(() => ((window as unknown as { cramped?: boolean }).cramped = false));
    await page.setInputFiles('[data-part="import"]', {
      name: small.name,
      mimeType: 'application/json',
      buffer: small.data,
    });
    await expect.poll(() => alert.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a company process imported with an id already here', () => {
  it('shows both and replaces only when told; keeping or cancelling changes nothing', async () => {
    const context = await browser.newContext();
    const { page, errors } = await watch(context, server.origin);
    await page.goto(`${server.url}checklist/`);
    await page.waitForSelector('rb-run[data-state="idle"]');
    await page.click('.process-manager summary');
    const file = (steps: string) => ({
      name: 'inventaire.yml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(
        `- id: inventaire-annuel\n  label: Inventaire annuel\n  modules: stocks\n  steps: ${steps}\n`,
      ),
    });
    await page.setInputFiles('[data-part="processes-import"]', file('Compter le dépôt principal'));
    await expect.poll(() => page.locator('[data-part="own-list"] li').count()).toBe(1);
    const processes = async () => JSON.parse((await storedValues(page))[`${KEY_PREFIX}processes`]!);
    const first = await processes();

    const dialog = page.locator('dialog[data-part="process-conflict"]');
    // Kept: the dialog shows both versions, and nothing changes.
    await page.setInputFiles('[data-part="processes-import"]', file('Compter aussi le dépôt de Lyon'));
    await expect.poll(() => dialog.getAttribute('open')).toBe('');
    expect(await dialog.innerText()).toContain('différent de celui de ce navigateur');
    const versions = dialog.locator('.process-version');
    expect(await versions.nth(0).innerText()).toContain('Compter le dépôt principal');
    expect(await versions.nth(1).innerText()).toContain('Compter aussi le dépôt de Lyon');
    await dialog.locator('button[value="keep"]').click();
    await expect.poll(() => page.locator('[data-part="status"]').innerText()).toContain('Gardés tels quels : 1.');
    expect(await processes()).toEqual(first);

    // Cancelled (Escape): no answer, no change.
    await page.setInputFiles('[data-part="processes-import"]', file('Autre chose'));
    await expect.poll(() => dialog.getAttribute('open')).toBe('');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('[data-part="status"]').innerText())
      .toBe("Import de « inventaire.yml » annulé : rien n'a été modifié.");
    expect(await processes()).toEqual(first);

    // Replaced when told.
    await page.setInputFiles('[data-part="processes-import"]', file('Compter aussi le dépôt de Lyon'));
    await expect.poll(() => dialog.getAttribute('open')).toBe('');
    await dialog.locator('button[value="replace"]').click();
    await expect.poll(async () => (await processes()).processes[0].steps).toEqual(['Compter aussi le dépôt de Lyon']);
    expect(await page.locator('[data-part="status"]').innerText()).toContain('remplacés : 1');
    expect(errors).toEqual([]);
    await context.close();
  });
});
