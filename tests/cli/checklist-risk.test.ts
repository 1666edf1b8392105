/** `roadbook checklist --order risk --minimum`, run as a process on a small road book. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook, rowValues } from '../helpers/workbook.ts';
import { runCli } from './run-cli.ts';

/**
 * 1.0.0 → 2.0.0 of tests/fixtures/cli-risk: R-1 (a low and a critical item), R-2 (required
 * action), R-3 (breaking), R-4 (data change, low item), and the `cloture` process.
 */
const PATH = ['--root', 'tests/fixtures/cli-risk', '--from', '1.0.0', '--to', '2.0.0', '--process', 'cloture'];
const tmp = mkdtempSync(join(tmpdir(), 'roadbook-cli-risk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function ids(args: string[]): string[] {
  const run = runCli(['checklist', ...PATH, ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout.toString('utf8')).items.map((i: { id: string }) => i.id);
}

// Each case starts the CLI once or twice (about 2 s each on a loaded machine).
describe('roadbook checklist --order risk --minimum', { timeout: 30_000 }, () => {
  it('keeps the road book order by default', () => {
    expect(ids([])).toEqual([
      'R-1#libelle',
      'R-1#urgent',
      'R-2#imprimer',
      'R-3#remise',
      'R-4#lot',
      'process:cloture#1',
    ]);
  });

  it('orders by risk: data change, breaking, action, then by priority', () => {
    expect(ids(['--order', 'risk'])).toEqual([
      'R-4#lot',
      'R-3#remise',
      'R-2#imprimer',
      'R-1#libelle',
      'R-1#urgent',
      'process:cloture#1',
    ]);
  });

  it('cuts to the minimum set, in either order', () => {
    expect(ids(['--minimum'])).toEqual(['R-1#urgent', 'R-4#lot', 'process:cloture#1']);
    expect(ids(['--order', 'risk', '--minimum'])).toEqual(['R-4#lot', 'R-1#urgent', 'process:cloture#1']);
  });

  it('says how the JSON was arranged', () => {
    const run = runCli(['checklist', ...PATH, '--order', 'risk', '--minimum']);
    expect(JSON.parse(run.stdout.toString('utf8')).arrangement).toEqual({ order: 'risk', minimum: true });
  });

  it('arranges the CSV and the XLSX the same way', async () => {
    const csv = runCli(['checklist', ...PATH, '--order', 'risk', '--minimum', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout.subarray(3).toString('utf8'), { delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(['R-4#lot', 'R-1#urgent', 'process:cloture#1']);

    const out = join(tmp, 'minimum.xlsx');
    const xlsx = runCli(['checklist', ...PATH, '--order', 'risk', '--minimum', '--format', 'xlsx', '--out', out]);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stderr).toMatch(/^Wrote 3 items of 2\.0\.0 to /);
    const sheet = (await readWorkbook(out)).worksheets[0]!;
    expect([2, 3, 4].map((r) => rowValues(sheet, r)[0])).toEqual(['R-4#lot', 'R-1#urgent', 'process:cloture#1']);
  });

  it('refuses an unknown order with the valid ones', () => {
    const run = runCli(['checklist', ...PATH, '--order', 'danger']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are road-book, risk/);
    expect(run.stdout.length).toBe(0);
  });
});
