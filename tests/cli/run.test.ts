import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdOf } from '../../src/core/build-id.ts';
import { buildChecklist, sourceFromRoadBook } from '../../src/core/checklist/index.ts';
import type { RunResults } from '../../src/core/checklist/progress.ts';
import { loadRoadBook } from '../../src/core/read/road-book.ts';
import { procedureItems } from '../../src/core/run/procedure.ts';
import { reportFormat } from '../../src/core/run/report-formats.ts';
import { parseProgressFile, progressFileText } from '../../src/core/run/saved.ts';
import { signOffReport } from '../../src/core/run/signoff.ts';
import type { SavedRun } from '../../src/core/run/types.ts';
import { PROJECT, runCli } from './run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'roadbook-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SCOPE = { product: 'Testan', base: '/', buildId: 'b1' };
const DIAGNOSTIC = /^\S+:\d+:\d+ {2}error {2}.+ {2}[a-z-]+$/m;

function run(results: RunResults, id = 'run-1'): SavedRun {
  return {
    id,
    name: 'Recette 2.0.0',
    created: '2026-05-20T08:00:00.000Z',
    updated: '2026-05-20T09:00:00.000Z',
    buildId: 'b1',
    request: { from: '1.0.0', to: '2.0.0', modules: [], editions: [], processes: [] },
    results,
    signOff: null,
  };
}

function progress(name: string, runs: SavedRun[]): string {
  const path = join(tmp, name);
  writeFileSync(path, progressFileText(runs, SCOPE, new Date('2026-05-21T00:00:00.000Z')));
  return path;
}

const time = (hh: string) => `2026-05-20T${hh}:00.000Z`;

