import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../src/core/checklist/progress.ts';
import { importRuns, mergeRun } from '../../../src/core/run/merge.ts';
import {
  editedResult,
  mergeResults,
  newRevision,
  sameResult,
  settleConflict,
  versionsOf,
} from '../../../src/core/run/merge-results.ts';
import { cleanResults } from '../../../src/core/run/saved.ts';
import { run } from './fixture.ts';

const at = (status: ItemResult['status'], time?: string, comment?: string): ItemResult => ({
  status,
  ...(time ? { time: `2026-05-20T${time}:00.000Z` } : {}),
  ...(comment ? { comment } : {}),
  hash: 'h',
});

describe('merging runs', () => {
  it('follows the run saved last for its name, path and sign-off; created is the earlier one', () => {
    const here = run({ name: 'Ici', updated: '2026-05-20T09:00:00.000Z', results: { a: at('passed', '08:00') } });
    const there = run({
      name: 'Là-bas',
      created: '2026-05-19T08:00:00.000Z',
      updated: '2026-05-21T09:00:00.000Z',
      request: { ...here.request, modules: ['facturation'] },
      results: { b: at('failed', '09:00', 'KO') },
    });
    const merged = mergeRun(here, there);
    expect(merged.run).toMatchObject({
      name: 'Là-bas',
      created: '2026-05-19T08:00:00.000Z',
      updated: '2026-05-21T09:00:00.000Z',
    });
    expect(merged.run.request.modules).toEqual(['facturation']);
    expect(Object.keys(merged.run.results).sort()).toEqual(['a', 'b']);
    expect(merged.changed).toBe(true);
    const older = mergeRun(there, here);
    expect(older.run.name).toBe('Là-bas');
    expect(mergeRun(here, here).changed).toBe(false);
  });

  it('keeps the arrangement of the run saved last, and the copy here its own assignment', () => {
    const given = { tester: 'Paul', modules: ['facturation'], groups: [], items: [] };
    const here = run({ updated: '2026-05-20T09:00:00.000Z', assignment: given, arrangement: { order: 'risk' } });
    const later = run({ updated: '2026-05-21T09:00:00.000Z', assignment: { ...given, tester: 'Marie' } });
    // Whose copy a run is stays with the copy (assignment.ts, mergedAssignments).
    expect(mergeRun(here, later).run.assignment?.tester).toBe('Paul');
    expect(mergeRun(later, here).run.assignment?.tester).toBe('Marie');
    expect(mergeRun(later, here).run.arrangement).toBeUndefined();
    expect(mergeRun(here, run({ updated: '2026-05-19T09:00:00.000Z' })).run).toMatchObject({
      assignment: given,
      arrangement: { order: 'risk' },
    });
  });

  it('adds the runs of a file that are not here, merges those that are, and reports both', () => {
    const mine = run({ id: 'mine', results: { a: at('passed', '08:00') } });
    const shared = run({
      id: 'shared',
      name: 'Partagée',
      results: { a: at('passed', '08:00'), b: at('failed', '09:00', 'ici') },
    });
    const theirsShared = run({
      id: 'shared',
      name: 'Partagée',
      results: { a: at('passed', '08:00'), b: at('passed', '08:30'), c: at('na', '10:00') },
    });
    const theirsNew = run({ id: 'new', name: 'Nouvelle', results: { z: at('passed', '10:00') } });
    const outcome = importRuns([mine, shared], [theirsShared, theirsNew]);
    expect(outcome.runs.map((r) => r.id)).toEqual(['mine', 'shared', 'new']);
    expect(outcome.runs[0]).toBe(mine);
    expect(outcome.changed.map((r) => r.id)).toEqual(['shared', 'new']);
    expect(outcome.runs[1]!.results).toEqual({ a: shared.results.a, b: shared.results.b, c: theirsShared.results.c });
    expect(outcome.report).toEqual({
      added: [{ id: 'new', name: 'Nouvelle', results: 1 }],
      merged: [{ id: 'shared', name: 'Partagée', taken: 1, kept: 1, conflicts: 0, same: 1 }],
    });
  });

  it('changes nothing when the file holds what is already here', () => {
    const mine = run({ results: { a: at('passed', '08:00') } });
    const outcome = importRuns([mine], [structuredClone(mine)]);
    expect(outcome.changed).toEqual([]);
    expect(outcome.report.merged[0]).toMatchObject({ taken: 0, kept: 0, conflicts: 0, same: 1 });
  });
});

