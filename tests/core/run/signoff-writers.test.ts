import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/core/checklist/progress.ts';
import { EXPORT_FORMATS } from '../../../src/core/export/index.ts';
import { signOffJunit } from '../../../src/core/run/junit.ts';
import { REPORT_FORMATS, reportFileName, reportFormat } from '../../../src/core/run/report-formats.ts';
import { utcMinute } from '../../../src/core/i18n/format.ts';
import { signOffMarkdown } from '../../../src/core/run/signoff-markdown.ts';
import { withSeal } from '../../../src/core/run/seal-report.ts';
import { signOffReport } from '../../../src/core/run/signoff.ts';
import { translate } from '../../../src/core/i18n/translate.ts';
import { checklist, PATH_ENTRY_IDS, procedure } from './fixture.ts';

const c = checklist();
const p = procedure(c);
const [i1, i2, i3] = c.items;
const results: RunResults = {
  'procedure:copy-data': {
    status: 'passed',
    tester: 'Paul',
    time: '2026-05-20T08:00:00.000Z',
    hash: p.before[0]!.hash,
  },
  'procedure:install-test': { status: 'na', comment: 'Déjà installée', hash: p.before[1]!.hash },
  [i1!.id]: {
    status: 'failed',
    comment: 'Écart | *gras* <b>1</b> & "x"',
    defect: 'BUG-7',
    tester: 'Marie',
    time: '2026-05-21T10:00:00.000Z',
    hash: i1!.hash,
  },
  [i2!.id]: { status: 'blocked', comment: 'Serveur\u0001 absent', hash: i2!.hash },
  [i3!.id]: { status: 'retest', hash: i3!.hash },
};
const form = {
  environment: 'SRV-RECETTE',
  place: 'Lyon',
  date: '2026-05-22',
  testers: 'Marie',
  decision: 'reserves' as const,
  parties: [
    { role: 'Responsable de la recette', name: 'Marie Dupont' },
    { role: 'Direction', name: 'Jean | Martin' },
  ],
  notes: '',
};
const report = signOffReport({
  checklist: c,
  procedure: p,
  results,
  form,
  pathEntryIds: PATH_ENTRY_IDS,
  now: new Date('2026-05-22T16:00:00.123Z'),
});

describe('the sign-off report in Markdown', () => {
  const md = signOffMarkdown(report);

  it('has the title, facts, counts, reserves, decision, one signature row per party, and the stamp', () => {
    expect(md.startsWith('# PV de recette — Recette Gestan 15.1.0 → 15.3.0\n')).toBe(true);
    expect(md).toContain('| Environnement de test | SRV-RECETTE |');
    expect(md).toContain('| Construction du road book | build-1 |');
    expect(md).toContain('| KO | 1 |');
    expect(md).toContain(`| Total | ${report.total} |`);
    expect(md).toContain('## Réserves');
    expect(md).toContain('**Acceptée avec réserves**');
    expect(md).toContain('Fait à Lyon, le 2026-05-22.');
    expect(md).toContain('| Responsable de la recette | Marie Dupont |   |   |');
    expect(md).toContain('| Direction | Jean \\| Martin |   |   |');
    for (const e of c.entries) expect(md).toContain(`| ${e.id} | ${e.version} |`);
    for (const e of c.entries) expect(md).toContain(e.hash);
    expect(md).toContain('Construction du road book : `build-1`');
  });

  it('escapes what testers typed, so it never turns into markup or breaks a table', () => {
    expect(md).toContain('Écart \\| \\*gras\\* \\<b\\>1\\</b\\> \\& "x"');
    expect(md).not.toContain('<b>1</b>');
  });

  it('writes times the same in every time zone', () => {
    expect(utcMinute('2026-05-21T10:00:09.120Z')).toBe('2026-05-21 10:00 UTC');
    expect(md).toContain('2026-05-21 10:00 UTC');
  });
});

