import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  const useRoadBook = () => cpSync(join(FIXTURES, 'roadbook/content'), join(root, 'content'), { recursive: true });

  it('writes one entry per row into the versions, says what it skipped and why, and check accepts the result', () => {
    useRoadBook();
    const imported = run('import', 'csv', join(FIXTURES, 'jira-traps.csv'));
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const out = imported.stdout.toString('utf8');
    // `15.4.0` of the tracker is the road book's `15.4`: its rows go there.
    expect(out).toContain('  wrote content/versions/15.4/GES-5502-relance-par-courriel-des-factures-impayees.md\n');
    expect(out).toContain('  wrote content/versions/15.3.1/index.md\n');
    expect(out).toMatch(/jira-traps\.csv:11 {2}skipped {2}GES-5503: the issue type "Epic" maps to no type/);
    expect(out).toMatch(/jira-traps\.csv:12 {2}skipped {2}GES-5504: the row has no fix version/);
    expect(out).toMatch(/jira-traps\.csv:13 {2}skipped {2}GES-5505: the component "Banque" is no module/);
    expect(out).toMatch(/\n1 versions created, 1 already there, 4 entries created, 4 skipped\.\n/);
    // The multi-line quoted cell is the body as written; the title keeps its quotes and comma.
    const written = readFileSync(
      join(root, 'content/versions/15.4/GES-5502-relance-par-courriel-des-factures-impayees.md'),
      'utf8',
    );
    expect(written).toContain('title: Relance, par courriel, des "factures" impayées\n');
    expect(written).toContain('\nUne ligne après une ligne vide, avec "guillemets".\n');

    const check = run('check');
    expect(check.stderr).toMatch(/: 0 errors, \d+ warnings?\n/);
    expect(check.code).toBe(0);

    const before = snapshot(join(root, 'content'));
    const again = run('import', 'csv', join(FIXTURES, 'jira-traps.csv'));
    expect(again.code).toBe(0);
    expect(again.stdout.toString('utf8')).toMatch(
      /\n0 versions created, 2 already there, 0 entries created, 8 skipped\.\n/,
    );
    expect(snapshot(join(root, 'content'))).toEqual(before);
  });

  it('reads another tracker through --map, and writes nothing with --dry-run', () => {
    useRoadBook();
    const before = snapshot(join(root, 'content'));
    const dry = run(
      'import',
      'csv',
      join(FIXTURES, 'redmine.csv'),
      '--map',
      join(FIXTURES, 'redmine-map.yml'),
      '--dry-run',
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout.toString('utf8')).toContain(
      '  would write content/versions/15.4/4512-calcul-des-conges-payes.md\n',
    );
    expect(snapshot(join(root, 'content'))).toEqual(before);

    const imported = run('import', 'csv', join(FIXTURES, 'redmine.csv'), '--map', join(FIXTURES, 'redmine-map.yml'));
    expect(imported.code).toBe(0);
    expect(imported.stdout.toString('utf8')).toMatch(/redmine\.csv:4 {2}skipped {2}4514: the issue type "Support"/);
    expect(readFileSync(join(root, 'content/versions/15.4/4512-calcul-des-conges-payes.md'), 'utf8')).toMatch(
      /\nid: "4512"\n[\s\S]*\nmodules:\n {2}- paie\n/,
    );
    expect(run('check').code).toBe(0);
  });

  it('refuses a CSV it cannot read at the line where the trouble opens, and a bad map at its value', () => {
    useRoadBook();
    const unclosed = run('import', 'csv', join(FIXTURES, 'unclosed.csv'));
    expect(unclosed.code).toBe(1);
    expect(unclosed.stderr).toMatch(/unclosed\.csv:3:1 {2}error {2}.+never closed.+ {2}import-input\n$/);
    expect(unclosed.stderr).not.toMatch(STACK_TRACE);

    const badMap = run('import', 'csv', join(FIXTURES, 'redmine.csv'), '--map', join(FIXTURES, 'bad-map.yml'));
    expect(badMap.code).toBe(1);
    expect(badMap.stderr).toMatch(/bad-map\.yml:\d+:\d+ {2}error /);
    expect(badMap.stderr).not.toMatch(STACK_TRACE);

    const missing = run('import', 'csv', 'export.csv', '--dry-run');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('roadbook: Cannot read export.csv: there is no such file\n');
  });
});

/** Every file under `dir` with its text, to tell that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (name.isFile()) {
      const path = join(name.parentPath, name.name);
      files[path.slice(dir.length)] = readFileSync(path, 'utf8');
    }
  }
  return files;
}
