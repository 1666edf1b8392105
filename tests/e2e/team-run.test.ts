import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Checklist } from '../../src/core/checklist/index.ts';
import { assignmentFileText, makeAssignment } from '../../src/core/run/assignment.ts';
import { audit, downloadOf, engineChecklist, watch } from './run-helpers.ts';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * A team run in Chromium, each person in a browser profile of their own (no storage shared):
 * the lead (Léa) makes a run and two assignments, Alice's sent as a link and Bob's as a file;
 * Alice and Bob open them, record, and export their progress; the lead imports both files,
 * the item both recorded differently is shown with both testers' versions side by side, the
 * sign-off is refused until the lead keeps one, and the printed report names the testers.
 */
const sites = inject('sites');
const REQUEST = { from: '15.2.0', to: '15.3.0', modules: ['facturation'], processes: ['facturation-mensuelle'] };
const PATH = 'checklist/?from=15.2.0&to=15.3.0&modules=facturation&processes=facturation-mensuelle';

useSampleSite();
let expected: Checklist;

beforeAll(async () => {
  expected = await engineChecklist(sites.sample.root, REQUEST);
});

const row = (page: Page, id: string) => page.locator(`.run-item[data-item="${id}"]`);
const setStatus = (page: Page, id: string, status: string) =>
  row(page, id).locator(`input[type="radio"][value="${status}"]`).check();
async function comment(page: Page, id: string, text: string) {
  const edit = row(page, id).locator('button.edit-result');
  if ((await edit.getAttribute('aria-expanded')) !== 'true') await edit.click();
  await row(page, id).locator('[data-field="comment"]').fill(text);
}
const ready = (page: Page) => page.waitForSelector('rb-run[data-state="ready"]');
const status = (page: Page) => page.locator('[data-part="status"]');
const testerLines = (page: Page) =>
  page.locator('[data-part="team-testers"] li').evaluateAll((els) => els.map((e) => e.textContent));

/** A person's own browser profile, on the checklist page. */
async function profile(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const { page, errors, foreign } = await watch(context, server.origin);
  page.on('close', () => expect(foreign).toEqual([]));
  return { context, page, errors };
}

/** The lead gives `tester` what the form's choices pick. */
async function assignTo(page: Page, tester: string, pick: { modules?: string[]; groups?: string[]; items?: string[] }) {
  await page.fill('#assign-tester', tester);
  for (const m of pick.modules ?? []) await page.check(`[data-part="assign-modules"] input[value="${m}"]`);
  for (const g of pick.groups ?? []) await page.check(`[data-part="assign-groups"] input[value="${g}"]`);
  await page.fill('#assign-items', (pick.items ?? []).join('\n'));
  await page.click('[data-part="assign-form"] button[type="submit"]');
  await page.waitForSelector(`.assign-entry[data-tester="${tester}"]`);
}

