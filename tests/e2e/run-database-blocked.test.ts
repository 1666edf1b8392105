import { describe, expect, it } from 'vitest';
import { DATABASE } from '../../src/core/run/storage-keys.ts';
import { browser, server, useSampleSite } from './sample-site.ts';

/**
 * A tab still showing a page of the site from before the database's current version keeps
 * its connection open and never makes way (those pages had no handler for it): the checklist
 * page of the new site then waits to open its database. It says so, and goes on by itself
 * once the old tab is gone.
 */
useSampleSite();

describe('an older page holding the database', () => {
  it('is named while it blocks, and the page goes on once it is closed', async () => {
    const context = await browser.newContext();
    const old = await context.newPage();
    await old.goto(server.url);
    // The older page: version 1 of the database, held open with no `versionchange` handler.
    await old.evaluate(
      ({ name, values, journal }) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name, 1);
          request.onupgradeneeded = () => {
            request.result.createObjectStore(values);
            request.result.createObjectStore(journal);
          };
          request.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = request.result;
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
      { name: DATABASE.name, values: DATABASE.values, journal: DATABASE.journal },
    );

    const page = await context.newPage();
    await page.goto(`${server.url}checklist/`);
    const alert = page.locator('[data-alert="storage-blocked"]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('Un autre onglet affiche une version plus ancienne');
    expect(await page.locator('rb-run').getAttribute('data-state')).not.toBe('idle');

    await old.close();
    await page.waitForSelector('rb-run[data-state="idle"]');
    expect(await alert.count()).toBe(0);
    // The database is the current version, with nothing of the older one lost.
    const stores = await page.evaluate(
      (name) =>
        new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            const db = request.result;
            resolve({ version: db.version, stores: [...db.objectStoreNames] });
            db.close();
          };
          request.onerror = () => reject(request.error);
        }),
      DATABASE.name,
    );
    expect(stores.version).toBe(DATABASE.version);
    expect(stores.stores).toEqual(expect.arrayContaining([DATABASE.values, DATABASE.journal, DATABASE.evidence]));
    await context.close();
  });
});
