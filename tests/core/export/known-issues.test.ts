/**
 * Every export carries the items of the target's open known issues, read back with the real
 * parsers the other export tests use; the sign-off report lists the issues it accepts. On
 * tests/fixtures/known-issues, 15.0.0 → 15.2.0 with the `cloture` process: KI-stock (major)
 * and KI-balance (minor) have a workaround, KI-lettrage (major, fixed in 15.3.0) has none,
 * KI-remise is fixed on the way.
 */
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import schema from '../../../src/core/schemas/checklist.schema.json' with { type: 'json' };
import { buildChecklist, sourceFromRoadBook, type Checklist } from '../../../src/core/checklist/index.ts';
import { exportChecklist, type ExportFormatId } from '../../../src/core/export/index.ts';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';
import { signOffJunit } from '../../../src/core/run/junit.ts';
import { procedureItems } from '../../../src/core/run/procedure.ts';
import { signOffMarkdown } from '../../../src/core/run/signoff-markdown.ts';
import { signOffReport } from '../../../src/core/run/signoff.ts';
import { FORM } from '../run/fixture.ts';
import { readWorkbook, rowValues } from '../../helpers/workbook.ts';

const ROOT = fileURLToPath(new URL('../../fixtures/known-issues/', import.meta.url));
const KNOWN = ['known:KI-stock', 'known:KI-balance'];

let checklist: Checklist;

beforeAll(async () => {
  const { book } = await loadRoadBook(ROOT);
  checklist = buildChecklist(sourceFromRoadBook(book), { from: '15.0.0', to: '15.2.0', processes: ['cloture'] });
});

async function text(format: ExportFormatId): Promise<string> {
  const { data } = await exportChecklist(format, checklist);
  return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
}

const csv = (source: string, delimiter: string) =>
  parse(source, { bom: true, delimiter, relax_column_count: false }) as string[][];

describe('known-issue items in every export', () => {
  it('CSV: a row each, after the changes and before the processes, with its modules and priority', async () => {
    const rows = csv(await text('csv'), ';');
    const ids = rows.slice(1).map((r) => r[0]);
    expect(ids.slice(-3)).toEqual([...KNOWN, 'process:cloture#1']);
    const stock = rows.find((r) => r[0] === 'known:KI-stock')!;
    expect(stock.slice(0, 7)).toEqual([
      'known:KI-stock',
      '15.1.0',
      'Stocks',
      "L'inventaire tournant bloque les mouvements",
      "Appliquer le contournement : Lancer l'inventaire hors des heures de saisie.",
      "Le problème connu « L'inventaire tournant bloque les mouvements » n'empêche pas le travail de l'entreprise",
      'Haute',
    ]);
    expect(rows.find((r) => r[0] === 'known:KI-balance')![6]).toBe('Normale');
  });

  it('XLSX: the rows, and the open issues, a better target and what the upgrade fixes on the path sheet', async () => {
    const { data } = await exportChecklist('xlsx', checklist);
    const workbook = await readWorkbook(data as Uint8Array);
    const [items, path] = workbook.worksheets;
    const ids = Array.from({ length: items!.rowCount - 1 }, (_, i) => rowValues(items!, i + 2)[0]);
    expect(ids.slice(-3)).toEqual([...KNOWN, 'process:cloture#1']);
    const lines = Array.from({ length: path!.rowCount }, (_, i) => rowValues(path!, i + 1).join(' | '));
    const open = lines.indexOf('Problèmes connus de la version cible');
    expect(open).toBeGreaterThan(0);
    expect(lines.slice(open + 2, open + 6)).toEqual([
      "15.1.0 | KI-stock | L'inventaire tournant bloque les mouvements | Majeur — contournement : Lancer l'inventaire hors des heures de saisie.",
      '15.2.0 | KI-lettrage | Le lettrage automatique ignore les écarts de centimes | Majeur — corrigé en 15.3.0 par GES-31',
      '15.0.0 | KI-balance | La balance âgée omet les avoirs | Mineur — contournement : Éditer les avoirs à part.',
      ' |  |  | Meilleure cible : la version 15.3.0 corrige KI-lettrage.',
    ]);
    expect(lines).toContain('Problèmes connus que cette mise à jour corrige');
    expect(lines.some((l) => l.startsWith('15.0.0 | KI-remise |'))).toBe(true);
  });

  it('Markdown: the open issues, what the upgrade fixes, and a task list of their items', async () => {
    const md = await text('md');
    expect(md).toContain(
      "## Problèmes connus de la version cible\n\n- **KI-stock** (15.1.0) L'inventaire tournant bloque les mouvements — Majeur — contournement : Lancer l'inventaire hors des heures de saisie.\n",
    );
    expect(md).toContain('Meilleure cible : la version 15.3.0 corrige KI-lettrage.');
    expect(md).toContain('## Problèmes connus que cette mise à jour corrige\n\n- **KI-remise** (15.0.0)');
    const group = md.slice(md.indexOf('## Problèmes connus\n'), md.indexOf('## Processus stratégiques'));
    expect(group).toContain("- [ ] **Appliquer le contournement : Lancer l'inventaire hors des heures de saisie.**");
    expect(group).toContain('15.1.0 · KI-stock · Priorité : Haute');
  });

  it('JSON: knownIssues, fixedOnPath, betterTarget and the items, as the published schema describes', async () => {
    const json = JSON.parse(await text('json'));
    const validator = z.fromJSONSchema(schema as unknown as Parameters<typeof z.fromJSONSchema>[0]);
    expect(validator.safeParse(json).error?.issues ?? []).toEqual([]);
    expect(json.knownIssues.map((i: { id: string }) => i.id)).toEqual(['KI-stock', 'KI-lettrage', 'KI-balance']);
    expect(json.fixedOnPath.map((i: { id: string }) => i.id)).toEqual(['KI-remise']);
    expect(json.betterTarget).toEqual({ version: '15.3.0', fixes: ['KI-lettrage'] });
    expect(
      json.items.filter((i: { knownIssue: string | null }) => i.knownIssue).map((i: { id: string }) => i.id),
    ).toEqual(KNOWN);
  });

  it('TestRail: a section of its own with a case per issue, referenced by the issue id', async () => {
    const doc = new XMLParser({ parseTagValue: false, isArray: (n) => ['section', 'case', 'step'].includes(n) }).parse(
      await text('testrail'),
    );
    const sections = doc.sections.section as { name: string; cases: { case: Record<string, unknown>[] } }[];
    expect(sections.map((s) => s.name).slice(-2)).toEqual(['Problèmes connus', 'Processus stratégiques']);
    const cases = sections.at(-2)!.cases.case;
    expect(cases.map((c) => [c.title, c.priority, c.references])).toEqual([
      ["KI-stock – L'inventaire tournant bloque les mouvements", 'High', 'KI-stock'],
      ['KI-balance – La balance âgée omet les avoirs', 'Medium', 'KI-balance'],
    ]);
  });

  it('Xray: one test per issue, in the known issues folder', async () => {
    const rows = csv(await text('xray'), ',');
    const known = rows.filter((r) => r[2]?.startsWith('KI-'));
    expect(known.map((r) => [r[2], r[3], r[7]])).toEqual([
      ["KI-stock – L'inventaire tournant bloque les mouvements", 'High', 'Problèmes connus/15.1.0'],
      ['KI-balance – La balance âgée omet les avoirs', 'Medium', 'Problèmes connus/15.0.0'],
    ]);
    expect(new Set(known.map((r) => r[0])).size).toBe(2);
  });

  it('Azure DevOps: a test case per issue with its step', async () => {
    const rows = csv(await text('azure'), ',');
    const titles = rows.filter((r) => r[1] === 'Test Case').map((r) => r[2]);
    expect(titles).toContain("KI-stock – L'inventaire tournant bloque les mouvements");
    expect(titles).toContain('KI-balance – La balance âgée omet les avoirs');
  });
});

