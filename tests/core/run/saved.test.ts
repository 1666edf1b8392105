import { describe, expect, it } from 'vitest';
import {
  newRunId,
  parseProgressFile,
  parseSavedRun,
  progressFileText,
  serializeRun,
} from '../../../src/core/run/saved.ts';
import { FORMAT_VERSION, PROGRESS_FORMAT, RUN_FORMAT, RUN_ID } from '../../../src/core/run/schema.ts';
import { run, SCOPE } from './fixture.ts';

const RESULTS = {
  'GES-300#arrondi': {
    status: 'failed' as const,
    comment: 'Écart de 1 centime',
    tester: 'Marie',
    time: '2026-05-20T09:30:00.000Z',
    defect: 'BUG-7',
    hash: 'hash-GES-300',
  },
  'process:cloture#1': { status: 'passed' as const, time: '2026-05-20T09:40:00.000Z', hash: '0123456789abcdef' },
};

describe('a run in the browser storage', () => {
  it('reads back what it writes, with format, version, product and base', () => {
    const saved = run({ results: RESULTS });
    const text = serializeRun(saved, SCOPE);
    expect(JSON.parse(text)).toMatchObject({
      format: RUN_FORMAT,
      version: FORMAT_VERSION,
      product: 'Gestan',
      base: '/roadbook/',
    });
    const parsed = parseSavedRun(text, SCOPE, 'fr');
    expect(parsed).toEqual({ ok: true, run: saved, dropped: [] });
  });

  it('says clearly why a value cannot be read, in the road book language', () => {
    const cases: [string, string, RegExp][] = [
      ['', 'empty', /vide/],
      ['{"format":"roadbook-run", "version": 1, "run": {', 'not-json', /pas du JSON valide/],
      ['[1, 2]', 'other-kind', /liste de processus/],
      ['{"a": 1}', 'not-roadbook', /pas un fichier de progression/],
      ['{"format": "other-tool"}', 'not-roadbook', /pas un fichier de progression/],
      [
        JSON.stringify({ format: RUN_FORMAT, version: 2, product: 'Gestan' }),
        'newer-version',
        /plus récente.*version 2.*version 1/,
      ],
      [
        JSON.stringify({ format: RUN_FORMAT, version: 1, product: 'Compta+', base: '/', run: run() }),
        'other-product',
        /« Compta\+ ».*« Gestan »/,
      ],
      [
        JSON.stringify({
          format: RUN_FORMAT,
          version: 1,
          product: 'Gestan',
          base: '/',
          run: { ...run(), request: { from: null } },
        }),
        'invalid',
        /run\.request\.to/,
      ],
    ];
    for (const [text, code, message] of cases) {
      const parsed = parseSavedRun(text, SCOPE, 'fr');
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code, text).toBe(code);
        expect(parsed.error.message, text).toMatch(message);
      }
    }
    const english = parseSavedRun('{"a": 1}', SCOPE, 'en');
    expect(!english.ok && english.error.message).toBe('It is not a roadbook progress file.');
  });

  it('keeps the readable results of a run and lists the others, never giving an object a prototype', () => {
    const text = JSON.stringify({
      format: RUN_FORMAT,
      version: 1,
      product: 'Gestan',
      base: '/roadbook/',
      run: { ...run(), results: { ...RESULTS, 'GES-100#remise': { status: 'done' }, 'GES-500#x': 'passed' } },
    }).replace('"GES-500#x"', '"__proto__":{"status":"passed"},"GES-500#x"');
    const parsed = parseSavedRun(text, SCOPE, 'fr');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.run.results).toEqual(RESULTS);
    // A `__proto__` key is never an item id: it is left out (zod's record skips it), never applied.
    expect(parsed.dropped.map((d) => d.item).sort()).toEqual(['GES-100#remise', 'GES-500#x']);
    expect(Object.hasOwn(parsed.run.results, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(parsed.run.results)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });
});

describe('the progress file', () => {
  it('carries runs to another computer and reads back exactly', () => {
    const runs = [
      run({ results: RESULTS }),
      run({
        id: 'run-2',
        name: 'Autre',
        request: {
          from: null,
          to: '16.0.0',
          modules: [],
          editions: [],
          processes: [{ id: 'maison', label: 'Maison', modules: [], steps: ['A'] }],
        },
      }),
    ];
    const text = progressFileText(runs, { ...SCOPE, buildId: 'build-9' }, new Date('2026-05-21T10:00:00Z'));
    const value = JSON.parse(text);
    expect(value).toMatchObject({
      format: PROGRESS_FORMAT,
      version: 1,
      product: 'Gestan',
      buildId: 'build-9',
      exported: '2026-05-21T10:00:00.000Z',
    });
    expect(parseProgressFile(text, SCOPE, 'fr')).toEqual({ ok: true, runs, dropped: [], buildId: 'build-9' });
  });

  it('accepts the text of one saved run (a backup, maybe mended) as a file of that run', () => {
    const saved = run({ results: RESULTS });
    const parsed = parseProgressFile(serializeRun(saved, SCOPE), SCOPE, 'fr');
    expect(parsed).toEqual({ ok: true, runs: [saved], dropped: [], buildId: 'build-1' });
  });

  it('refuses another product, a checklist export, a processes file, a damaged file, and says which', () => {
    const file = (patch: object) =>
      JSON.stringify({ ...JSON.parse(progressFileText([run()], { ...SCOPE, buildId: null }, new Date())), ...patch });
    const refuse = (text: string, code: string, message: RegExp) => {
      const parsed = parseProgressFile(text, SCOPE, 'fr');
      expect(parsed.ok ? 'ok' : parsed.error.code, text.slice(0, 60)).toBe(code);
      if (!parsed.ok) expect(parsed.error.message).toMatch(message);
    };
    refuse(file({ product: 'Autre' }), 'other-product', /« Autre »/);
    refuse(
      JSON.stringify({ schema: 1, product: 'Gestan', items: [], results: {} }),
      'other-kind',
      /export JSON de la liste/,
    );
    refuse(JSON.stringify({ format: 'roadbook-company-processes', version: 1 }), 'other-kind', /liste de processus/);
    refuse(file({ runs: [run(), run()] }), 'invalid', /run-1 twice/);
    refuse(file({ runs: [{ ...run(), id: 'a b' }] }), 'invalid', /runs\.0\.id/);
    refuse(file({ exported: 'yesterday' }), 'invalid', /exported/);
    refuse('\uFEFF', 'empty', /vide/);
  });
});

describe('run ids', () => {
  it('are random, URL- and key-safe', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newRunId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(RUN_ID);
    expect(newRunId((b) => b.fill(255))).toBe('_____________________w');
  });
});
