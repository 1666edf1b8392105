import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cachePaths, PACKAGE_ROOT } from '../../src/astro/settings.ts';
import { baselineProject } from '../../bench/baseline/project.ts';
import { ROWS } from '../../bench/table.ts';

/**
 * `npm run bench` as a process, on a road book of 60 entries, one run, the build and check
 * groups only: every row of those groups is printed with a figure, and no other row.
 */
const run = promisify(execFile);
const ENTRIES = 60;

/** What a value of each kind of row starts with. */
const FIGURE: Record<string, RegExp> = {
  ratio: /^\d+\.\d\d×$/,
  one: /^\d+(\.\d)? m?s \(\d+\.\d\d× cold\)$/,
  untouched: /^(yes|no) \(/,
  memory: /^\d+\.\d\d GiB$/,
  baselineMemory: /^\d+\.\d\d GiB$/,
  dist: /^\d+(\.\d)? [KM]B \([\d,]+ files\)$/,
  baselineDist: /^\d+(\.\d)? [KM]B \([\d,]+ files\)$/,
};
const SECONDS = /^\d+(\.\d)? m?s$/;

describe('npm run bench', () => {
  let dir = '';

  afterAll(async () => {
    if (!dir) return;
    const root = join(dir, `rb-${ENTRIES}`);
    const leftovers = [dir, ...Object.values(cachePaths(root)), baselineProject(join(root, 'baseline-dist'))];
    await Promise.all(leftovers.map((p) => rm(p, { recursive: true, force: true })));
  });

  it('prints a table of the build and check figures, with their goals, and writes them as JSON', async () => {
    dir = await mkdtemp(join(tmpdir(), 'roadbook-bench-'));
    const json = join(dir, 'bench.json');
    const args = ['bench/run.ts', '--sizes', String(ENTRIES), '--runs', '1', '--only', 'build,check'];
    const { stdout } = await run(process.execPath, [...args, '--out', dir, '--json', json], {
      cwd: PACKAGE_ROOT,
      maxBuffer: 16 * 2 ** 20,
    });

    expect(stdout).toMatch(/^Machine: \d+ cores \(.+\), [\d.]+ GiB of memory, Node v\d+/);
    expect(stdout).toContain(`### ${ENTRIES} entries, 1 versions: medians of 1 run`);
    const lines = stdout.split('\n');
    for (const spec of ROWS) {
      const line = lines.find((l) => l.startsWith(`| ${spec.label} |`));
      if (spec.group !== 'build' && spec.group !== 'check') {
        expect(line, spec.label).toBeUndefined();
        continue;
      }
      expect(line, spec.label).toBeDefined();
      const [, value, goal] = line!.slice(2, -2).split(' | ');
      expect(value, spec.label).toMatch(FIGURE[spec.key] ?? SECONDS);
      expect(goal, spec.label).toBe(spec.goal || '—');
    }

    const report = JSON.parse(await readFile(json, 'utf8')) as {
      sizes: { entries: number; rows: { key: string; samples: number[] }[] }[];
    };
    expect(report.sizes.map((s) => s.entries)).toEqual([ENTRIES]);
    for (const row of report.sizes[0]!.rows) {
      expect(row.samples, row.key).toHaveLength(1);
      expect(Number.isFinite(row.samples[0]), row.key).toBe(true);
    }
  }, 300_000);
});
