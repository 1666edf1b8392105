import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { PEOPLE_HEADER_FR } from '../helpers/people-header.ts';
import { readWorkbook } from '../helpers/workbook.ts';
import { runCli } from './run-cli.ts';

const ROOT = ['--root', 'tests/fixtures/cli'];
const tmp = mkdtempSync(join(tmpdir(), 'roadbook-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function json(args: string[]) {
  const run = runCli(['checklist', ...ROOT, ...args]);
  expect(run.stderr).not.toMatch(/roadbook: /);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout.toString('utf8'));
}

describe('roadbook checklist', () => {
  it('writes the checklist object of a path as JSON by default', () => {
    const checklist = json(['--from', '1.0.0', '--to', '2.0.0']);
    expect(checklist).toMatchObject({ schema: 1, product: 'Testan', from: '1.0.0', to: '2.0.0' });
    // The withdrawn 1.2.0 is passed over, its entry V-2 superseded by V-3 on the same path.
    expect(checklist.versions).toEqual(['1.1.0', '1.2.0', '2.0.0']);
    expect(checklist.items.map((i: { id: string }) => i.id)).toEqual([
      'V-3#relancer-un-client-en-retard',
      'V-3#consulter-l-historique',
      'S-1#valoriser',
    ]);
    expect(checklist.warnings.map((w: { code: string }) => w.code)).toEqual(['minimum-from']);
    expect(checklist.dataChanges[0]).toMatchObject({ kind: 'database', version: '2.0.0', from: '1', to: '2' });
    expect(checklist.items[0].url).toBe('/versions/2.0.0/V-3/');
    expect(checklist.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('covers version --to alone without --from', () => {
    const checklist = json(['--to', '1.1.0']);
    expect(checklist.from).toBeNull();
    expect(checklist.versions).toEqual(['1.1.0']);
    expect(checklist.items).toHaveLength(1);
  });

  it('filters by module and edition', () => {
    // V-3 (ventes, stocks) sorts under stocks, its first selected module, after the older S-1.
    expect(
      json(['--from', '1.0.0', '--to', '2.0.0', '--module', 'stocks']).items.map((i: { entry: string }) => i.entry),
    ).toEqual(['S-1', 'V-3', 'V-3']);
    expect(json(['--from', '1.1.0', '--to', '2.0.0', '--module', 'ventes', '--module', 'stocks']).items).toHaveLength(
      2,
    );
  });

  it('adds catalogue processes and the company file as process items', () => {
    const checklist = json(['--to', '2.0.0', '--processes', 'tests/fixtures/cli/content/company.yml']);
    const processItems = checklist.items.filter((i: { entry: string | null }) => i.entry === null);
    expect(processItems.map((i: { id: string }) => i.id)).toEqual([
      'process:inventaire#1',
      'process:inventaire#2',
      'process:facturation-maison#1',
    ]);
  });

  it.each([
    [['--from', '2.0.0', '--to', '1.1.0'], /retour arrière/],
    [['--to', '1.2.0'], /retirée/],
    [['--to', '2.1.0'], /Aucune version « 2\.1\.0 »/],
    [['--to', '9.9.9'], /Choisissez parmi : 1\.0\.0, 1\.1\.0, 2\.0\.0/],
    [['--to', '2.0.0', '--module', 'paie'], /Modules : ventes \(Ventes\), stocks \(Stocks\)/],
    [['--to', '2.0.0', '--edition', 'premium'], /standard/],
  ])('refuses %j with a message naming the valid choices', (args, message) => {
    const run = runCli(['checklist', ...ROOT, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout.length).toBe(0);
  });

  it('lets drafts be a target with --drafts', () => {
    expect(json(['--to', '2.1.0', '--drafts']).to).toBe('2.1.0');
  });

  it('writes CSV for people with BOM, semicolons and neutralised formulas', () => {
    const run = runCli(['checklist', ...ROOT, '--from', '1.0.0', '--to', '2.0.0', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect([...run.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(run.stdout.subarray(3).toString('utf8'), { delimiter: ';' });
    expect(rows[0]).toEqual(PEOPLE_HEADER_FR);
    const valoriser = rows.find((r: string[]) => r[0] === 'S-1#valoriser')!;
    expect(valoriser[3]).toBe('Valorisation =CUMP');
    expect(valoriser[4]).toMatch(/^'=SOMME\(A1\)/);
    expect(valoriser[5]).toBe("'+12 articles valorisés");
  });

  it('needs --out for XLSX and writes a workbook there', async () => {
    const refused = runCli(['checklist', ...ROOT, '--to', '2.0.0', '--format', 'xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--out/);

    const out = join(tmp, 'recette.xlsx');
    const run = runCli(['checklist', ...ROOT, '--from', '1.0.0', '--to', '2.0.0', '--format', 'xlsx', '--out', out]);
    expect(run.code).toBe(0);
    const workbook = await readWorkbook(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A2').value).toBe('V-3#relancer-un-client-en-retard');
    expect(workbook.worksheets).toHaveLength(2);
  });

  it.each(['md', 'testrail', 'xray', 'azure'])('writes the %s format', (format) => {
    const run = runCli(['checklist', ...ROOT, '--from', '1.0.0', '--to', '2.0.0', '--format', format]);
    expect(run.code).toBe(0);
    expect(run.stdout.toString('utf8')).toContain('V-3');
  });

  it('refuses an unknown format with exit code 2', () => {
    const run = runCli(['checklist', ...ROOT, '--to', '2.0.0', '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are csv, xlsx, md, json, testrail, xray, azure/);
  });
});

describe('roadbook checklist with known issues', () => {
  const KNOWN = ['--root', 'tests/fixtures/known-issues'];

  it('says the open issues of the target and a better target, and writes their items', () => {
    const run = runCli(['checklist', ...KNOWN, '--from', '15.0.0', '--to', '15.1.0', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter((l) => /^(known issue|better target):/.test(l))).toEqual([
      'known issue: KI-remise (15.0.0) La remise globale est appliquée deux fois — Bloquant — contournement : Saisir la remise ligne par ligne. — corrigé en 15.1.1 par GES-21',
      "known issue: KI-stock (15.1.0) L'inventaire tournant bloque les mouvements — Majeur — contournement : Lancer l'inventaire hors des heures de saisie.",
      'known issue: KI-balance (15.0.0) La balance âgée omet les avoirs — Mineur — contournement : Éditer les avoirs à part.',
      'better target: Meilleure cible : la version 15.2.0 corrige KI-remise.',
    ]);
    const rows = parse(run.stdout, { bom: true, delimiter: ';' }) as string[][];
    expect(rows.map((r) => r[0]).filter((id) => id!.startsWith('known:'))).toEqual([
      'known:KI-remise',
      'known:KI-stock',
      'known:KI-balance',
    ]);
    expect(rows.find((r) => r[0] === 'known:KI-remise')![6]).toBe('Critique');
  });

  it('keeps to the modules asked for', () => {
    const run = runCli(['checklist', ...KNOWN, '--to', '15.3.0', '--module', 'comptabilite']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/better target/);
    const checklist = JSON.parse(run.stdout.toString('utf8'));
    expect(checklist.knownIssues.map((i: { id: string }) => i.id)).toEqual(['KI-balance']);
  });
});
