/**
 * Which versions a known issue affects, and the support status of a version, on the fixture
 * road book tests/fixtures/known-issues:
 *
 *   15.0.0  published  KI-remise (blocking, fixed by GES-21 of 15.1.1), KI-balance (minor, never fixed)
 *   15.1.0  published  KI-stock (major, fixed by GES-40 of the draft 16.0.0)
 *   15.1.1  WITHDRAWN  GES-21
 *   15.2.0  published  KI-lettrage (major, fixed by GES-31 of 15.3.0)
 *   15.3.0  published  GES-31
 *   16.0.0  DRAFT      GES-40
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { issuesAffecting, issuesFixedBy, supportStatus, type KnownIssueSource } from '../../src/core/known-issues.ts';
import { loadRoadBook } from '../../src/core/read/road-book.ts';

const ROOT = fileURLToPath(new URL('../fixtures/known-issues/', import.meta.url));

async function source(drafts: boolean): Promise<KnownIssueSource> {
  const { book } = await loadRoadBook(ROOT, { drafts });
  return { versions: book.versions, includeDrafts: drafts };
}

function affecting(s: KnownIssueSource, version: string): string[] {
  return issuesAffecting(
    s,
    s.versions.find((v) => v.version === version)!,
  ).map((p) => p.issue.id);
}

describe('the versions a known issue affects', () => {
  it('is its own version and the later ones before the fix, inherited, blocking first', async () => {
    const s = await source(false);
    expect(affecting(s, '15.0.0')).toEqual(['KI-remise', 'KI-balance']);
    expect(affecting(s, '15.1.0')).toEqual(['KI-remise', 'KI-stock', 'KI-balance']);
    expect(affecting(s, '15.2.0')).toEqual(['KI-stock', 'KI-lettrage', 'KI-balance']);
    expect(affecting(s, '15.3.0')).toEqual(['KI-stock', 'KI-balance']);
  });

  it('counts a fix made in a withdrawn version from that version on', async () => {
    const s = await source(false);
    expect(affecting(s, '15.1.1')).toEqual(['KI-stock', 'KI-balance']);
    expect(issuesFixedBy(s, 'GES-21').map((p) => [p.issue.id, p.version.version])).toEqual([['KI-remise', '15.0.0']]);
  });

  it('counts a fix made in a draft only in a build with drafts', async () => {
    const normal = await source(false);
    expect(issuesFixedBy(normal, 'GES-40')).toEqual([]);
    const drafts = await source(true);
    expect(affecting(drafts, '15.3.0')).toEqual(['KI-stock', 'KI-balance']);
    expect(affecting(drafts, '16.0.0')).toEqual(['KI-balance']);
    expect(issuesFixedBy(drafts, 'GES-40').map((p) => p.issue.id)).toEqual(['KI-stock']);
    // The same data read without drafts counting: the draft's fix does not count.
    expect(affecting({ ...drafts, includeDrafts: false }, '16.0.0')).toEqual(['KI-stock', 'KI-balance']);
    expect(issuesFixedBy({ ...drafts, includeDrafts: false }, 'GES-40')).toEqual([]);
  });
});

describe('support status', () => {
  const v = (endOfSupport: string | null) => ({ endOfSupport });

  it('is supported through the last day, ending within the window, then ended', () => {
    expect(supportStatus(v('2027-06-30'), '2026-12-02')).toEqual({
      status: 'supported',
      endOfSupport: '2027-06-30',
      daysLeft: 210,
    });
    expect(supportStatus(v('2027-03-02'), '2026-12-02')).toMatchObject({ status: 'ending', daysLeft: 90 });
    expect(supportStatus(v('2027-03-03'), '2026-12-02')).toMatchObject({ status: 'supported', daysLeft: 91 });
    expect(supportStatus(v('2026-12-02'), '2026-12-02')).toMatchObject({ status: 'ending', daysLeft: 0 });
    expect(supportStatus(v('2026-12-01'), '2026-12-02')).toMatchObject({ status: 'ended', daysLeft: -1 });
    expect(supportStatus(v('2026-12-31'), '2026-12-02', 10)).toMatchObject({ status: 'supported' });
  });

  it('is none without an end of support', () => {
    expect(supportStatus(v(null), '2026-12-02')).toEqual({ status: 'none', endOfSupport: null, daysLeft: null });
  });

  it('reads the dates of the fixture', async () => {
    const s = await source(false);
    const status = (version: string) =>
      supportStatus(
        s.versions.find((x) => x.version === version)!,
        '2026-12-02',
      );
    expect(status('15.0.0').status).toBe('ended');
    expect(status('15.1.0').status).toBe('ending');
    expect(status('15.2.0').status).toBe('supported');
    expect(status('15.3.0').status).toBe('none');
  });
});
