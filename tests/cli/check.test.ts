import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('roadbook check', () => {
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
