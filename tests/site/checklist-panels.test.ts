import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element } from 'hast';
import { describe, expect, inject, it } from 'vitest';
import { all, page, prop, tag } from './html.ts';

/**
 * The built /checklist/ of the sample: each panel is its custom element holding its own
 * hooks, and the panels' styles are external files whose rules for what the scripts make
 * are anchored under the panel (no bare rule that would reach other pages' elements).
 */
const sites = inject('sites');

/** Each panel's root tag and hooks (data-part) that must be inside it. */
const PANELS: Record<string, string[]> = {
  'rb-backups': ['backups', 'backup-list'],
  'rb-run-list': ['runs-title', 'run-list', 'run-list-empty', 'export-all', 'import'],
  'rb-processes': ['process-manager', 'own-list', 'process-editor', 'process-problems', 'processes-import'],
  'rb-items': ['progress-bar', 'progress-counts', 'filters', 'filter-status', 'step-changes', 'orphan-list'],
  'rb-signoff': ['signoff-form', 'parties', 'signoff-problems'],
};

const parts = (el: Element) => all(el, (e) => prop(e, 'dataPart') !== undefined).map((e) => prop(e, 'dataPart'));

describe('the checklist page as panels', () => {
  it('wraps each panel, inside <rb-run>, in its custom element holding its own hooks', async () => {
    const tree = await page(sites.sample.out, 'checklist/index.html');
    const run = all(tree, tag('rb-run'));
    expect(run).toHaveLength(1);
    for (const [name, hooks] of Object.entries(PANELS)) {
      const found = all(run[0]!, tag(name));
      expect(found, name).toHaveLength(1);
      expect(parts(found[0]!), name).toEqual(expect.arrayContaining(hooks));
    }
    // The sign-off form sits in the procedure's sign-off step, inside the items panel.
    const items = all(run[0]!, tag('rb-items'))[0]!;
    expect(all(items, tag('rb-signoff'))).toHaveLength(1);
    // Every hook is still there exactly once.
    const hooks = parts(run[0]!);
    expect(hooks.length).toBeGreaterThan(40);
    expect(new Set(hooks).size).toBe(hooks.length);
  });

  it('styles rows the scripts make through rules anchored under their panel, in external files', async () => {
    const tree = await page(sites.sample.out, 'checklist/index.html');
    expect(all(tree, tag('style'))).toEqual([]);
    const hrefs = all(tree, (el) => el.tagName === 'link' && prop(el, 'rel') === 'stylesheet').map((el) =>
      prop(el, 'href')!,
    );
    const css = (
      await Promise.all(hrefs.map((href) => readFile(join(sites.sample.out, href.replace(/^\//, '')), 'utf8')))
    ).join('\n');
    expect(css).toMatch(/rb-items\[data-astro-cid-\w+\] \.run-item\{/);
    expect(css).toMatch(/rb-run-list\[data-astro-cid-\w+\] \.run-summary\{/);
    expect(css).toMatch(/rb-signoff\[data-astro-cid-\w+\] \.party\{/);
    expect(css).toMatch(/\.report\[data-astro-cid-\w+\] \.report-facts\{/);
    // No rule of a panel left bare (unscoped): it would reach the elements of any page using the sheet.
    const bare = ['run-item', 'run-summary', 'status-pill', 'party', 'report-facts', 'procedure-step'].filter((name) =>
      new RegExp(`(^|[},])\\.${name}(?![\\w-]|\\[data-astro-cid-)`, 'm').test(css),
    );
    expect(bare).toEqual([]);
  });
});
