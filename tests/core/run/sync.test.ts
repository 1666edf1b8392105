import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../src/core/checklist/progress.ts';
import { open } from '../../../src/core/run/library.ts';
import { initialState, openRun, type RunState } from '../../../src/core/run/run-state.ts';
import { keepRun, mergedOnWrite, mergeFromFile, mergeFromTab, putBack } from '../../../src/core/run/sync.ts';
import { run } from './fixture.ts';

const v = (status: ItemResult['status'], rev: string, base?: string[]): ItemResult => ({
  status,
  hash: 'h',
  rev,
  ...(base ? { base } : {}),
});

function opened(results: Record<string, ItemResult>, others = [run({ id: 'b', name: 'B' })]): RunState {
  const here = run({ results });
  return open(initialState([here, ...others]), { run: here, readOnly: null }).state;
}

describe('another tab saved a run', () => {
  it('merges it into the open run, repaints what came in and says it', () => {
    const state = opened({ a: v('passed', 'r1') });
    const theirs = run({ results: { a: v('failed', 'r2', ['r1']), c: v('na', 'r3') } });
    const { state: next, effects } = mergeFromTab(state, { run: 'run-1', theirs });
    expect(openRun(next)!.results).toEqual(theirs.results);
    expect(effects).toContainEqual({ type: 'render', panels: ['items'], items: ['a', 'c'] });
    expect(effects).toContainEqual({ type: 'announce', messages: [{ key: 'run.sync.updated' }] });
    expect(effects.some((e) => e.type === 'save')).toBe(false);
  });

  it('keeps both versions of an item changed on both sides, names it, and writes back what only this page holds', () => {
    const state = opened({ a: v('passed', 'r2', ['r1']) });
    const theirs = run({ results: { a: v('failed', 'r3', ['r1']) } });
    const { state: next, effects } = mergeFromTab(state, { run: 'run-1', theirs });
    expect(openRun(next)!.results.a!.conflict).toHaveLength(1);
    expect(effects).toContainEqual({
      type: 'alert',
      code: 'sync-conflict',
      message: { key: 'run.sync.conflict', params: { n: 1 } },
      offer: { kind: 'reveal', item: 'a' },
    });
    expect(effects).toContainEqual({ type: 'save', run: 'run-1' });
  });

  it('deleted the open run: it stays open and listed, with an offer to keep it', () => {
    const state = opened({});
    const { state: next, effects } = mergeFromTab(state, { run: 'run-1', theirs: null });
    expect(next.runs.map((r) => r.id)).toEqual(['run-1', 'b']);
    expect(effects[0]).toMatchObject({
      type: 'alert',
      code: 'sync-deleted',
      offer: { kind: 'keep-run', run: 'run-1' },
    });
    expect(keepRun(next, { run: 'run-1' }).effects).toEqual([
      { type: 'save', run: 'run-1' },
      { type: 'clear-alert', code: 'sync-deleted' },
    ]);
  });

  it('changed or deleted another run: the library takes it as stored', () => {
    const state = opened({});
    expect(mergeFromTab(state, { run: 'b', theirs: run({ id: 'b', name: 'B2' }) }).state.runs[1]!.name).toBe('B2');
    expect(mergeFromTab(state, { run: 'b', theirs: null }).state.runs.map((r) => r.id)).toEqual(['run-1']);
    expect(mergeFromTab(state, { run: 'new', theirs: run({ id: 'new' }) }).state.runs[0]!.id).toBe('new');
  });

  it('saved meanwhile, found by the store as it wrote: the run keeps its edits made during the write', () => {
    const state = opened({ a: v('passed', 'r1'), late: v('failed', 'r9') });
    const written = run({ results: { a: v('passed', 'r1'), theirs: v('na', 'x1') } });
    const { state: next, effects } = mergedOnWrite(state, { run: 'run-1', written });
    expect(Object.keys(openRun(next)!.results).sort()).toEqual(['a', 'late', 'theirs']);
    expect(effects).toContainEqual({ type: 'announce', messages: [{ key: 'run.sync.updated' }] });
  });
});

describe('a progress file imported', () => {
  it('adds and merges runs by id, saves what changed, and says what happened', () => {
    const state = opened({ a: v('passed', 'r1') });
    const file = [run({ results: { b: v('failed', 'x') } }), run({ id: 'z', name: 'Z', results: { q: v('na', 'y') } })];
    const { state: next, effects } = mergeFromFile(state, { runs: file, dropped: 2 });
    expect(next.runs.map((r) => r.id)).toEqual(['run-1', 'b', 'z']);
    expect(Object.keys(openRun(next)!.results)).toEqual(['a', 'b']);
    expect(effects.filter((e) => e.type === 'save')).toEqual([
      { type: 'save', run: 'run-1' },
      { type: 'save', run: 'z' },
    ]);
    const said = effects.find((e) => e.type === 'announce');
    expect(said).toEqual({
      type: 'announce',
      messages: [
        { key: 'run.import.added', params: { name: 'Z', n: 1 } },
        { key: 'run.import.merged', params: { name: run().name, taken: 1, kept: 0, same: 0 } },
        { key: 'run.import.dropped', params: { n: 2 } },
      ],
    });
    expect(effects).toContainEqual({ type: 'render', panels: ['items', 'orphans', 'header', 'signoff'] });
  });

  it('opens the run of a file of one run not open here', () => {
    const { effects } = mergeFromFile(initialState([]), { runs: [run({ id: 'z' })], dropped: 0 });
    expect(effects).toContainEqual({ type: 'open', run: 'z' });
  });
});

describe('changes a page that ended could not save', () => {
  it('are merged into the stored run, or added, and saved', () => {
    const state = initialState([run({ results: { a: v('passed', 'r1') } })]);
    const found = [
      { run: run({ results: { b: v('failed', 'r2') } }), items: ['b'], signOff: false, time: 'T', newRun: false },
      { run: run({ id: 'lost' }), items: [], signOff: false, time: 'T', newRun: true },
    ];
    const { state: next, effects } = putBack(state, { found });
    expect(next.runs.map((r) => r.id)).toEqual(['lost', 'run-1']);
    expect(Object.keys(next.runs[1]!.results)).toEqual(['a', 'b']);
    expect(effects.filter((e) => e.type === 'save').map((e) => e.type === 'save' && e.run)).toEqual(['run-1', 'lost']);
  });
});