describe('a team run', () => {
  it('is shared out by link and file, run by two testers, merged with their conflict settled, and signed', async () => {
    const facturation = expected.items.filter((i) => i.module === 'facturation');
    const processItems = expected.items.filter((i) => i.process !== null);
    const shared = facturation[0]!;
    const alicesOther = facturation[1]!;
    expect(processItems.length).toBeGreaterThan(0);

    // The lead makes the run and shares it out.
    const lead = await profile();
    await lead.page.goto(`${server.url}${PATH}`);
    await ready(lead.page);
    await lead.page.fill('[data-part="tester"]', 'Léa');
    await lead.page.click('[data-part="assign"] summary');
    // A typed id the run does not hold is refused, naming it; nothing is assigned.
    await lead.page.fill('#assign-tester', 'Alice');
    await lead.page.fill('#assign-items', 'pas-un-id');
    await lead.page.click('[data-part="assign-form"] button[type="submit"]');
    expect(await lead.page.locator('[data-part="assign-problem"]').innerText()).toBe(
      'Identifiants qui ne sont pas dans cette recette : pas-un-id.',
    );
    expect(await lead.page.locator('.assign-entry').count()).toBe(0);

    await assignTo(lead.page, 'Alice', { modules: ['facturation'] });
    // The items the list's filter shows join those typed (here: the strategic processes' steps).
    await lead.page.selectOption('[data-part="filters"] select[name="group"]', '@processes');
    await lead.page.fill('#assign-items', shared.id);
    await lead.page.click('[data-part="assign-shown"]');
    expect((await lead.page.inputValue('#assign-items')).split('\n')).toEqual([
      shared.id,
      ...processItems.map((i) => i.id),
    ]);
    await lead.page.click('[data-part="filters"] button[type="reset"]');
    await assignTo(lead.page, 'Bob', { groups: ['@processes'], items: [shared.id] });
    const entries = lead.page.locator('.assign-entry');
    expect(await entries.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.tester))).toEqual([
      'Alice',
      'Bob',
    ]);
    expect(await entries.nth(0).innerText()).toContain(`Alice — vérifications : ${facturation.length}`);
    expect(await entries.nth(1).innerText()).toContain(`Bob — vérifications : ${processItems.length + 1}`);
    const nobody = expected.items.length - facturation.length - processItems.length;
    // The procedure steps are items too: nobody has them yet.
    const unassigned = await lead.page.locator('[data-part="assign-unassigned"]').innerText();
    const unassignedCount = Number(/(\d+)$/.exec(unassigned)![1]);
    expect(unassignedCount).toBeGreaterThanOrEqual(nobody);
    expect(await testerLines(lead.page)).toEqual([
      `Alice : 0 sur ${facturation.length}`,
      `Bob : 0 sur ${processItems.length + 1}`,
    ]);

    // The panel open with its split meets WCAG 2.2 AA.
    expect((await audit(lead.page)).serious).toEqual([]);

    // Alice's part as a link: shown, and copied.
    const aliceEntry = entries.nth(0);
    const link = await aliceEntry.locator('[data-part="assign-link"]').inputValue();
    await aliceEntry.locator('button[data-action="assign-copy"]').click();
    await expect.poll(() => status(lead.page).innerText()).toBe("Lien d'attribution pour Alice copié.");
    expect(await lead.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const url = new URL(link);
    expect(url.pathname).toBe('/checklist/');
    expect(url.searchParams.get('assign')).toBe('1');
    expect(url.searchParams.get('tester')).toBe('Alice');
    expect(url.searchParams.get('assign-modules')).toBe('facturation');
    const runId = url.searchParams.get('run')!;
    expect(link.length).toBeLessThanOrEqual(2000);

    // Bob's part as a file.
    const bobFile = await downloadOf(lead.page, () =>
      entries.nth(1).locator('button[data-action="assign-download"]').click(),
    );
    expect(bobFile.name).toBe('gestan-15.2.0-15.3.0.bob.assignment.json');
    const bobAssignment = JSON.parse(bobFile.data.toString('utf8'));
    expect(bobAssignment).toMatchObject({
      format: 'roadbook-assignment',
      version: 1,
      product: 'Gestan',
      run: { id: runId, request: { to: '15.3.0', modules: ['facturation'] } },
      tester: 'Bob',
      assigned: { modules: [], groups: ['@processes'], items: [shared.id] },
    });

    // Alice opens the link in her own browser: the run is hers, her name the page's tester.
    const alice = await profile();
    await alice.page.goto(link);
    await ready(alice.page);
    expect(new URL(alice.page.url()).searchParams.get('run')).toBe(runId);
    expect(new URL(alice.page.url()).searchParams.has('assign')).toBe(false);
    expect(await alice.page.locator('[data-part="tester"]').inputValue()).toBe('Alice');
    expect(await alice.page.locator('[data-part="team-mine"]').innerText()).toBe(
      `Vos vérifications (Alice) : 0 sur ${facturation.length}`,
    );
    expect(await alice.page.locator('[data-part="assign"]').isHidden()).toBe(true);
    // Her items first; the others after them, closed, each marked as someone else's.
    const changes = alice.page.locator('[data-part="step-changes"]');
    const shownIds = await changes
      .locator('.run-item:not([data-owner="other"])')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.item));
    expect(shownIds).toEqual(facturation.map((i) => i.id));
    // The path holds only facturation's changes: the processes' steps are someone else's.
    const apart = alice.page.locator('[data-part="step-processes"] > details.run-others');
    expect(await apart.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await apart.locator('.run-item').count()).toBe(processItems.length);
    expect(await apart.locator('.run-item .badge-assigned').count()).toBe(processItems.length);
    await setStatus(alice.page, shared.id, 'passed');
    await setStatus(alice.page, alicesOther.id, 'passed');
    await expect
      .poll(() => alice.page.locator('[data-part="team-mine"]').innerText())
      .toBe(`Vos vérifications (Alice) : 2 sur ${facturation.length}`);
    expect(await testerLines(alice.page)).toEqual([]);
    // A reload opens her run again (the link is not applied twice) and keeps her results.
    await alice.page.reload();
    await ready(alice.page);
    expect(await row(alice.page, shared.id).getAttribute('data-status')).toBe('passed');
    const aliceProgress = await downloadOf(alice.page, () => alice.page.click('[data-part="export-run"]'));
    const aliceRun = JSON.parse(aliceProgress.data.toString('utf8')).runs[0];
    expect(aliceRun).toMatchObject({ id: runId, assignment: { tester: 'Alice', modules: ['facturation'] } });
    expect(aliceRun.results[shared.id]).toMatchObject({ status: 'passed', tester: 'Alice' });

    // Bob opens the file in his: a damaged one first is refused, saying why, nothing made.
    const bob = await profile();
    await bob.page.goto(`${server.url}checklist/`);
    await bob.page.waitForSelector('rb-run[data-state="idle"]');
    await bob.page.setInputFiles('[data-part="assign-open"]', {
      name: 'bob.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...bobAssignment, product: 'Compta+' })),
    });
    const refused = bob.page.locator('[data-alert="assignment"]');
    await expect.poll(() => refused.innerText()).toContain("Le fichier « bob.json » n'a pas été ouvert");
    expect(await refused.innerText()).toContain('« Compta+ »');
    expect(await bob.page.locator('.run-list li').count()).toBe(0);
    await bob.page.setInputFiles('[data-part="assign-open"]', {
      name: bobFile.name,
      mimeType: 'application/json',
      buffer: bobFile.data,
    });
    await ready(bob.page);
    expect(await refused.count()).toBe(0);
    expect(await bob.page.locator('[data-part="tester"]').inputValue()).toBe('Bob');
    expect(new URL(bob.page.url()).searchParams.get('run')).toBe(runId);
    await setStatus(bob.page, shared.id, 'failed');
    await comment(bob.page, shared.id, 'Total faux');
    await setStatus(bob.page, processItems[0]!.id, 'passed');
    await expect
      .poll(() => bob.page.locator('[data-part="team-mine"]').innerText())
      .toBe(`Vos vérifications (Bob) : 2 sur ${processItems.length + 1}`);
    const bobProgress = await downloadOf(bob.page, () => bob.page.click('[data-part="export-run"]'));

    // The lead imports both progress files.
    for (const file of [aliceProgress, bobProgress]) {
      await lead.page.setInputFiles('[data-part="import"]', {
        name: file.name,
        mimeType: 'application/json',
        buffer: file.data,
      });
      await expect.poll(() => status(lead.page).innerText()).toContain('fusionnée');
    }
    await expect.poll(() => row(lead.page, shared.id).getAttribute('data-conflict')).toBe('');
    const versions = row(lead.page, shared.id).locator('.run-conflict-version');
    const shown = await versions.evaluateAll((els) =>
      els.map((el) => ({
        label: el.querySelector('.run-conflict-label')!.textContent,
        text: el.textContent,
      })),
    );
    expect(shown.map((v) => v.label).sort()).toEqual(['Version saisie par Alice', 'Version saisie par Bob']);
    expect(shown.find((v) => v.label!.endsWith('Bob'))!.text).toContain('Total faux');
    expect(await row(lead.page, processItems[0]!.id).getAttribute('data-status')).toBe('passed');
    // The lead's run is still the lead's (the testers' assignments did not come with their files).
    expect(await lead.page.locator('[data-part="assign"]').isVisible()).toBe(true);
    // Until it is settled, the item both recorded counts for the version shown first (Alice's, imported first).
    expect(await testerLines(lead.page)).toEqual([
      `Alice : 2 sur ${facturation.length}`,
      `Bob : 1 sur ${processItems.length + 1}`,
    ]);
    expect(await lead.page.locator('[data-part="team-conflict-count"]').innerText()).toBe(
      'Vérifications à départager : 1',
    );
    await lead.page.click('[data-part="team-next-conflict"]');
    await expect
      .poll(() => lead.page.evaluate(() => document.activeElement?.closest('.run-item')?.getAttribute('data-item')))
      .toBe(shared.id);

    // Sign-off is refused while the conflict is open.
    await lead.page.fill('#signoff-environment', 'SRV-RECETTE');
    await lead.page.fill('#signoff-place', 'Lyon');
    await lead.page.fill('#signoff-date', '2026-05-22');
    await lead.page.fill('#signoff-testers', 'Léa');
    await lead.page.check('#signoff-decision-reserves');
    await lead.page.fill('.party [data-party="name"]', 'Léa Martin');
    await lead.page.click('.signoff-form button[type="submit"]');
    const problems = lead.page.locator('[data-part="signoff-problems"] [role="alert"]');
    expect(await problems.innerText()).toContain('vérifications modifiées en même temps à deux endroits : 1');
    expect(await lead.page.locator('[data-part="report"]').isHidden()).toBe(true);

    // The lead keeps Alice's version; the sign-off goes through and the report names the testers.
    const alicesVersion = shown.findIndex((v) => v.label!.endsWith('Alice'));
    await versions.nth(alicesVersion).locator('button[data-action="keep-version"]').click();
    await expect.poll(() => row(lead.page, shared.id).getAttribute('data-status')).toBe('passed');
    expect(await row(lead.page, shared.id).getAttribute('data-conflict')).toBeNull();
    expect(await lead.page.locator('[data-part="team-conflicts"]').isHidden()).toBe(true);
    await lead.page.click('.signoff-form button[type="submit"]');
    await lead.page.waitForSelector('[data-part="report"]:not([hidden]) .signoff-report');
    await lead.page.emulateMedia({ media: 'print' });
    // The printed report names everyone who ran the run: the form's tester, then those of the results.
    const testers = await lead.page
      .locator('.signoff-report .report-facts div')
      .filter({ has: lead.page.locator('dt', { hasText: /^Testeurs$/ }) })
      .locator('dd')
      .innerText();
    expect(testers).toBe('Léa, Alice, Bob');

    expect([...lead.errors, ...alice.errors, ...bob.errors]).toEqual([]);
    for (const p of [lead, alice, bob]) await p.context.close();
    // Three browser profiles one after the other: longer than one page's test.
  }, 180_000);

  it('refuses an incomplete link, saying what is missing, and opens nothing', async () => {
    const { context, page, errors } = await profile();
    await page.goto(`${server.url}checklist/?assign=1&to=15.3.0&run=abc&created=2026-05-21T08:00:00.000Z`);
    await page.waitForSelector('rb-run[data-state="idle"]');
    const alert = page.locator('[data-alert="assignment"]');
    expect(await alert.innerText()).toContain("Ce lien d'attribution est incomplet (tester: missing).");
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('.run-list li').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens an assignment file dropped on the run list’s import, as the assignment it is', async () => {
    const { context, page, errors } = await profile();
    const run = { id: 'equipe-1', name: 'Recette équipe', request: { ...REQUEST, editions: [] } };
    const assignment = makeAssignment(run, 'Chloé', { groups: ['@procedure'] }, new Date('2026-05-21T08:00:00Z'));
    await page.goto(`${server.url}checklist/`);
    await page.waitForSelector('rb-run[data-state="idle"]');
    await page.setInputFiles('[data-part="import"]', {
      name: 'chloe.assignment.json',
      mimeType: 'application/json',
      buffer: Buffer.from(assignmentFileText(assignment, { product: 'Gestan', base: '/' })),
    });
    await ready(page);
    expect(new URL(page.url()).searchParams.get('run')).toBe('equipe-1');
    expect(await page.locator('[data-part="run-title"]').innerText()).toBe('Recette équipe');
    expect(await page.locator('[data-part="tester"]').inputValue()).toBe('Chloé');
    expect(await page.locator('[data-part="team-mine"]').innerText()).toMatch(
      /^Vos vérifications \(Chloé\) : 0 sur \d+$/,
    );
    expect(await page.locator('[data-alert="import"]').count()).toBe(0);
    expect(await page.locator('.run-list li').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
