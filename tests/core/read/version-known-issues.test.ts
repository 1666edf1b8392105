/**
 * Known issues and support dates in version front matter, read from fixture road books
 * (tests/fixtures/known-issues: a good one; tests/fixtures/known-issues-bad: one problem per
 * issue), with every diagnostic at the value.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';

const GOOD = fileURLToPath(new URL('../../fixtures/known-issues/', import.meta.url));
const BAD = fileURLToPath(new URL('../../fixtures/known-issues-bad/', import.meta.url));
const V0 = 'content/versions/15.0.0/index.md';
const V1 = 'content/versions/15.1.0/index.md';

describe('known issues and support dates as read', () => {
  it('reads every field, with the defaults of the contract', async () => {
    const { book, diagnostics } = await loadRoadBook(GOOD);
    expect(diagnostics).toEqual([]);
    const v0 = book.versions.find((v) => v.version === '15.0.0')!;
    expect(v0.endOfSupport).toBe('2026-06-30');
    expect(v0.knownIssues).toEqual([
      {
        id: 'KI-remise',
        title: 'La remise globale est appliquée deux fois',
        severity: 'blocking',
        modules: ['facturation'],
        editions: [],
        since: '2025-01-20',
        workaround: 'Saisir la remise ligne par ligne.',
        fixedBy: 'GES-21',
        fixedIn: '15.1.1',
      },
      {
        id: 'KI-balance',
        title: 'La balance âgée omet les avoirs',
        severity: 'minor',
        modules: ['comptabilite'],
        editions: ['entreprise'],
        since: null,
        workaround: 'Éditer les avoirs à part.',
        fixedBy: null,
        fixedIn: null,
      },
    ]);
    const v1 = book.versions.find((v) => v.version === '15.1.0')!;
    // Severity defaults to major.
    expect(v1.knownIssues[0]).toMatchObject({ id: 'KI-stock', severity: 'major' });
    expect(book.versions.find((v) => v.version === '15.3.0')).toMatchObject({ endOfSupport: null, knownIssues: [] });
  });

  it('publishes no fix written in a draft in a build without drafts, and keeps it with drafts', async () => {
    const normal = (await loadRoadBook(GOOD)).book.versions.find((v) => v.version === '15.1.0')!;
    expect(normal.knownIssues[0]).toMatchObject({ id: 'KI-stock', fixedBy: null, fixedIn: null });
    const drafts = (await loadRoadBook(GOOD, { drafts: true })).book.versions.find((v) => v.version === '15.1.0')!;
    expect(drafts.knownIssues[0]).toMatchObject({ id: 'KI-stock', fixedBy: 'GES-40', fixedIn: '16.0.0' });
  });

  it('says every problem at its value, with a stable code', async () => {
    const { diagnostics, errorCount, warningCount } = await loadRoadBook(BAD);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      `${V0}:3:15 warning end-of-support-early`,
      `${V0}:7:9 error duplicate-known-issue-id`,
      `${V0}:9:9 error invalid-id`,
      `${V0}:11:5 error missing-field`,
      `${V0}:15:15 error invalid-value`,
      `${V0}:18:12 error invalid-date`,
      `${V0}:21:14 error unknown-fixed-by`,
      `${V0}:24:14 error fixed-by-earlier`,
      `${V0}:27:5 warning unknown-key`,
      `${V0}:30:28 error unknown-module`,
      `${V0}:31:16 error unknown-edition`,
      `${V0}:32:5 error wrong-type`,
      `${V1}:3:15 error invalid-date`,
      `${V1}:7:14 error fixed-by-earlier`,
      `${V1}:8:9 error duplicate-known-issue-id`,
    ]);
    expect([errorCount, warningCount]).toEqual([13, 2]);
  });

  it('gives messages a writer can act on', async () => {
    const { diagnostics } = await loadRoadBook(BAD);
    const message = (code: string) => diagnostics.find((d) => d.code === code)!.message;
    expect(message('end-of-support-early')).toBe(
      '`endOfSupport` (2024-12-31) is before the release date of 15.0.0 (2025-01-10); check both dates',
    );
    expect(message('unknown-fixed-by')).toBe('`knownIssues[6].fixedBy` names "GES-99", which no entry has as id');
    expect(diagnostics.filter((d) => d.code === 'fixed-by-earlier').map((d) => d.message)).toEqual([
      '`knownIssues[7].fixedBy` names "GES-10", an entry of this same version; a known issue is fixed by an entry of a later version',
      '`knownIssues[0].fixedBy` names "GES-10", an entry of an earlier version (15.0.0); a known issue is fixed by an entry of a later version',
    ]);
    expect(message('unknown-module')).toBe(
      '`knownIssues[9].modules` names "comptabilte", which roadbook.yml does not list; choose one of facturation, comptabilite, stocks',
    );
    expect(message('unknown-key')).toBe('Unknown key `fixdBy`; did you mean `fixedBy`?');
    expect(message('duplicate-known-issue-id')).toMatch(
      /"KI-1" is already used in content\/versions\/15\.0\.0\/index\.md/,
    );
  });
});
