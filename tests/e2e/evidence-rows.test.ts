import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Checklist } from '../../src/core/checklist/index.ts';
import type { Attachment } from '../../src/core/run/evidence.ts';
import type { Manifest } from '../../src/core/run/progress-zip.ts';
import { MAX_PROGRESS_FILE_BYTES } from '../../src/core/run/storage-limits.ts';
import { serveBigSite } from './big-site.ts';
import { launchKillable, type KillableChromium } from './killable-chromium.ts';
import { downloadOf, engineChecklist, watch } from './run-helpers.ts';
import { serveSite } from './server.ts';
import { mountSmallDisk } from './small-disk.ts';
import { storedFiles } from './stored-evidence.ts';
import { storedValues } from './stored-values.ts';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * Evidence on the items of a run, in Chromium on the built sample site: an image pasted and a
 * PDF dropped on two items are recorded on their results and kept across a reload; the run's
 * progress file is then the ZIP, whose manifest's hashes match its bytes; imported on a clean
 * profile it brings the files back as thumbnails; one file tampered with is reported by name
 * and the rest kept; a run open read-only shows them without controls. Deleting the run deletes
 * its files. The ZIP may weigh more than a JSON file, its progress.json may not, and neither goes
 * in without room. A full disk refuses a file at once and the item keeps what it had. On a path of
 * thousands of items, only the rows near the screen read their files.
 */
const sites = inject('sites');
const REQUEST = { from: '15.2.0', to: '15.3.0', modules: ['facturation'], processes: ['facturation-mensuelle'] };
const PATH = 'checklist/?from=15.2.0&to=15.3.0&modules=facturation&processes=facturation-mensuelle';
const KEY_PREFIX = 'roadbook:%2F:Gestan:';
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

useSampleSite();
let expected: Checklist;

beforeAll(async () => {
  expected = await engineChecklist(sites.sample.root, REQUEST);
});

const ready = (page: Page) => page.waitForSelector('rb-run[data-state="ready"]');
const row = (page: Page, id: string) => page.locator(`.run-item[data-item="${id}"]`);

async function openFields(page: Page, id: string): Promise<void> {
  const edit = row(page, id).locator('button.edit-result');
  if ((await edit.getAttribute('aria-expanded')) !== 'true') await edit.click();
  await row(page, id).locator('rb-evidence[data-count]').waitFor();
}

/** A paste or a drop of one file, made in the page, on the attachments zone of an item's row. */
function deliver(
  page: Page,
  itemId: string,
  kind: 'paste' | 'drop',
  file: { name: string; type: string; bytes: Buffer },
) {
  return page.evaluate(
    ([id, kind, name, type, base64]) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64!), (c) => c.charCodeAt(0))], name!, { type: type! }));
      const zone = document.querySelector(`.run-item[data-item="${CSS.escape(id!)}"] rb-evidence .evidence-zone`)!;
      const event =
        kind === 'paste'
          ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      zone.dispatchEvent(event);
      return event.defaultPrevented;
    },
    [itemId, kind, file.name, file.type, file.bytes.toString('base64')] as const,
  );
}

interface SavedResult {
  status: string;
  tester?: string;
  time?: string;
  rev?: string;
  evidence?: Attachment[];
}

async function savedRuns(page: Page): Promise<{ id: string; results: Record<string, SavedResult> }[]> {
  const all = await storedValues(page);
  return Object.entries(all)
    .filter(([k]) => k.startsWith(`${KEY_PREFIX}run:`))
    .map(([, v]) => JSON.parse(v).run);
}

/** Whether the row's thumbnail is drawn from the stored bytes, once the tester has scrolled to it. */
async function thumbnailShown(page: Page, id: string): Promise<boolean> {
  await row(page, id).scrollIntoViewIfNeeded();
  const thumb = row(page, id).locator('rb-evidence img.evidence-thumb');
  await thumb.waitFor();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  return (await thumb.getAttribute('src'))!.startsWith('blob:');
}

async function importFile(context: BrowserContext, name: string, bytes: Uint8Array, site = server) {
  const watched = await watch(context, site.origin);
  await watched.page.goto(`${site.url}checklist/`);
  await watched.page.waitForSelector('rb-run[data-state="idle"]');
  await watched.page.setInputFiles('[data-part="import"]', {
    name,
    mimeType: 'application/zip',
    buffer: Buffer.from(bytes),
  });
  await ready(watched.page);
  return watched;
}