/** A version of a result with a revision, made from `base`. */
const rev = (
  id: string,
  status: ItemResult['status'],
  time: string,
  extra: Partial<ItemResult> = {},
  base?: string[],
): ItemResult => ({
  status,
  time: `2026-05-20T${time}:00.000Z`,
  hash: 'h',
  rev: id,
  ...(base ? { base } : {}),
  ...extra,
});

describe('the same item changed on both sides', () => {
  const start = rev('r0', 'untested', '09:00');
  const failed = rev('ra', 'failed', '10:00', { comment: 'Le PDF est refusé', tester: 'Alice' }, ['r0']);
  const passed = rev('rb', 'passed', '10:05', { tester: 'Bruno' }, ['r0']);

  it('takes a version made from the one here, and keeps one made from the other', () => {
    expect(mergeResults({ a: start }, { a: failed })).toMatchObject({ results: { a: failed }, taken: ['a'] });
    const older = rev('ra', 'passed', '11:00', {}, ['r0']);
    // Made from what is there: stays even though the other side's time is later.
    const merged = mergeResults({ a: older }, { a: rev('r0', 'failed', '12:00') });
    expect(merged.results.a).toBe(older);
    expect(merged.kept).toEqual(['a']);
  });

  it('keeps both versions made from the same one, the one here first, whatever the times', () => {
    const merged = mergeResults({ a: failed }, { a: passed });
    expect(merged.conflicts).toEqual(['a']);
    expect(merged.taken).toEqual([]);
    expect(merged.results.a).toEqual({ ...failed, conflict: [passed] });
    // The failure comment stays on the failed version: never on a "passed" nobody entered.
    expect(versionsOf(merged.results.a!).find((v) => v.status === 'passed')?.comment).toBeUndefined();
    const other = mergeResults({ a: passed }, { a: failed });
    expect(other.results.a).toEqual({ ...passed, conflict: [failed] });
    expect(sameResult(merged.results.a!, other.results.a!)).toBe(true);
  });

  it('merges once: a side that holds the conflict already changes nothing, in either order', () => {
    const mine = mergeResults({ a: failed }, { a: passed }).results.a!;
    const theirs = mergeResults({ a: passed }, { a: failed }).results.a!;
    expect(mergeResults({ a: mine }, { a: theirs })).toMatchObject({ same: 1, taken: [], kept: [], conflicts: [] });
    expect(mergeResults({ a: mine }, { a: passed })).toMatchObject({ kept: ['a'], conflicts: [] });
    expect(mergeResults({ a: mine }, { a: passed }).results.a).toBe(mine);
    // The other side learns of the conflict from the value written here.
    expect(mergeResults({ a: passed }, { a: mine })).toMatchObject({ conflicts: ['a'] });
  });

  it('takes a settled conflict everywhere, and an edit of one version keeps the other', () => {
    const conflicted = mergeResults({ a: failed }, { a: passed }).results.a!;
    const settled = settleConflict(conflicted, 1, 'rs');
    expect(settled).toEqual({ ...passed, rev: 'rs', base: ['ra', 'rb', 'r0'] });
    const elsewhere = mergeResults({ a: passed }, { a: failed }).results.a!;
    expect(mergeResults({ a: elsewhere }, { a: settled })).toMatchObject({ results: { a: settled }, taken: ['a'] });
    // Still typing in one tab: the other tab's version stays beside it.
    const typed = editedResult(conflicted, { ...failed, comment: 'Le PDF est refusé par le validateur' }, 'rc');
    expect(typed.base).toEqual(['ra', 'r0']);
    expect(typed.conflict).toEqual([passed]);
    const again = mergeResults({ a: elsewhere }, { a: typed });
    expect(versionsOf(again.results.a!).map((v) => v.rev)).toEqual(['rb', 'rc']);
  });

  it('keeps the revision of a version being typed until it is saved, and renews it after', () => {
    const first = editedResult(start, { status: 'failed', comment: 'L' }, 'rx');
    const second = editedResult(first, { status: 'failed', comment: 'Le' }, 'rx');
    expect(second).toMatchObject({ rev: 'rx', base: ['r0'], comment: 'Le' });
    expect(editedResult(second, { status: 'failed', comment: 'Le P' }, 'ry').base).toEqual(['rx', 'r0']);
    // A result written before revisions existed is known by its time.
    expect(editedResult(at('passed', '08:00'), { status: 'failed' }, 'rz').base).toEqual([
      'time:2026-05-20T08:00:00.000Z',
    ]);
    expect(editedResult(undefined, { status: 'passed' }, 'rn')).toEqual({ status: 'passed', rev: 'rn' });
  });

  it('knows a version for an ancestor of one saved several times since, without a conflict', () => {
    // One tab saves after every keystroke; the other missed those saves and still holds r0.
    let typed = start;
    for (const [n, comment] of ['L', 'Le', 'Le P', 'Le PDF'].entries()) {
      typed = editedResult(typed, { status: 'failed', comment }, `r${n + 1}`);
    }
    expect(typed.base).toEqual(['r3', 'r2', 'r1', 'r0']);
    expect(mergeResults({ a: start }, { a: typed })).toMatchObject({ taken: ['a'], conflicts: [] });
    expect(mergeResults({ a: typed }, { a: start })).toMatchObject({ kept: ['a'], conflicts: [] });
  });

  it('takes an edit of a result written before revisions existed, and the time rule stays for those', () => {
    const old = at('failed', '08:00', 'ancien');
    const edit = editedResult(old, { status: 'passed', time: '2026-05-20T07:00:00.000Z' }, 'rn');
    expect(mergeResults({ a: old }, { a: edit })).toMatchObject({ taken: ['a'], conflicts: [] });
    expect(mergeResults({ a: old }, { a: rev('ro', 'passed', '07:00') })).toMatchObject({ kept: ['a'] });
  });

  it('never lets a version where nothing was recorded stand against one that holds a result', () => {
    const untested = rev('ru', 'untested', '11:00', { tester: 'Bruno' }, ['r0']);
    expect(mergeResults({ a: failed }, { a: untested })).toMatchObject({ kept: ['a'], conflicts: [] });
    expect(mergeResults({ a: untested }, { a: failed })).toMatchObject({ results: { a: failed }, taken: ['a'] });
    // Without revisions either, whatever the times.
    expect(mergeResults({ a: at('failed', '08:00', 'KO') }, { a: at('untested', '09:00') }).kept).toEqual(['a']);
  });

  it('lets three tabs keep their three versions', () => {
    const third = rev('rc', 'blocked', '10:10', { comment: 'Serveur arrêté' }, ['r0']);
    const two = mergeResults({ a: failed }, { a: passed }).results.a!;
    const three = mergeResults({ a: two }, { a: third });
    expect(three.conflicts).toEqual(['a']);
    expect(versionsOf(three.results.a!).map((v) => v.rev)).toEqual(['ra', 'rb', 'rc']);
  });

  it('reports conflicts of an imported file and keeps them through a saved value', () => {
    const here = run({ id: 'r', results: { a: failed } });
    const file = run({ id: 'r', results: { a: passed } });
    const outcome = importRuns([here], [file]);
    expect(outcome.report.merged[0]).toMatchObject({ conflicts: 1, taken: 0 });
    expect(outcome.changed).toHaveLength(1);
    const stored = JSON.parse(JSON.stringify(outcome.runs[0]!.results)) as Record<string, unknown>;
    expect(cleanResults('r', stored)).toEqual({ results: outcome.runs[0]!.results, dropped: [] });
  });

  it('makes revision ids of 12 URL-safe characters', () => {
    expect(newRevision()).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(newRevision()).not.toBe(newRevision());
  });
});
