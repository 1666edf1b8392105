/**
 * The options the CLI gives the native allocator of Astro's bundler, as that allocator reads
 * them: mimalloc, asked to be verbose, prints every option it took when its library loads. A
 * `build` of a folder without a road book loads the bundler (its pages' process imports the
 * site's integration, which imports Vite) and fails at once, which is all this needs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from './run-cli.ts';

const BIN = join(PROJECT, 'src/cli/bin.ts');
let empty: string;

beforeAll(async () => {
  empty = await mkdtemp(join(tmpdir(), 'roadbook-allocator-'));
});
afterAll(async () => {
  await rm(empty, { recursive: true, force: true });
});

/** The options mimalloc printed for a build run with `extra` in its environment. */
function allocatorOptions(extra: Record<string, string>): Map<string, string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', MIMALLOC_VERBOSE: '1', ...extra };
  for (const name of ['MIMALLOC_ALLOW_THP', 'MIMALLOC_PURGE_DELAY']) if (!(name in extra)) delete env[name];
  const run = spawnSync(process.execPath, [BIN, 'build', '--root', empty], { cwd: PROJECT, env });
  const stderr = run.stderr.toString('utf8');
  expect(run.status, stderr).not.toBe(0);
  return new Map([...stderr.matchAll(/option '(\w+)': (\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

describe('the native allocator of the bundler', () => {
  it('takes no transparent huge pages and gives freed memory back at once', () => {
    const options = allocatorOptions({});
    expect(options.get('allow_thp')).toBe('0');
    expect(options.get('purge_delay')).toBe('0');
  });

  it('keeps what the environment sets', () => {
    const options = allocatorOptions({ MIMALLOC_ALLOW_THP: '1', MIMALLOC_PURGE_DELAY: '250' });
    expect(options.get('allow_thp')).toBe('1');
    expect(options.get('purge_delay')).toBe('250');
  });
});
