import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Checklist } from '../../src/core/checklist/index.ts';
import type { Attachment } from '../../src/core/run/evidence.ts';
import { serializeRun } from '../../src/core/run/saved.ts';
import { DATABASE } from '../../src/core/run/storage-keys.ts';
import type { SavedRun } from '../../src/core/run/types.ts';
import { launchKillable, type KillableChromium } from './killable-chromium.ts';
import { audit, downloadOf, engineChecklist, watch } from './run-helpers.ts';
import { mountSmallDisk } from './small-disk.ts';
import { storedFiles } from './stored-evidence.ts';
import { storedValues } from './stored-values.ts';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * Evidence on the built checklist page, in Chromium: `<rb-evidence>` (defined by the page's own
 * script bundle) placed by attributes alone, files picked with its button, pasted, dropped;
 * each checked, stored in the page's IndexedDB and shown as a thumbnail; refused ones said at
 * once with nothing stored; removed by keyboard with its object URL revoked; kept across a
 * reload; a real full disk refusing the write. The database of an earlier version is upgraded
 * with its runs kept, and the printable report shows the thumbnails of a failed item.
 */
const sites = inject('sites');
const REQUEST = { from: '15.2.0', to: '15.3.0', modules: ['facturation'], processes: ['facturation-mensuelle'] };
const PATH = 'checklist/?from=15.2.0&to=15.3.0&modules=facturation&processes=facturation-mensuelle';
const PREFIX = 'roadbook:%2F:Gestan:';
const SCOPE = { product: 'Gestan', base: '/' };
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

useSampleSite();
let expected: Checklist;

beforeAll(async () => {
  expected = await engineChecklist(sites.sample.root, REQUEST);
});

const ready = (page: Page) => page.waitForSelector('rb-run[data-state="ready"]');

/** Places `<rb-evidence>` for one item at the end of the page, by its attributes only. */
async function place(page: Page, runId: string, itemId: string): Promise<void> {
  await page.waitForFunction(() => customElements.get('rb-evidence') !== undefined);
  await page.evaluate(
    ([run, item]) => {
      const el = document.createElement('rb-evidence');
      el.setAttribute('run-id', run!);
      el.setAttribute('item-id', item!);
      el.setAttribute('product', 'Gestan');
      el.setAttribute('base', '/');
      el.addEventListener('rb-evidence-change', (event) => {
        const log = ((window as unknown as { changes?: unknown[] }).changes ??= []);
        log.push((event as CustomEvent).detail);
      });
      document.querySelector('main')!.append(el);
    },
    [runId, itemId],
  );
  await page.waitForSelector('rb-evidence[data-count]');
}

/** Whether an image loads from `url` (a revoked object URL does not). */
function loads(page: Page, url: string): Promise<boolean> {
  return page.evaluate(
    (src) =>
      new Promise<boolean>((done) => {
        const img = new Image();
        img.onload = () => done(true);
        img.onerror = () => done(false);
        img.src = src;
      }),
    url,
  );
}

/** Sends a paste or a drop of files, built in the page, to the element's zone. */
function deliver(page: Page, kind: 'paste' | 'drop', files: { name: string; type: string; base64: string }[]) {
  return page.evaluate(
    ([kind, files]) => {
      const data = new DataTransfer();
      for (const f of files as { name: string; type: string; base64: string }[]) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const zone = document.querySelector('rb-evidence .evidence-zone')!;
      const event =
        kind === 'paste'
          ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      zone.dispatchEvent(event);
      return event.defaultPrevented;
    },
    [kind, files] as const,
  );
}

