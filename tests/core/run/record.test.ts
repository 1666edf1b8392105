import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../src/core/run/evidence.ts';
import {
  attach,
  forget,
  record,
  saved,
  settle,
  undo,
  type EvidenceAction,
  type RecordAction,
} from '../../../src/core/run/record.ts';
import { initialState, openRun, type ReadOnly, type RunState } from '../../../src/core/run/run-state.ts';
import { run } from './fixture.ts';

const item = { id: 'GES-1#a', hash: 'h1' };
const T1 = '2026-05-21T10:00:00.000Z';
const T2 = '2026-05-21T10:01:00.000Z';

function opened(results = {}, readOnly: ReadOnly | null = null): RunState {
  return { ...initialState([run({ results })]), open: { id: 'run-1', saved: true, readOnly, draft: null } };
}

const act = (over: Partial<RecordAction> = {}): RecordAction => ({
  item,
  change: { status: 'passed' },
  statusSet: true,
  time: T1,
  rev: 'r1',
  tester: '',
  ...over,
});

const resultIn = (state: RunState) => openRun(state)!.results[item.id];

describe('recording a result', () => {
  it('sets the status with the item hash, the time, a revision, the default tester; saves and repaints the row', () => {
    const { state, effects } = record(opened(), act({ tester: 'Alice' }));
    expect(resultIn(state)).toEqual({ status: 'passed', time: T1, tester: 'Alice', hash: 'h1', rev: 'r1' });
    expect(openRun(state)!.updated).toBe(T1);
    expect(state.own.has('r1') && state.unsaved.has('r1')).toBe(true);
    expect(effects).toContainEqual({ type: 'save', run: 'run-1' });
    expect(effects).toContainEqual({ type: 'render', panels: ['items'], items: [item.id] });
  });

  it('repaints the header, which counts carried results, only when a carried result comes or goes', () => {
    const carriedFrom = { run: 'run-0', name: 'Recette 15.2', date: T1 };
    const carried = opened({ [item.id]: { status: 'passed', hash: 'h1', rev: 'r0', carriedFrom } });
    const rerun = record(carried, act({ change: { status: 'failed' }, time: T2 })).effects;
    expect(rerun).toContainEqual({ type: 'render', panels: ['items', 'header'], items: [item.id] });
    const plain = record(opened(), act()).effects;
    expect(plain).toContainEqual({ type: 'render', panels: ['items'], items: [item.id] });
  });

  it('keeps the revision while the tester types, renews it after a save', () => {
    const first = record(opened(), act()).state;
    const typing = record(first, act({ change: { comment: 'ok' }, statusSet: false, rev: 'r2', time: T2 })).state;
    expect(resultIn(typing)).toMatchObject({ comment: 'ok', rev: 'r1' });
    const after = record(saved(typing).state, act({ change: { comment: 'ok!' }, statusSet: false, rev: 'r3' })).state;
    expect(resultIn(after)).toMatchObject({ comment: 'ok!', rev: 'r3', base: ['r1'] });
  });

  it('renews the hash only when the status is set: a comment keeps the result flagged as given for an older text', () => {
    const old = opened({ [item.id]: { status: 'passed', hash: 'old', rev: 'r0' } });
    const commented = record(old, act({ change: { comment: 'vu' }, statusSet: false })).state;
    expect(resultIn(commented)!.hash).toBe('old');
    const confirmed = record(old, act({ change: { status: 'passed' }, statusSet: true })).state;
    expect(resultIn(confirmed)!.hash).toBe('h1');
  });

  it('drops emptied text fields', () => {
    const state = opened({ [item.id]: { status: 'failed', comment: 'x', hash: 'h1', rev: 'r0' } });
    const { state: next } = record(state, act({ change: { comment: '' }, statusSet: false }));
    expect(resultIn(next)).not.toHaveProperty('comment');
  });

  it('keeps text typed over a result another tab changed as a version of its own (a conflict)', () => {
    const shown = { status: 'untested' as const, hash: 'h1', rev: 'r0' };
    const theirs = { status: 'failed' as const, comment: 'là-bas', hash: 'h1', rev: 'x1', base: ['r0'] };
    const state = opened({ [item.id]: theirs });
    const { state: next } = record(
      state,
      act({ change: { comment: 'ici' }, statusSet: false, typedOver: { shows: shown } }),
    );
    const result = resultIn(next)!;
    expect(result).toMatchObject({ comment: 'ici', rev: 'r1' });
    expect(result.conflict).toEqual([theirs]);
  });

  it('records nothing in a read-only run', () => {
    const state = opened({}, { reason: 'withdrawn', version: '15.3.0' });
    expect(record(state, act())).toEqual({ state, effects: [] });
  });
});

