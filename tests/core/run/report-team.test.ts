/**
 * What the sign-off report says of a team run (checklist.md, "Carrying results over" and
 * "Team runs"): results executed in this run and carried over apart, the runs they came from,
 * and who ran what — in the Markdown bytes and in the JUnit XML read back.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/core/checklist/progress.ts';
import { signOffJunit } from '../../../src/core/run/junit.ts';
import { withSeal } from '../../../src/core/run/seal-report.ts';
import { signOffMarkdown } from '../../../src/core/run/signoff-markdown.ts';
import { signOffReport } from '../../../src/core/run/signoff.ts';
import { checklist, FORM, PATH_ENTRY_IDS, procedure } from './fixture.ts';

const c = checklist();
const p = procedure(c);
const [i1, i2, i3] = c.items;
const carried = { run: 'run-2025', name: 'Recette 15.0 → 15.1', date: '2025-11-03T10:00:00.000Z' };
const results: RunResults = {
  [i1!.id]: { status: 'failed', comment: 'Écart', tester: 'Marie', time: '2026-05-21T10:00:00.000Z', hash: i1!.hash },
  [i2!.id]: { status: 'passed', tester: 'Paul', time: '2026-05-21T11:00:00.000Z', hash: i2!.hash },
  [i3!.id]: { status: 'passed', tester: 'Marie', time: carried.date, hash: i3!.hash, carriedFrom: carried },
};
const now = new Date('2026-05-22T16:00:00.000Z');
const report = (r: RunResults = results) =>
  signOffReport({ checklist: c, procedure: p, results: r, form: FORM, pathEntryIds: PATH_ENTRY_IDS, now });

/** The lines of the Markdown section under `heading`, up to the next heading. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  expect(start).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('#'));
  return lines.slice(start + 1, end).filter((l) => l !== '');
}

describe('the Markdown report of a team run', () => {
  const md = signOffMarkdown(report());

  it('counts executed and carried results apart and names the run they came from', () => {
    expect(section(md, 'Résultats exécutés et reportés')).toEqual(
      [
        '| Résultats | Nombre |',
        '| --- | --- |',
        '| Exécutés dans cette recette | 2 |',
        '| Reportés de recettes précédentes | 1 |',
        '',
        '| Recette | Identifiant | Nombre |',
        '| --- | --- | --- |',
        '| Recette 15.0 → 15.1 | run-2025 | 1 |',
      ].filter((l) => l !== ''),
    );
  });

  it('says who ran what: per tester, executed results by status, done and carried', () => {
    const rows = section(md, 'Qui a exécuté quoi');
    expect(rows[0]).toBe(
      '| Testé par | OK | KO | Bloqué | À retester | Non applicable | Exécutés | Reportés de recettes précédentes |',
    );
    expect(rows.slice(2)).toEqual(['| Marie | 0 | 1 | 0 | 0 | 0 | 1 | 1 |', '| Paul | 1 | 0 | 0 | 0 | 0 | 1 | 0 |']);
  });

  it('leaves both blocks out when nothing was carried and no result names a tester', () => {
    const alone = signOffMarkdown(
      report({ [i1!.id]: { status: 'passed', time: '2026-05-21T10:00:00.000Z', hash: i1!.hash } }),
    );
    expect(alone).not.toContain('Résultats exécutés et reportés');
    expect(alone).not.toContain('Qui a exécuté quoi');
  });

  it('does not change the seal: a report without them seals the same', async () => {
    const full = await withSeal(report());
    const bare = await withSeal({ ...report(), executed: 0, carried: { total: 0, runs: [] }, byTester: [] });
    expect(full.seal).toMatch(/^[0-9a-f]{64}$/);
    expect(bare.seal).toBe(full.seal);
    expect(signOffMarkdown(full)).toContain(`\`${full.seal}\``);
  });
});

describe('the JUnit report of a team run, read back', () => {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => ['testsuite', 'testcase', 'property'].includes(n),
  }).parse(signOffJunit(report())) as {
    testsuites: {
      testsuite: {
        testcase: { name: string; classname: string; properties?: { property: { name: string; value: string }[] } }[];
      }[];
    };
  };
  const cases = parsed.testsuites.testsuite.flatMap((s) => s.testcase);
  const caseOf = (id: string) =>
    cases.find((tc) => tc.name.startsWith(`${id.split('#')[1]} –`) && tc.classname === id.split('#')[0]);

  it('gives a carried result the run it came from as testcase properties', () => {
    expect(caseOf(i3!.id)?.properties?.property).toEqual([
      { name: 'carriedFrom', value: 'run-2025' },
      { name: 'carriedFromName', value: 'Recette 15.0 → 15.1' },
      { name: 'carriedFromDate', value: carried.date },
    ]);
  });

  it('gives a result executed in this run no such property', () => {
    expect(caseOf(i1!.id)).toBeDefined();
    expect(caseOf(i1!.id)?.properties).toBeUndefined();
    expect(caseOf(i2!.id)?.properties).toBeUndefined();
  });
});
