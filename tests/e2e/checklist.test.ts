import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { statusLabel } from '../../src/core/i18n/labels.ts';
import type { Checklist } from '../../src/core/checklist/index.ts';
import { DiagnosticList } from '../../src/core/diagnostics.ts';
import { EXPORT_FORMATS } from '../../src/core/export/index.ts';
import { parseCompanyProcesses } from '../../src/core/read/processes.ts';
import { loadRoadBook } from '../../src/core/read/road-book.ts';
import { PEOPLE_HEADER_FR } from '../helpers/people-header.ts';
import { readWorkbook, rowValues } from '../helpers/workbook.ts';
import { VIEWPORTS } from './browser.ts';
import { addressedRun, audit, dataRequests, downloadOf, engineChecklist, watch } from './run-helpers.ts';
import { serveBigSite } from './big-site.ts';
import { SAMPLE_CHANGE } from './sample-changed.ts';
import { serveSite } from './server.ts';
import { putStoredValue, storedValues } from './stored-values.ts';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * /checklist/ in Chromium, on the sample road book (content/) built once by the global setup:
 * the run of a shared address, recording and keeping results, progress files, a republished
 * road book, a damaged saved state, every download, the sign-off, several runs, the company's
 * processes, two tabs, a full storage, accessibility and print. Everything is checked in the
 * real page and in the real files it writes. Never skipped: without Chromium it fails with one
 * line saying how to get one.
 */
const sites = inject('sites');
const REQUEST = { from: '15.2.0', to: '15.3.0', modules: ['facturation'], processes: ['facturation-mensuelle'] };
const PATH = 'checklist/?from=15.2.0&to=15.3.0&modules=facturation&processes=facturation-mensuelle';
const KEY_PREFIX = 'roadbook:%2F:Gestan:';

useSampleSite();
let expected: Checklist;

beforeAll(async () => {
  expected = await engineChecklist(sites.sample.root, REQUEST);
});

const row = (page: Page, id: string) => page.locator(`.run-item[data-item="${id}"]`);
const setStatus = (page: Page, id: string, status: string) =>
  row(page, id).locator(`input[type="radio"][value="${status}"]`).check();
