/**
 * `roadbook build --out` on another file system than the project (a NAS mount, a second
 * disk), here a tmpfs mounted for the test, with folders that killed builds left beside the
 * target. Mounting needs root, as CI runs; without it the test fails and says why.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkDir } from '../../src/astro/settings.ts';
import { stagingFor } from '../../src/cli/staging.ts';
import { PROJECT, runCli } from './run-cli.ts';

/** A pid no process holds: that of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString('utf8'));
}

describe('roadbook build --out on another file system', () => {
  let disk: string;
  let project: string;
  let mount: string;
  let mounted = false;

  beforeAll(async () => {
    disk = await mkdtemp(join(tmpdir(), 'roadbook-build-out-'));
    project = join(disk, 'project');
    await cp(join(PROJECT, 'tests/fixtures/site/gestan-fr'), project, { recursive: true });
    mount = join(disk, 'nas');
    await mkdir(mount);
    const run = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'roadbook-test', mount]);
    if (run.status !== 0) {
      throw new Error(
        `This test builds onto a tmpfs and could not mount one (mount -t tmpfs needs root, as in CI): ${
          run.stderr?.toString('utf8').trim() || run.error?.message
        }`,
      );
    }
    mounted = true;
  });

  afterAll(async () => {
    if (mounted) spawnSync('umount', [mount]);
    await rm(disk, { recursive: true, force: true });
  });

  it('builds, swaps the new site in and cleans the stale staging folders of the target only', async () => {
    const target = join(mount, 'site');
    expect((await stat(mount)).dev).not.toBe((await stat(project)).dev);
    await mkdir(target);
    await writeFile(join(target, 'index.html'), 'old site');

    const dead = deadPid();
    const staleOwn = stagingFor(target, dead);
    const stalePrevious = `${staleOwn}-previous`;
    const running = stagingFor(target, process.pid);
    const foreignOld = join(mount, '.site.building-another-host-5');
    const foreignRecent = join(mount, '.site.building-another-host-6');
    const otherTarget = join(mount, '.archive.building-another-host-7');
    for (const dir of [staleOwn, stalePrevious, running, foreignOld, foreignRecent, otherTarget]) {
      await mkdir(dir);
      await writeFile(join(dir, 'index.html'), 'half-built');
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(foreignOld, twoDaysAgo, twoDaysAgo);
    // The search index's links of a build stopped while it indexed, beside the package's work folder.
    const work = buildWorkDir(project);
    const staleLinks = stagingFor(`${work}-search`, dead);
    await mkdir(join(staleLinks, 'versions'), { recursive: true });
    await writeFile(join(staleLinks, 'versions', 'index.html'), 'a link');

    const run = runCli(['build', '--root', project, '--out', target]);
    expect(run.stderr).not.toMatch(/EXDEV/);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Removed ${staleOwn}, left by an interrupted build.`);
    expect(run.stderr).toContain(`Removed ${foreignOld}, left by an interrupted build.`);
    expect(run.stderr).toContain(`Removed ${staleLinks}, left by an interrupted build.`);

    const home = await readFile(join(target, 'index.html'), 'utf8');
    expect(home).toMatch(/^<!DOCTYPE html>/i);
    expect(home).toContain('<title>Road book Testan</title>');
    expect((await readdir(join(target, 'versions'))).length).toBeGreaterThan(0);
    // What belongs to a build still running, to another target or to another host's recent
    // build stays; the rest is gone, and no staging folder of this build is left once the old
    // site, swapped out, is removed (in the background).
    await expect
      .poll(async () => (await readdir(mount)).sort(), { timeout: 30_000 })
      .toEqual(['site', basename(running), basename(foreignRecent), basename(otherTarget)].sort());
    // The build's own search links are removed once indexed (in the background too).
    const links = `.${basename(work)}-search.building-`;
    await expect
      .poll(async () => (await readdir(join(work, '..'))).filter((name) => name.startsWith(links)), { timeout: 30_000 })
      .toEqual([]);
  }, 180_000);
});