describe('the sign-off report in JUnit XML', () => {
  const xml = signOffJunit(report);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  }).parse(xml);

  it('has a suite per group, a case per item with classname = entry id, and totals', () => {
    const suites = parsed.testsuites.testsuite as {
      name: string;
      tests: string;
      failures: string;
      skipped: string;
      testcase: Record<string, unknown>[];
    }[];
    expect(suites.map((s) => s.name)).toEqual(report.groups.map((g) => g.label));
    const cases = suites.flatMap((s) => s.testcase);
    expect(cases).toHaveLength(report.total);
    expect(cases.map((tc) => tc.classname)).toEqual(
      report.groups.flatMap((g) => g.items.map((i) => i.entry ?? (i.process ? `process:${i.process}` : 'procedure'))),
    );
    expect(parsed.testsuites).toMatchObject({ tests: String(report.total), failures: '1', errors: '0' });
    expect(suites[0]!.testcase[0]!.name).toBe('copy-data – Copier les données de production sur un serveur de test');
    const props = Object.fromEntries(
      (suites[0] as unknown as { properties: { property: { name: string; value: string }[] } }).properties.property.map(
        (p) => [p.name, p.value],
      ),
    );
    expect(props).toMatchObject({
      product: 'Gestan',
      from: '15.1.0',
      to: '15.3.0',
      decision: 'reserves',
      buildId: 'build-1',
    });
  });

  it('maps the statuses as checklist.md says', () => {
    const byId = new Map<string, Record<string, unknown>>();
    for (const s of parsed.testsuites.testsuite)
      for (const tc of s.testcase) byId.set(String(tc['system-out']).split('\n')[0]!.slice(6), tc);
    expect(byId.get('procedure:copy-data')).not.toHaveProperty('failure');
    expect(byId.get('procedure:copy-data')).not.toHaveProperty('skipped');
    expect(byId.get(i1!.id)!.failure).toEqual({
      message: 'Écart | *gras* <b>1</b> & "x"',
      type: 'failed',
      '#text': 'Écart | *gras* <b>1</b> & "x"',
    });
    expect(byId.get(i2!.id)!.skipped).toEqual({ message: 'blocked: Serveur absent' });
    expect(byId.get('procedure:install-test')!.skipped).toEqual({ message: 'n/a: Déjà installée' });
    expect(byId.get(i3!.id)!.skipped).toBe('');
    expect(byId.get('process:cloture#1')!.skipped).toEqual({ message: 'untested' });
    expect(String(byId.get(i1!.id)!['system-out'])).toContain(
      'tester: Marie\ntime: 2026-05-21T10:00:00.000Z\ndefect: BUG-7',
    );
  });
});

describe('report formats', () => {
  it('are listed once, labelled in both languages, with extensions no export format uses', async () => {
    expect(REPORT_FORMATS.map((f) => f.id)).toEqual(['signoff-md', 'signoff-json', 'junit']);
    const taken = EXPORT_FORMATS.map((f) => f.extension);
    for (const f of REPORT_FORMATS) {
      expect(taken).not.toContain(f.extension);
      expect(translate('fr', f.label)).not.toBe(f.label);
      expect(translate('en', f.label)).not.toBe(f.label);
    }
    expect(reportFileName(report, reportFormat('junit')!)).toBe('gestan-15.1.0-15.3.0.junit.xml');
    // Every download is sealed: the same report with its seal, then the sealed data (seal.test.ts).
    const sealed = await withSeal(report);
    expect((await reportFormat('signoff-md')!.export(report)).startsWith(signOffMarkdown(sealed))).toBe(true);
    expect(await reportFormat('junit')!.export(report)).toBe(signOffJunit(sealed));
  });
});

describe('the JUnit report read back by XML parsers', () => {
  const TYPED = '\tRetrait\nsuite  <x> & "y" ]]> fin';
  const typed: RunResults = {
    ...results,
    [i1!.id]: { status: 'failed', comment: TYPED, hash: i1!.hash },
    [i2!.id]: { status: 'blocked', comment: 'true', hash: i2!.hash },
  };
  const now = new Date('2026-05-22T16:00:00.000Z');
  const xml = signOffJunit(
    signOffReport({ checklist: c, procedure: p, results: typed, form, pathEntryIds: PATH_ENTRY_IDS, now }),
  );

  /** Every testcase's outcome element, as a strict parser that follows the XML rules reads it. */
  function strictRead(text: string): Map<string, { name: string; attributes: Record<string, string>; text: string }> {
    const outcomes = new Map<string, { name: string; attributes: Record<string, string>; text: string }>();
    const parser = new SaxesParser();
    let testcase = '';
    let open: { name: string; attributes: Record<string, string>; text: string } | null = null;
    parser.on('opentag', (tag) => {
      const attributes = tag.attributes as Record<string, string>;
      if (tag.name === 'testcase') testcase = attributes.name!;
      if (tag.name === 'failure' || tag.name === 'skipped') open = { name: tag.name, attributes, text: '' };
    });
    const addText = (t: string) => {
      if (open) open.text += t;
    };
    parser.on('text', addText);
    parser.on('cdata', addText);
    parser.on('closetag', (tag) => {
      if (open && tag.name === open.name) {
        outcomes.set(testcase, open);
        open = null;
      }
    });
    parser.write(text).close();
    return outcomes;
  }

  it('gives back a comment as typed, leading tab, line break and markup characters included', () => {
    const outcomes = [...strictRead(xml).values()];
    const failure = outcomes.find((o) => o.name === 'failure')!;
    expect(failure.attributes.message).toBe(TYPED);
    expect(failure.text).toBe(TYPED);
    expect(outcomes.find((o) => o.attributes.message === 'blocked: true')).toBeDefined();
  });

  it('keeps the leading tab for fast-xml-parser, whose default trims text', () => {
    // htmlEntities: this parser decodes character references only when asked to.
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true }).parse(xml);
    const failures = JSON.stringify(parsed).match(/"failure":\{[^}]*\}/g)!;
    expect(failures).toHaveLength(1);
    const failure = JSON.parse(`{${failures[0]}}`).failure;
    expect(failure.message).toBe(TYPED);
    expect(failure['#text']).toBe(TYPED);
  });
});