/** Opens the row's comment, tester and defect fields (made on demand) when they are closed. */
async function openFields(page: Page, id: string) {
  const edit = row(page, id).locator('button.edit-result');
  if ((await edit.getAttribute('aria-expanded')) !== 'true') await edit.click();
}
async function fill(page: Page, id: string, field: 'comment' | 'tester' | 'defect', text: string) {
  await openFields(page, id);
  await row(page, id).locator(`[data-field="${field}"]`).fill(text);
}
async function fieldValue(page: Page, id: string, field: 'comment' | 'tester' | 'defect') {
  await openFields(page, id);
  return row(page, id).locator(`[data-field="${field}"]`).inputValue();
}
const statusOf = (page: Page, id: string) => row(page, id).getAttribute('data-status');
const ready = (page: Page) => page.waitForSelector('rb-run[data-state="ready"]');
const itemIds = (page: Page) =>
  page.locator('.run-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item!));
const stored = (page: Page) => storedValues(page);
/** The saved runs of the sample site, parsed. */
async function savedRuns(
  page: Page,
): Promise<
  { id: string; name: string; results: Record<string, { status: string; comment?: string; hash?: string }> }[]
> {
  const all = await stored(page);
  return Object.entries(all)
    .filter(([k]) => k.startsWith(`${KEY_PREFIX}run:`))
    .map(([, v]) => JSON.parse(v).run);
}
async function openPath(context: BrowserContext, path = PATH, origin = server) {
  const watched = await watch(context, origin.origin);
  await watched.page.goto(`${origin.url}${path}`);
  await ready(watched.page);
  return watched;
}
/** Waits until the save wrote what the page shows. */
async function saved(page: Page, itemId: string, status: string) {
  await expect.poll(async () => (await savedRuns(page)).some((r) => r.results[itemId]?.status === status)).toBe(true);
}

describe('opening a run', () => {
  it('opens the run of a shared address: the engine’s items, with the deployment procedure around them', async () => {
    const context = await browser.newContext();
    const watched = await openPath(context);
    const { page } = watched;
    expect(await itemIds(page)).toEqual([
      'procedure:copy-data',
      'procedure:install-test',
      ...expected.items.map((i) => i.id),
      'procedure:archive',
      'procedure:install-production',
    ]);
    // The text shown is the engine's, item by item.
    const steps = await page
      .locator('.run-item')
      .evaluateAll((els) =>
        els.map((e) => [(e as HTMLElement).dataset.item!, e.querySelector('.run-item-step')!.textContent!.trim()]),
      );
    const byId = new Map(steps as [string, string][]);
    for (const item of expected.items) expect(byId.get(item.id), item.id).toBe(item.step);
    // Steps 3 and 4 hold the changes (by module and entry) and the processes.
    expect(await page.locator('[data-part="step-changes"] .run-module h4').allInnerTexts()).toEqual([
      `Facturation (${expected.items.filter((i) => i.process === null).length})`,
    ]);
    expect(await page.locator('[data-part="step-processes"] .run-item').count()).toBe(4);
    // The installation steps name the target's installer and its SHA-256, from content/.
    const book = await loadRoadBook(sites.sample.root, { drafts: false });
    const installer = book.book.versions.find((v) => v.version === '15.3.0')!.installer!;
    const install = (await row(page, 'procedure:install-test').textContent())!;
    expect(install).toContain(installer.file);
    expect(install).toContain(installer.sha256!);
    expect(await row(page, 'procedure:archive').textContent()).toContain(installer.file);
    expect(await page.locator('[data-part="progress-text"]').innerText()).toBe(
      `Vérifications faites : 0 sur ${expected.items.length + 4}`,
    );
    // Only the data of the versions on the path; nothing from another origin.
    expect(dataRequests(watched)).toEqual([
      '/data/index.json.gz',
      '/data/versions/15.2.1.json.gz',
      '/data/versions/15.3.0.json.gz',
    ]);
    // The list of versions is asked for by the page's head, while the scripts load, and only then.
    const index = await page.evaluate(() =>
      performance
        .getEntriesByName(`${location.origin}/data/index.json.gz`)
        .map((e) => (e as PerformanceResourceTiming).initiatorType),
    );
    expect(index).toEqual(['link']);
    expect(watched.foreign).toEqual([]);
    expect(watched.errors).toEqual([]);
    // Nothing is saved until something is recorded.
    expect(await page.locator('[data-part="run-saved"]').innerText()).toContain('Pas encore enregistrée');
    expect(await savedRuns(page)).toEqual([]);
    await context.close();
  });

  it('says what is wrong with an impossible path, and a process unknown here', async () => {
    const context = await browser.newContext();
    const { page, errors } = await watch(context, server.origin);
    await page.goto(`${server.url}checklist/?from=15.3.0&to=15.2.0`);
    await page.waitForSelector('rb-run[data-state="error"]');
    expect(await page.locator('[data-part="path-error"] [role="alert"]').innerText()).toContain(
      'plus récente que la version 15.2.0',
    );
    await page.goto(`${server.url}checklist/?to=15.3.0&processes=maison,inventaire`);
    await ready(page);
    expect(await page.locator('[data-part="alerts"] [role="alert"]').innerText()).toContain(
      'Processus inconnus dans ce navigateur, laissés de côté : maison.',
    );
    expect(await page.locator('.run-item[data-item^="process:inventaire#"]').count()).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('recording results', () => {
  it('records status, comment, tester, defect and time as the tester works, and keeps them across a reload', async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPath(context);
    const [a, b, c] = expected.items;
    await page.fill('[data-part="tester"]', 'Marie Curie');
    await setStatus(page, a!.id, 'passed');
    await setStatus(page, b!.id, 'failed');
    await fill(page, b!.id, 'comment', 'Le total TTC est faux de 1 centime');
    await fill(page, b!.id, 'defect', 'BUG-4521');
    await fill(page, c!.id, 'comment', 'En attente du jeu de données');
    await setStatus(page, c!.id, 'blocked');
    // Progress, shown at the next frame and announced politely once changes pause.
    await expect
      .poll(() => page.locator('[data-part="progress-text"]').innerText())
      .toBe(`Vérifications faites : 3 sur ${expected.items.length + 4}`);
    await expect
      .poll(() => page.locator('[data-part="progress-live"]').innerText())
      .toBe(`Vérifications faites : 3 sur ${expected.items.length + 4} ; OK 1, KO 1, Bloqué 1.`);
    expect(await page.locator('[data-part="progress-live"]').getAttribute('aria-live')).toBe('polite');
    expect(await row(page, a!.id).getAttribute('data-status')).toBe('passed');
    expect(await row(page, a!.id).locator('.status-pill').innerText()).toBe('OK');
    expect(await row(page, a!.id).locator('.run-item-notes').textContent()).toMatch(
      /^par Marie Curie, le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
    expect(await row(page, a!.id).locator('input[value="passed"]').isChecked()).toBe(true);
    expect(await fieldValue(page, a!.id, 'tester')).toBe('Marie Curie');
    await saved(page, c!.id, 'blocked');
    // The run is now saved, and the address names it.
    const runId = await addressedRun(page);
    expect(runId).toMatch(/^[A-Za-z0-9_-]{10,}$/);
    const [run] = await savedRuns(page);
    expect(run!.id).toBe(runId);
    expect(run!.results[b!.id]).toMatchObject({
      status: 'failed',
      comment: 'Le total TTC est faux de 1 centime',
      defect: 'BUG-4521',
      tester: 'Marie Curie',
      hash: b!.hash,
    });
    expect(run!.results[a!.id]!.hash).toBe(a!.hash);

    await page.reload();
    await ready(page);
    expect(await row(page, a!.id).locator('input[value="passed"]').isChecked()).toBe(true);
    expect(await row(page, b!.id).locator('.run-item-notes').textContent()).toMatch(
      /^Le total TTC est faux de 1 centime — Anomalie : BUG-4521 — par Marie Curie, le /,
    );
    expect(await fieldValue(page, b!.id, 'comment')).toBe('Le total TTC est faux de 1 centime');
    expect(await fieldValue(page, b!.id, 'defect')).toBe('BUG-4521');
    expect(await row(page, c!.id).getAttribute('data-status')).toBe('blocked');
    expect(await page.locator('[data-part="tester"]').inputValue()).toBe('Marie Curie');
    expect(await page.locator('.run-summary').count()).toBe(1);
    expect(await page.locator('.run-summary[aria-current="true"] .run-summary-name').innerText()).toBe(
      '15.2.0 → 15.3.0 · Facturation',
    );
    // The same shared address (without the run id) opens the same run, not a new one.
    await page.goto(`${server.url}${PATH}`);
    await ready(page);
    expect(await statusOf(page, a!.id)).toBe('passed');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters by status, module, priority and "changed since", keeping the filter in the address', async () => {
    const context = await browser.newContext();
    const { page } = await openPath(context);
    const [a, b] = expected.items;
    await setStatus(page, a!.id, 'failed');
    await setStatus(page, b!.id, 'failed');
    await page.selectOption('[data-part="filters"] select[name="status"]', 'failed');
    const visible = () =>
      page.locator('.run-item:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item));
    expect(await visible()).toEqual([a!.id, b!.id]);
    expect(await page.locator('[data-part="filter-status"]').innerText()).toBe(
      `2 vérifications affichées sur ${expected.items.length + 4}`,
    );
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    await page.selectOption('[data-part="filters"] select[name="status"]', '');
    await page.selectOption('[data-part="filters"] select[name="group"]', '@processes');
    expect(await visible()).toEqual(expected.items.filter((i) => i.process).map((i) => i.id));
    await page.selectOption('[data-part="filters"] select[name="group"]', '@procedure');
    expect(await visible()).toEqual([
      'procedure:copy-data',
      'procedure:install-test',
      'procedure:archive',
      'procedure:install-production',
    ]);
    await page.selectOption('[data-part="filters"] select[name="group"]', '');
    await page.selectOption('[data-part="filters"] select[name="priority"]', 'high');
    expect(await visible()).toEqual(expected.items.filter((i) => i.priority === 'high').map((i) => i.id));
    await page.click('[data-part="filters"] button[type="reset"]');
    await expect.poll(() => page.locator('.run-item:visible').count()).toBe(expected.items.length + 4);
    await context.close();
  });

  it('moves with j / k, sets a status with 1–6, and never acts while the tester types', async () => {
    const context = await browser.newContext();
    const { page } = await openPath(context);
    const [first, second] = ['procedure:copy-data', 'procedure:install-test'];
    await page.locator('#run-title').focus();
    await page.keyboard.press('j');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.item)).toBe(first);
    await page.keyboard.press('j');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.item)).toBe(second);
    await page.keyboard.press('2');
    expect(await row(page, second).getAttribute('data-status')).toBe('passed');
    await page.keyboard.press('k');
    await page.keyboard.press('4');
    expect(await row(page, first).getAttribute('data-status')).toBe('blocked');
    // c goes to the comment; typing digits there writes them, the status stays.
    await page.keyboard.press('c');
    await page.keyboard.type('3 serveurs indisponibles, j et k');
    expect(await row(page, first).locator('[data-field="comment"]').inputValue()).toBe(
      '3 serveurs indisponibles, j et k',
    );
    // Escape closes the fields and goes back to their button; the comment shows as text.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement!.className)).toBe('edit-result');
    expect(await row(page, first).locator('.run-item-notes').textContent()).toMatch(
      /^3 serveurs indisponibles, j et k/,
    );
    expect(await row(page, first).getAttribute('data-status')).toBe('blocked');
    // n: the next item not run yet (the second one is passed).
    await row(page, first).focus();
    await page.keyboard.press('n');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.item)).toBe(expected.items[0]!.id);
    // Everything is reachable with Tab: the status radio group, then the button that opens the fields.
    await row(page, second).locator('input[value="passed"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await statusOf(page, second)).toBe('failed');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.className)).toBe('edit-result');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.field)).toBe('comment');
    expect(await page.locator('.run-keys summary').innerText()).toBe('Raccourcis clavier');
    await context.close();
  });
});

describe('progress files', () => {
  it('exports a run and imports it on a clean profile; a bad or foreign file changes nothing and says why', async () => {
    const first = await browser.newContext();
    const { page } = await openPath(first);
    const [a, b] = expected.items;
    await setStatus(page, a!.id, 'passed');
    await setStatus(page, b!.id, 'failed');
    await fill(page, b!.id, 'comment', 'Arrondi faux');
    const file = await downloadOf(page, () => page.click('[data-part="export-run"]'));
    expect(file.name).toBe('gestan-15.2.0-15.3.0.progress.json');
    const progress = JSON.parse(file.data.toString('utf8'));
    expect(progress).toMatchObject({ format: 'roadbook-progress', version: 1, product: 'Gestan', base: '/' });
    expect(progress.runs).toHaveLength(1);
    expect(progress.runs[0].results[b!.id]).toMatchObject({ status: 'failed', comment: 'Arrondi faux', hash: b!.hash });
    await first.close();

    // Another computer: a fresh browser profile, nothing saved.
    const other = await browser.newContext();
    const { page: p2, errors } = await watch(other, server.origin);
    await p2.goto(`${server.url}checklist/`);
    await p2.waitForSelector('rb-run[data-state="idle"]');
    expect(await p2.locator('.run-summary').count()).toBe(0);
    await p2.setInputFiles('[data-part="import"]', {
      name: file.name,
      mimeType: 'application/json',
      buffer: file.data,
    });
    await ready(p2);
    expect(await p2.locator('[data-part="status"]').innerText()).toBe(
      'Recette « 15.2.0 → 15.3.0 · Facturation » ajoutée (résultats : 2).',
    );
    expect(await fieldValue(p2, b!.id, 'comment')).toBe('Arrondi faux');
    expect(await row(p2, a!.id).getAttribute('data-status')).toBe('passed');
    expect(new URL(p2.url()).searchParams.get('run')).toBe(progress.runs[0].id);
    const before = await stored(p2);

    const refuse = async (name: string, text: string, message: string) => {
      await p2.setInputFiles('[data-part="import"]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const alert = p2.locator('[data-alert="import"]');
      await expect.poll(() => alert.innerText()).toContain(message);
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.innerText()).toContain(`« ${name} »`);
      expect(await alert.innerText()).toContain('Rien n’a été modifié.'.replace('’', "'"));
      expect(await stored(p2)).toEqual(before);
    };
    await refuse('abime.json', file.data.toString('utf8').slice(0, 200), "Ce n'est pas du JSON valide");
    await refuse(
      'autre.json',
      JSON.stringify({ ...progress, product: 'Compta+' }),
      'Il concerne le logiciel « Compta+ », pas « Gestan ».',
    );
    await refuse(
      'liste.json',
      JSON.stringify({ schema: 1, product: 'Gestan', items: [] }),
      "C'est un export JSON de la liste de vérifications",
    );
    await refuse('futur.json', JSON.stringify({ ...progress, version: 2 }), 'version plus récente de roadbook');
    await refuse('vide.json', '', 'Le contenu est vide.');

    // A newer result in a file wins; an older one does not; both sides are reported.
    const later = structuredClone(progress);
    later.runs[0].results[a!.id] = {
      status: 'failed',
      comment: 'Revu : KO',
      time: '2999-01-01T00:00:00.000Z',
      hash: a!.hash,
    };
    later.runs[0].results[b!.id] = { status: 'passed', time: '2000-01-01T00:00:00.000Z', hash: b!.hash };
    await p2.setInputFiles('[data-part="import"]', {
      name: 'later.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(later)),
    });
    await expect
      .poll(() => p2.locator('[data-part="status"]').innerText())
      .toBe(
        'Recette « 15.2.0 → 15.3.0 · Facturation » fusionnée — repris du fichier : 1, gardés ici (plus récents) : 1, identiques : 0.',
      );
    expect(await fieldValue(p2, a!.id, 'comment')).toBe('Revu : KO');
    expect(await row(p2, b!.id).getAttribute('data-status')).toBe('failed');
    expect((await savedRuns(p2))[0]!.results[a!.id]!.comment).toBe('Revu : KO');
    expect(errors).toEqual([]);
    await other.close();
  });
});

describe('a republished road book', () => {
  it('keeps every mark, flags items whose entry changed, and lists results whose item is gone', async () => {
    const site = await serveSite(sites.sample.out, '/');
    const context = await browser.newContext();
    const { page, errors } = await openPath(context, PATH, site);
    const other = expected.items.find((i) => i.entry !== SAMPLE_CHANGE.entry && i.process === null)!;
    await setStatus(page, SAMPLE_CHANGE.changedItem, 'passed');
    await setStatus(page, SAMPLE_CHANGE.removedItem, 'failed');
    await fill(page, SAMPLE_CHANGE.removedItem, 'comment', 'Profil CMJN refusé');
    await setStatus(page, other.id, 'passed');
    await saved(page, other.id, 'passed');
    expect(await page.locator('.run-item[data-changed]').count()).toBe(0);

    // The site is rebuilt in place with GES-5318 changed; same address, same browser.
    site.use(sites.sampleChanged.out);
    await page.reload();
    await ready(page);
    const changed = row(page, SAMPLE_CHANGE.changedItem);
    expect(await changed.getAttribute('data-changed')).toBe('');
    expect(await changed.locator('.flag-changed').textContent()).toBe('Modifié depuis votre résultat');
    expect(await changed.locator('.flag-changed').isHidden()).toBe(false);
    expect(await changed.getAttribute('data-status')).toBe('passed');
    expect(await changed.locator('.run-item-expect').textContent()).toContain(SAMPLE_CHANGE.newExpect);
    expect(await row(page, other.id).getAttribute('data-changed')).toBeNull();
    expect(await page.locator('[data-part="run-notices"]').innerText()).toContain('Le road book a été republié');
    expect(await page.locator('[data-changed-count]').innerText()).toBe('1');
    expect(await page.locator('.run-counts [data-status="changed"] strong').innerText()).toBe('1');
    // The filter shows it alone.
    await page.check('[data-part="filters"] input[name="changed"]');
    expect(
      await page.locator('.run-item:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item)),
    ).toEqual([SAMPLE_CHANGE.changedItem]);
    await page.uncheck('[data-part="filters"] input[name="changed"]');
    // The removed item is not dropped: it is listed with what was recorded.
    expect(await row(page, SAMPLE_CHANGE.removedItem).count()).toBe(0);
    const orphan = page.locator(`.orphan[data-item="${SAMPLE_CHANGE.removedItem}"]`);
    expect(await orphan.innerText()).toContain("Ce changement n'a plus cette vérification");
    expect(await orphan.innerText()).toContain('Profil CMJN refusé');
    expect(await orphan.locator('.status-pill').innerText()).toBe('KO');
    // Confirming the result takes the new text: the flag goes.
    await changed.locator('button[data-action="confirm-result"]').click();
    expect(await changed.getAttribute('data-changed')).toBeNull();
    await expect
      .poll(async () => (await savedRuns(page))[0]!.results[SAMPLE_CHANGE.changedItem]!.hash)
      .not.toBe(expected.items.find((i) => i.id === SAMPLE_CHANGE.changedItem)!.hash);
    // The result of the removed item is still saved.
    expect((await savedRuns(page))[0]!.results[SAMPLE_CHANGE.removedItem]).toMatchObject({
      status: 'failed',
      comment: 'Profil CMJN refusé',
    });
    expect(errors).toEqual([]);
    await context.close();
    await site.close();
  });
});

describe('a damaged saved state', () => {
  it('is moved aside with a message and a download; the other runs and the page go on', async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPath(context);
    const [a] = expected.items;
    await setStatus(page, a!.id, 'passed');
    await saved(page, a!.id, 'passed');
    const keep = (await savedRuns(page))[0]!;
    // A second run, on another path.
    await page.goto(`${server.url}checklist/?from=15.1.0&to=15.2.0`);
    await ready(page);
    const other = await page.locator('.run-item[data-item*="#"]').first().getAttribute('data-item');
    await setStatus(page, other!, 'failed');
    await saved(page, other!, 'failed');
    const damagedId = await addressedRun(page);
    const key = `${KEY_PREFIX}run:${damagedId}`;
    const raw = (await stored(page))[key]!.slice(0, -40);
    await putStoredValue(page, key, raw);

    await page.goto(`${server.url}checklist/`);
    await page.waitForSelector('rb-run[data-state="idle"]');
    const alert = page.locator('[data-part="alerts"] [role="alert"]');
    expect(await alert.innerText()).toContain(`n'a pas pu être lue`);
    expect(await alert.innerText()).toContain(`run:${damagedId}`);
    // Nothing lost: the text is in a backup key, offered as a download, and the original key is gone.
    const all = await stored(page);
    expect(all[key]).toBeUndefined();
    const backups = Object.entries(all).filter(([k]) => k.startsWith(`${KEY_PREFIX}backup:`));
    expect(backups.map(([, v]) => v)).toEqual([raw]);
    expect(backups[0]![0]).toMatch(new RegExp(`backup:\\d+:run:${damagedId}$`));
    const file = await downloadOf(page, () =>
      alert.locator('button', { hasText: 'Télécharger le texte mis de côté' }).click(),
    );
    expect(file.data.toString('utf8')).toBe(raw);
    // The other run is intact and still opens.
    expect(await page.locator('.run-summary').count()).toBe(1);
    await page.click('.run-summary-name');
    await ready(page);
    expect(await row(page, a!.id).getAttribute('data-status')).toBe('passed');
    expect((await savedRuns(page)).map((r) => r.id)).toEqual([keep.id]);
    // The backup stays listed (and downloadable) after a reload, until the tester deletes it.
    await page.reload();
    await ready(page);
    expect(await page.locator('[data-part="backups"]').isVisible()).toBe(true);
    const again = await downloadOf(page, () => page.click('[data-part="backup-list"] button[data-action="download"]'));
    expect(again.data.toString('utf8')).toBe(raw);
    await page.click('[data-part="backup-list"] button[data-action="forget"]');
    await page.click('dialog[open] button[value="ok"]');
    await expect.poll(() => page.locator('[data-part="backups"]').isHidden()).toBe(true);
    expect(Object.keys(await stored(page)).filter((k) => k.includes(':backup:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the readable results of a run with a bad one, and sets the original text aside', async () => {
    const context = await browser.newContext();
    const { page } = await openPath(context);
    const [a, b] = expected.items;
    await setStatus(page, a!.id, 'passed');
    await setStatus(page, b!.id, 'na');
    await saved(page, b!.id, 'na');
    const id = await addressedRun(page);
    const key = `${KEY_PREFIX}run:${id}`;
    const value = JSON.parse((await stored(page))[key]!);
    value.run.results[b!.id].status = 'peut-être';
    const raw = JSON.stringify(value);
    await putStoredValue(page, key, raw);
    await page.reload();
    await ready(page);
    expect(await page.locator('[data-part="alerts"] [role="alert"]').innerText()).toContain(
      'contenait des résultats illisibles (1)',
    );
    expect(await row(page, a!.id).getAttribute('data-status')).toBe('passed');
    expect(await row(page, b!.id).getAttribute('data-status')).toBe('untested');
    const all = await stored(page);
    expect(
      Object.entries(all)
        .filter(([k]) => k.includes(':backup:'))
        .map(([, v]) => v),
    ).toEqual([raw]);
    expect(JSON.parse(all[key]!).run.results).not.toHaveProperty(b!.id);
    await context.close();
  });
});

describe('downloads', () => {
  it('writes every export format in the browser, with the statuses and comments entered', async () => {
    const context = await browser.newContext();
    const { page, errors, requests } = await openPath(context);
    const [a, b, c, d] = expected.items;
    await page.fill('[data-part="tester"]', 'Paul');
    await setStatus(page, a!.id, 'passed');
    await setStatus(page, b!.id, 'failed');
    await fill(page, b!.id, 'comment', '=1+1 écart de TVA');
    await fill(page, b!.id, 'defect', 'BUG-7');
    await setStatus(page, c!.id, 'blocked');
    await fill(page, c!.id, 'comment', 'Plateforme de test fermée');
    await setStatus(page, d!.id, 'na');
    const files = new Map<string, { name: string; data: Buffer }>();
    // The writers, and exceljs above all, are loaded only when a download asks for them.
    const excel = () => requests.filter((r) => /\/_astro\/exceljs[^/]*\.js$/.test(r));
    expect(excel()).toEqual([]);
    for (const format of EXPORT_FORMATS) {
      files.set(format.id, await downloadOf(page, () => page.click(`button[data-export="${format.id}"]`)));
      if (format.id === 'csv') expect(excel()).toEqual([]);
    }
    expect(excel()).toHaveLength(1);
    const name = (id: string) => files.get(id)!.name;
    expect(EXPORT_FORMATS.map((f) => name(f.id))).toEqual(
      EXPORT_FORMATS.map((f) => `gestan-15.2.0-15.3.0.${f.extension}`),
    );
    const label = (s: 'passed' | 'failed' | 'blocked' | 'na' | 'untested') => statusLabel('fr', s);

    // CSV for people: BOM, `;`, every item with its status, comment, defect, tester and date.
    const csvBytes = files.get('csv')!.data;
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv: string[][] = parseCsv(csvBytes, { bom: true, delimiter: ';' });
    expect(csv[0]).toEqual(PEOPLE_HEADER_FR);
    const csvRows = new Map(csv.slice(1).map((r) => [r[0]!, r]));
    expect(csv).toHaveLength(expected.items.length + 1);
    expect(csvRows.get(a!.id)!.slice(7, 11)).toEqual([label('passed'), '', '', 'Paul']);
    expect(csvRows.get(b!.id)!.slice(7, 11)).toEqual([label('failed'), "'=1+1 écart de TVA", 'BUG-7', 'Paul']);
    expect(csvRows.get(c!.id)![8]).toBe('Plateforme de test fermée');
    expect(csvRows.get(d!.id)![7]).toBe(label('na'));
    expect(csvRows.get(b!.id)![11]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(csvRows.get(expected.items.at(-1)!.id)![7]).toBe(label('untested'));

    // XLSX, read with exceljs.
    const workbook = await readWorkbook(files.get('xlsx')!.data);
    const sheet = workbook.worksheets[0]!;
    const xlsx = new Map<string, unknown[]>();
    sheet.eachRow((r, n) => {
      if (n > 1) xlsx.set(String(r.getCell(1).value), rowValues(sheet, n));
    });
    expect(xlsx.size).toBe(expected.items.length);
    // A string cell is never a formula: the comment is there as typed, with no apostrophe.
    expect(xlsx.get(b!.id)!.slice(7, 11)).toEqual([label('failed'), '=1+1 écart de TVA', 'BUG-7', 'Paul']);
    expect(sheet.getCell(`I${[...xlsx.keys()].indexOf(b!.id) + 2}`).type).toBe(ExcelJS.ValueType.String);
    expect(xlsx.get(c!.id)![8]).toBe('Plateforme de test fermée');

    // Markdown: passed items ticked, results written out.
    const md = files.get('md')!.data.toString('utf8');
    expect(md).toContain('# Recette Gestan 15.2.0 → 15.3.0');
    expect(md).toMatch(/Statut : KO — =1\+1 écart de TVA — \(Paul, \d{4}-\d{2}-\d{2}T[^)]*\) — Anomalie : BUG-7/);
    expect(md).toContain('Anomalie : BUG-7');
    expect(md.match(/- \[x\]/g)).toHaveLength(1);

    // JSON: the checklist object itself, with every result under `results`.
    const json = JSON.parse(files.get('json')!.data.toString('utf8'));
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(expected.items.map((i) => i.id));
    expect(json.results[b!.id]).toMatchObject({
      status: 'failed',
      comment: '=1+1 écart de TVA',
      defect: 'BUG-7',
      tester: 'Paul',
      hash: b!.hash,
    });
    expect(json.results[c!.id]).toMatchObject({ status: 'blocked', comment: 'Plateforme de test fermée' });

    // Test-management imports (cases, their steps and expected results; results travel by JUnit XML).
    const testrail = new XMLParser({ isArray: (n) => ['section', 'case', 'step'].includes(n) }).parse(
      files.get('testrail')!.data.toString('utf8'),
    );
    const cases = testrail.sections.section.flatMap((s: { cases: { case: unknown[] } }) => s.cases.case);
    expect(cases).toHaveLength(new Set(expected.items.map((i) => i.entry ?? i.process)).size);
    const xray: string[][] = parseCsv(files.get('xray')!.data, { delimiter: ',' });
    expect(xray[0]).toEqual([
      'Issue ID',
      'Test Type',
      'Test Summary',
      'Test Priority',
      'Action',
      'Data',
      'Result',
      'Test Repo',
      'Labels',
    ]);
    expect(xray).toHaveLength(expected.items.length + 1);
    const azure: string[][] = parseCsv(files.get('azure')!.data, { delimiter: ',' });
    expect(azure[0]).toEqual([
      'ID',
      'Work Item Type',
      'Title',
      'Test Step',
      'Step Action',
      'Step Expected',
      'Area Path',
      'Priority',
      'State',
    ]);
    expect(azure.filter((r) => r[3] !== '' && r[3] !== 'Test Step')).toHaveLength(expected.items.length);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the sign-off', () => {
  async function fillSignOff(page: Page, decision: 'accepted' | 'reserves' | 'refused') {
    await page.fill('#signoff-environment', 'SRV-RECETTE, copie de la production du 12 mai');
    await page.fill('#signoff-place', 'Lyon');
    await page.fill('#signoff-date', '2026-05-22');
    await page.fill('#signoff-testers', 'Marie, Paul');
    await page.check(`#signoff-decision-${decision}`);
    await page.fill('.party [data-party="name"]', 'Marie Dupont');
  }

  it('is refused while a failed item has no comment (linked), and signed once it has one', async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPath(context);
    const [a, b] = expected.items;
    await setStatus(page, a!.id, 'passed');
    await setStatus(page, b!.id, 'failed');
    await fillSignOff(page, 'accepted');
    await page.click('.signoff-form button[type="submit"]');
    const problems = page.locator('[data-part="signoff-problems"] [role="alert"]');
    expect(await problems.innerText()).toContain('Le PV ne peut pas encore être établi');
    expect(await problems.innerText()).toContain('vérifications KO ou bloquées sans commentaire : 1');
    expect(await problems.innerText()).toContain('La recette ne peut pas être « Acceptée »');
    expect(await problems.locator('.blockers a').first().getAttribute('href')).toBe(
      `#${await row(page, b!.id).getAttribute('id')}`,
    );
    expect(await page.locator('[data-part="report"]').isHidden()).toBe(true);
    // The link leads to the comment to write.
    await problems.locator('.blockers a').first().click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.field)).toBe('comment');
    await page.keyboard.type('Écart de 1 centime sur la TVA à 5,5 %');
    await page.check('#signoff-decision-reserves');
    await page.click('.signoff-form button[type="submit"]');
    await page.waitForSelector('[data-part="report"]:not([hidden]) .signoff-report');
    expect(new URL(page.url()).searchParams.get('view')).toBe('report');
    const report = page.locator('.signoff-report');
    expect(await report.locator('h2').innerText()).toBe('PV de recette — Recette Gestan 15.2.0 → 15.3.0');
    expect(await report.locator('.report-decision').innerText()).toBe('Acceptée avec réserves');
    expect(await report.locator('.report-reserves').innerText()).toContain('Écart de 1 centime sur la TVA à 5,5 %');
    // Stamped with the build id and every entry's content hash.
    const index = JSON.parse(await (await fetch(`${server.url}data/index.json`)).text());
    expect(await report.locator('.report-build').innerText()).toBe(index.buildId);
    const stamps = await report
      .locator('.report-stamp tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.children[0]!.textContent, r.children[3]!.textContent]));
    expect(stamps).toEqual(expected.entries.map((e) => [e.id, e.hash]));
    expect(await page.locator('.run').isHidden()).toBe(true);
    // The report survives a reload (the view is in the address) and prints without its toolbar.
    await page.reload();
    await page.waitForSelector('[data-part="report"]:not([hidden]) .signoff-report');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-toolbar').isVisible()).toBe(false);
    expect(await page.locator('.site-header .site-nav').isVisible()).toBe(false);
    expect(await page.locator('.report-signatures').isVisible()).toBe(true);
    // The printed report carries its seal, the one of the downloads (checked below).
    expect(await page.locator('code.report-seal').isVisible()).toBe(true);
    const printedSeal = await page.locator('code.report-seal').innerText();
    expect(printedSeal).toMatch(/^[0-9a-f]{64}$/);
    await page.emulateMedia({ media: 'screen' });

    // Markdown and JUnit XML of the report.
    const md = await downloadOf(page, () => page.click('button[data-report="signoff-md"]'));
    expect(md.name).toBe('gestan-15.2.0-15.3.0.signoff.md');
    const text = md.data.toString('utf8');
    expect(text).toContain('**Acceptée avec réserves**');
    expect(text).toContain('Écart de 1 centime sur la TVA à 5,5 %');
    expect(text).toContain(`| Construction du road book | ${index.buildId} |`);
    expect(/<!-- roadbook-seal ([0-9a-f]{64}) -->/.exec(text)?.[1]).toBe(printedSeal);
    for (const e of expected.entries) expect(text).toContain(e.hash);
    const junit = await downloadOf(page, () => page.click('button[data-report="junit"]'));
    expect(junit.name).toBe('gestan-15.2.0-15.3.0.junit.xml');
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase'].includes(n),
    }).parse(junit.data.toString('utf8'));
    const testcases = xml.testsuites.testsuite.flatMap((s: { testcase: Record<string, unknown>[] }) => s.testcase);
    expect(testcases).toHaveLength(expected.items.length + 2);
    const failed = testcases.filter((t: Record<string, unknown>) => t.failure);
    expect(failed).toHaveLength(1);
    expect(failed[0].classname).toBe(b!.entry);
    expect(failed[0].failure.message).toBe('Écart de 1 centime sur la TVA à 5,5 %');
    expect(xml.testsuites.testsuite.map((s: { name: string }) => s.name)).toEqual([
      'Procédure de mise en production',
      'Facturation',
      'Processus : Facturation mensuelle',
    ]);

    // Back to the run: the sign-off form kept its values.
    await page.click('button[data-action="close-report"]');
    await ready(page);
    expect(await page.locator('.run').isVisible()).toBe(true);
    expect(await page.locator('#signoff-place').inputValue()).toBe('Lyon');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses "accepted" with a blocked item even when commented, and asks for every field', async () => {
    const context = await browser.newContext();
    const { page } = await openPath(context);
    await page.click('.signoff-form button[type="submit"]');
    const problems = page.locator('[data-part="signoff-problems"] [role="alert"]');
    for (const text of [
      'Renseignez : Environnement de test',
      'Renseignez : Lieu',
      'Renseignez : Testeurs',
      'Indiquez au moins un signataire',
      'Choisissez la décision',
    ]) {
      expect(await problems.innerText()).toContain(text);
    }
    expect(await problems.locator('a[href="#signoff-environment"]').count()).toBe(1);
    await setStatus(page, 'procedure:install-test', 'blocked');
    await fill(page, 'procedure:install-test', 'comment', 'Installateur introuvable');
    await fillSignOff(page, 'accepted');
    await page.click('.signoff-form button[type="submit"]');
    expect(await problems.innerText()).toContain(
      'La recette ne peut pas être « Acceptée » avec des vérifications KO ou bloquées (1)',
    );
    await page.check('#signoff-decision-refused');
    await page.click('.signoff-form button[type="submit"]');
    await page.waitForSelector('[data-part="report"]:not([hidden]) .signoff-report');
    expect(await page.locator('.report-decision').innerText()).toBe('Refusée');
    await context.close();
  });
});

describe('several runs side by side', () => {
  it('switches, renames and deletes (after confirming) runs of different paths', async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPath(context);
    const [a] = expected.items;
    await setStatus(page, a!.id, 'passed');
    // A second path, chosen in the form.
    await page.selectOption('#path-from', '15.0.0');
    await page.selectOption('#path-to', '15.1.0');
    await page.uncheck('input[name="modules"][value="facturation"]');
    await page.click('.path-form button[value="open"]');
    await ready(page);
    const second = await page.locator('.run-item[data-item*="#"]').first().getAttribute('data-item');
    await setStatus(page, second!, 'failed');
    await expect.poll(() => page.locator('.run-summary').count()).toBe(2);
    // Newest first.
    expect(await page.locator('.run-summary-name').allInnerTexts()).toEqual([
      '15.0.0 → 15.1.0',
      '15.2.0 → 15.3.0 · Facturation',
    ]);
    // Switch back: the first run's results.
    await page.click('.run-summary-name >> text=15.2.0 → 15.3.0 · Facturation');
    await ready(page);
    expect(await row(page, a!.id).getAttribute('data-status')).toBe('passed');
    expect(await page.locator('#path-from').inputValue()).toBe('15.2.0');
    // Rename.
    await page.click('button[aria-label="Renommer « 15.2.0 → 15.3.0 · Facturation »"]');
    await page.fill('.rename-form input', 'Recette de mai');
    await page.click('.rename-form button[type="submit"]');
    expect(await page.locator('#run-title').innerText()).toBe('Recette de mai');
    await expect
      .poll(async () => (await savedRuns(page)).map((r) => r.name).sort())
      .toEqual(['15.0.0 → 15.1.0', 'Recette de mai']);
    // Delete: cancel first, then confirm.
    await page.click('button[aria-label="Supprimer « 15.0.0 → 15.1.0 »"]');
    expect(await page.locator('dialog[open]').innerText()).toContain(
      'Supprimer la recette « 15.0.0 → 15.1.0 » de ce navigateur (résultats : 1)',
    );
    await page.click('dialog[open] button[value="cancel"]');
    expect(await page.locator('.run-summary').count()).toBe(2);
    await page.click('button[aria-label="Supprimer « 15.0.0 → 15.1.0 »"]');
    await page.click('dialog[open] button[value="ok"]');
    await expect.poll(() => page.locator('.run-summary').count()).toBe(1);
    expect((await savedRuns(page)).map((r) => r.name)).toEqual(['Recette de mai']);
    // Changing the path of the open run keeps its id, its name and the results of the items it keeps.
    const runId = new URL(page.url()).searchParams.get('run');
    await page.check('input[name="modules"][value="comptabilite"]');
    await page.click('.path-form button[value="apply"]');
    await ready(page);
    expect(new URL(page.url()).searchParams.get('run')).toBe(runId);
    expect(new URL(page.url()).searchParams.get('modules')).toBe('facturation,comptabilite');
    expect(await page.locator('#run-title').innerText()).toBe('Recette de mai');
    expect(await statusOf(page, a!.id)).toBe('passed');
    expect(await page.locator('[data-part="step-changes"] .run-module h4').allInnerTexts()).toEqual([
      expect.stringMatching(/^Facturation \(\d+\)$/),
      expect.stringMatching(/^Comptabilité \(\d+\)$/),
    ]);
    await expect
      .poll(async () => (await savedRuns(page)).map((r) => [r.id, r.name]))
      .toEqual([[runId, 'Recette de mai']]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the company’s processes', () => {
  it('adds a process, runs it, exports it for the CLI, and imports a hand-written file on a clean profile', async () => {
    const context = await browser.newContext();
    const { page, errors } = await watch(context, server.origin);
    await page.goto(`${server.url}checklist/`);
    await page.waitForSelector('rb-run[data-state="idle"]');
    await page.click('.process-manager summary');
    await page.fill('#process-label', 'Paie des intérimaires');
    await page.check('.process-editor input[name="process-modules"][value="paie"]');
    await page.fill('#process-steps', 'Importer les relevés d’heures\nCalculer les bulletins des intérimaires\n');
    await page.click('.process-editor button[type="submit"]');
    const own = page.locator('[data-part="own-processes"] input[value="paie-des-interimaires"]');
    expect(await own.isChecked()).toBe(true);
    // A bad process says what is wrong, field by field, and is not saved.
    await page.fill('#process-label', 'Autre');
    await page.fill('#process-id', 'facturation-mensuelle');
    await page.click('.process-editor button[type="submit"]');
    expect(await page.locator('[data-part="process-problems"] [role="alert"]').innerText()).toContain(
      'est celui d’un processus du catalogue'.replace('’', "'"),
    );
    expect(await page.locator('#process-id').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#process-steps').getAttribute('aria-invalid')).toBe('true');
    await page.click('.process-editor button[type="reset"]');

    // The run holds its steps after the catalogue's.
    await page.selectOption('#path-from', '15.2.0');
    await page.selectOption('#path-to', '15.3.0');
    await page.check('input[name="processes"][value="paie-du-mois"]');
    await page.click('.path-form button[value="open"]');
    await ready(page);
    expect(new URL(page.url()).searchParams.get('processes')).toBe('paie-du-mois,paie-des-interimaires');
    const processItems = await page
      .locator('[data-part="step-processes"] .run-item')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item));
    expect(processItems).toEqual([
      'process:paie-du-mois#1',
      'process:paie-du-mois#2',
      'process:paie-du-mois#3',
      'process:paie-du-mois#4',
      'process:paie-des-interimaires#1',
      'process:paie-des-interimaires#2',
    ]);

    // The export is the file `roadbook checklist --processes` reads.
    const file = await downloadOf(page, () => page.click('[data-part="processes-export"]'));
    expect(file.name).toBe('gestan-processes.yml');
    const book = await loadRoadBook(sites.sample.root, { drafts: false });
    const diagnostics = new DiagnosticList();
    expect(parseCompanyProcesses(file.data.toString('utf8'), file.name, book.book.config, diagnostics)).toEqual([
      'paie-du-mois',
      {
        id: 'paie-des-interimaires',
        label: 'Paie des intérimaires',
        modules: ['paie'],
        steps: ['Importer les relevés d’heures', 'Calculer les bulletins des intérimaires'],
      },
    ]);
    expect(diagnostics.sorted()).toEqual([]);
    await context.close();

    // Another computer imports it, then a hand-written file; a bad file changes nothing.
    const other = await browser.newContext();
    const { page: p2 } = await watch(other, server.origin);
    await p2.goto(`${server.url}checklist/`);
    await p2.waitForSelector('rb-run[data-state="idle"]');
    await p2.click('.process-manager summary');
    await p2.setInputFiles('[data-part="processes-import"]', {
      name: file.name,
      mimeType: 'text/yaml',
      buffer: file.data,
    });
    await expect
      .poll(() => p2.locator('[data-part="status"]').innerText())
      .toBe('Processus importés — ajoutés : 1, remplacés : 0 ; processus du catalogue cochés : 1.');
    expect(await p2.locator('input[name="processes"][value="paie-des-interimaires"]').isChecked()).toBe(true);
    expect(await p2.locator('input[name="processes"][value="paie-du-mois"]').isChecked()).toBe(true);
    const handWritten = `# nos contrôles\n- id: 2027\n  label: Inventaire de fin d'année\n  modules: stocks\n  steps: Compter le dépôt principal\n`;
    await p2.setInputFiles('[data-part="processes-import"]', {
      name: 'a-la-main.yml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(handWritten),
    });
    await expect.poll(() => p2.locator('[data-part="own-list"] li').count()).toBe(2);
    expect(await p2.locator('[data-part="own-list"]').innerText()).toContain("Inventaire de fin d'année");
    const before = await stored(p2);
    await p2.setInputFiles('[data-part="processes-import"]', {
      name: 'faux.yml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('- inconnu\n- id: x\n  label: X\n'),
    });
    const alert = p2.locator('[data-alert="processes-import"]');
    await expect
      .poll(() => alert.innerText())
      .toContain("Le fichier « faux.yml » n'a pas été importé, rien n'a été modifié");
    expect(await alert.innerText()).toContain('Élément 1 inconnu : aucun processus « inconnu » dans le catalogue.');
    expect(await alert.innerText()).toContain('Élément 2 x : Donnez au moins une étape.');
    expect(await stored(p2)).toEqual(before);
    // Editing and removing.
    await p2.click('button[aria-label="Supprimer le processus « Inventaire de fin d\'année »"]');
    await p2.click('dialog[open] button[value="ok"]');
    await expect.poll(() => p2.locator('[data-part="own-list"] li').count()).toBe(1);
    expect(errors).toEqual([]);
    await other.close();
  });
});

describe('two tabs', () => {
  it('merge each other’s results instead of overwriting them', async () => {
    const context = await browser.newContext();
    const one = await openPath(context);
    const [a, b] = expected.items;
    await setStatus(one.page, a!.id, 'passed');
    await saved(one.page, a!.id, 'passed');
    await addressedRun(one.page);
    const url = one.page.url();
    const two = await watch(context, server.origin);
    await two.page.goto(url);
    await ready(two.page);
    expect(await row(two.page, a!.id).getAttribute('data-status')).toBe('passed');
    // Each tab records something; each sees the other's.
    await setStatus(two.page, b!.id, 'failed');
    await fill(two.page, b!.id, 'comment', 'vu dans l’onglet 2');
    await expect.poll(() => row(one.page, b!.id).getAttribute('data-status')).toBe('failed');
    expect(await one.page.locator('[data-part="status"]').innerText()).toContain('modifiée dans un autre onglet');
    await setStatus(one.page, expected.items[2]!.id, 'na');
    await expect.poll(() => row(two.page, expected.items[2]!.id).getAttribute('data-status')).toBe('na');
    await expect.poll(async () => (await savedRuns(one.page))[0]!.results[b!.id]?.comment).toBe('vu dans l’onglet 2');
    const results = (await savedRuns(one.page))[0]!.results;
    expect(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.status]))).toEqual({
      [a!.id]: 'passed',
      [b!.id]: 'failed',
      [expected.items[2]!.id]: 'na',
    });
    await context.close();
  });
});

describe('a browser that refuses to save', () => {
  it('says so at once, keeps the change in the page and offers it as a file', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
        if (String(key).includes(':run:') && (window as unknown as { full?: boolean }).full)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.call(this, value, key);
      };
    });
    const { page } = await openPath(context);
    const [a, b] = expected.items;
    await setStatus(page, a!.id, 'passed');
    await saved(page, a!.id, 'passed');
    await page.evaluate(() => ((window as unknown as { full?: boolean }).full = true));
    await setStatus(page, b!.id, 'failed');
    await fill(page, b!.id, 'comment', 'Pas enregistré ?');
    const alert = page.locator('[data-alert="storage-full"]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.innerText()).toContain('QuotaExceededError');
    expect(await alert.innerText()).toContain('ne sont PAS enregistrées');
    expect(await row(page, b!.id).locator('[data-field="comment"]').inputValue()).toBe('Pas enregistré ?');
    const file = await downloadOf(page, () =>
      alert.locator('button', { hasText: 'Télécharger la progression non enregistrée' }).click(),
    );
    const progress = JSON.parse(file.data.toString('utf8'));
    expect(progress.runs[0].results[b!.id]).toMatchObject({ status: 'failed', comment: 'Pas enregistré ?' });
    // Once the browser accepts again, the next change saves everything and the alert goes.
    await page.evaluate(() => ((window as unknown as { full?: boolean }).full = false));
    await setStatus(page, expected.items[2]!.id, 'passed');
    await expect.poll(() => alert.count()).toBe(0);
    expect((await savedRuns(page))[0]!.results[b!.id]).toMatchObject({ comment: 'Pas enregistré ?' });
    await context.close();
  });
});

