import type { Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { engineChecklist, watch } from './run-helpers.ts';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * A long path shows its first rows once its first version's file is in, before the others:
 * here the target's file is held back by the test, so the page is caught between the two.
 * The preview has nothing to record with; the run, counted over the whole path, replaces it.
 */
const sites = inject('sites');
useSampleSite();

describe('the checklist page while a long path loads', () => {
  it('shows the first version’s rows at once, then the whole run in their place', async () => {
    const whole = await engineChecklist(sites.sample.root, { from: '15.0.0', to: '15.3.0' });
    expect(whole.versions.length).toBeGreaterThan(2);
    // The preview: the path's first version alone.
    const first = await engineChecklist(sites.sample.root, { from: '15.0.0', to: whole.versions[0]! });
    const context = await browser.newContext();
    const { page, errors } = await watch(context, server.origin);
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/data/versions/15.3.0.json.gz', async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}checklist/?from=15.0.0&to=15.3.0`);

    const preview = page.locator('[data-part="path-preview"]');
    await preview.locator('.run-item').first().waitFor();
    expect(await page.locator('rb-run').getAttribute('data-state')).toBe('loading');
    // The first version's changes, then the target's open known issues (known from the index at once).
    expect(await preview.locator('.run-item-id').allInnerTexts()).toEqual(
      [
        ...first.items.filter((i) => i.process === null && i.knownIssue === null),
        ...whole.items.filter((i) => i.knownIssue !== null),
      ]
        .slice(0, 30)
        .map((i) => i.id),
    );
    // Nothing to record or sign off yet: no control in the preview, the run itself not shown.
    expect(await preview.locator('input, button, textarea').count()).toBe(0);
    expect(await page.locator('[data-part="run"]').isHidden()).toBe(true);

    release();
    await page.waitForSelector('rb-run[data-state="ready"]');
    expect(await preview.count()).toBe(0);
    expect(await page.locator('.run-item').count()).toBe(whole.items.length + 4);
    expect(await page.locator('[data-part="progress-text"]').innerText()).toBe(
      `Vérifications faites : 0 sur ${whole.items.length + 4}`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