describe('the sign-off report', () => {
  const report = () => {
    const procedure = procedureItems(checklist);
    const results = {
      'known:KI-stock': { status: 'passed' as const, tester: 'Marie', time: '2026-05-20T08:00:00.000Z', hash: '' },
    };
    results['known:KI-stock'].hash = checklist.items.find((i) => i.id === 'known:KI-stock')!.hash;
    return signOffReport({
      checklist,
      procedure,
      results,
      form: FORM,
      pathEntryIds: new Set(),
      now: new Date('2026-05-22T16:00:00Z'),
    });
  };

  it('lists the open issues of the target the company accepts, and groups their items apart', () => {
    const r = report();
    expect(r.knownIssues.map((i) => [i.id, i.severity, i.fixedIn])).toEqual([
      ['KI-stock', 'major', null],
      ['KI-lettrage', 'major', '15.3.0'],
      ['KI-balance', 'minor', null],
    ]);
    expect(r.groups.find((g) => g.id === 'known:')).toMatchObject({ label: 'Problèmes connus' });
    expect(r.groups.find((g) => g.id === 'known:')!.items.map((i) => i.id)).toEqual(KNOWN);
  });

  it('says so in Markdown and names the items in JUnit XML', async () => {
    const r = report();
    const md = signOffMarkdown(r);
    expect(md).toContain('## Problèmes connus acceptés');
    expect(md).toMatch(
      /\| KI-lettrage \| Majeur \| Le lettrage automatique ignore les écarts de centimes \| 15\.2\.0 \| — \| 15\.3\.0 \(GES-31\) \|/,
    );
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase'].includes(n),
    }).parse(signOffJunit(r));
    const suite = (
      parsed.testsuites.testsuite as { name: string; testcase: { classname: string; name: string }[] }[]
    ).find((s) => s.name === 'Problèmes connus')!;
    expect(suite.testcase.map((tc) => tc.classname)).toEqual(KNOWN);
    expect(suite.testcase[0]!.name).toBe(
      "KI-stock – Appliquer le contournement : Lancer l'inventaire hors des heures de saisie.",
    );
  });
});
