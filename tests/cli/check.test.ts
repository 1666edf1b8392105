import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachePaths } from '../../src/astro/settings.ts';
import { readWorkflowCommands } from '../helpers/github-commands.ts';
import { sarifErrors } from '../helpers/sarif-schema.ts';
import { runCheck } from '../../src/cli/commands/check.ts';
import { PROJECT, runCli } from './run-cli.ts';

// Each test runs roadbook as a process (some several times); on a busy machine one run can
// take several seconds.
describe('roadbook check', { timeout: 30_000 }, () => {
  it('passes the sample road book', () => {
    const run = runCli(['check']);
    expect(run.stderr).toMatch(/0 errors, 0 warnings/);
    expect(run.code).toBe(0);
  });

  it('prints every problem as path:line:col  severity  message  code and exits 1', () => {
    const run = runCli(['check', '--root', 'tests/fixtures/bad/many']);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => /^content\//.test(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^content\/versions\/15\.3\.0\/a\.md:3:7 {2}error {2}`type` "nope" is not one of the types: .+ {2}unknown-type$/,
    );
    expect(run.stderr).toMatch(/4 errors, 0 warnings/);
  });

  it('judges links to drafts as a build without --drafts does, though it checks the drafts', () => {
    const run = runCli(['check', '--root', 'tests/fixtures/bad/link-to-draft']);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((l) => /^content\//.test(l))).toEqual([
      'content/versions/15.3.0/GES-1.md:7:23  error  The link "../15.4.0/GES-9.md" points at an entry of the draft version 15.4.0, which a build without --drafts leaves out; link to it once it is published  link-to-draft',
      'content/versions/15.3.0/index.md:4:12  error  The link "../15.4.0/index.md" points at the draft version 15.4.0, which a build without --drafts leaves out; link to it once it is published  link-to-draft',
    ]);
  });

  it('never prints a stack trace', () => {
    for (const fixture of ['front-matter-language', 'file-encoding', 'content-missing', 'yaml-syntax']) {
      const run = runCli(['check', '--root', `tests/fixtures/bad/${fixture}`]);
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });

  it('refuses an unknown option with exit code 2', () => {
    const run = runCli(['check', '--nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--nope'/);
  });
});

describe('roadbook check --format', { timeout: 30_000 }, () => {
  const BAD = 'tests/fixtures/bad/many';
  const FIRST = 'content/versions/15.3.0/a.md';

  it('text is the default output, on stderr', async () => {
    const run = runCli(['check', '--root', BAD, '--format', 'text']);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBe(0);
    let stderr = '';
    const io = {
      stdout: () => {},
      stderr: (t: string) => void (stderr += t),
      stdoutBytes: () => {},
      cwd: PROJECT,
      isTTY: false,
    };
    expect(await runCheck({ root: BAD }, io)).toBe(1);
    expect(run.stderr).toBe(stderr);
  });

  it('json: every diagnostic as data on stdout, with the counts; same exit code', () => {
    const run = runCli(['check', '--root', BAD, '--format', 'json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout.toString('utf8'));
    expect(json).toMatchObject({ format: 'roadbook-check', root: BAD, counts: { errors: 4, warnings: 0 } });
    expect(json.diagnostics).toHaveLength(4);
    expect(json.diagnostics[0]).toEqual({
      file: FIRST,
      line: 3,
      column: 7,
      severity: 'error',
      code: 'unknown-type',
      message: expect.stringMatching(/^`type` "nope" is not one of the types: /),
    });
  });

  it('github: workflow commands naming the file from the working directory', () => {
    const run = runCli(['check', '--root', BAD, '--format', 'github']);
    expect(run.code).toBe(1);
    const { commands, plain } = readWorkflowCommands(run.stdout.toString('utf8'));
    expect(commands).toHaveLength(4);
    expect(commands[0]).toMatchObject({
      command: 'error',
      properties: { file: `${BAD}/${FIRST}`, line: '3', col: '7', title: 'unknown-type' },
    });
    expect(commands[0]!.message).toMatch(/^`type` "nope" is not one of the types: nouveaute, evolution/);
    expect(plain).toEqual(['roadbook check: 4 errors, 0 warnings']);
  });

  it('sarif: a SARIF 2.1.0 log valid against the official schema', () => {
    const run = runCli(['check', '--root', BAD, '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout.toString('utf8'));
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results;
    expect(results).toHaveLength(4);
    expect(results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: `${BAD}/${FIRST}`, uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 7 },
    });
  });

  it('gitlab: a Code Quality report naming the file from the working directory', () => {
    const run = runCli(['check', '--root', BAD, '--format', 'gitlab']);
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout.toString('utf8'));
    expect(issues).toHaveLength(4);
    expect(issues[0]).toMatchObject({
      check_name: 'unknown-type',
      severity: 'major',
      location: { path: `${BAD}/${FIRST}`, lines: { begin: 3 } },
    });
  });

  it('exits 0 for a clean road book, with a log of no results', () => {
    const run = runCli(['check', '--format', 'sarif']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.toString('utf8')).runs[0].results).toEqual([]);
  });

  it('refuses an unknown format with exit code 2', () => {
    const run = runCli(['check', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are text, json, github, sarif, gitlab/);
  });
});

describe('roadbook check, run again', { timeout: 60_000 }, () => {
  let dir: string;
  const problems = (stderr: string) => stderr.split('\n').filter((l) => /^content\//.test(l));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'roadbook-check-again-'));
    await cp(join(PROJECT, 'tests/fixtures/bad/many'), dir, { recursive: true });
  });

  afterEach(async () => {
    for (const path of Object.values(cachePaths(dir))) await rm(path, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  });

  it('reports exactly what the first run found when no file changed, in every format', () => {
    const first = runCli(['check', '--root', dir]);
    expect(existsSync(cachePaths(dir).checkFile)).toBe(true);
    const again = runCli(['check', '--root', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(first.stderr);
    expect(problems(again.stderr)).toHaveLength(4);
    const json = JSON.parse(runCli(['check', '--root', dir, '--format', 'json']).stdout.toString('utf8'));
    expect(json.diagnostics).toHaveLength(4);
  });

  it('reads the road book again when a file changes, even to the same size', async () => {
    runCli(['check', '--root', dir]);
    const file = join(dir, 'content/versions/15.3.0/a.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('type: nope', 'type: nopx'));
    const run = runCli(['check', '--root', dir]);
    expect(problems(run.stderr)[0]).toMatch(/^content\/versions\/15\.3\.0\/a\.md:3:7 {2}error {2}`type` "nopx"/);
    expect(run.stderr).not.toMatch(/"nope"/);
  });

  it('reads the road book again when a file is added or removed', async () => {
    runCli(['check', '--root', dir]);
    await rm(join(dir, 'content/versions/15.3.0/a.md'));
    const removed = runCli(['check', '--root', dir]);
    expect(problems(removed.stderr)).toHaveLength(3);
    expect(removed.stderr).not.toMatch(/a\.md/);
    await writeFile(
      join(dir, 'content/versions/15.3.0/d.md'),
      '---\ntitle: D\ntype: nope\nmodules: [facturation]\n---\n',
    );
    const added = runCli(['check', '--root', dir]);
    expect(problems(added.stderr)).toHaveLength(4);
    expect(added.stderr).toMatch(/^content\/versions\/15\.3\.0\/d\.md:3:7 {2}error/m);
  });
});
