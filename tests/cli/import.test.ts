import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'roadbook-import-cli-'));
  mkdirSync(join(root, 'content'));
  writeFileSync(
    join(root, 'content/roadbook.yml'),
    'product: Demo\nmodules:\n  - { id: facturation, label: Facturation }\n  - { id: stocks, label: Stocks }\n',
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args, root);

describe('roadbook import keepachangelog', { timeout: 60_000 }, () => {
  it('writes the changelog into content/versions/, prints what it did, and check accepts the result', () => {
    const imported = run('import', 'keepachangelog', join(FIXTURES, 'styles.md'), '--unreleased', '4.0.0');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const out = imported.stdout.toString('utf8');
    expect(out).toContain('  wrote content/versions/2.1.0-rc.1/index.md\n');
    expect(out).toContain('  wrote content/versions/2.1.0-rc.1/relance-automatique-des-impayes.md\n');
    expect(out).toMatch(/styles\.md:111 {2}skipped {2}## Older releases: not a version heading/);
    expect(out).toMatch(/\n8 versions created, 0 already there, 24 entries created, 3 skipped\.\n/);
    expect(readdirSync(join(root, 'content/versions')).sort()).toEqual([
      '1.0.0',
      '1.3.0',
      '1.4.0',
      '1.5.0',
      '2.1.0-rc.1',
      '3.0.0',
      '4.0.0',
      'v2.0.0',
    ]);

    const check = run('check');
    expect(check.stderr).toMatch(/8 versions, 24 entries, 0 verification items: 0 errors, \d+ warnings/);
    expect(check.code).toBe(0);

    const again = run('import', 'keepachangelog', join(FIXTURES, 'styles.md'), '--unreleased', '4.0.0');
    expect(again.code).toBe(0);
    expect(again.stdout.toString('utf8')).toMatch(
      /\n0 versions created, 8 already there, 0 entries created, 27 skipped\.\n$/,
    );
  });

  it('puts every entry in --module, and sets versioning: semver when the changelog needs it', () => {
    const imported = run('import', 'keepachangelog', join(FIXTURES, 'commander.md'), '--module', 'stocks');
    expect(imported.code).toBe(0);
    const out = imported.stdout.toString('utf8');
    expect(out).toContain('  wrote content/roadbook.yml (versioning: semver)\n');
    expect(out).toMatch(/note: versioning: semver is set in content\/roadbook\.yml/);
    const check = run('check');
    expect(check.stderr).not.toMatch(/ error /);
    expect(check.code).toBe(0);
  });

  it('writes nothing with --dry-run', () => {
    const dry = run('import', 'keepachangelog', join(FIXTURES, 'commander.md'), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout.toString('utf8')).toMatch(/ {2}would write content\/versions\/15\.0\.0\/index\.md\n/);
    expect(dry.stdout.toString('utf8')).toMatch(/\nDry run, nothing written: 10 versions created/);
    expect(existsSync(join(root, 'content/versions'))).toBe(false);
  });

  it('refuses a file that is not a changelog, with its line and exit 1', () => {
    writeFileSync(join(root, 'notes.md'), 'Quelques notes\n\n## Idées\n\n- une idée\n');
    const bad = run('import', 'keepachangelog', 'notes.md');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'notes.md:3:1  error  This is not a Keep a Changelog file: it has no version heading (such as ## [1.2.0] - 2024-01-02)  import-input\n',
    );
  });

  it('refuses a file that is not UTF-8, and a file that does not exist', () => {
    writeFileSync(join(root, 'latin1.md'), Buffer.from('## 1.0.0\n\n- Corrig\xe9\n', 'latin1'));
    const latin1 = run('import', 'keepachangelog', 'latin1.md');
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toMatch(/^latin1\.md:3:9 {2}error {2}.+Windows-1252.+ {2}file-encoding\n$/);

    const missing = run('import', 'keepachangelog', 'CHANGELOG.md');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('roadbook: Cannot read CHANGELOG.md: there is no such file\n');
    for (const r of [latin1, missing]) expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('reports a type map naming an unknown type at the value', () => {
    writeFileSync(join(root, 'map.yml'), 'sections:\n  Added: feature\n');
    const bad = run('import', 'keepachangelog', join(FIXTURES, 'styles.md'), '--type-map', 'map.yml');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^map\.yml:2:10 {2}error {2}"feature" is not one of the types of roadbook\.yml .+ {2}unknown-type\n$/,
    );
    expect(existsSync(join(root, 'content/versions'))).toBe(false);
  });

  it('refuses a module roadbook.yml does not list, naming the ones it does', () => {
    const bad = run('import', 'keepachangelog', join(FIXTURES, 'styles.md'), '--module', 'compta');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'roadbook: --module "compta" is not one of the modules of roadbook.yml: facturation, stocks\n',
    );
  });
});

describe('roadbook import csv', { timeout: 60_000 }, () => {
  it('is a command that reads its file as the changelog importer does', () => {
    const csv = run('import', 'csv', 'export.csv', '--dry-run');
    expect(csv.code).toBe(1);
    expect(csv.stderr).toBe('roadbook: Cannot read export.csv: there is no such file\n');
  });
});
