/**
 * `roadbook build` of a road book outside the installation (a copy of a fixture in the system's
 * temporary folder, the command run from there, as a writer would): the site is built and
 * published in its dist/; two road books build at the same time without sharing a work
 * folder; and a build that fails there (its disk full when the site is moved beside dist/)
 * leaves the previous site as it was. The disk is a tmpfs of the test's own, which needs root
 * (as CI runs); without it the test fails and says why.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkDir, cachePaths } from '../../src/astro/settings.ts';
import { lastSiteFile } from '../../src/cli/commands/build.ts';
import { mountSmallDisk, type SmallDisk } from '../e2e/small-disk.ts';
import { PROJECT } from './run-cli.ts';
import { treeDigest } from '../helpers/tree-digest.ts';

const BIN = join(PROJECT, 'src/cli/bin.ts');
const FIXTURE = join(PROJECT, 'tests/fixtures/site/gestan-fr');
const TIMEOUT = 300_000;

/** `roadbook build` run from `cwd` (its road book), as a separate process. */
function build(cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'build'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

/** The fixture's site in `dist`, checked for what it must hold (its 2.0.0 is a draft, not published). */
async function expectSite(dist: string): Promise<void> {
  const home = await readFile(join(dist, 'index.html'), 'utf8');
  expect(home).toMatch(/^<!DOCTYPE html>/i);
  expect(home).toContain('<title>Road book Testan</title>');
  expect((await readdir(join(dist, 'versions'))).sort()).toEqual(['1.0.0', '1.1.0', '1.1.0-DU1']);
  expect((await stat(join(dist, 'versions/1.0.0/index.html'))).size).toBeGreaterThan(0);
}

describe('roadbook build of a road book outside the installation', () => {
  let work: string;
  let disk: SmallDisk | null = null;
  const roots: string[] = [];

  /** A copy of the fixture road book at `dir`. */
  async function roadBook(dir: string): Promise<string> {
    await cp(FIXTURE, dir, { recursive: true });
    roots.push(dir);
    return dir;
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'roadbook-outside-'));
    expect(relative(PROJECT, work).startsWith('..')).toBe(true);
  });

  afterAll(async () => {
    for (const root of roots) {
      for (const path of Object.values(cachePaths(root))) await rm(path, { recursive: true, force: true });
      await rm(lastSiteFile(root, join(root, 'dist')), { force: true });
    }
    await disk?.unmount();
    await rm(work, { recursive: true, force: true });
  });

  it(
    'builds two road books at once, each into its own dist/, leaving nothing beside them',
    async () => {
      const [a, b] = await Promise.all([roadBook(join(work, 'a')), roadBook(join(work, 'b'))]);
      expect(buildWorkDir(a!)).not.toBe(buildWorkDir(b!));
      const [ra, rb] = await Promise.all([build(a!), build(b!)]);
      expect(ra.code, ra.stderr).toBe(0);
      expect(rb.code, rb.stderr).toBe(0);
      for (const root of [a!, b!]) {
        await expectSite(join(root, 'dist'));
        // No work folder of Astro's (`.astro/`), no staging folder left in the road book.
        expect((await readdir(root)).sort()).toEqual(['content', 'dist']);
      }
    },
    TIMEOUT,
  );

  it(
    'leaves the previous site in place when a build there fails',
    async () => {
      disk = await mountSmallDisk('32m');
      const root = await roadBook(join(disk.dir, 'rb'));
      const first = await build(root);
      expect(first.code, first.stderr).toBe(0);
      await expectSite(join(root, 'dist'));
      const before = await treeDigest(join(root, 'dist'));

      // A change to publish, and no room left on the road book's disk for the new site.
      const entry = join(root, 'content/versions/1.0.0/FAC-1-avoirs.md');
      await writeFile(entry, `${await readFile(entry, 'utf8')}\nUn paragraphe ajouté.\n`);
      await disk.fill();
      const failed = await build(root);
      await disk.free();
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`The site could not be moved beside ${join(root, 'dist')}`);
      expect(failed.stderr).toContain('ENOSPC');
      expect(failed.stderr).toContain(`the previous site (if any) in ${join(root, 'dist')} is unchanged.`);
      expect(failed.stderr).not.toMatch(/^\s+at /m);
      expect(await treeDigest(join(root, 'dist'))).toBe(before);
      expect((await readdir(root)).sort()).toEqual(['content', 'dist']);

      // With room again, the next build publishes the change.
      const again = await build(root);
      expect(again.code, again.stderr).toBe(0);
      expect(await treeDigest(join(root, 'dist'))).not.toBe(before);
      expect(await readFile(join(root, 'dist/versions/1.0.0/FAC-1/index.html'), 'utf8')).toContain(
        'Un paragraphe ajouté.',
      );
    },
    TIMEOUT,
  );
});
