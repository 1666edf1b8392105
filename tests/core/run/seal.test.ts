import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import type { RunResults } from '../../../src/core/checklist/progress.ts';
import { reportFormat } from '../../../src/core/run/report-formats.ts';
import { canonicalJson, sealOf, sha256Hex, type SealData } from '../../../src/core/run/seal.ts';
import { readSealTail } from '../../../src/core/run/seal-markdown.ts';
import { reportSealData, withSeal } from '../../../src/core/run/seal-report.ts';
import { signOffReport, type SignOffReport } from '../../../src/core/run/signoff.ts';
import { checklist, PATH_ENTRY_IDS, procedure } from './fixture.ts';

const c = checklist();
const p = procedure(c);
const [i1, i2] = c.items;
const results: RunResults = {
  [i1!.id]: {
    status: 'failed',
    comment: 'Écart de 1 centime',
    tester: 'Marie',
    time: '2026-05-21T10:00:00.000Z',
    defect: 'BUG-7',
    hash: i1!.hash,
  },
  [i2!.id]: { status: 'passed', tester: 'Paul', time: '2026-05-21T11:00:00.000Z', hash: i2!.hash },
};
const form = {
  environment: 'SRV-RECETTE',
  place: 'Lyon',
  date: '2026-05-22',
  testers: 'Marie, Paul',
  decision: 'reserves' as const,
  parties: [{ role: 'Responsable de la recette', name: 'Marie Dupont' }],
  notes: '',
};

function report(overrides: { results?: RunResults; now?: Date } = {}): SignOffReport {
  return signOffReport({
    checklist: c,
    procedure: p,
    results: overrides.results ?? results,
    form,
    pathEntryIds: PATH_ENTRY_IDS,
    now: overrides.now ?? new Date('2026-05-22T16:00:00.000Z'),
  });
}

const data = reportSealData(report());

describe('the canonical JSON', () => {
  it('sorts keys by UTF-16 code units at every depth, writes no whitespace, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [3, 1, { d: null, c: 'x' }], é: true, Z: false })).toBe(
      '{"Z":false,"a":[3,1,{"c":"x","d":null}],"b":1,"é":true}',
    );
    expect(canonicalJson({ '\u{1F600}': 1, '\uFB01': 2 })).toBe('{"\u{1F600}":1,"\uFB01":2}');
  });

  it('writes strings and numbers as JSON does, and refuses what is not plain data', () => {
    expect(canonicalJson('a"\\\n\u0001é')).toBe('"a\\"\\\\\\n\\u0001é"');
    expect(canonicalJson([1e21, 0.1, -0])).toBe('[1e+21,0.1,0]');
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined/);
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/);
    expect(() => canonicalJson(new Date(0))).toThrow(/plain data/);
  });

  it('hashes the UTF-8 bytes (a known SHA-256)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });
});