describe('accessibility and print', () => {
  for (const [width, viewport] of Object.entries(VIEWPORTS))
    for (const scheme of ['light', 'dark'] as const) {
      it(`meets WCAG 2.2 AA with a run open, with problems shown, and on the report (${scheme}, ${width})`, async () => {
        const context = await browser.newContext({ colorScheme: scheme, viewport });
        const { page } = await openPath(context);
        const [a, b, c] = expected.items;
        await setStatus(page, a!.id, 'passed');
        await setStatus(page, b!.id, 'failed');
        await setStatus(page, c!.id, 'na');
        await page.check('[data-part="filters"] input[name="changed"]');
        await page.uncheck('[data-part="filters"] input[name="changed"]');
        await page.click('.process-manager summary');
        await page.click('.signoff-form button[type="submit"]');
        let result = await audit(page);
        expect(result.serious).toEqual([]);
        expect(result.all).toEqual([]);
        await fill(page, b!.id, 'comment', 'KO');
        await page.fill('#signoff-environment', 'SRV');
        await page.fill('#signoff-place', 'Lyon');
        await page.fill('#signoff-testers', 'Marie');
        await page.check('#signoff-decision-reserves');
        await page.fill('.party [data-party="name"]', 'Marie');
        await page.click('.signoff-form button[type="submit"]');
        await page.waitForSelector('[data-part="report"]:not([hidden]) .signoff-report');
        result = await audit(page);
        expect(result.serious).toEqual([]);
        expect(result.all).toEqual([]);
        await context.close();
      });
    }

  it('prints the run as a clean report: results as text, no controls', async () => {
    const context = await browser.newContext();
    const { page } = await openPath(context);
    const [a] = expected.items;
    await setStatus(page, a!.id, 'failed');
    await fill(page, a!.id, 'comment', 'Écart constaté');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.path-form').isVisible()).toBe(false);
    expect(await page.locator('[data-part="filters"]').isVisible()).toBe(false);
    expect(await page.locator('.downloads').isVisible()).toBe(false);
    const item = row(page, a!.id);
    await item.scrollIntoViewIfNeeded();
    expect(await item.locator('.run-status').isVisible()).toBe(false);
    expect(await item.locator('button.edit-result').isVisible()).toBe(false);
    expect(await item.locator('.run-item-result').isVisible()).toBe(true);
    expect(await item.locator('.run-item-result').innerText()).toMatch(/^KO — Écart constaté — /);
    expect((await page.pdf()).byteLength).toBeGreaterThan(10_000);
    await context.close();
  });
});

