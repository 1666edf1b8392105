/**
 * What the upgrade and checklist tests share: the checklist the engine computes for a path
 * from the sample's content/ (read with core, independently of the built data files), a page
 * that records its requests and errors, an axe-core audit, reading a download back and the
 * run the address names.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Download, Page } from 'playwright-core';
import {
  buildChecklist,
  sourceFromRoadBook,
  type Checklist,
  type ChecklistRequest,
} from '../../src/core/checklist/index.ts';
import { expect } from 'vitest';
import { loadRoadBook } from '../../src/core/read/road-book.ts';

const roadBooks = new Map<string, ReturnType<typeof loadRoadBook>>();

/** The engine's checklist for a request, from a project's content/ read with core. */
export async function engineChecklist(root: string, request: ChecklistRequest): Promise<Checklist> {
  let loading = roadBooks.get(root);
  if (!loading) roadBooks.set(root, (loading = loadRoadBook(root, { drafts: false })));
  const loaded = await loading;
  if (loaded.errorCount) throw new Error(`${root}: the road book has errors`);
  return buildChecklist(sourceFromRoadBook(loaded.book), request);
}

export interface WatchedPage {
  page: Page;
  /** Paths (under the origin) of every request. */
  requests: string[];
  /** Requests to another origin. */
  foreign: string[];
  errors: string[];
}

export async function watch(context: BrowserContext, origin: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const watched: WatchedPage = { page, requests: [], foreign: [], errors: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(`${origin}/`)) watched.requests.push(new URL(url).pathname);
    else if (!url.startsWith('data:') && !url.startsWith('blob:')) watched.foreign.push(url);
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  return watched;
}

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 A/AA violations of the page, as `id (impact): targets`. axe is run
 * through the debugging protocol, which the page's Content-Security-Policy does not govern.
 */
export async function audit(page: Page): Promise<{ all: string[]; serious: string[] }> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ...args: unknown[]
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  }, WCAG);
  const text = (v: { id: string; impact: string; targets: string[] }) =>
    `${v.id} (${v.impact}): ${v.targets.join(', ')}`;
  return {
    all: violations.map(text),
    serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(text),
  };
}

/** Clicks and returns the file the page offers for download. */
export async function downloadOf(page: Page, click: () => Promise<unknown>): Promise<{ name: string; data: Buffer }> {
  const [download]: [Download, unknown] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), data: await readFile(path) };
}

/** The data file requests of a page (paths under /data/), in order, without repeats. */
export function dataRequests(watched: WatchedPage, base = '/'): string[] {
  return [...new Set(watched.requests.filter((p) => p.startsWith(`${base}data/`)))];
}

export async function json<T>(dir: string, path: string): Promise<T> {
  return JSON.parse(await readFile(join(dir, path), 'utf8')) as T;
}

/**
 * The id of the run the page's address names: a run saved by its first change is named once
 * that change is painted (run-page.ts), so the address is waited for.
 */
export async function addressedRun(page: Page): Promise<string> {
  await expect.poll(() => new URL(page.url()).searchParams.get('run')).not.toBeNull();
  return new URL(page.url()).searchParams.get('run')!;
}
