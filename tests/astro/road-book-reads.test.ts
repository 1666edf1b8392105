import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachePaths } from '../../src/astro/settings.ts';
import { PROJECT } from '../cli/run-cli.ts';

const BIN = join(PROJECT, 'src/cli/bin.ts');
const COUNTER = fileURLToPath(new URL('../helpers/count-reads.ts', import.meta.url));

/** `roadbook build` as a process, every read of roadbook.yml counted (tests/helpers/count-reads.ts). */
function countedBuild(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', COUNTER, BIN, 'build', ...args], {
    cwd: PROJECT,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const stderr = run.stderr.toString('utf8');
  return { code: run.status, stderr, reads: Number(/roadbook\.yml read (\d+) time/.exec(stderr)?.[1] ?? NaN) };
}

describe('roadbook build reads roadbook.yml once', () => {
  let dir: string;
  let root: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'roadbook-reads-'));
    root = join(dir, 'project');
    await cp(join(PROJECT, 'tests/fixtures/cli/content'), join(root, 'content'), { recursive: true });
  });

  afterAll(async () => {
    for (const path of Object.values(cachePaths(root))) await rm(path, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  });

  it('for the check, the base, site and language, and every collection of the site', { timeout: 180_000 }, async () => {
    const out = join(dir, 'site');
    const run = countedBuild(['--root', root, '--out', out, '--base', '/sous/']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Built \d+ versions and \d+ entries \(\d+ rendered/m);
    expect((await stat(join(out, 'index.html'))).isFile()).toBe(true);
    expect(run.reads).toBe(1);
  });

  it('and so does a check alone: the counter sees every read', () => {
    const run = spawnSync(process.execPath, ['--import', COUNTER, BIN, 'check', '--root', root], { cwd: PROJECT });
    expect(run.stderr.toString('utf8')).toContain('roadbook.yml read 1 time(s)');
  });
});