describe('in English, under a sub-path', () => {
  it('runs at /docs/roadbook/checklist/ with English labels, its own keys, and only its own origin', async () => {
    const en = await serveSite(sites.en.out, sites.en.base);
    const context = await browser.newContext();
    const watched = await watch(context, en.origin);
    const { page } = watched;
    await page.goto(`${en.url}checklist/?from=3.0.0&to=3.1.0`);
    await ready(page);
    const wanted = await engineChecklist(sites.en.root, { from: '3.0.0', to: '3.1.0' });
    expect(await itemIds(page)).toEqual([
      'procedure:copy-data',
      'procedure:install-test',
      ...wanted.items.map((i) => i.id),
      'procedure:archive',
      'procedure:install-production',
    ]);
    expect(await page.locator('h1').innerText()).toBe('Acceptance test');
    expect(await page.locator('#step-copy-data').innerText()).toBe('STEP 1\nCopy the production data to a test server');
    const first = wanted.items[0]!;
    await setStatus(page, first.id, 'failed');
    expect(await row(page, first.id).locator('.status-pill').textContent()).toBe('Failed');
    await expect
      .poll(() => page.locator('[data-part="progress-text"]').innerText())
      .toBe(`Checks done: 1 of ${wanted.items.length + 4}`);
    await expect
      .poll(async () => Object.keys(await stored(page)))
      .toEqual([expect.stringMatching(/^roadbook:%2Fdocs%2Froadbook%2F:Ledgerly:run:/)]);
    expect(await row(page, first.id).locator('.run-item-step').textContent()).toBe(first.step);
    expect(await page.locator(`.run-entry a`).first().getAttribute('href')).toBe(first.url);
    expect(first.url!.startsWith('/docs/roadbook/')).toBe(true);
    await page.click('.signoff-form button[type="submit"]');
    expect(await page.locator('[data-part="signoff-problems"]').innerText()).toContain(
      'The report cannot be signed off yet',
    );
    expect(dataRequests(watched, '/docs/roadbook/')).toEqual([
      '/docs/roadbook/data/index.json.gz',
      '/docs/roadbook/data/versions/3.1.0.json.gz',
    ]);
    expect(watched.foreign).toEqual([]);
    expect(watched.errors).toEqual([]);
    await context.close();
    await en.close();
  });
});

