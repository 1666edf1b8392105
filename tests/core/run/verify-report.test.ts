import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/core/checklist/progress.ts';
import type { ChecklistSource } from '../../../src/core/checklist/types.ts';
import { reportFormat } from '../../../src/core/run/report-formats.ts';
import { signOffReport } from '../../../src/core/run/signoff.ts';
import { readSealedReport } from '../../../src/core/run/read-sealed-report.ts';
import { allClear, verifyReport } from '../../../src/core/run/verify-report.ts';
import { checklist, PATH_ENTRY_IDS, procedure, source } from './fixture.ts';

const c = checklist();
const p = procedure(c);
const [i1, i2] = c.items;
const results: RunResults = {
  [i1!.id]: { status: 'failed', comment: 'Écart de 1 centime', tester: 'Marie', time: '2026-05-21T10:00:00.000Z' },
  [i2!.id]: { status: 'passed', tester: 'Paul', time: '2026-05-21T11:00:00.000Z' },
};
const report = signOffReport({
  checklist: c,
  procedure: p,
  results,
  form: {
    environment: 'SRV-RECETTE',
    place: 'Lyon',
    date: '2026-05-22',
    testers: '',
    decision: 'reserves',
    parties: [{ role: 'Responsable', name: 'Marie Dupont' }],
    notes: '',
  },
  pathEntryIds: PATH_ENTRY_IDS,
  now: new Date('2026-05-22T16:00:00.000Z'),
});
const markdown = await reportFormat('signoff-md')!.export(report);
const json = await reportFormat('signoff-json')!.export(report);

/** The road book republished with the first entry of the path changed (its hash is the entry's). */
function republished(): ChecklistSource {
  const base = source();
  return {
    ...base,
    entriesOf: (slug) =>
      base.entriesOf(slug).map((e) => (e.id === i1!.entry ? { ...e, hash: e.hash.replace(/^../, 'ff') } : e)),
  };
}

async function verified(text: string, site: ChecklistSource = source()) {
  const outcome = await verifyReport(text, () => site, 'en');
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.verification;
}

describe('verifying a report', () => {
  for (const [kind, text] of [
    ['Markdown', markdown],
    ['JSON', json],
  ] as const) {
    it(`says a ${kind} report as made is sealed and unchanged, and nothing changed on the road book`, async () => {
      const v = await verified(text);
      expect(v.unchanged).toBe(true);
      expect(v.report.stated).toBe(v.report.computed);
      expect(v.site).toMatchObject({ changed: [], gone: [], added: [], pathError: null });
      expect(allClear(v)).toBe(true);
    });

    it(`lists the items of an entry changed on the road book since (${kind})`, async () => {
      const v = await verified(text, republished());
      expect(v.unchanged).toBe(true);
      const ofEntry = c.items.filter((i) => i.entry === i1!.entry).map((i) => i.id);
      expect(v.site.changed.map((i) => i.id)).toEqual(ofEntry);
      expect(v.site.changed[0]!.now).toMatch(/^ff/);
      expect(allClear(v)).toBe(false);
    });
  }

  it('refuses a Markdown report whose text was edited by hand (a comment)', async () => {
    const edited = markdown.replace('Écart de 1 centime', 'Écart de 2 centimes');
    expect(edited).not.toBe(markdown);
    const v = await verified(edited);
    expect(v.report.textIntact).toBe(false);
    expect(v.unchanged).toBe(false);
  });

  it('refuses a Markdown report whose sealed data was edited (a status), and one whose seal was', async () => {
    const data = markdown.replace(/"status":"failed"/, '"status":"passed"');
    expect(data).not.toBe(markdown);
    const v = await verified(data);
    expect(v.report.stated).not.toBe(v.report.computed);
    expect(v.unchanged).toBe(false);
    const seal = markdown.replace(/<!-- roadbook-seal ([0-9a-f])/, (m, d) => m.slice(0, -1) + (d === '0' ? '1' : '0'));
    expect((await verified(seal)).unchanged).toBe(false);
  });

  it('accepts the Markdown with Windows line ends and the JSON reformatted', async () => {
    expect((await verified(markdown.replace(/\n/g, '\r\n'))).unchanged).toBe(true);
    expect((await verified(JSON.stringify(JSON.parse(json)))).unchanged).toBe(true);
  });

  it('refuses a JSON report whose result, item hash or decision was edited', async () => {
    const file = JSON.parse(json);
    const edits: ((f: typeof file) => void)[] = [
      (f) => (f.report.groups[1].items[0].status = 'passed'),
      (f) => (f.report.groups[1].items[1].hash = '0'.repeat(64)),
      (f) => (f.report.decision = 'accepted'),
      (f) => (f.report.path.from = '15.2.0'),
    ];
    for (const edit of edits) {
      const copy = structuredClone(file);
      edit(copy);
      expect((await verified(JSON.stringify(copy))).unchanged).toBe(false);
    }
  });

  it('lists every sealed item as gone when the path cannot be built any more, and says why', async () => {
    const base = source();
    const v = await verified(json, { ...base, versions: base.versions.filter((x) => x.version !== '15.1.0') });
    expect(v.site.pathError).toMatch(/15\.1\.0/);
    expect(v.site.gone).toHaveLength(v.report.data.items.length);
  });
});

describe('reading a file that is not a sealed report', () => {
  const cases: [string, string, RegExp, number][] = [
    ['empty', '  \n', /empty/, 1],
    ['Markdown without a seal', '# PV\n\nRien ici\n', /no seal/, 4],
    ['broken JSON', '{\n  "format": "roadbook-signoff",\n  oops\n}', /cannot be read/, 3],
    ['another JSON file', '{"format":"roadbook-progress","version":1}', /not a roadbook sign-off report/, 1],
  ];
  for (const [what, text, message, line] of cases) {
    it(`says so for ${what}, with the line`, async () => {
      const read = await readSealedReport(text, 'en');
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.error.message).toMatch(message);
      expect(read.error.line).toBe(line);
    });
  }

  it('says where the sealed data is broken', async () => {
    const broken = markdown.replace(/"seal":1/, '"seal":"1"');
    const read = await readSealedReport(broken, 'en');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.message).toMatch(/sealed data cannot be read: seal/);
    expect(broken.split('\n')[read.error.line - 1]).toMatch(/^\{"buildId"/);
  });
});
