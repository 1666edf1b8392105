/**
 * What `roadbook build` says while it runs: one line per phase with its count in a log, a
 * bar redrawn in place on a terminal, the timings at the end either way.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnTerminal } from './pty.ts';
import { PROJECT, runCli } from './run-cli.ts';

let dir: string;
let project: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roadbook-progress-'));
  project = join(dir, 'project');
  await cp('tests/fixtures/cli', project, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The line each phase ends with, in order. */
const PHASE_LINES = [
  /✓ read: 6 entry files \(\d+\.\d s\)$/m,
  /✓ check: 6 entry files \(\d+\.\d s\)$/m,
  // The second build finds the entries in the store the first left.
  /✓ render: \d entries, \d unchanged \(\d+\.\d s\)$/m,
  /✓ pages: \d+ pages \(\d+\.\d s\)$/m,
  /✓ data files: \d+ files \(with the pages\)$/m,
  /✓ search index: 5 pages \(\d+\.\d s\)$/m,
  /✓ publish \(\d+\.\d s\)$/m,
];

const TIMINGS =
  /^Timings:\n {2}read +\d+\.\d s\n {2}check .*\n {2}render .*\n {2}pages .*\n {2}data files +with the pages\n {2}search index .*\n {2}publish .*\n {2}total +\d+\.\d s\n/m;

describe('the output of a build', () => {
  it('is one line per phase, in order, then the timings, when it is not on a terminal', () => {
    const run = runCli(['build', '--root', project, '--out', join(dir, 'site-log')]);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('✓ '));
    expect(lines).toHaveLength(PHASE_LINES.length);
    PHASE_LINES.forEach((line, i) => expect(lines[i]).toMatch(line));
    expect(run.stderr).toContain('4 versions, 5 entries, 5 verification items: 0 errors, 0 warnings');
    expect(run.stderr).toMatch(TIMINGS);
    // Nothing is redrawn in a log.
    expect(run.stderr).not.toContain('\u001b[2K');
  }, 180_000);

  it('is a bar redrawn in place on a terminal, then the same phases and timings', async () => {
    const run = await runOnTerminal(['build', '--root', project, '--out', join(dir, 'site-terminal')], PROJECT, [], {
      CI: undefined,
    });
    expect(run.code).toBe(0);
    // The running phase is drawn over the line it is on, then replaced by its line once done.
    expect(run.raw).toContain('\r\u001b[2K');
    expect(run.raw).toMatch(/\r\u001b\[2Kcheck [█░]{24} \d\/6 entry files \d+\.\d s/);
    expect(run.raw).toMatch(/\r\u001b\[2Kpages … \d+\.\d s/);
    expect(run.raw).toContain('\r\u001b[2K✓ pages: ');
    // On screen, each phase's line is what is left once the bar is drawn over.
    for (const line of PHASE_LINES) expect(run.screen).toMatch(line);
    expect(run.screen).toMatch(TIMINGS);
  }, 180_000);
});
