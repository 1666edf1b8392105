/**
 * Every export format with the order by risk, the minimum set and carried results: the
 * exported bytes read back with csv-parse, exceljs and fast-xml-parser.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import schema from '../../../src/core/schemas/checklist.schema.json' with { type: 'json' };
import { buildChecklist, type Checklist } from '../../../src/core/checklist/index.ts';
import type { RunResults } from '../../../src/core/checklist/progress.ts';
import { exportChecklist, EXPORT_FORMATS, type ExportFormatId } from '../../../src/core/export/index.ts';
import type { ExportOptions } from '../../../src/core/export/labels.ts';
import { fixtureSource } from '../../fixtures/checklist/road-book.ts';
import { readWorkbook, rowValues } from '../../helpers/workbook.ts';

const checklist: Checklist = buildChecklist(fixtureSource(), { from: '14.0.0', to: '16.0.0', processes: ['cloture'] });
const hashOf = (id: string) => checklist.items.find((i) => i.id === id)!.hash;

const CARRIED = { run: 'run-april', name: 'Recette avril', date: '2026-04-10T09:00:00.000Z' };
const RESULTS: RunResults = {
  'GES-300#arrondi': {
    status: 'passed',
    tester: 'Marie',
    time: CARRIED.date,
    hash: hashOf('GES-300#arrondi'),
    carriedFrom: CARRIED,
  },
  'GES-201#lot': { status: 'failed', comment: 'Lot absent', tester: 'Paul', time: '2026-05-20T10:00:00.000Z' },
};

const RISK_MINIMUM: ExportOptions = { order: 'risk', minimum: true };
/** The minimum set of the path in risk order (tests/core/checklist/risk.test.ts explains it). */
const MINIMUM_IN_RISK_ORDER = [
  'GES-201#lot',
  'GES-500#lettrage-v2',
  'GES-300#arrondi',
  'GES-200#solde',
  'GES-701#formule',
  'process:cloture#1',
];

async function exported(id: ExportFormatId, options: ExportOptions = RISK_MINIMUM): Promise<Uint8Array> {
  const { data } = await exportChecklist(id, checklist, RESULTS, options);
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('exports arranged by risk, cut to the minimum set', () => {
  it('CSV: the rows in that order, and the carried-from column', async () => {
    const [header, ...rows] = parse(text(await exported('csv')), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.map((r) => r[0])).toEqual(MINIMUM_IN_RISK_ORDER);
    const carried = header!.indexOf('Reporté de');
    expect(carried).toBe(header!.length - 1);
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    expect(row('GES-300#arrondi')[carried]).toBe('Recette avril (2026-04-10T09:00:00.000Z)');
    expect(row('GES-201#lot')[carried]).toBe('');
  });

  it('CSV: every item in road book order without options', async () => {
    const rows = parse(text(await exported('csv', {})), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(checklist.items.map((i) => i.id));
  });

  it('XLSX: the rows in that order, and the carried-from column', async () => {
    const workbook = await readWorkbook(await exported('xlsx'));
    const sheet = workbook.worksheets[0]!;
    const header = rowValues(sheet, 1);
    expect(header.at(-1)).toBe('Reporté de');
    const ids = MINIMUM_IN_RISK_ORDER.map((_, i) => rowValues(sheet, i + 2)[0]);
    expect(ids).toEqual(MINIMUM_IN_RISK_ORDER);
    expect(sheet.rowCount).toBe(MINIMUM_IN_RISK_ORDER.length + 1);
    const arrondi = MINIMUM_IN_RISK_ORDER.indexOf('GES-300#arrondi') + 2;
    expect(sheet.getRow(arrondi).getCell(header.length).value).toBe('Recette avril (2026-04-10T09:00:00.000Z)');
  });

  it('Markdown: the task list in that order, a carried result named with its run', async () => {
    const md = text(await exported('md'));
    const steps = [...md.matchAll(/^- \[[ x]\] \*\*(.+?)\*\*/gm)].map((m) => m[1]);
    expect(steps).toEqual(MINIMUM_IN_RISK_ORDER.map((id) => checklist.items.find((i) => i.id === id)!.step));
    expect(md).toContain('Reporté de « Recette avril » (2026-04-10T09:00:00.000Z)');
  });

  it('JSON: the items in that order, how they were arranged, carriedFrom per result, valid against the schema', async () => {
    const value = JSON.parse(text(await exported('json')));
    expect(value.items.map((i: { id: string }) => i.id)).toEqual(MINIMUM_IN_RISK_ORDER);
    expect(value.arrangement).toEqual({ order: 'risk', minimum: true });
    expect(value.results['GES-300#arrondi'].carriedFrom).toEqual(CARRIED);
    const validator = z.fromJSONSchema(schema as unknown as Parameters<typeof z.fromJSONSchema>[0]);
    expect(validator.safeParse(value).error?.issues ?? []).toEqual([]);
    expect(JSON.parse(text(await exported('json', {}))).arrangement).toBeUndefined();
  });

  it('TestRail: the cases in that order', async () => {
    const parser = new XMLParser({ isArray: (name) => ['section', 'case'].includes(name) });
    const doc = parser.parse(text(await exported('testrail')));
    const titles = doc.sections.section.flatMap((s: { cases: { case: { title: string }[] } }) =>
      s.cases.case.map((c) => c.title),
    );
    expect(titles).toEqual([
      'GES-201 – Titre de GES-201',
      'GES-500 – Titre de GES-500',
      'GES-300 – Titre de GES-300',
      'GES-200 – Titre de GES-200',
      'GES-701 – =HYPERLINK("http://x") & *gras*',
      'Clôture mensuelle',
    ]);
  });

  it('Xray: the tests in that order, only the minimum set’s steps', async () => {
    const rows = parse(text(await exported('xray')), { columns: true }) as Record<string, string>[];
    // A cell that could be read as a formula is neutralised with a leading '.
    expect(rows.map((r) => r['Action']!.split('\n')[0]!.replace(/^'/, ''))).toEqual(
      MINIMUM_IN_RISK_ORDER.map((id) => checklist.items.find((i) => i.id === id)!.step),
    );
  });

  it('Azure DevOps: the test cases in that order', async () => {
    const rows = parse(text(await exported('azure')), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r['Work Item Type'] === 'Test Case').map((r) => r['Title'])).toEqual([
      'GES-201 – Titre de GES-201',
      'GES-500 – Titre de GES-500',
      'GES-300 – Titre de GES-300',
      'GES-200 – Titre de GES-200',
      'GES-701 – =HYPERLINK("http://x") & *gras*',
      'Clôture mensuelle',
    ]);
  });

  it('every format takes the arrangement', () => {
    expect(EXPORT_FORMATS.map((f) => f.id).sort()).toEqual(['azure', 'csv', 'json', 'md', 'testrail', 'xlsx', 'xray']);
  });
});
