import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { cachePaths } from '../../src/astro/settings.ts';
import { lastSiteFile, runBuild } from '../../src/cli/commands/build.ts';
import { FIXTURES, REPO, collectingIo, type BuiltSite, type BuiltSites } from './sites.ts';
import { writeChangedSample } from '../e2e/sample-changed.ts';
import { writeWithdrawnSample } from '../e2e/sample-withdrawn.ts';

/**
 * Builds the fixture sites once for every site and browser test, one build after the other
 * (Astro builds share process state: they never run in parallel). The sites are written
 * under .roadbook/ (git-ignored) inside the project; they are removed afterwards unless
 * ROADBOOK_KEEP_TEST_SITES is set.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await mkdir(join(REPO, '.roadbook'), { recursive: true });
  const dir = await mkdtemp(join(REPO, '.roadbook', 'test-sites-'));

  const records: string[] = [];
  const build = async (name: string, fixture: string, base: string, drafts: boolean): Promise<BuiltSite> => {
    const root = isAbsolute(fixture) ? fixture : join(FIXTURES, fixture);
    const out = join(dir, name);
    records.push(lastSiteFile(root, out));
    const { io, stderr } = collectingIo(root);
    const started = performance.now();
    const code = await runBuild({ root, out, drafts }, io);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    if (code !== 0) throw new Error(`Building the fixture site ${fixture} failed (exit ${code}):\n${stderr()}`);
    return { root, out, base, stderr: stderr(), seconds };
  };

  const sites: BuiltSites = {
    fr: await build('fr', 'gestan-fr', '/', false),
    frDrafts: await build('fr-drafts', 'gestan-fr', '/', true),
    en: await build('en', 'english-base', '/docs/roadbook/', false),
    // The sample road book (content/), for the upgrade and checklist pages in Chromium, and a
    // copy of it republished with one entry changed (tests/e2e/sample-changed.ts).
    sample: await build('sample', REPO, '/', false),
    sampleChanged: await build(
      'sample-changed',
      await writeChangedSample(REPO, join(dir, 'sample-changed-src')),
      '/',
      false,
    ),
    // The same, republished with the target 15.3.0 withdrawn (tests/e2e/sample-withdrawn.ts).
    sampleWithdrawn: await build(
      'sample-withdrawn',
      await writeWithdrawnSample(REPO, join(dir, 'sample-withdrawn-src')),
      '/',
      false,
    ),
  };
  const times = Object.entries(sites).map(([name, site]) => `${name} ${site.seconds}s`);
  console.log(`fixture sites built in ${dir}: ${times.join(', ')}`);
  project.provide('sites', sites);

  // The same road book built three times: first, unchanged, then with one entry edited. What
  // each build says it rendered shows the digest cache at work.
  const cacheRoot = join(dir, 'render-cache-src');
  await cp(join(FIXTURES, 'gestan-fr', 'content'), join(cacheRoot, 'content'), { recursive: true });
  const first = await build('render-cache', cacheRoot, '/', false);
  const again = await build('render-cache', cacheRoot, '/', false);
  const edited = join(cacheRoot, 'content/versions/1.0.0/FAC-1-avoirs.md');
  await writeFile(edited, `${await readFile(edited, 'utf8')}\nUn paragraphe ajouté.\n`);
  const afterEdit = await build('render-cache', cacheRoot, '/', false);
  project.provide('renderCache', { first: first.stderr, again: again.stderr, afterEdit: afterEdit.stderr });

  // The same road book again, a version's introduction now linking to SEC-1 as FAC-3 does;
  // then SEC-1's id changes, and neither linking file does. The warm build's pages must be
  // those a build without a cache makes of the same content.
  const du1 = join(cacheRoot, 'content/versions/1.1.0-DU1');
  await writeFile(
    join(du1, 'index.md'),
    `${await readFile(join(du1, 'index.md'), 'utf8')}Voir [TLS 1.2](SEC-1-tls.md).\n`,
  );
  await build('render-cache', cacheRoot, '/', false);
  const target = join(du1, 'SEC-1-tls.md');
  await writeFile(target, (await readFile(target, 'utf8')).replace('id: SEC-1\n', 'id: SEC-9\n'));
  const warm = await build('render-cache', cacheRoot, '/', false);
  const coldRoot = join(dir, 'render-cache-cold-src');
  await cp(join(cacheRoot, 'content'), join(coldRoot, 'content'), { recursive: true });
  const cold = await build('render-cache-cold', coldRoot, '/', false);
  const linking = ['versions/1.1.0-DU1/FAC-3/index.html', 'versions/1.1.0-DU1/index.html'];
  const pages = async (site: BuiltSite) =>
    Object.fromEntries(await Promise.all(linking.map(async (p) => [p, await readFile(join(site.out, p), 'utf8')])));
  project.provide('linkCache', { warm: await pages(warm), cold: await pages(cold), warmStderr: warm.stderr });

  return async () => {
    // Caches belong to content folders; those of the temporary ones go with them.
    for (const root of [cacheRoot, coldRoot, sites.sampleChanged.root, sites.sampleWithdrawn.root]) {
      for (const path of Object.values(cachePaths(root))) await rm(path, { recursive: true, force: true });
    }
    for (const record of records) await rm(record, { force: true });
    if (!process.env.ROADBOOK_KEEP_TEST_SITES) await rm(dir, { recursive: true, force: true });
  };
}
