import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveSite, type StaticServer } from './server.ts';

/**
 * The sample site (built by the global setup) served to one Chromium, for the checklist
 * page's test files: `useSampleSite()` starts both before a file's tests and stops them after.
 * `browser` and `server` are live bindings, set once the file's tests start.
 */
export let browser: Browser;
export let server: StaticServer;

export function useSampleSite(): void {
  beforeAll(async () => {
    const { sample } = inject('sites');
    browser = await launchChromium();
    server = await serveSite(sample.out, sample.base);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
