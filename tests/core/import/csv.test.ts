import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../src/core/diagnostics.ts';
import { planFromCsv, readCsvMap, type CsvMap } from '../../../src/core/import/csv.ts';
import { ImportInputError, type ImportPlan } from '../../../src/core/import/plan.ts';
import { parseConfig } from '../../../src/core/read/config.ts';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';
import { writeImportPlan } from '../../helpers/write-import-plan.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
const SAMPLE_CONFIG = fileURLToPath(new URL('../../../content/roadbook.yml', import.meta.url));
const BOOK = join(FIXTURES, 'roadbook');

const fixture = (name: string) => readFile(join(FIXTURES, name), 'utf8');
const config = parseConfig(await readFile(SAMPLE_CONFIG, 'utf8'), 'roadbook.yml', new DiagnosticList());

async function plan(name: string, map: CsvMap | null = null, existingVersions?: string[]): Promise<ImportPlan> {
  return planFromCsv({ text: await fixture(name), file: name, config, map, existingVersions });
}

async function inputError(text: string): Promise<ImportInputError> {
  try {
    planFromCsv({ text, file: 'x.csv', config, map: null });
  } catch (error) {
    if (error instanceof ImportInputError) return error;
    throw error;
  }
  throw new Error('the CSV was accepted');
}

describe('planFromCsv on a Jira export with every quoting trap', () => {
  const traps = plan('jira-traps.csv');

  it('reads a BOM, CRLF, doubled quotes and multi-line cells, keeping the description as written', async () => {
    const { entries } = await traps;
    expect(entries.map((e) => e.id)).toEqual(['GES-5501', 'GES-5502', 'GES-5506', 'GES-5507']);
    const relance = entries[1]!;
    expect(relance.title).toBe('Relance, par courriel, des "factures" impayées');
    expect(relance.body).toBe(
      'Première ligne, avec virgule.\n\nUne ligne après une ligne vide, avec "guillemets".\n\n' +
        '## Vérifications\n\n- [ ] Relancer une facture échue → un courriel part au client',
    );
    expect(entries[3]!.body).toBe('---\ntitle: pas une clé\n---');
  });

  it('gives each row the physical line it starts on, after multi-line cells and blank lines', async () => {
    const { entries, skipped } = await traps;
    expect(entries.map((e) => e.line)).toEqual([2, 3, 14, 16]);
    expect(skipped.map((s) => [s.line, s.what])).toEqual([
      [11, 'GES-5503'],
      [12, 'GES-5504'],
      [13, 'GES-5505'],
      [19, 'GES-5508'],
    ]);
  });

  it('says why each skipped row was not written', async () => {
    const { skipped } = await traps;
    expect(skipped.map((s) => s.why)).toEqual([
      'the issue type "Epic" maps to no type (add it under `types:` in the map file)',
      'the row has no fix version',
      'the component "Banque" is no module of roadbook.yml',
      'the row has no summary',
    ]);
  });

  it('maps issue types by the default table, French and English, case and accents ignored', async () => {
    const { entries } = await traps;
    expect(entries.map((e) => e.type)).toEqual(['correction', 'nouveaute', 'evolution', 'securite']);
  });

  it('counts every repeated column and matches components to modules by id or label', async () => {
    const [arrondi, relance] = (await traps).entries;
    // `COMPTABILITE` is the label "Comptabilité" without its accent; `Ventes` the id in capitals.
    expect(arrondi!.modules).toEqual(['facturation', 'comptabilite']);
    expect(arrondi!.tags).toEqual(['tva', 'avoirs']);
    expect(relance!.modules).toEqual(['ventes']);
  });

  it('puts an entry with several fix versions in the earliest, and lists each version once as a draft', async () => {
    const { entries, versions } = await traps;
    expect(entries[1]!.version).toBe('15.4.0');
    expect(versions.map((v) => [v.version, v.status, v.date, v.line])).toEqual([
      ['15.3.1', 'draft', null, 14],
      ['15.4.0', 'draft', null, 2],
    ]);
  });

  it('takes the key as id and ticket, and says the Priority column is not imported', async () => {
    const { entries, notes } = await traps;
    expect(entries[0]).toMatchObject({ id: 'GES-5501', tickets: ['GES-5501'], breaking: false });
    expect(notes).toEqual([expect.stringMatching(/^The Priority column is not imported/)]);
  });

  it('gives a fix version the road book already holds its spelling there (15.4 for 15.4.0)', async () => {
    const { entries, versions } = await plan('jira-traps.csv', null, ['15.4']);
    expect(entries.map((e) => e.version)).toEqual(['15.4', '15.4', '15.3.1', '15.4']);
    expect(versions.map((v) => v.version)).toEqual(['15.3.1', '15.4']);
  });
});

