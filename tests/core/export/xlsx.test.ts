import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx, listFormula, XLSX_WIDTHS } from '../../../src/core/export/xlsx.ts';
import { PEOPLE_COLUMNS } from '../../../src/core/export/table.ts';
import { exportedChecklist, RESULTS } from '../../fixtures/checklist/run.ts';
import { PEOPLE_HEADER_FR } from '../../helpers/people-header.ts';
import { readWorkbook, rowValues } from '../../helpers/workbook.ts';

describe('XLSX', () => {
  let workbook: ExcelJS.Workbook;
  let items: ExcelJS.Worksheet;
  let path: ExcelJS.Worksheet;

  beforeAll(async () => {
    const bytes = await exportXlsx(exportedChecklist(), RESULTS);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    workbook = await readWorkbook(bytes);
    items = workbook.worksheets[0]!;
    path = workbook.worksheets[1]!;
  });

  it('has a sheet of items and a sheet of the path', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Vérifications', 'Parcours']);
  });

  it('holds one row per item with the CSV columns', () => {
    expect(rowValues(items, 1)).toEqual(PEOPLE_HEADER_FR);
    expect(items.rowCount).toBe(7);
    expect(rowValues(items, 2)).toEqual(
      [
        'GES-500#lettrage-v2',
        '15.3.0',
        'Facturation',
        'Titre de GES-500',
        'Lettrer partiellement une facture (v2)',
        null,
        'Basse',
        'OK',
        null,
        null,
        'Marie',
        '2026-05-20T14:03:00.000Z',
      ].map((v) => v ?? undefined),
    );
    expect(items.getCell('A7').value).toBe('process:cloture#1');
    expect(items.getCell('H7').value).toBe('Bloqué');
  });

  it('writes text as string cells, as it was written: no formula, no leading apostrophe', () => {
    const row = items.getRow(5);
    expect(row.getCell(1).value).toBe('GES-701#formule');
    expect(row.getCell(4).value).toBe('=HYPERLINK("http://x") & *gras*');
    expect(row.getCell(5).value).toBe('=SUM(A1)\nMenu : @menu\nPrérequis : -x');
    expect(row.getCell(6).value).toBe('＋1');
    expect(row.getCell(9).value).toBe('-1 centime');
    expect(row.getCell(11).value).toBe('@bob');
    expect(items.getRow(6).getCell(5).value).toBe('\tTabulation');
    expect(items.getCell('I7').value).toBe('=1+1');
    items.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.type).toBe(ExcelJS.ValueType.String);
        expect(c.formula).toBeUndefined();
      }),
    );
  });

  it('has the defect reference after the comment', () => {
    expect(items.getCell('J1').value).toBe('Anomalie');
    expect(items.getRow(5).getCell(10).value).toBe('BUG-1');
    expect(items.getCell('J2').value).toBeNull();
  });

  it('freezes the header row and sets widths', () => {
    expect(items.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    PEOPLE_COLUMNS.forEach((column, i) => expect(items.getColumn(i + 1).width).toBe(XLSX_WIDTHS[column]));
    expect(items.getRow(1).font?.bold).toBe(true);
  });

  it('offers the statuses as a drop-down on the status column', () => {
    const expected = listFormula(['À tester', 'OK', 'KO', 'Bloqué', 'À retester', 'Non applicable']);
    expect(expected).toBe('"À tester,OK,KO,Bloqué,À retester,Non applicable"');
    for (let row = 2; row <= 7; row++) {
      expect(items.getCell(row, 8).dataValidation).toMatchObject({ type: 'list', formulae: [expected] });
    }
    expect(items.getCell('G2').dataValidation).toBeUndefined();
  });

  it('describes the path, data changes and required actions on the second sheet', () => {
    const rows: unknown[][] = [];
    path.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Recette Gestan 15.2.0 → 16.0.0']);
    expect(rows).toContainEqual(['Version installée', '15.2.0']);
    expect(rows).toContainEqual(['Version à installer', '16.0.0']);
    expect(rows).toContainEqual(['Modules', 'Facturation, Comptabilité']);
    expect(rows).toContainEqual(['15.2.1', '2026-01-01', undefined, 'Retirée']);
    expect(rows).toContainEqual(['15.3.0', '2026-01-01', 'Printemps', 'Publiée']);
    expect(rows).toContainEqual(['Avertissements']);
    expect(rows).toContainEqual(["Ce qu'un retour arrière ne peut pas annuler"]);
    expect(rows).toContainEqual(['15.2.1', 'GES-400', 'Titre de GES-400', 'Migration du lettrage partiel (v1).']);
    expect(rows).toContainEqual(['Actions requises']);
    expect(rows).toContainEqual(['16.0.0', 'GES-700', 'Titre de GES-700', 'Mettre à jour les modèles de factures.']);
    const db = rows.find((r) => r[0] === '15.3.0' && String(r[3]).startsWith('Structure de la base'));
    expect(db).toBeDefined();
  });
});

describe('XLSX bytes', () => {
  it('are the same for the same checklist, whenever it is exported, dated by its newest version', async () => {
    const checklist = exportedChecklist();
    const first = await exportXlsx(checklist, RESULTS);
    await new Promise((done) => setTimeout(done, 2100)); // past a ZIP timestamp's two seconds
    const second = await exportXlsx(checklist, RESULTS);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const newest = [checklist.path.to.date, ...checklist.path.versions.map((v) => v.date)]
      .filter(Boolean)
      .sort()
      .at(-1)!;
    expect((await readWorkbook(first)).created.toISOString().slice(0, 10)).toBe(newest);
  });
});

/** Each file of a ZIP as its central directory lists it: name, method, DOS time and date, sizes. */
function zipEntries(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

describe('XLSX ZIP', () => {
  /** The export fixture with its items repeated to a thousand, each with an id of its own. */
  function thousandItems() {
    const checklist = exportedChecklist();
    const items = Array.from({ length: 1000 }, (_, i) => {
      const item = checklist.items[i % checklist.items.length]!;
      return { ...item, id: `${item.id}-${i}` };
    });
    return { ...checklist, items };
  }

  it('is the same bytes for two writes of one checklist, every file deflated once and dated alike', async () => {
    const checklist = thousandItems();
    const first = await exportXlsx(checklist, RESULTS);
    const second = await exportXlsx(checklist, RESULTS);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const entries = zipEntries(first);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    // Deflate (method 8), at 12:00 on 1980-01-01 (DOS time 12 << 11, date 1 << 5 | 1).
    for (const entry of entries)
      expect([entry.name, entry.method, entry.time, entry.date]).toEqual([entry.name, 8, 0x6000, 0x21]);
    const sheet = entries.find((e) => e.name === 'xl/sharedStrings.xml')!;
    expect(sheet.compressed).toBeLessThan(sheet.size / 4);
    const workbook = await readWorkbook(first);
    expect(workbook.worksheets[0]!.rowCount).toBe(1001);
  });
});
