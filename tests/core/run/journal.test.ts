import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../src/core/checklist/progress.ts';
import {
  changedResults,
  journalEntry,
  parseJournalEntry,
  restoredRun,
  serializeJournalEntry,
  unsavedChanges,
} from '../../../src/core/run/journal.ts';
import { run, SCOPE } from './fixture.ts';

const at = (status: ItemResult['status'], time: string, comment?: string): ItemResult => ({
  status,
  time: `2026-05-20T${time}:00.000Z`,
  ...(comment ? { comment } : {}),
  hash: 'h',
});

describe('the pending-change journal', () => {
  it('records only the results that changed since the last confirmed write', () => {
    const before = run({ results: { a: at('passed', '10:00'), b: at('failed', '10:01') } });
    const after = run({ results: { a: at('passed', '10:00'), b: at('failed', '10:05', 'vu'), c: at('na', '10:06') } });
    expect(changedResults(before.results, after.results)).toEqual({ b: after.results.b, c: after.results.c });
    expect(Object.keys(changedResults(null, after.results))).toEqual(['a', 'b', 'c']);
    const entry = journalEntry('tab-1', new Date('2026-05-20T10:06:00Z'), after, before);
    expect(entry).toMatchObject({ session: 'tab-1', time: '2026-05-20T10:06:00.000Z' });
    expect(Object.keys(entry.run.results)).toEqual(['b', 'c']);
    // Read back through the run's own format: what cannot be read is of no use.
    expect(parseJournalEntry(serializeJournalEntry(entry, SCOPE), SCOPE, 'fr')).toEqual(entry);
    expect(parseJournalEntry('{"session":"x"', SCOPE, 'fr')).toBeNull();
    expect(parseJournalEntry(serializeJournalEntry(entry, { ...SCOPE, product: 'Autre' }), SCOPE, 'fr')).toBeNull();
  });

  it('names the items an ended page recorded and storage does not hold; a live page is left alone', () => {
    const stored = run({ results: { a: at('passed', '10:00') } });
    const first = journalEntry(
      'ended',
      new Date('2026-05-20T10:01:00Z'),
      run({ results: { b: at('failed', '10:01') } }),
      null,
    );
    const second = journalEntry(
      'ended',
      new Date('2026-05-20T10:02:00Z'),
      run({ results: { a: at('passed', '10:00'), c: at('na', '10:02') } }),
      null,
    );
    const live = journalEntry('open', new Date(), run({ results: { d: at('passed', '10:03') } }), null);
    const found = unsavedChanges([second, first, live], new Map([[stored.id, stored]]), new Set(['open']));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ items: ['b', 'c'], time: '2026-05-20T10:02:00.000Z', newRun: false });
    // Putting them back adds them to the stored run and removes nothing.
    expect(Object.keys(restoredRun(found[0]!, stored).results).sort()).toEqual(['a', 'b', 'c']);
  });

  it('says nothing of an entry whose write went through (only its removal did not)', () => {
    const stored = run({ results: { a: at('passed', '10:00') } });
    const entry = journalEntry('ended', new Date(), stored, null);
    expect(unsavedChanges([entry], new Map([[stored.id, stored]]), new Set())).toEqual([]);
  });

  it('gives back a run that was never stored, as recorded', () => {
    const fresh = run({ id: 'run-2', results: { a: at('failed', '10:00', 'écran blanc') } });
    const found = unsavedChanges([journalEntry('ended', new Date(), fresh, null)], new Map(), new Set());
    expect(found).toMatchObject([{ items: ['a'], newRun: true }]);
    expect(restoredRun(found[0]!, undefined)).toEqual(fresh);
  });
});