// Each test starts the CLI as a process, some several times: slow on a busy machine.
describe('roadbook run merge', { timeout: 60_000 }, () => {
  const marie = progress('marie.json', [
    run({
      'V-3#a': {
        status: 'failed',
        comment: 'La relance part deux fois',
        tester: 'Marie',
        time: time('10:00'),
        rev: 'm1',
      },
      'V-3#b': { status: 'passed', tester: 'Marie', time: time('10:05'), rev: 'm2' },
      'S-1#c': { status: 'passed', tester: 'Marie', time: time('10:10'), rev: 'm3' },
    }),
  ]);
  const paul = progress('paul.json', [
    run({
      'V-3#a': { status: 'passed', tester: 'Paul', time: time('11:00'), rev: 'p1' },
      'V-3#b': { status: 'untested', tester: 'Paul', time: time('11:00'), rev: 'p2' },
      'S-1#c': { status: 'passed', tester: 'Paul', time: time('11:10'), rev: 'p3' },
      'S-1#d': { status: 'na', comment: 'Pas chez nous', tester: 'Paul', time: time('11:20'), rev: 'p4' },
    }),
  ]);
  const marieLater = progress('marie-later.json', [
    run({ 'V-3#a': { status: 'passed', comment: 'Corrigé', tester: 'Marie', time: time('12:00'), rev: 'm9' } }),
  ]);

  it('lists every conflict of different testers, exits 1 and writes nothing', () => {
    const out = join(tmp, 'merged-conflict.json');
    const result = runCli(['run', 'merge', marie, paul, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout.toString('utf8')).toBe('V-3#a  Marie: failed/La relance part deux fois  Paul: passed\n');
    expect(result.stderr).toMatch(/1 item with different results by different testers.*Nothing written/s);
    expect(existsSync(out)).toBe(false);
  });

  it('with --prefer newest keeps the most recent of a conflict and writes the merge', () => {
    const out = join(tmp, 'merged-newest.json');
    const result = runCli(['run', 'merge', marie, paul, '--out', out, '--prefer', 'newest']);
    expect(result.stderr).toMatch(/Merged 2 files: 1 run, 4 results/);
    expect(result.code).toBe(0);
    const merged = parseProgressFile(readFileSync(out, 'utf8'), SCOPE, 'en');
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const results = merged.runs[0]!.results;
    expect(results['V-3#a']).toMatchObject({ status: 'passed', tester: 'Paul' });
    expect(results['V-3#a']!.conflict).toBeUndefined();
    // An untested side never overwrites; the same result is kept once; what is only there is taken.
    expect(results['V-3#b']).toMatchObject({ status: 'passed', tester: 'Marie' });
    expect(results['S-1#c']).toMatchObject({ status: 'passed', tester: 'Marie' });
    expect(results['S-1#d']).toMatchObject({ status: 'na', comment: 'Pas chez nous' });
  });

  it('takes the most recent result of the same tester without a conflict', () => {
    const out = join(tmp, 'merged-marie.json');
    const result = runCli(['run', 'merge', marie, marieLater, '--out', out]);
    expect(result.code).toBe(0);
    const merged = parseProgressFile(readFileSync(out, 'utf8'), SCOPE, 'en');
    expect(merged.ok && merged.runs[0]!.results['V-3#a']).toMatchObject({ status: 'passed', comment: 'Corrigé' });
  });

  it('refuses a file that is not a progress file with a diagnostic, exit 2, no stack trace', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{ "format": "roadbook-progress", ');
    const out = join(tmp, 'never.json');
    const result = runCli(['run', 'merge', marie, bad, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(DIAGNOSTIC);
    expect(result.stderr).toContain('bad.json:1:1  error');
    expect(result.stderr).toMatch(/progress-invalid\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    const missing = runCli(['run', 'merge', join(tmp, 'nope.json'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json:1:1 {2}error {2}Cannot read this file {2}progress-invalid/);
  });

  it('asks for --out', () => {
    const result = runCli(['run', 'merge', marie]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out <file>');
  });
});

describe('roadbook run verify', { timeout: 60_000 }, () => {
  const root = join(tmp, 'book');
  let markdown = '';
  let json = '';

  beforeAll(async () => {
    cpSync(join(PROJECT, 'tests/fixtures/cli'), root, { recursive: true });
    const loaded = await loadRoadBook(root);
    const checklist = buildChecklist(sourceFromRoadBook(loaded.book, { buildId: buildIdOf(loaded.book) }), {
      from: '1.0.0',
      to: '2.0.0',
    });
    const [first] = checklist.items;
    const report = signOffReport({
      checklist,
      procedure: procedureItems(checklist),
      results: { [first!.id]: { status: 'failed', comment: 'Part deux fois', tester: 'Marie', time: time('10:00') } },
      form: {
        environment: 'Test',
        place: 'Lyon',
        date: '2026-05-22',
        testers: 'Marie',
        decision: 'refused',
        parties: [{ role: 'Responsable', name: 'Marie' }],
        notes: '',
      },
      pathEntryIds: new Set(),
      now: new Date('2026-05-22T16:00:00.000Z'),
    });
    markdown = join(tmp, 'report.signoff.md');
    writeFileSync(markdown, await reportFormat('signoff-md')!.export(report));
    json = join(tmp, 'report.signoff.json');
    writeFileSync(json, await reportFormat('signoff-json')!.export(report));
  }, 30_000);

  it('exits 0 for a report as made, sealed and unchanged, Markdown or JSON', () => {
    for (const file of [markdown, json]) {
      const result = runCli(['run', 'verify', file, '--root', root]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.toString('utf8')).toMatch(/^Sealed and unchanged: seal [0-9a-f]{64}\n/);
      expect(result.stdout.toString('utf8')).toContain('No item of the report changed on the road book since.');
    }
  });

  it('exits 1 for a report edited by hand', () => {
    const edited = join(tmp, 'edited.signoff.md');
    writeFileSync(edited, readFileSync(markdown, 'utf8').replace('Part deux fois', 'Part une fois'));
    const result = runCli(['run', 'verify', edited, '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stdout.toString('utf8')).toMatch(/^Changed after it was made: .*\(and its text was edited\)/);
  });

  it('exits 1 and lists the items of an entry changed on the road book since', () => {
    const entry = join(root, 'content/versions/2.0.0/V-3.md');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('une seule fois', 'une fois, pas deux'));
    try {
      const result = runCli(['run', 'verify', json, '--root', root]);
      expect(result.code).toBe(1);
      const out = result.stdout.toString('utf8');
      expect(out).toMatch(/^Sealed and unchanged/);
      expect(out).toMatch(/^changed {2}V-3#relancer-un-client-en-retard {2}[0-9a-f]{64} → [0-9a-f]{64}$/m);
      expect(out).toMatch(/^changed {2}V-3#consulter-l-historique /m);
      expect(out).not.toMatch(/S-1#/);
    } finally {
      cpSync(join(PROJECT, 'tests/fixtures/cli/content/versions/2.0.0/V-3.md'), entry);
    }
  });

  it('exits 2 with a diagnostic for a file that is not a sealed report', () => {
    const plain = join(tmp, 'plain.md');
    writeFileSync(plain, '# PV\n\nsans sceau\n');
    const result = runCli(['run', 'verify', plain, '--root', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/plain\.md:4:1 {2}error {2}This file carries no seal.* {2}report-invalid\n$/);
    const broken = join(tmp, 'broken.json');
    // A comma left after the last member, as a hand edit leaves it.
    writeFileSync(broken, '{\n  "format": "roadbook-signoff",\n}');
    const bad = runCli(['run', 'verify', broken, '--root', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.json:3:1 {2}error {2}This JSON file cannot be read/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
