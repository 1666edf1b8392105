/** The exports for test-management tools, read back with real parsers. */
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AZURE_COLUMNS, azureTitle, exportAzure } from '../../../src/core/export/azure.ts';
import { exportTestRail } from '../../../src/core/export/testrail.ts';
import { exportXray, XRAY_COLUMNS } from '../../../src/core/export/xray.ts';
import { buildChecklist } from '../../../src/core/checklist/index.ts';
import { exportedChecklist, RESULTS } from '../../fixtures/checklist/run.ts';
import { fixtureSource } from '../../fixtures/checklist/road-book.ts';

const checklist = exportedChecklist();

/** The parser keeps text as written (a step may start with a tab), so indentation between elements shows as `#text`: drop it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withoutIndentation(node: any): any {
  if (Array.isArray(node)) return node.map(withoutIndentation);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === '#text' && typeof value === 'string' && value.trim() === ''))
      .map(([key, value]) => [key, withoutIndentation(value)]),
  );
}

describe('TestRail XML', () => {
  const xml = exportTestRail(checklist, RESULTS);
  const parser = new XMLParser({
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ['section', 'case', 'step'].includes(name),
  });
  const doc = withoutIndentation(parser.parse(xml));

  it('is well-formed XML with a declaration', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it('has a section per module with its name, processes last', () => {
    expect(doc.sections.section.map((s: { name: string }) => s.name)).toEqual([
      'Facturation',
      'Comptabilité',
      'Processus stratégiques',
    ]);
  });

  it('has a case per entry with the steps of its items', () => {
    const cases = doc.sections.section[1].cases.case;
    expect(cases.map((c: { title: string }) => c.title)).toEqual([
      'GES-502 – Titre de GES-502',
      'GES-701 – =HYPERLINK("http://x") & *gras*',
    ]);
    expect(cases[1]).toEqual({
      title: 'GES-701 – =HYPERLINK("http://x") & *gras*',
      template: 'Test Case (Steps)',
      priority: 'High',
      references: 'GES-701, 9001',
      custom: {
        preconds: '-x',
        steps_separated: {
          step: [
            { index: '1', content: '=SUM(A1)\nMenu : @menu', expected: '＋1' },
            { index: '2', content: '\tTabulation', expected: '*gras* _it_ [lien](http://x) <b>&amp; `code` # | ~' },
          ],
        },
      },
    });
  });

  it('maps priorities to TestRail names and turns processes into cases', () => {
    const [facturation, , processes] = doc.sections.section;
    expect(facturation.cases.case.map((c: { priority: string }) => c.priority)).toEqual(['Low', 'Medium']);
    expect(processes.cases.case).toEqual([
      {
        title: 'Clôture mensuelle',
        template: 'Test Case (Steps)',
        priority: 'High',
        references: '',
        custom: {
          preconds: '',
          steps_separated: { step: [{ index: '1', content: 'Clôturer le mois', expected: '' }] },
        },
      },
    ]);
  });

  it('drops characters XML cannot hold', () => {
    const source = fixtureSource();
    const odd = buildChecklist(
      { ...source, entriesOf: (slug) => source.entriesOf(slug).map((e) => ({ ...e, title: `A\u0001B\u000bC` })) },
      { to: '15.2.0' },
    );
    const out = exportTestRail(odd);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('<title>GES-300 – ABC</title>');
  });
});

describe('Xray CSV', () => {
  const text = exportXray(checklist, RESULTS);
  const [header, ...rows] = parse(text) as string[][];

  it('has the Xray columns, comma-separated, CRLF', () => {
    expect(header).toEqual([...XRAY_COLUMNS]);
    expect(
      text.startsWith('Issue ID,Test Type,Test Summary,Test Priority,Action,Data,Result,Test Repo,Labels\r\n'),
    ).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('has one row per step, grouped into one test per entry by Issue ID', () => {
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '4', '5']);
    expect(rows.every((r) => r[1] === 'Manual')).toBe(true);
    expect(rows[3]).toEqual([
      '4',
      'Manual',
      'GES-701 – =HYPERLINK("http://x") & *gras*',
      'High',
      "'=SUM(A1)\nMenu : @menu",
      "'-x",
      "'＋1",
      'Comptabilité/16.0.0',
      'correction;comptabilite',
    ]);
    expect(rows[4]).toEqual([
      '4',
      'Manual',
      '',
      '',
      "'\tTabulation",
      '',
      '*gras* _it_ [lien](http://x) <b>&amp; `code` # | ~',
      '',
      '',
    ]);
  });

  it('puts summary, priority, repo folder and labels on a test first row', () => {
    expect(rows[0]!.slice(2, 4)).toEqual(['GES-500 – Titre de GES-500', 'Low']);
    expect(rows[0]![7]).toBe('Facturation/15.3.0');
    expect(rows[2]![8]).toBe('evolution;stocks;comptabilite;facturation');
    expect(rows[5]!.slice(2, 9)).toEqual([
      'Clôture mensuelle',
      'High',
      'Clôturer le mois',
      '',
      '',
      'Processus stratégiques/16.0.0',
      '',
    ]);
  });
});

describe('Azure DevOps CSV', () => {
  const text = exportAzure(checklist, RESULTS, { areaPath: 'Gestan\\Recette' });
  const [header, ...rows] = parse(text) as string[][];

  it('has the exact headers', () => {
    expect(text.split('\r\n')[0]).toBe(
      'ID,Work Item Type,Title,Test Step,Step Action,Step Expected,Area Path,Priority,State',
    );
    expect(header).toEqual([...AZURE_COLUMNS]);
  });

  it('has a case row then a row per step', () => {
    expect(rows.map((r) => (r[1] === 'Test Case' ? `case ${r[2]}` : `step ${r[3]}`))).toEqual([
      'case GES-500 – Titre de GES-500',
      'step 1',
      'case GES-700 – Titre de GES-700',
      'step 1',
      'case GES-502 – Titre de GES-502',
      'step 1',
      'case GES-701 – =HYPERLINK("http://x") & *gras*',
      'step 1',
      'step 2',
      'case Clôture mensuelle',
      'step 1',
    ]);
    expect(rows[6]).toEqual([
      '',
      'Test Case',
      'GES-701 – =HYPERLINK("http://x") & *gras*',
      '',
      '',
      '',
      'Gestan\\Recette',
      '2',
      'Design',
    ]);
    expect(rows[7]).toEqual(['', '', '', '1', "'=SUM(A1)\nMenu : @menu\nPrérequis : -x", "'＋1", '', '', '']);
    expect(rows[8]).toEqual([
      '',
      '',
      '',
      '2',
      "'\tTabulation",
      '*gras* _it_ [lien](http://x) <b>&amp; `code` # | ~',
      '',
      '',
      '',
    ]);
    expect(rows.filter((r) => r[1] === 'Test Case').map((r) => r[7])).toEqual(['4', '3', '3', '2', '2']);
    expect(rows.every((r) => r[0] === '')).toBe(true);
  });

  it('cuts titles to 128 characters', () => {
    const long = 'é'.repeat(200);
    expect([...azureTitle(long)]).toHaveLength(128);
    expect(azureTitle(long).endsWith('…')).toBe(true);
    expect(azureTitle('court')).toBe('court');
    expect([...azureTitle('x'.repeat(128))]).toHaveLength(128);
  });
});