describe('settling, forgetting and undoing', () => {
  const conflicted = {
    status: 'passed' as const,
    hash: 'h1',
    rev: 'a',
    conflict: [{ status: 'failed' as const, comment: 'non', hash: 'h1', rev: 'b' }],
  };

  it('keeps the version chosen, made from both, and says so', () => {
    const { state, effects } = settle(opened({ [item.id]: conflicted }), {
      item: item.id,
      version: 1,
      time: T1,
      rev: 's',
    });
    expect(resultIn(state)).toEqual({ status: 'failed', comment: 'non', hash: 'h1', rev: 's', base: ['a', 'b'] });
    expect(effects).toContainEqual({
      type: 'announce',
      messages: [{ key: 'run.conflict.kept', params: { id: item.id } }],
    });
    const none = opened({ [item.id]: conflicted });
    expect(settle(none, { item: item.id, version: 5, time: T1, rev: 's' }).state).toBe(none);
  });

  it('forgets a result and repaints the results without an item', () => {
    const { state, effects } = forget(opened({ gone: { status: 'passed' } }), { item: 'gone', time: T1 });
    expect(openRun(state)!.results).toEqual({});
    expect(effects).toContainEqual({ type: 'render', panels: ['items', 'orphans'], items: ['gone'] });
  });

  it('takes back the last edit as a new edit, then the one before', () => {
    const one = record(opened(), act()).state;
    const two = record(saved(one).state, act({ change: { status: 'failed' }, rev: 'r2', time: T2 })).state;
    const back = undo(two, { time: T2, rev: 'u1' }).state;
    expect(resultIn(back)).toMatchObject({ status: 'passed', rev: 'u1', base: ['r2', 'r1'] });
    const again = undo(back, { time: T2, rev: 'u2' }).state;
    // Not removed: a version "not run", so another tab that has the result takes it back too.
    expect(resultIn(again)).toMatchObject({ status: 'untested', rev: 'u2' });
    expect(undo(again, { time: T2, rev: 'u3' }).effects).toEqual([]);
  });
});

const file = (id: string): Attachment => ({
  id,
  name: `${id}.png`,
  type: 'image/png',
  size: 10,
  sha256: 'a'.repeat(64),
  added: T1,
});

const attaching = (over: Partial<EvidenceAction> = {}): EvidenceAction => ({
  item,
  time: T1,
  rev: 'e1',
  tester: 'Alice',
  ...over,
});

describe('attaching files to an item', () => {
  it('records them on a new result like any edit: the item hash, time, revision, tester; saved and repainted', () => {
    const { state, effects } = attach(opened(), attaching({ added: [file('f1'), file('f2')] }));
    expect(resultIn(state)).toEqual({
      status: 'untested',
      time: T1,
      tester: 'Alice',
      evidence: [file('f1'), file('f2')],
      hash: 'h1',
      rev: 'e1',
    });
    expect(state.unsaved.has('e1') && state.own.has('e1')).toBe(true);
    expect(effects).toContainEqual({ type: 'save', run: 'run-1' });
    expect(effects).toContainEqual({ type: 'render', panels: ['items'], items: [item.id] });
  });

  it('changes only the attachments of an existing result, keeping its status, text and hash', () => {
    const had = { status: 'failed' as const, comment: 'total faux', tester: 'Bob', hash: 'old', rev: 'r0' };
    const added = attach(opened({ [item.id]: had }), attaching({ added: [file('f1')] })).state;
    expect(resultIn(added)).toEqual({ ...had, time: T1, evidence: [file('f1')], rev: 'e1', base: ['r0'] });
    const removed = attach(saved(added).state, attaching({ removed: ['f1'], rev: 'e2', time: T2 })).state;
    expect(resultIn(removed)).toEqual({ ...had, time: T2, rev: 'e2', base: ['e1', 'r0'] });
  });

  it('applies a change to what the result holds now: a file another tab attached meanwhile stays', () => {
    const other = { status: 'passed' as const, hash: 'h1', rev: 'x1', evidence: [file('theirs')] };
    const { state } = attach(opened({ [item.id]: other }), attaching({ added: [file('mine')], removed: ['gone'] }));
    expect(resultIn(state)!.evidence).toEqual([file('theirs'), file('mine')]);
  });

  it('changes nothing when nothing changes, nor in a read-only run', () => {
    const had = { status: 'passed' as const, hash: 'h1', rev: 'r0', evidence: [file('f1')] };
    const state = opened({ [item.id]: had });
    expect(attach(state, attaching({ added: [file('f1')], removed: ['none'] })).effects).toEqual([]);
    const readOnly = opened({}, { reason: 'withdrawn', version: '15.3.0' });
    expect(attach(readOnly, attaching({ added: [file('f1')] })).effects).toEqual([]);
  });

  it('is no step to undo, and an undo keeps the attachments the result holds', () => {
    const passed = record(opened(), act()).state;
    const attached = attach(saved(passed).state, attaching({ added: [file('f1')], rev: 'e2', time: T2 })).state;
    expect(attached.undo).toEqual(passed.undo);
    const back = undo(saved(attached).state, { time: T2, rev: 'u1' }).state;
    expect(resultIn(back)).toMatchObject({ status: 'untested', evidence: [file('f1')], rev: 'u1' });
  });
});