describe('evidence on the items of a run', () => {
  it('is recorded, kept, exported as the ZIP, imported elsewhere with every hash checked, shown read-only, and deleted with the run', async () => {
    const first = await browser.newContext();
    const { page, errors, foreign } = await watch(first, server.origin);
    await page.goto(`${server.url}${PATH}`);
    await ready(page);
    const [a, b] = expected.items.map((i) => i.id);

    // An image pasted on the first item, a PDF dropped on the second one (failed).
    await openFields(page, a!);
    expect(await deliver(page, a!, 'paste', { name: '', type: 'image/png', bytes: PNG })).toBe(true);
    expect(await thumbnailShown(page, a!)).toBe(true);
    await row(page, b!).locator('input[type="radio"][value="failed"]').check();
    await openFields(page, b!);
    expect(await deliver(page, b!, 'drop', { name: 'rapport.pdf', type: 'application/pdf', bytes: PDF })).toBe(true);
    const pdfLink = row(page, b!).locator('rb-evidence .evidence-item[data-type="application/pdf"] a');
    await pdfLink.waitFor();
    expect(await pdfLink.getAttribute('download')).toBe('rapport.pdf');

    // Recorded on the results, as edits (time, revision), and saved.
    await expect
      .poll(async () => (await savedRuns(page))[0]?.results[b!]?.evidence?.length ?? 0, { timeout: 10_000 })
      .toBe(1);
    const [run] = await savedRuns(page);
    const resultA = run!.results[a!]!;
    const resultB = run!.results[b!]!;
    expect(resultA.evidence).toEqual([
      expect.objectContaining({ name: 'capture.png', type: 'image/png', size: PNG.length, sha256: sha(PNG) }),
    ]);
    expect(resultA).toMatchObject({ status: 'untested', time: expect.any(String), rev: expect.any(String) });
    expect(resultB).toMatchObject({ status: 'failed' });
    expect(resultB.evidence).toEqual([
      expect.objectContaining({ name: 'rapport.pdf', type: 'application/pdf', size: PDF.length, sha256: sha(PDF) }),
    ]);
    const files = await storedFiles(page);
    expect(files.map((f) => [f.run, f.item, f.attachment]).sort()).toEqual(
      [
        [run!.id, a!, resultA.evidence![0]],
        [run!.id, b!, resultB.evidence![0]],
      ].sort(),
    );

    // Another load: the rows with files show them without opening anything; no other row has the element.
    await page.reload();
    await ready(page);
    expect(await thumbnailShown(page, a!)).toBe(true);
    await row(page, b!).locator('rb-evidence .evidence-item[data-type="application/pdf"]').waitFor();
    expect(await page.locator('rb-evidence').count()).toBe(2);
    expect(await row(page, a!).locator('rb-evidence button.evidence-remove').count()).toBe(1);

    // The progress file is the ZIP: progress.json, the manifest, each file; every hash matches.
    const download = await downloadOf(page, () => page.click('[data-part="export-run"]'));
    expect(download.name).toBe('gestan-15.2.0-15.3.0.progress.zip');
    const zip = unzipSync(new Uint8Array(download.data));
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as Manifest;
    expect(manifest.progress.sha256).toBe(sha(zip['progress.json']!));
    expect(JSON.parse(strFromU8(zip['progress.json']!)).runs[0].results[b!].evidence).toEqual(resultB.evidence);
    expect(manifest.files.map((f) => [f.item, f.path, f.sha256]).sort()).toEqual(
      [
        [a!, `evidence/${resultA.evidence![0]!.id}/capture.png`, sha(PNG)],
        [b!, `evidence/${resultB.evidence![0]!.id}/rapport.pdf`, sha(PDF)],
      ].sort(),
    );
    for (const line of manifest.files) expect(sha(zip[line.path]!)).toBe(line.sha256);
    expect(Object.keys(zip).sort()).toEqual(
      ['manifest.json', 'progress.json', ...manifest.files.map((f) => f.path)].sort(),
    );

    // Imported on a clean profile: the results, and the files back as thumbnails, hashes checked.
    const clean = await browser.newContext();
    const other = await importFile(clean, download.name, download.data);
    expect(await thumbnailShown(other.page, a!)).toBe(true);
    await row(other.page, b!).locator('rb-evidence .evidence-item[data-type="application/pdf"]').waitFor();
    expect(await row(other.page, b!).getAttribute('data-status')).toBe('failed');
    expect((await storedFiles(other.page)).map((f) => [f.item, f.attachment.sha256, f.size]).sort()).toEqual(
      [
        [a!, sha(PNG), PNG.length],
        [b!, sha(PDF), PDF.length],
      ].sort(),
    );
    expect(await other.page.locator('[data-alert="import-evidence"]').count()).toBe(0);
    expect(other.errors).toEqual([]);
    await clean.close();

    // The same ZIP with the PDF's bytes changed: reported by name, the rest kept.
    const pdfPath = manifest.files.find((f) => f.item === b)!.path;
    const tampered = new Uint8Array(zip[pdfPath]!);
    const at = tampered.length - 2;
    tampered[at] = tampered[at]! ^ 0xff;
    const changed = zipSync({ ...zip, [pdfPath]: tampered });
    const third = await browser.newContext();
    const after = await importFile(third, 'abime.progress.zip', changed);
    const alert = after.page.locator('[data-alert="import-evidence"]');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.innerText()).toContain('« abime.progress.zip »');
    expect(await alert.locator('li').allInnerTexts()).toEqual([
      `Fichier modifié depuis l'export (empreinte SHA-256 différente), non repris : ${pdfPath}`,
    ]);
    expect(await thumbnailShown(after.page, a!)).toBe(true);
    expect(await row(after.page, b!).getAttribute('data-status')).toBe('failed');
    expect((await storedFiles(after.page)).map((f) => f.attachment.name)).toEqual(['capture.png']);
    expect((await savedRuns(after.page))[0]!.results[b!]!.evidence).toEqual(resultB.evidence);
    await third.close();

    // Where the run's target was withdrawn since, the run opens read-only: its files shown, no control.
    const withdrawn = await serveSite(sites.sampleWithdrawn.out, '/');
    try {
      const fourth = await browser.newContext();
      const readOnly = await importFile(fourth, download.name, download.data, withdrawn);
      expect(await readOnly.page.locator('rb-run').getAttribute('data-read-only')).toBe('');
      expect(await thumbnailShown(readOnly.page, a!)).toBe(true);
      const files = row(readOnly.page, a!).locator('rb-evidence');
      expect(await files.getAttribute('readonly')).toBe('');
      expect(await files.locator('button, input').count()).toBe(0);
      expect(readOnly.errors).toEqual([]);
      await fourth.close();
    } finally {
      await withdrawn.close();
    }

    // "Export all runs": the same ZIP, with every run's files.
    const all = await downloadOf(page, () => page.click('[data-part="export-all"]'));
    expect(all.name).toMatch(/\.progress\.zip$/);
    const allZip = unzipSync(new Uint8Array(all.data));
    const allManifest = JSON.parse(strFromU8(allZip['manifest.json']!)) as Manifest;
    expect(allManifest.files.map((f) => f.sha256).sort()).toEqual([sha(PNG), sha(PDF)].sort());

    // Deleting the run deletes its files.
    await page.click(`.run-summary button[aria-label^="Supprimer"]`);
    await page.click('dialog[open] button[value="ok"]');
    await expect.poll(() => page.locator('.run-summary').count()).toBe(0);
    await expect.poll(async () => (await storedFiles(page)).length).toBe(0);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await first.close();
  });

  it('makes a progress ZIP that may weigh more than 5 MB, whose progress.json may not, refused when there is no room', async () => {
    const first = await browser.newContext();
    const { page } = await watch(first, server.origin);
    await page.goto(`${server.url}${PATH}`);
    await ready(page);
    const [a] = expected.items.map((i) => i.id);
    await openFields(page, a!);
    // Random bytes: nothing the ZIP could compress below the JSON file's limit.
    const big = Buffer.concat([PNG.subarray(0, 8), randomBytes(MAX_PROGRESS_FILE_BYTES + 1024 * 1024)]);
    await row(page, a!)
      .locator('rb-evidence input[type="file"]')
      .setInputFiles({ name: 'grand.png', mimeType: 'image/png', buffer: big });
    await expect
      .poll(async () => (await savedRuns(page))[0]?.results[a!]?.evidence?.length ?? 0, { timeout: 10_000 })
      .toBe(1);
    const download = await downloadOf(page, () => page.click('[data-part="export-run"]'));
    expect(download.data.length).toBeGreaterThan(MAX_PROGRESS_FILE_BYTES);
    await first.close();

    const second = await browser.newContext();
    await second.addInitScript(() => {
      // The browser's estimate when this origin has almost no room left, once the test says so.
      const estimate = navigator.storage.estimate.bind(navigator.storage);
      navigator.storage.estimate = async () =>
        (window as unknown as { cramped?: boolean }).cramped ? { quota: 20_000_000, usage: 5_000_000 } : estimate();
    });
    const { page: other, errors } = await watch(second, server.origin);
    await other.goto(`${server.url}checklist/`);
    await other.waitForSelector('rb-run[data-state="idle"]');
    const alert = other.locator('[data-alert="import"]');
    const offer = (name: string, bytes: Uint8Array) =>
      other.setInputFiles('[data-part="import"]', { name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });

    // A progress.json over 5 MB inside a small ZIP: refused, nothing decompressed or changed.
    const zip = unzipSync(new Uint8Array(download.data));
    const padded = Buffer.concat([Buffer.from(zip['progress.json']!), Buffer.alloc(MAX_PROGRESS_FILE_BYTES, ' ')]);
    await offer('gonfle.progress.zip', zipSync({ ...zip, 'progress.json': padded }));
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toContain('« gonfle.progress.zip »');
    expect(await alert.innerText()).toContain('à « progress.json »');
    expect(await alert.innerText()).toContain("Rien n'a été modifié.");
    expect(await storedFiles(other)).toEqual([]);

    // More than a third of the free space: refused before anything is read.
    await other.evaluate(() => ((window as unknown as { cramped?: boolean }).cramped = true));
    await offer(download.name, download.data);
    await expect.poll(() => alert.innerText()).toContain("le navigateur n'a plus que 14.3 Mo de libre");
    expect(await storedFiles(other)).toEqual([]);
    expect(await savedRuns(other)).toEqual([]);

    // With room, the same ZIP goes in, its 6 MB file with it.
    await other.evaluate(() => ((window as unknown as { cramped?: boolean }).cramped = false));
    await offer(download.name, download.data);
    await ready(other);
    expect(await alert.count()).toBe(0);
    expect((await storedFiles(other)).map((f) => [f.attachment.name, f.size, f.attachment.sha256])).toEqual([
      ['grand.png', big.length, sha(big)],
    ]);
    expect(errors).toEqual([]);
    await second.close();
  });

  it('is refused at once on a full disk, and the item keeps what it had, on the page and in the saved run', async () => {
    const disk = await mountSmallDisk('32m');
    let chromium: KillableChromium | undefined;
    try {
      chromium = await launchKillable(join(disk.dir, 'profile'));
      const { page, errors } = await watch(chromium.context, server.origin);
      await page.goto(`${server.url}${PATH}`);
      await ready(page);
      const [a] = expected.items.map((i) => i.id);
      await openFields(page, a!);
      const input = row(page, a!).locator('rb-evidence input[type="file"]');
      await input.setInputFiles({ name: 'avant.png', mimeType: 'image/png', buffer: PNG });
      await expect
        .poll(async () => (await savedRuns(page))[0]?.results[a!]?.evidence?.map((f) => f.name), { timeout: 10_000 })
        .toEqual(['avant.png']);
      const before = (await savedRuns(page))[0]!.results[a!];
      await disk.fill();
      // Random bytes: nothing the browser could compress into the space it frees.
      const big = Buffer.concat([PNG.subarray(0, 8), randomBytes(4 * 1024 * 1024)]);
      await input.setInputFiles({ name: 'plein.png', mimeType: 'image/png', buffer: big });
      const alert = row(page, a!).locator('rb-evidence [role="alert"]');
      await expect.poll(() => alert.innerText()).toContain("« plein.png » n'est pas joint : le navigateur a refusé");
      expect(await row(page, a!).locator('rb-evidence .evidence-name').allInnerTexts()).toEqual(['avant.png']);
      await disk.free();
      expect((await savedRuns(page))[0]!.results[a!]).toEqual(before);
      expect((await storedFiles(page)).map((f) => f.attachment.name)).toEqual(['avant.png']);
      expect(errors).toEqual([]);
    } finally {
      await chromium?.kill();
      await disk.unmount();
    }
  });

  it('is read only when a row with files comes near the screen, on a path of thousands of items', async () => {
    const { server: big } = await serveBigSite(sites.sample.out, 50);
    try {
      const context = await browser.newContext();
      const { page, errors } = await watch(context, big.origin);
      await page.goto(`${big.url}checklist/?from=40.0.0&to=40.20.0`);
      await ready(page);
      const near = 'P-1-0#etape-1';
      const far = 'P-20-49#etape-2';
      for (const id of [near, far]) {
        await row(page, id).scrollIntoViewIfNeeded();
        await openFields(page, id);
        expect(await deliver(page, id, 'paste', { name: 'écran.png', type: 'image/png', bytes: PNG })).toBe(true);
        await row(page, id).locator('rb-evidence img.evidence-thumb').waitFor();
      }
      await expect
        .poll(async () => Object.keys((await savedRuns(page))[0]?.results ?? {}).length, { timeout: 10_000 })
        .toBe(2);

      // A new visit (a reload would bring back the scroll position), at the top of the page.
      await page.goto(page.url());
      await ready(page);
      expect(await thumbnailShown(page, near)).toBe(true);
      // Far below: no element, nothing read, until the tester gets there.
      expect(await row(page, far).locator('rb-evidence').count()).toBe(0);
      expect(await page.locator('rb-evidence').count()).toBe(1);
      expect(await thumbnailShown(page, far)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await big.close();
    }
  });
});