describe('planFromCsv on other files', () => {
  it('detects `;` as the separator, with commas inside cells', async () => {
    const { entries } = await plan('semicolon.csv');
    expect(entries.map((e) => [e.id, e.title, e.type, e.modules])).toEqual([
      ['GES-6001', 'Export FEC, séparateur décimal', 'correction', ['comptabilite']],
      ['GES-6002', 'Nouvel état des stocks', 'nouveaute', ['stocks']],
    ]);
    expect(entries[0]!.body).toBe('Le séparateur ; était mal échappé, et la virgule aussi');
  });

  it('reads a Redmine export through a map file: columns, type values, module values, default module', async () => {
    const { map, diagnostics } = readCsvMap(await fixture('redmine-map.yml'), 'redmine-map.yml');
    expect(diagnostics).toEqual([]);
    const result = await plan('redmine.csv', map);
    expect(result.entries.map((e) => [e.id, e.type, e.modules, e.body])).toEqual([
      ['4512', 'correction', ['paie'], 'Le calcul ignorait les jours fériés.'],
      ['4513', 'evolution', ['paie'], ''],
    ]);
    expect(result.skipped).toEqual([
      {
        line: 4,
        what: '4514',
        why: 'the issue type "Support" maps to no type (add it under `types:` in the map file)',
      },
    ]);
    expect(result.notes).toEqual([]);
  });

  it('skips a key met twice, naming the first line', async () => {
    const text =
      'Issue key,Summary,Issue Type,Fix Version/s,Component/s\nGES-1,Un,Bug,15.4.0,ventes\nges-1,Deux,Bug,15.4.0,ventes\n';
    const result = planFromCsv({ text, file: 'x.csv', config, map: null });
    expect(result.entries.map((e) => e.id)).toEqual(['GES-1']);
    expect(result.skipped).toEqual([{ line: 3, what: 'ges-1', why: 'the key appears again (first on line 2)' }]);
  });

  it('skips a fix version that is not a version and a key that cannot be an id', async () => {
    const text =
      'Issue key,Summary,Issue Type,Fix Version/s,Component/s\nGES-1,Un,Bug,Backlog,ventes\nGES 2,Deux,Bug,15.4.0,ventes\n';
    const result = planFromCsv({ text, file: 'x.csv', config, map: null });
    expect(result.entries).toEqual([]);
    expect(result.skipped.map((s) => [s.line, s.why])).toEqual([
      [2, 'the fix version "Backlog" is not a version string'],
      [3, 'the key "GES 2" cannot be an entry id (letters, digits, . _ - ; 64 at most)'],
    ]);
  });
});

describe('bad CSV input', () => {
  it('points an unclosed quote at the line where the cell opens, not at the end of the file', async () => {
    const error = await inputError(await fixture('unclosed.csv'));
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      'Not a readable CSV: the quoted cell that opens on line 3 is never closed (a " is missing)',
    );
  });

  it('reports a stray quote inside a cell with its line', async () => {
    const error = await inputError(await fixture('stray-quote.csv'));
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      'Not a readable CSV: line 3: a quote (") inside a cell that does not start with one; quote the whole cell and write the quote twice ("")',
    );
  });

  it('reports a row with more cells than the header', async () => {
    const error = await inputError('Issue key,Summary,Issue Type,Fix Version/s\nGES-1,Un,Bug,15.4.0,en trop\n');
    expect([error.line, error.message]).toEqual([
      2,
      'Not a readable CSV: line 2: this row does not have as many cells as the header row',
    ]);
  });

  it('names the columns it needs and the ones it found', async () => {
    const error = await inputError(await fixture('no-columns.csv'));
    expect(error.line).toBe(1);
    expect(error.message).toBe(
      'The header row lacks a column named "Issue key"; "Summary"; "Issue Type"; "Fix Version/s" or "Fix versions" (found: "Key", "Title"); name the columns with --map map.yml',
    );
  });

  it('refuses an empty file', async () => {
    expect((await inputError('\uFEFF\r\n')).message).toMatch(/^The file is empty/);
  });
});

describe('readCsvMap', () => {
  it('reports every problem of a map file at its line and column', async () => {
    const { map, diagnostics } = readCsvMap(await fixture('bad-map.yml'), 'bad-map.yml');
    expect(map).toBeNull();
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      '3:3 warning unknown-key Unknown key `sumary`; did you mean `summary`?',
      '4:9 error missing-field `columns.type` needs at least one value',
      "6:13 error wrong-type `types.Anomalie` must be the id of one of roadbook.yml's types (letters, digits, . _ -)",
      "8:7 error invalid-id `modules.RH` must be the id of one of roadbook.yml's modules (letters, digits, . _ -)",
    ]);
  });

  it('reports YAML that cannot be read', () => {
    const { map, diagnostics } = readCsvMap('columns:\n  key: "#\n', 'm.yml');
    expect(map).toBeNull();
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml-syntax', file: 'm.yml' });
  });

  it('keeps a value named __proto__ as data', () => {
    const { map } = readCsvMap('types:\n  __proto__: correction\n', 'm.yml');
    expect(map!.types.get('__proto__')).toBe('correction');
    expect(map!.types.get('bug')).toBe('correction');
  });
});

describe('what the CSV planner plans', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('is a road book that check accepts without an error', async () => {
    const root = await mkdtemp(join(tmpdir(), 'roadbook-csv-'));
    dirs.push(root);
    await cp(BOOK, root, { recursive: true });
    const bookConfig = parseConfig(
      await readFile(join(BOOK, 'content/roadbook.yml'), 'utf8'),
      'roadbook.yml',
      new DiagnosticList(),
    );
    const existing = ['15.4'];
    const planned = planFromCsv({
      text: await fixture('jira-traps.csv'),
      file: 'jira-traps.csv',
      config: bookConfig,
      map: null,
      existingVersions: existing,
    });
    await writeImportPlan(root, planned, existing);

    const result = await loadRoadBook(root, { drafts: true, workers: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.book.entries.map((e) => [e.id, e.version]).sort()).toEqual([
      ['GES-5501', '15.4'],
      ['GES-5502', '15.4'],
      ['GES-5506', '15.3.1'],
      ['GES-5507', '15.4'],
    ]);
    const relance = result.book.entries.find((e) => e.id === 'GES-5502')!;
    expect(relance.items.map((i) => [i.step, i.expect])).toEqual([
      ['Relancer une facture échue', 'un courriel part au client'],
    ]);
  });
});
