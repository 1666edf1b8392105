import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveBigSite } from './big-site.ts';
import { launchChromium, VIEWPORTS } from './browser.ts';
import { audit, dataRequests, engineChecklist, watch } from './run-helpers.ts';
import { serveSite, type StaticServer } from './server.ts';

/**
 * /upgrade/ in Chromium, on the sample road book (content/) built by the global setup, and on
 * the English fixture served under /docs/roadbook/. Never skipped: without Chromium it fails
 * with one line saying how to get one.
 */
const sites = inject('sites');

describe('the upgrade page in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveSite(sites.sample.out, sites.sample.base);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, colorScheme: 'light' | 'dark' = 'light', viewport = VIEWPORTS.desktop) {
    const context = await browser.newContext({ colorScheme, viewport });
    const watched = await watch(context, server.origin);
    await watched.page.goto(`${server.url}${path}`);
    return { context, ...watched };
  }

  it('opens the path of a shared address, loading only the data of the versions on it', async () => {
    const { context, page, requests, foreign, errors, ...rest } = await open(
      'upgrade/?from=15.1.0&to=15.3.0&modules=facturation,comptabilite',
    );
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    const expected = await engineChecklist(sites.sample.root, {
      from: '15.1.0',
      to: '15.3.0',
      modules: ['facturation', 'comptabilite'],
    });

    // The form shows the shared choice.
    expect(await page.locator('#path-from').inputValue()).toBe('15.1.0');
    expect(await page.locator('#path-to').inputValue()).toBe('15.3.0');
    const ticked = await page
      .locator('input[name="modules"]:checked')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(ticked).toEqual(['facturation', 'comptabilite']);

    // Only the index and the three versions on the path (15.2.1, withdrawn, included).
    expect(dataRequests({ page, requests, foreign, errors, ...rest })).toEqual([
      '/data/index.json.gz',
      '/data/versions/15.2.0.json.gz',
      '/data/versions/15.2.1.json.gz',
      '/data/versions/15.3.0.json.gz',
    ]);

    expect(await page.locator('#path-title').innerText()).toBe('De 15.1.0 à 15.3.0');
    expect(await page.locator('.path-summary p').first().locator('a').allInnerTexts()).toEqual([
      '15.2.0',
      '15.2.1',
      '15.3.0',
    ]);
    expect(await page.locator('.path-summary .badge-withdrawn').innerText()).toBe('Retirée');
    // Every change, grouped by module, as the engine lists them.
    expect(
      await page
        .locator('.path-changes [data-entry]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entry)),
    ).toEqual(expected.entries.map((e) => e.id));
    expect(
      await page
        .locator('.path-changes .module-group')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.module)),
    ).toEqual([...new Set(expected.entries.map((e) => e.module))]);
    const firstLink = page.locator('.path-changes [data-entry] a').first();
    expect(await firstLink.getAttribute('href')).toBe(expected.entries[0]!.url);
    // The known issues and the path in time first (a better target is 15.30.02 for these
    // modules); then what cannot simply be undone: database changes, then data changes, then
    // actions and breaking changes.
    const sections = await page.locator('.path-output > section h2').allInnerTexts();
    expect(expected.betterTarget?.version).toBe('15.30.02');
    expect(sections).toEqual([
      'De 15.1.0 à 15.3.0',
      'Une meilleure cible : 15.30.02',
      'Problèmes connus de la version 15.3.0',
      'Problèmes connus corrigés par cette mise à jour',
      'Le parcours dans le temps',
      'Ce que vous ne pourrez pas simplement annuler',
      'Actions requises',
      'Changements de comportement',
      'Tous les changements, par module',
      'Remplacés sur ce parcours',
    ]);
    const undo = await page.locator('.path-undo li').allInnerTexts();
    expect(undo).toHaveLength(expected.dataChanges.length);
    expect(expected.dataChanges[0]!.kind).toBe('database');
    expect(undo[0]).toContain(expected.dataChanges[0]!.text);
    expected.dataChanges.forEach((c, i) => expect(undo[i]).toContain(c.text));
    expect(await page.locator('.path-actions li').count()).toBe(expected.actions.length);
    expect(await page.locator('.path-breaking li').count()).toBe(expected.breaking.length);
    expect(await page.locator('.path-replaced li').allInnerTexts()).toEqual(
      expected.superseded.map((s) => `${s.entry} – ${s.title} (${s.version}) est remplacé par ${s.by.join(', ')}.`),
    );
    // The next step keeps the path.
    expect(await page.locator('.path-summary a.button').getAttribute('href')).toBe(
      '/checklist/?from=15.1.0&to=15.3.0&modules=facturation%2Ccomptabilite',
    );
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers only valid targets, and no target at or before the installed version', async () => {
    const { context, page, errors } = await open('upgrade/');
    await page.waitForSelector('rb-upgrade[data-state="idle"]');
    const targets = await page
      .locator('#path-to option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    // Published versions only, newest first: not the withdrawn 15.2.1, not the draft 16.0.0.
    expect(targets).toEqual([
      '15.30.02/DU1',
      '15.30.02',
      '15.3.0',
      '15.2.0',
      '15.1.0',
      '15.00.0B',
      '15.0.0',
      '15.0.0-rc.1',
      '14.10.1',
    ]);
    // Any known version can be the installed one (the withdrawn one too), except the newest target.
    const sources = await page
      .locator('#path-from option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(sources).toContain('15.2.1');
    expect(sources).not.toContain('15.30.02/DU1');
    await page.selectOption('#path-from', '15.30.02');
    const enabled = await page
      .locator('#path-to option:not([disabled])')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(enabled).toEqual(['15.30.02/DU1']);
    expect(await page.locator('#path-to').inputValue()).toBe('15.30.02/DU1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the choice in the address, and follows back and forward', async () => {
    const { context, page, errors } = await open('upgrade/');
    await page.waitForSelector('rb-upgrade[data-state="idle"]');
    await page.selectOption('#path-from', '15.2.0');
    await page.selectOption('#path-to', '15.30.02');
    await page.check('input[name="modules"][value="achats"]');
    await page.check('input[name="editions"][value="entreprise"]');
    await page.click('.path-form button[type="submit"]');
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    const url = new URL(page.url());
    expect(url.search).toBe('?from=15.2.0&to=15.30.02&modules=achats&editions=entreprise');
    const expected = await engineChecklist(sites.sample.root, {
      from: '15.2.0',
      to: '15.30.02',
      modules: ['achats'],
      editions: ['entreprise'],
    });
    expect(
      await page
        .locator('.path-changes [data-entry]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entry)),
    ).toEqual(expected.entries.map((e) => e.id));
    await page.goBack();
    await page.waitForSelector('rb-upgrade[data-state="idle"]');
    expect(await page.locator('.path-output').innerText()).toBe('');
    await page.goForward();
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(await page.locator('#path-title').innerText()).toBe('De 15.2.0 à 15.30.02');
    await page.reload();
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(await page.locator('input[name="editions"][value="entreprise"]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('warns prominently that an intermediate installation is needed', async () => {
    const { context, page } = await open('upgrade/?from=14.10.1&to=15.3.0');
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    const expected = await engineChecklist(sites.sample.root, { from: '14.10.1', to: '15.3.0' });
    expect(expected.warnings.map((w) => w.code)).toEqual(['minimum-from']);
    const banner = page.locator('.banner-warning');
    expect(await banner.locator('h2').innerText()).toBe('Installation intermédiaire nécessaire');
    expect(await banner.innerText()).toContain(expected.warnings[0]!.message);
    // Right after the summary, before the lists.
    expect(await page.locator('.path-output > section').nth(1).getAttribute('class')).toContain('banner-warning');
    await context.close();
  });

  it('shows the target’s open known issues, blocking first, and switches to a better target in one click', async () => {
    const { context, page } = await open('upgrade/?from=15.1.0&to=15.2.0');
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    const expected = await engineChecklist(sites.sample.root, { from: '15.1.0', to: '15.2.0' });
    const known = page.locator('.path-known');
    expect(await known.locator('h2').innerText()).toBe('Problèmes connus de la version 15.2.0');
    const blocking = known.locator('.known-blocking');
    expect(await blocking.locator('.callout-title').innerText()).toBe(
      "1 problème bloquant : lisez-le avant d'installer.",
    );
    expect(
      await blocking.locator('[data-issue]').evaluateAll((els) => els.map((e) => e.getAttribute('data-issue'))),
    ).toEqual(expected.knownIssues.filter((i) => i.severity === 'blocking').map((i) => i.id));
    expect(
      await known.locator('[data-issue]').evaluateAll((els) => els.map((e) => e.getAttribute('data-issue'))),
    ).toEqual(expected.knownIssues.map((i) => i.id));
    // "Fixed in" names the fixing change and links to its page.
    const fix = blocking.locator('a', { hasText: 'Corrigé en 15.2.1 (GES-5223)' });
    expect(await fix.getAttribute('href')).toBe('/versions/15.2.1/GES-5223/');
    // Before the lists of changes.
    const order = await page.locator('.path-output > section').evaluateAll((els) => els.map((e) => e.className));
    expect(order.findIndex((c) => c.includes('path-known'))).toBeLessThan(
      order.findIndex((c) => c.includes('path-undo')),
    );

    expect(expected.betterTarget).toEqual({ version: '15.3.0', fixes: ['KI-facturx-logo-transparent'] });
    const better = page.locator('.better-target');
    expect(await better.locator('h2').innerText()).toBe('Une meilleure cible : 15.3.0');
    await better.locator('a.button').click();
    await page.waitForURL(/to=15\.3\.0/);
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(new URL(page.url()).searchParams.get('from')).toBe('15.1.0');
    expect(await page.locator('#path-to').inputValue()).toBe('15.3.0');
    // The issue that made 15.3.0 better is now among those the upgrade fixes.
    expect(
      await page.locator('.path-fixed [data-issue]').evaluateAll((els) => els.map((e) => e.getAttribute('data-issue'))),
    ).toContain('KI-facturx-logo-transparent');
    await context.close();
  });

  it('warns by the reader’s date of an installed version out of support and of a target whose support ends soon', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // 14.10.1's support ended on 2026-06-30; 15.1.0's ends on 2027-02-26, 86 days after this day.
    await page.clock.setFixedTime(new Date('2026-12-02T09:00:00'));
    await page.goto(`${server.url}upgrade/?from=14.10.1&to=15.1.0`);
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    const notes = await page.locator('.path-support p').allInnerTexts();
    expect(notes).toEqual([
      'Le support de la version cible 15.1.0 prend fin le 26 février 2027, dans moins de 90 jours.',
      "Votre version installée 14.10.1 n'est plus supportée depuis le 30 juin 2026.",
    ]);
    await page.clock.setFixedTime(new Date('2026-06-01T09:00:00'));
    await page.reload();
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(await page.locator('.path-support').count()).toBe(0);
    await context.close();
  });

  it('draws the path as a timeline: dates, withdrawn versions, the points after which going back means restoring data', async () => {
    const { context, page } = await open('upgrade/?from=15.1.0&to=15.3.0');
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    const expected = await engineChecklist(sites.sample.root, { from: '15.1.0', to: '15.3.0' });
    const steps = await page.locator('.timeline > li').evaluateAll((els) =>
      els.map((e) => ({
        version: e.getAttribute('data-version'),
        withdrawn: !!e.querySelector('.badge-withdrawn'),
        noReturn: e.classList.contains('timeline-no-return'),
        date: e.querySelector('time')?.getAttribute('datetime') ?? null,
      })),
    );
    expect(steps.map((s) => s.version)).toEqual(['15.1.0', ...expected.path.versions.map((v) => v.version)]);
    expect(steps.map((s) => s.date)).toEqual([expected.path.from!.date, ...expected.path.versions.map((v) => v.date)]);
    expect(steps.filter((s) => s.withdrawn).map((s) => s.version)).toEqual(['15.2.1']);
    const changing = new Set(expected.dataChanges.map((c) => c.version));
    expect(steps.filter((s) => s.noReturn).map((s) => s.version)).toEqual(
      expected.path.versions.map((v) => v.version).filter((v) => changing.has(v)),
    );
    expect(await page.locator('.timeline-no-return .timeline-warning').first().innerText()).toBe(
      'Après cette version, revenir en arrière demande de restaurer les données.',
    );
    // An ordered list named by its heading, kept on paper.
    expect(await page.locator('ol.timeline').getAttribute('aria-labelledby')).toBe('path-timeline-title');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.timeline > li').first().isVisible()).toBe(true);
    await context.close();
  });

  it('says what is wrong with an address that asks for an impossible path', async () => {
    const { context, page, errors } = await open('upgrade/?from=15.3.0&to=15.1.0');
    await page.waitForSelector('rb-upgrade[data-state="error"]');
    expect(await page.locator('[data-part="error"] .callout-error').innerText()).toContain(
      'La version installée 15.3.0 est plus récente que la version 15.1.0',
    );
    await page.goto(`${server.url}upgrade/?to=15.2.1`);
    await page.waitForSelector('rb-upgrade[data-state="error"]');
    expect(await page.locator('[data-part="error"]').innerText()).toContain('La version 15.2.1 a été retirée');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints its lists, without the form', async () => {
    const { context, page } = await open('upgrade/?from=15.1.0&to=15.3.0');
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.path-form').isVisible()).toBe(false);
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.path-summary a.button').isVisible()).toBe(false);
    expect(await page.locator('.path-undo li').first().isVisible()).toBe(true);
    expect(await page.locator('.path-changes [data-entry]').first().isVisible()).toBe(true);
    const pdf = await page.pdf();
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await context.close();
  });

  it('shows a path of 5,000 changes, loading only its versions’ files', async () => {
    const { server: big } = await serveBigSite(sites.sample.out);
    const context = await browser.newContext();
    const watched = await watch(context, big.origin);
    await watched.page.goto(`${big.url}upgrade/?from=40.0.0&to=40.20.0`);
    await watched.page.waitForSelector('.path-changes [data-entry]');
    await watched.page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(await watched.page.locator('.path-changes [data-entry]').count()).toBe(5000);
    expect(dataRequests(watched)).toHaveLength(21);
    await context.close();
    await big.close();
  });

  for (const [width, viewport] of Object.entries(VIEWPORTS))
    for (const scheme of ['light', 'dark'] as const) {
      it(`meets WCAG 2.2 AA with a path shown (${scheme}, ${width})`, async () => {
        const { context, page } = await open('upgrade/?from=14.10.1&to=15.3.0&modules=facturation', scheme, viewport);
        await page.waitForSelector('rb-upgrade[data-state="ready"]');
        const result = await audit(page);
        expect(result.serious).toEqual([]);
        expect(result.all).toEqual([]);
        await context.close();
      });
    }
});

describe('the upgrade page in English, under a sub-path', () => {
  it('works at /docs/roadbook/upgrade/ with English labels and only its own origin', async () => {
    const browser = await launchChromium();
    const server = await serveSite(sites.en.out, sites.en.base);
    const context = await browser.newContext();
    const watched = await watch(context, server.origin);
    const { page } = watched;
    await page.goto(`${server.url}upgrade/?from=3.0.0&to=3.1.0`);
    await page.waitForSelector('rb-upgrade[data-state="ready"]');
    expect(await page.locator('h1').innerText()).toBe('Plan an upgrade');
    expect(await page.locator('#path-title').innerText()).toBe('From 3.0.0 to 3.1.0');
    expect(await page.locator('label[for="path-from"]').innerText()).toBe('Installed version');
    const expected = await engineChecklist(sites.en.root, { from: '3.0.0', to: '3.1.0' });
    const links = await page
      .locator('.path-changes [data-entry] .entry-title a')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(links).toEqual(expected.entries.map((e) => e.url));
    expect(links.every((l) => l!.startsWith('/docs/roadbook/versions/'))).toBe(true);
    expect(dataRequests(watched, '/docs/roadbook/')).toEqual([
      '/docs/roadbook/data/index.json.gz',
      '/docs/roadbook/data/versions/3.1.0.json.gz',
    ]);
    expect(await page.locator('.path-summary a.button').getAttribute('href')).toBe(
      '/docs/roadbook/checklist/?from=3.0.0&to=3.1.0',
    );
    expect(watched.foreign).toEqual([]);
    expect(watched.errors).toEqual([]);
    await context.close();
    await browser.close();
    await server.close();
  });
});
