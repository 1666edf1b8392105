import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../tests/e2e/browser.ts';
import { serveSite, type StaticServer } from '../tests/e2e/server.ts';
import type { RoadBook } from './road-books.ts';

/** One run of the browser group's measures. */
export interface BrowserRun {
  firstItem: number;
  allItems: number;
  longBytes: number;
  longItems: number;
  shortBytes: number;
  shortItems: number;
  click: number;
  search: number;
}

const PAGE_LIMIT_MS = 600_000;
/** A word every generated entry is likely to hold (bench/generate.ts draws its words from a short list). */
const SEARCH_WORD = 'facture';

/**
 * Times, in the page, when the first checklist item and then the whole list are painted: the
 * frame after the first `.run-item` appears (a row of the preview of the path's first version,
 * src/scripts/run/run-preview.ts, is one), and after <rb-run> says it is `ready`.
 */
function watchChecklist(): void {
  const marks: { first?: number; ready?: number } = {};
  (window as unknown as { benchMarks: typeof marks }).benchMarks = marks;
  const painted = (key: 'first' | 'ready') => requestAnimationFrame(() => (marks[key] = performance.now()));
  const items = new MutationObserver(() => {
    if (!document.querySelector('.run-item')) return;
    items.disconnect();
    painted('first');
  });
  const state = new MutationObserver(() => {
    if (document.querySelector('rb-run')?.getAttribute('data-state') !== 'ready') return;
    state.disconnect();
    painted('ready');
  });
  document.addEventListener('DOMContentLoaded', () => {
    items.observe(document.body, { childList: true, subtree: true });
    state.observe(document.querySelector('rb-run')!, { attributes: true, attributeFilter: ['data-state'] });
  });
}

/** A fresh browser context (nothing saved) on `path`, counting the bytes it receives. */
async function openCounted(
  browser: Browser,
  url: string,
): Promise<{ page: Page; bytes: () => number; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let bytes = 0;
  await cdp.send('Network.enable');
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  await page.addInitScript(watchChecklist);
  await page.goto(url);
  return { page, bytes: () => bytes, close: () => context.close() };
}

/** The checklist page of a path: when the first and the last item are painted, bytes, item count. */
async function checklistOf(browser: Browser, server: StaticServer, from: string, to: string) {
  const opened = await openCounted(browser, `${server.url}checklist/?from=${from}&to=${to}`);
  const { page } = opened;
  const marks = await page
    .waitForFunction(
      () => {
        const m = (window as unknown as { benchMarks: { first?: number; ready?: number } }).benchMarks;
        return m.first !== undefined && m.ready !== undefined && m;
      },
      null,
      { timeout: PAGE_LIMIT_MS, polling: 100 },
    )
    .then((handle) => handle.jsonValue() as Promise<{ first: number; ready: number }>);
  const items = await page.locator('.run-item').count();
  return { opened, first: marks.first / 1000, ready: marks.ready / 1000, items };
}

/**
 * Scrolls to the middle item, as a tester would, waits for its controls (a row gets them near
 * the screen, src/scripts/run/row-controls.ts), then clicks "failed" and waits for the next
 * frame, in the page: milliseconds from the click.
 */
async function statusClick(page: Page, nth: number): Promise<number> {
  return page.evaluate(async (at) => {
    const rows = document.querySelectorAll<HTMLElement>('.run-item');
    const row = rows[Math.floor(rows.length / 2) + at]!;
    row.scrollIntoView({ block: 'center' });
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    while (!row.querySelector('input[value="failed"]')) await frame();
    await frame();
    const started = performance.now();
    row.querySelector<HTMLInputElement>('input[value="failed"]')!.click();
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const elapsed = performance.now() - started;
    if (row.dataset.status !== 'failed')
      throw new Error(`the clicked item shows "${row.dataset.status}", not "failed"`);
    return elapsed;
  }, nth);
}

/** The home page's search box: seconds from typing a word to the first result shown. */
async function searchFirstResult(browser: Browser, server: StaticServer): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('rb-search[data-state="idle"]', { timeout: PAGE_LIMIT_MS });
    await page.click('rb-search [data-search-trigger]');
    const input = page.locator('pagefind-modal pagefind-input input');
    await input.waitFor();
    const started = performance.now();
    await input.fill(SEARCH_WORD);
    await page.locator('pagefind-results a.pf-result-link').first().waitFor({ timeout: PAGE_LIMIT_MS });
    return (performance.now() - started) / 1000;
  } finally {
    await context.close();
  }
}

/** Chromium and a server of the built site, shared by the runs. */
export async function openBrowserBench(
  dist: string,
): Promise<{ browser: Browser; server: StaticServer; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS] });
  const server = await serveSite(dist, '/');
  return { browser, server, close: async () => (await browser.close(), await server.close()) };
}

/**
 * The checklist page of the longest path (first to last version) and of the first 17
 * versions, three status clicks on the longest run, and a search, each in a fresh context.
 */
export async function browserRun(book: RoadBook, browser: Browser, server: StaticServer): Promise<BrowserRun> {
  const first = book.versions[0]!;
  const long = await checklistOf(browser, server, first, book.versions.at(-1)!);
  const longBytes = long.opened.bytes();
  const clicks = [];
  for (let n = 0; n < 3; n++) clicks.push(await statusClick(long.opened.page, n));
  await long.opened.close();
  const short = await checklistOf(browser, server, first, book.versions[Math.min(16, book.versions.length - 1)]!);
  const shortBytes = short.opened.bytes();
  await short.opened.close();
  return {
    firstItem: long.first,
    allItems: long.ready,
    longBytes,
    longItems: long.items,
    shortBytes,
    shortItems: short.items,
    click: clicks.sort((a, b) => a - b)[1]!,
    search: await searchFirstResult(browser, server),
  };
}