describe('a path of thousands of items', () => {
  it('shows the first items at once, stays responsive while the rest arrives, and keeps working at full size', async () => {
    const { server: big, items } = await serveBigSite(sites.sample.out);
    const context = await browser.newContext();
    const watched = await watch(context, big.origin);
    const { page } = watched;
    // How fast each step is, the benchmark measures (bench/); here, that each one works.
    /** Runs `act` in the page and waits until the next frame is painted. */
    const act = (code: string) =>
      page.evaluate(async (source) => {
        new Function(source)();
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      }, code);
    await page.goto(`${big.url}checklist/?from=40.0.0&to=40.20.0`);
    await page.waitForSelector('.run-item[data-item="P-1-0#etape-1"]');
    // While the rest is still being added, a status change shows at once.
    expect(await page.locator('rb-run').getAttribute('data-state')).toBe('rendering');
    await act(`document.querySelector('[data-item="P-1-0#etape-1"] input[value="failed"]').click()`);
    expect(await statusOf(page, 'P-1-0#etape-1')).toBe('failed');
    await ready(page);
    expect(await page.locator('.run-item').count()).toBe(items + 4);
    // About to print: every row gets its printed status line at once (made with its controls).
    const printed = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      const rows = [...document.querySelectorAll<HTMLElement>('.run-item')];
      // The status each line starts with (a line goes on with the notes: tester, time, …).
      const lines = rows.map((row) => row.querySelector(':scope > .run-item-result')?.textContent?.split(' — ')[0]);
      return { rows: rows.length, lines: [...new Set(lines.map((line) => line ?? '(none)'))].sort() };
    });
    expect(printed.rows).toBe(items + 4);
    expect(printed.lines).toEqual([statusLabel('fr', 'failed'), statusLabel('fr', 'untested')].sort());
    const far = page.locator('.run-item[data-item="P-20-249#etape-2"]');
    await far.scrollIntoViewIfNeeded();
    await far.locator('input[value="passed"]').waitFor();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.run-item:not(:has(input[value="failed"])), .run-item:not(:has(.edit-result))')
          .length === 0,
      null,
      { polling: 200 },
    );
    // At full size: a status, typing in a comment, a filter.
    await act(`document.querySelector('[data-item="P-20-249#etape-2"] input[value="passed"]').click()`);
    await openFields(page, 'P-20-249#etape-2');
    await act(
      `const t = document.querySelector('[data-item="P-20-249#etape-2"] textarea'); t.value += 'x'; t.dispatchEvent(new Event('input', { bubbles: true }));`,
    );
    await act(
      `const s = document.querySelector('[data-part="filters"] select[name="status"]'); s.value = 'failed'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    expect(await page.locator('[data-part="filter-status"]').innerText()).toBe(
      `1 vérification affichée sur ${items + 4}`,
    );
    await expect
      .poll(() => page.locator('[data-part="progress-text"]').innerText())
      .toBe(`Vérifications faites : 2 sur ${items + 4}`);
    await saved(page, 'P-20-249#etape-2', 'passed');
    expect(dataRequests(watched)).toHaveLength(21);
    await context.close();
    await big.close();
  });
  it('lists the changes in runs of a few entries under their heading, each hidden when none of its rows is shown, and regrouped in another order', async () => {
    const { server: big } = await serveBigSite(sites.sample.out, 30);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${big.url}checklist/?from=40.0.0&to=40.20.0`);
    await ready(page);
    /** Per heading of the changes: its runs' entry counts, and whether any entry sits outside a run. */
    const runs = (heading: string) =>
      page.locator(`[data-part="step-changes"] ${heading}`).evaluateAll((groups) =>
        groups.map((g) => ({
          runs: [...g.children]
            .filter((c) => c.matches('.run-chunk'))
            .map((c) => c.querySelectorAll('.run-entry').length),
          loose: [...g.children].filter((c) => c.matches('.run-entry')).length,
        })),
      );
    /** The runs shown (neither hidden nor in a hidden box). */
    const shownRuns = () =>
      page
        .locator('[data-part="step-changes"] .run-chunk')
        .evaluateAll((els) => els.filter((e) => !e.closest('[hidden]')).length);
    /** Checks the runs under each heading of `heading`'s kind (at least `headings` of them); their count. */
    const check = async (heading: string, headings: number) => {
      const groups = await runs(heading);
      expect(groups.length).toBeGreaterThanOrEqual(headings);
      for (const group of groups) {
        expect(group.loose).toBe(0);
        // Full runs of 8, the last one holding the rest.
        expect(group.runs.slice(0, -1).every((n) => n === 8)).toBe(true);
        expect(group.runs.at(-1)).toBeGreaterThan(0);
        expect(group.runs.at(-1)).toBeLessThanOrEqual(8);
      }
      expect(groups.flatMap((g) => g.runs).reduce((a, b) => a + b, 0)).toBe(20 * 30);
      return groups.flatMap((g) => g.runs).length;
    };
    const byModule = await check('.run-module', 2);
    expect(await shownRuns()).toBe(byModule);

    await setStatus(page, 'P-7-3#etape-1', 'failed');
    await page.locator('[data-part="filters"] select[name="status"]').selectOption('failed');
    await expect.poll(shownRuns).toBe(1);
    const shown = () =>
      page
        .locator('[data-part="step-changes"] .run-item')
        .evaluateAll((els) => els.filter((e) => !e.closest('[hidden]')).map((e) => (e as HTMLElement).dataset.item));
    expect(await shown()).toEqual(['P-7-3#etape-1']);

    await page.getByLabel('par risque').check();
    await page.waitForSelector('[data-part="run"][data-order="risk"]');
    await check('.run-rank', 1);
    expect(await shownRuns()).toBe(1);
    expect(await shown()).toEqual(['P-7-3#etape-1']);
    await page.locator('[data-part="filters"] select[name="status"]').selectOption('');
    await expect.poll(shownRuns).toBe(await page.locator('[data-part="step-changes"] .run-rank .run-chunk').count());
    await context.close();
    await big.close();
  });
});