describe('the seal', () => {
  it('is the same for the same signed data, whenever the report is made', async () => {
    const later = reportSealData(report({ now: new Date('2027-01-01T00:00:00.000Z') }));
    expect(await sealOf(later)).toBe(await sealOf(data));
    expect(await sealOf(structuredClone(data))).toMatch(/^[0-9a-f]{64}$/);
    expect(await sealOf(structuredClone(data))).toBe(await sealOf(data));
  });

  it('seals the build, the path, every item with its hash and its result as signed', () => {
    expect(data.buildId).toBe(c.buildId);
    expect(data.path).toEqual({
      from: '15.1.0',
      to: '15.3.0',
      modules: ['facturation', 'comptabilite'],
      editions: [],
      processes: ['cloture'],
    });
    expect(data.items.map((i) => i.id)).toEqual([...p.before, ...c.items].map((i) => i.id));
    expect(data.items.find((i) => i.id === i1!.id)).toEqual({
      id: i1!.id,
      hash: i1!.hash,
      result: {
        status: 'failed',
        comment: 'Écart de 1 centime',
        tester: 'Marie',
        defect: 'BUG-7',
        date: '2026-05-21T10:00:00.000Z',
      },
    });
    expect(data.items.find((i) => i.id === p.before[0]!.id)!.result).toEqual({
      status: 'untested',
      comment: '',
      tester: '',
      defect: '',
      date: null,
    });
  });

  const changes: [string, (d: SealData) => void][] = [
    ['a status', (d) => (d.items[2]!.result.status = 'passed')],
    ['a comment', (d) => (d.items[2]!.result.comment += '.')],
    ['a tester', (d) => (d.items[2]!.result.tester = 'Marius')],
    ['a defect', (d) => (d.items[2]!.result.defect = 'BUG-8')],
    ['a date', (d) => (d.items[2]!.result.date = '2026-05-21T10:00:01.000Z')],
    ['an item hash', (d) => (d.items[3]!.hash = d.items[3]!.hash.replace(/^./, (x) => (x === '0' ? '1' : '0')))],
    ['the path (from)', (d) => (d.path.from = '15.2.0')],
    ['the path (modules)', (d) => d.path.modules.pop()],
    ['the build id', (d) => (d.buildId = `${d.buildId}x`)],
    ['the decision', (d) => (d.signOff.decision = 'accepted')],
    ['an item gone', (d) => d.items.pop()],
  ];
  for (const [what, change] of changes) {
    it(`changes with ${what}`, async () => {
      const changed = structuredClone(data);
      change(changed);
      expect(await sealOf(changed)).not.toBe(await sealOf(data));
    });
  }

  it('changes when a result is recorded differently in the report', async () => {
    const other = reportSealData(report({ results: { ...results, [i2!.id]: { ...results[i2!.id]!, comment: 'vu' } } }));
    expect(await sealOf(other)).not.toBe(await sealOf(data));
  });

  it('ignores fields a result gains that are not sealed', async () => {
    const extra = { ...results, [i2!.id]: { ...results[i2!.id]!, carriedFrom: { run: 'r' } } as RunResults[string] };
    expect(await sealOf(reportSealData(report({ results: extra })))).toBe(await sealOf(data));
  });
});

describe('every report format carries the same seal', async () => {
  const seal = (await withSeal(report())).seal;

  it('Markdown: in the annex, then the canonical JSON read back exactly and the digest of the text before it', async () => {
    const md = await reportFormat('signoff-md')!.export(report());
    expect(md).toContain(`Sceau (SHA-256) : \`${seal}\``);
    const read = readSealTail(md);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.tail.json).toBe(canonicalJson(data));
    expect(await sha256Hex(read.tail.json)).toBe(seal);
    expect(read.tail.digest).toBe(await sha256Hex(read.tail.body));
    expect(md.startsWith(read.tail.body)).toBe(true);
  });

  it('JSON: the envelope and the report, whose sealed data gives the seal again', async () => {
    const file = JSON.parse(await reportFormat('signoff-json')!.export(report()));
    expect(file.format).toBe('roadbook-signoff');
    expect(file.seal).toBe(seal);
    expect(await sealOf(reportSealData(file.report))).toBe(seal);
  });

  it('JUnit: a property of every suite', async () => {
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => n === 'testsuite' || n === 'property',
    }).parse(await reportFormat('junit')!.export(report()));
    for (const suite of xml.testsuites.testsuite) {
      expect(suite.properties.property.find((p: { name: string }) => p.name === 'seal').value).toBe(seal);
    }
  });
});

describe('a page without Web Crypto (served over plain http)', () => {
  it('writes the reports without a seal, never a false one, and the verifier says so', async () => {
    const { readSealedReport } = await import('../../../src/core/run/read-sealed-report.ts');
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array) => b });
    try {
      const md = await reportFormat('signoff-md')!.export(report());
      expect(md).not.toContain('roadbook-seal');
      expect(md).not.toContain('Sceau');
      const json = await reportFormat('signoff-json')!.export(report());
      expect(JSON.parse(json).seal).toBeNull();
      const junit = await reportFormat('junit')!.export(report());
      expect(junit).not.toContain('name="seal"');
      const read = await readSealedReport(json, 'en');
      expect(!read.ok && read.error.message).toMatch(/not sealed: it was made on a page served without https/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
