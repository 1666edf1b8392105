/**
 * What the pages say to an installation, on the sample road book (content/): the path the
 * home page opens, its numbers, where a version stands, which changes concern it.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildChecklist, sourceFromRoadBook } from '../../src/core/checklist/index.ts';
import { moduleChoices } from '../../src/core/data-files.ts';
import {
  concernedCount,
  installationNews,
  narrowsChanges,
  newsCounts,
  standingOf,
} from '../../src/core/installation-pages.ts';
import type { InstallationSite } from '../../src/core/installation.ts';
import { loadRoadBook } from '../../src/core/read/road-book.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function sample() {
  const { book } = await loadRoadBook(ROOT);
  const site: InstallationSite = {
    versions: book.versions,
    modules: moduleChoices(book),
    editions: book.config.editions,
  };
  return { book, site };
}

const mine = { modules: ['facturation', 'ventes'], editions: ['entreprise'] };

describe('the home page’s news for an installation', () => {
  it('opens the path from the installed version to the newest published one, with its modules and editions', async () => {
    const { book, site } = await sample();
    const newest = book.versions.filter((v) => v.status === 'published').at(-1)!;
    expect(newest.version).toBe('15.30.02/DU1');
    expect(installationNews({ installed: '15.1.0', ...mine }, site)).toEqual({
      kind: 'behind',
      request: { from: '15.1.0', to: newest.version, ...mine },
    });
  });

  it('leaves out modules and editions the site does not have', async () => {
    const { site } = await sample();
    const news = installationNews({ installed: '15.1.0', modules: ['ventes', 'nope'], editions: ['x'] }, site);
    expect(news).toEqual({
      kind: 'behind',
      request: { from: '15.1.0', to: '15.30.02/DU1', modules: ['ventes'], editions: [] },
    });
  });

  it('asks for the installed version alone when it is the newest published one (written in its URL form)', async () => {
    const { site } = await sample();
    expect(installationNews({ installed: '15.30.02-DU1', ...mine }, site)).toEqual({
      kind: 'current',
      request: { from: null, to: '15.30.02/DU1', ...mine },
    });
  });

  it('gives no path for a version the site does not have', async () => {
    const { site } = await sample();
    expect(installationNews({ installed: '9.9.9', ...mine }, site)).toEqual({ kind: 'unknown', installed: '9.9.9' });
  });

  it('counts what the upgrade page lists for the same path', async () => {
    const { book, site } = await sample();
    const news = installationNews({ installed: '15.1.0', ...mine }, site);
    if (news.kind !== 'behind') throw new Error(news.kind);
    const checklist = buildChecklist(sourceFromRoadBook(book), news.request);
    const counts = newsCounts(checklist);
    expect(counts).toEqual({
      versions: checklist.path.versions.length,
      changes: checklist.entries.length,
      dataChanges: checklist.dataChanges.length,
      fixed: checklist.fixedOnPath.length,
      open: checklist.knownIssues,
      blocking: checklist.knownIssues.filter((i) => i.severity === 'blocking').length,
    });
    // The withdrawn 15.2.1 is on the path, as the upgrade page names it.
    expect(checklist.versions).toContain('15.2.1');
    expect(counts.changes).toBeGreaterThan(0);
  });
});

describe('where a version stands', () => {
  it('is installed, behind or new by the site’s order', async () => {
    const { site } = await sample();
    const installation = { installed: '15.2.0', modules: [], editions: [] };
    expect(standingOf(installation, site, '15.2.0')).toBe('installed');
    expect(standingOf(installation, site, '15.1.0')).toBe('behind');
    expect(standingOf(installation, site, '15.3.0')).toBe('new');
    expect(standingOf(installation, site, 'nope')).toBeNull();
    expect(standingOf({ ...installation, installed: '9.9.9' }, site, '15.3.0')).toBeNull();
  });
});

describe('the changes that concern an installation', () => {
  const entries = [
    { modules: ['facturation'], editions: [] },
    { modules: ['stocks'], editions: [] },
    { modules: ['ventes'], editions: ['standard'] },
    { modules: ['ventes', 'stocks'], editions: ['entreprise'] },
  ];

  it('counts them by module and edition', () => {
    expect(concernedCount(entries, mine)).toBe(2);
    expect(concernedCount(entries, { modules: [], editions: ['standard'] })).toBe(3);
    expect(concernedCount(entries, { modules: [], editions: [] })).toBe(4);
  });

  it('narrows a list only when the installation names modules or editions', () => {
    expect(narrowsChanges(null)).toBe(false);
    expect(narrowsChanges({ modules: [], editions: [] })).toBe(false);
    expect(narrowsChanges({ modules: [], editions: ['standard'] })).toBe(true);
    expect(narrowsChanges(mine)).toBe(true);
  });
});
