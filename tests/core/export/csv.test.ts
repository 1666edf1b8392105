import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/core/export/csv.ts';
import { looksLikeFormula, neutralise } from '../../../src/core/export/neutralise.ts';
import { exportedChecklist, RESULTS } from '../../fixtures/checklist/run.ts';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function read(bytes: Uint8Array, delimiter: string): string[][] {
  return parse(Buffer.from(bytes), { bom: true, delimiter, relax_column_count: false }) as string[][];
}

describe('CSV for people', () => {
  const bytes = exportCsv(exportedChecklist(), RESULTS);
  const text = decoder.decode(bytes);

  it('is UTF-8 with a BOM, CRLF records, no sep= line', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith('\uFEFF"ID";')).toBe(true);
    expect(text).not.toMatch(/^\uFEFF?sep=/);
    expect(text.endsWith('\r\n')).toBe(true);
    // Line feeds only inside quoted multi-line cells: every record ends with CRLF.
    expect(text.split('\r\n').length - 1).toBe(read(bytes, ';').length);
  });

  it('quotes every field, separated by ; in French', () => {
    const header = text.slice(1, text.indexOf('\r\n'));
    expect(header).toBe(
      '"ID";"Version";"Module";"Changement";"Étape";"Résultat attendu";"Priorité";"Statut";"Commentaire";"Anomalie";"Testé par";"Date";"Reporté de"',
    );
    const lastLine = text.trimEnd().split('\r\n').at(-1)!;
    expect(lastLine).toBe(
      '"process:cloture#1";"16.0.0";"Comptabilité";"Clôture mensuelle";"Clôturer le mois";"";"Haute";"Bloqué";"\'=1+1";"";"Marie";"";""',
    );
  });

  it('holds one row per item with labels and results', () => {
    const [header, ...rows] = read(bytes, ';');
    expect(header).toHaveLength(13);
    expect(rows.map((r) => r[0])).toEqual([
      'GES-500#lettrage-v2',
      'GES-700#modele',
      'GES-502#valorisation',
      'GES-701#formule',
      'GES-701#tab',
      'process:cloture#1',
    ]);
    expect(rows[0]).toEqual([
      'GES-500#lettrage-v2',
      '15.3.0',
      'Facturation',
      'Titre de GES-500',
      'Lettrer partiellement une facture (v2)',
      '',
      'Basse',
      'OK',
      '',
      '',
      'Marie',
      '2026-05-20T14:03:00.000Z',
      '',
    ]);
    expect(rows[1]!.slice(6, 12)).toEqual(['Normale', 'À tester', '', '', '', '']);
  });

  it('neutralises cells that would be read as formulas', () => {
    const rows = read(bytes, ';');
    const formula = rows.find((r) => r[0] === 'GES-701#formule')!;
    expect(formula[3]).toBe('\'=HYPERLINK("http://x") & *gras*');
    expect(formula[4]).toBe("'=SUM(A1)\nMenu : @menu\nPrérequis : -x");
    expect(formula[5]).toBe("'＋1");
    expect(formula[8]).toBe("'-1 centime");
    expect(formula[9]).toBe('BUG-1');
    expect(formula[10]).toBe("'@bob");
    expect(rows.find((r) => r[0] === 'GES-701#tab')![4]).toBe("'\tTabulation");
    expect(text).toContain('"\'=SUM(A1)');
  });

  it('uses , and English labels in English', () => {
    const en = exportCsv(exportedChecklist('en'));
    const [header, first] = read(en, ',');
    expect(header).toEqual([
      'ID',
      'Version',
      'Module',
      'Change',
      'Step',
      'Expected result',
      'Priority',
      'Status',
      'Comment',
      'Defect',
      'Tested by',
      'Date',
      'Carried from',
    ]);
    expect(first!.slice(6, 8)).toEqual(['Low', 'Untested']);
    expect(decoder.decode(en).slice(1, 6)).toBe('"ID",');
  });
});

describe('neutralise', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-x', "'-x"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\nx', "'\nx"],
    ['＝1', "'＝1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
  ])('%j → %j', (input, output) => {
    expect(neutralise(input)).toBe(output);
    expect(looksLikeFormula(input)).toBe(true);
  });

  it.each(['', 'a=b', ' =x', "'=x", 'GES-1#a', '15.3.0'])('leaves %j as it is', (input) => {
    expect(neutralise(input)).toBe(input);
  });

  it('covers at least what csv-stringify escape_formulas covers', () => {
    for (const input of ['=a', '+a', '-a', '@a', '\ta', '\ra', '\uFF1Da', '\uFF0Ba', '\uFF0Da', '\uFF20a', 'a']) {
      const library = stringify([[input]], { escape_formulas: true, quoted: true, record_delimiter: 'unix' });
      const escaped = (parse(library) as string[][])[0]![0]!;
      expect(neutralise(input), JSON.stringify(input)).toBe(escaped);
    }
  });
});
