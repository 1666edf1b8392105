import { describe, expect, it } from 'vitest';
import {
  backupKey,
  isJournalKey,
  journalKey,
  parseBackupKey,
  processesKey,
  runIdOfKey,
  runKey,
  storagePrefix,
  testerKey,
} from '../../../src/core/run/storage-keys.ts';

describe('storage keys', () => {
  it('keep two road books on one origin apart (base and product)', () => {
    const a = storagePrefix({ base: '/', product: 'Gestan' });
    const b = storagePrefix({ base: '/docs/roadbook/', product: 'Gestan' });
    const c = storagePrefix({ base: '/', product: 'Gestan Paie' });
    expect(new Set([a, b, c]).size).toBe(3);
    expect(a).toBe('roadbook:%2F:Gestan:');
    expect(runKey(a, 'abc')).toBe('roadbook:%2F:Gestan:run:abc');
    expect(runIdOfKey(a, runKey(a, 'abc'))).toBe('abc');
    expect(runIdOfKey(b, runKey(a, 'abc'))).toBeNull();
    expect(processesKey(a)).toBe('roadbook:%2F:Gestan:processes');
    expect(testerKey(a)).toBe('roadbook:%2F:Gestan:tester');
    // A product whose name holds the separator cannot reach into another's keys.
    expect(storagePrefix({ base: '/', product: 'A:run' })).toBe('roadbook:%2F:A%3Arun:');
  });

  it('name backups after when they were made and what they held', () => {
    const prefix = storagePrefix({ base: '/', product: 'Gestan' });
    const key = backupKey(prefix, 1700000000000, 'run:abc');
    expect(parseBackupKey(prefix, key)).toEqual({ time: 1700000000000, what: 'run:abc' });
    expect(parseBackupKey(prefix, runKey(prefix, 'abc'))).toBeNull();
  });

  it('keep journal entries apart from runs, in the order a page wrote them', () => {
    const prefix = storagePrefix({ base: '/', product: 'Gestan' });
    const keys = [10, 9, 100].map((n) => journalKey(prefix, 'tab-1', n));
    expect(keys[0]).toBe('roadbook:%2F:Gestan:journal:tab-1:00000010');
    expect([...keys].sort()).toEqual([keys[1], keys[0], keys[2]]);
    expect(keys.every((k) => isJournalKey(prefix, k) && runIdOfKey(prefix, k) === null)).toBe(true);
    expect(isJournalKey(prefix, runKey(prefix, 'journal'))).toBe(false);
  });
});