describe('attachments of an item', () => {
  it('are picked, pasted and dropped, checked, stored, shown as thumbnails, removed, and kept across a reload', async () => {
    const context = await browser.newContext();
    const { page, errors, foreign } = await watch(context, server.origin);
    await page.goto(`${server.url}${PATH}`);
    await ready(page);
    const item = expected.items[0]!.id;
    await place(page, 'run-e2e', item);
    const zone = page.locator('rb-evidence .evidence-zone');
    expect(await page.locator('rb-evidence .evidence-list').innerText()).toBe('Aucune pièce jointe.');
    expect(await zone.getAttribute('role')).toBe('group');
    expect(await page.locator('rb-evidence #' + (await zone.getAttribute('aria-labelledby'))).innerText()).toBe(
      'Pièces jointes',
    );

    // Picked with the button: the file chooser is the element's file input.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Joindre un fichier' }).click();
    await (await chooser).setFiles({ name: 'écran facture.png', mimeType: 'image/png', buffer: PNG });
    const thumb = page.locator('rb-evidence img.evidence-thumb');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await thumb.getAttribute('alt')).toBe('écran facture.png');
    expect(await thumb.getAttribute('src')).toMatch(/^blob:/);
    expect(await page.locator('rb-evidence [role="status"]').innerText()).toBe(
      'Pièce jointe ajoutée : écran facture.png.',
    );
    let stored = await storedFiles(page);
    expect(stored).toEqual([
      {
        key: [PREFIX, 'run-e2e', item, stored[0]!.attachment.id],
        run: 'run-e2e',
        item,
        attachment: {
          id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
          name: 'écran facture.png',
          type: 'image/png',
          size: PNG.length,
          sha256: sha(PNG),
          added: expect.any(String),
        },
        size: PNG.length,
        type: 'image/png',
      },
    ]);
    const changes = () => page.evaluate(() => (window as unknown as { changes: { evidence: Attachment[] }[] }).changes);
    expect((await changes()).at(-1)).toEqual({
      runId: 'run-e2e',
      itemId: item,
      evidence: [stored[0]!.attachment],
      added: [stored[0]!.attachment],
      removed: [],
    });

    // Refused, said at once, nothing stored: a program named .png, an empty file, one over 10 MB.
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(64)]);
    await page.locator('rb-evidence input[type="file"]').setInputFiles([
      { name: 'setup.png', mimeType: 'image/png', buffer: exe },
      { name: 'vide.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'énorme.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) },
    ]);
    const alert = page.locator('rb-evidence [role="alert"]');
    await expect.poll(() => alert.innerText()).toContain('énorme.png');
    expect(await alert.locator('p').allInnerTexts()).toEqual([
      "« setup.png » n'est pas joint : ce n'est ni une image PNG, JPEG ou WebP, ni un texte, ni un PDF.",
      "« vide.txt » n'est pas joint : le fichier est vide.",
      "« énorme.png » n'est pas joint : il pèse 10.0 Mo, au-delà des 10.0 Mo permis.",
    ]);
    expect(await storedFiles(page)).toHaveLength(1);

    // Pasted (a screenshot without a name) and dropped (a log whose name says HTML).
    expect(await deliver(page, 'paste', [{ name: '', type: 'image/png', base64: PNG.toString('base64') }])).toBe(true);
    await expect.poll(async () => (await storedFiles(page)).length).toBe(2);
    const log = Buffer.from('12:00 ERREUR facture 42\n');
    expect(
      await deliver(page, 'drop', [{ name: 'trace.html', type: 'text/html', base64: log.toString('base64') }]),
    ).toBe(true);
    await expect.poll(async () => (await storedFiles(page)).length).toBe(3);
    stored = await storedFiles(page);
    expect(stored.map((f) => [f.attachment.name, f.attachment.type, f.attachment.sha256]).sort()).toEqual(
      [
        ['écran facture.png', 'image/png', sha(PNG)],
        ['capture.png', 'image/png', sha(PNG)],
        ['trace.html.txt', 'text/plain', sha(log)],
      ].sort(),
    );
    await expect.poll(() => page.locator('rb-evidence .evidence-item').count()).toBe(3);
    expect(await page.locator('rb-evidence img.evidence-thumb').count()).toBe(2);
    const textLink = page.locator('rb-evidence .evidence-item[data-type="text/plain"] a');
    expect(await textLink.getAttribute('download')).toBe('trace.html.txt');
    expect(await textLink.getAttribute('aria-label')).toBe('Ouvrir trace.html.txt');

    // With its files shown, the element meets WCAG 2.2 AA on the page.
    expect((await audit(page)).all).toEqual([]);

    // Removed with the keyboard: gone from the list and the store, its object URL revoked.
    const first = stored.find((f) => f.attachment.name === 'écran facture.png')!;
    const firstUrl = (await page
      .locator(`rb-evidence [data-attachment="${first.attachment.id}"] img`)
      .getAttribute('src'))!;
    expect(await loads(page, firstUrl)).toBe(true);
    await page.getByRole('button', { name: 'Retirer écran facture.png' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await storedFiles(page)).length).toBe(2);
    await expect.poll(() => page.locator('rb-evidence .evidence-item').count()).toBe(2);
    expect(await page.locator('rb-evidence [role="status"]').innerText()).toBe(
      'Pièce jointe retirée : écran facture.png.',
    );
    expect(await loads(page, firstUrl)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('evidence-add');
    expect(
      (await changes())
        .at(-1)!
        .evidence.map((a) => a.name)
        .sort(),
    ).toEqual(['capture.png', 'trace.html.txt']);

    // Another page load: the element shows what the store kept; another item has none.
    await page.reload();
    await ready(page);
    await place(page, 'run-e2e', item);
    expect(await page.locator('rb-evidence .evidence-item').count()).toBe(2);
    await page.evaluate(
      (other) => document.querySelector('rb-evidence')!.setAttribute('item-id', other),
      expected.items[1]!.id,
    );
    await expect.poll(() => page.locator('rb-evidence .evidence-list').innerText()).toBe('Aucune pièce jointe.');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the database of an earlier version of the page', () => {
  it('is upgraded with its runs kept, and the report shows the evidence of a failed item', async () => {
    const context = await browser.newContext();
    const { page, errors } = await watch(context, server.origin);
    const item = expected.items[0]!;
    const attachment: Attachment = {
      id: 'att-report-1',
      name: 'écran.png',
      type: 'image/png',
      size: PNG.length,
      sha256: sha(PNG),
      added: '2026-05-20T09:00:00.000Z',
    };
    const run: SavedRun = {
      id: 'r-preuves',
      name: 'Recette avec preuves',
      created: '2026-05-20T08:00:00.000Z',
      updated: '2026-05-20T09:00:00.000Z',
      buildId: null,
      request: { ...REQUEST, editions: [] },
      results: {
        [item.id]: {
          status: 'failed',
          comment: 'Total faux',
          time: '2026-05-20T09:00:00.000Z',
          evidence: [attachment],
        },
      },
      signOff: {
        environment: 'SRV-RECETTE',
        place: 'Lyon',
        date: '2026-05-22',
        testers: 'Marie',
        decision: 'reserves',
        parties: [{ role: 'Responsable de la recette', name: 'Marie Dupont' }],
        notes: '',
      },
    };
    const key = `${PREFIX}run:${run.id}`;
    // The database as version 1 of the page made it, before the page of this version starts.
    await page.goto(server.url);
    await page.evaluate(
      ([name, k, v]) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open(name!, 1);
          open.onupgradeneeded = () => {
            open.result.createObjectStore('values');
            open.result.createObjectStore('journal');
          };
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('values', 'readwrite');
            tx.objectStore('values').put(v, k);
            tx.oncomplete = () => {
              open.result.close();
              done();
            };
          };
        }),
      [DATABASE.name, key, serializeRun(run, SCOPE)],
    );
    await page.goto(`${server.url}checklist/`);
    await page.waitForSelector('rb-run[data-state="idle"]');
    expect(await page.locator('.run-summary-name').innerText()).toBe('Recette avec preuves');
    expect(JSON.parse((await storedValues(page))[key]!).run).toEqual(run);
    expect(
      await page.evaluate(
        (name) =>
          new Promise<[number, string[]]>((done) => {
            const open = indexedDB.open(name);
            open.onsuccess = () => {
              done([open.result.version, [...open.result.objectStoreNames]]);
              open.result.close();
            };
          }),
        DATABASE.name,
      ),
    ).toEqual([2, ['evidence', 'journal', 'values']]);

    // The file of the result, in the evidence store (as the element keeps it).
    await page.evaluate(
      ([name, store, prefix, runId, itemId, a, base64]) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open(name as string);
          open.onsuccess = () => {
            const tx = open.result.transaction(store as string, 'readwrite');
            const bytes = Uint8Array.from(atob(base64 as string), (c) => c.charCodeAt(0));
            const attachment = a as Attachment;
            tx.objectStore(store as string).put(
              { run: runId, item: itemId, attachment, blob: new Blob([bytes], { type: 'image/png' }) },
              [prefix, runId, itemId, attachment.id],
            );
            tx.oncomplete = () => {
              open.result.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      [DATABASE.name, DATABASE.evidence, PREFIX, run.id, item.id, attachment, PNG.toString('base64')] as const,
    );

    await page.goto(`${server.url}checklist/?run=${run.id}&view=report`);
    await page.waitForSelector('[data-part="report"]:not([hidden]) .signoff-report');
    const figure = page.locator(`.report-evidence-thumbnails figure[data-item="${item.id}"]`);
    expect(await figure.locator('figcaption').innerText()).toBe(`${item.id} — ${item.step}`);
    const thumb = figure.locator('rb-evidence[readonly] img.evidence-thumb');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await figure.locator('button').count()).toBe(0);
    const table = page.locator('.report-evidence');
    expect(await table.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual([
      item.id,
      'écran.png',
      'image/png',
      String(PNG.length),
      sha(PNG),
    ]);

    // The Markdown report lists the file with its hash.
    const md = await downloadOf(page, () => page.click('button[data-report="signoff-md"]'));
    const text = md.data.toString('utf8');
    expect(text).toContain('## Pièces jointes');
    expect(text).toContain(`| écran.png | image/png | ${PNG.length} | ${sha(PNG)} |`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a disk with no room left', () => {
  it('refuses the file at once, says so, and the item keeps what it had', async () => {
    const disk = await mountSmallDisk('32m');
    let chromium: KillableChromium | undefined;
    try {
      chromium = await launchKillable(join(disk.dir, 'profile'));
      const { page, errors } = await watch(chromium.context, server.origin);
      await page.goto(`${server.url}${PATH}`);
      await ready(page);
      const item = expected.items[0]!.id;
      await place(page, 'run-full', item);
      await page
        .locator('rb-evidence input[type="file"]')
        .setInputFiles({ name: 'avant.png', mimeType: 'image/png', buffer: PNG });
      await expect.poll(async () => (await storedFiles(page)).length).toBe(1);
      await disk.fill();
      // Random bytes: nothing the browser could compress into the space it frees.
      const big = Buffer.concat([PNG.subarray(0, 8), randomBytes(4 * 1024 * 1024)]);
      await page
        .locator('rb-evidence input[type="file"]')
        .setInputFiles({ name: 'plein.png', mimeType: 'image/png', buffer: big });
      const alert = page.locator('rb-evidence [role="alert"]');
      await expect.poll(() => alert.innerText()).toContain("« plein.png » n'est pas joint : le navigateur a refusé");
      expect(await alert.innerText()).toContain("Rien n'a changé pour cet élément.");
      expect(await page.locator('rb-evidence .evidence-item').count()).toBe(1);
      expect(await page.locator('rb-evidence .evidence-name').innerText()).toBe('avant.png');
      await disk.free();
      expect((await storedFiles(page)).map((f) => f.attachment.name)).toEqual(['avant.png']);
      expect(errors).toEqual([]);
    } finally {
      await chromium?.kill();
      await disk.unmount();
    }
  });
});
