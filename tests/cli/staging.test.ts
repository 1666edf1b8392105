/** The staging folders of a build, and the cleaning of those a killed build left behind. */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanStaleStaging, parseStaging, previousOf, removeInBackground, stagingFor } from '../../src/cli/staging.ts';

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString('utf8'));
}

describe('staging folders', () => {
  let parent: string;
  let target: string;

  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'roadbook-staging-'));
    target = join(parent, 'dist');
  });
  afterEach(() => rm(parent, { recursive: true, force: true }));

  it('are beside the target, named after it, this host and this process', () => {
    const staging = stagingFor(target, 1234);
    expect(join(staging, '..')).toBe(parent);
    expect(parseStaging(target, basename(staging))).toMatchObject({ pid: 1234, previous: false });
    expect(parseStaging(target, basename(previousOf(staging)))).toMatchObject({ pid: 1234, previous: true });
    expect(parseStaging(target, '.distant.building-h-1')).toBeNull();
    expect(parseStaging(target, 'dist')).toBeNull();
  });

  it('puts the last good site back when a build was killed between the two renames of the swap', async () => {
    const previous = previousOf(stagingFor(target, deadPid()));
    await mkdir(previous);
    await writeFile(join(previous, 'index.html'), 'last good site');
    const report = await cleanStaleStaging(target);
    expect(report).toEqual({ removed: [], restored: previous });
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('last good site');
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('leaves a running build alone, and everything when nothing is stale', async () => {
    const running = stagingFor(target, process.pid === 1 ? 2 : 1);
    await mkdir(running);
    expect(await cleanStaleStaging(target)).toEqual({ removed: [], restored: null });
    expect(await readdir(parent)).toEqual([basename(running)]);
  });

  it('removes the swapped-out site in a process of its own, which goes on after the call returns', async () => {
    const previous = previousOf(stagingFor(target));
    await mkdir(join(previous, 'versions', '1.0.0'), { recursive: true });
    await writeFile(join(previous, 'versions', '1.0.0', 'index.html'), 'old page');
    await mkdir(target);
    removeInBackground(previous);
    await expect.poll(() => readdir(parent), { timeout: 30_000 }).toEqual(['dist']);
  });

  it('removes a staging folder done with (the search links) the same way, renamed after its remover while it works', async () => {
    const links = stagingFor(target);
    await mkdir(join(links, 'versions', '1.0.0'), { recursive: true });
    await writeFile(join(links, 'versions', '1.0.0', 'index.html'), 'a link');
    await mkdir(target);
    removeInBackground(links);
    // While it works, its folder is named after a running process: a build leaves it alone.
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const names = await readdir(parent);
          for (const name of names) seen.add(name);
          return names;
        },
        { timeout: 30_000, interval: 5 },
      )
      .toEqual(['dist']);
    for (const name of seen)
      if (name !== 'dist' && name !== basename(links))
        expect(parseStaging(target, name)).toMatchObject({ previous: false });
  });
});
