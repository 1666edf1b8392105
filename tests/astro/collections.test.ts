import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packEntry, toEntryData, unpackEntry } from '../../src/astro/collections.ts';
import { loadRoadBook } from '../../src/core/read/road-book.ts';
import { PROJECT } from '../cli/run-cli.ts';

describe('an entry as the store holds it', () => {
  it('gives back every field of the entry, and holds only texts', async () => {
    const { book, errorCount } = await loadRoadBook(join(PROJECT, 'tests/fixtures/cli'), { workers: false });
    expect(errorCount).toBe(0);
    expect(book.entries.length).toBeGreaterThan(1);
    book.entries.forEach((entry, order) => {
      const data = toEntryData(entry, order);
      const stored = packEntry(data);
      // What Astro walks and serialises on every sync: two values per entry.
      expect(Object.values(stored).every((v) => typeof v === 'string')).toBe(true);
      expect(stored.verifyIntroHtml).toBe(entry.verifyIntroHtml);
      expect(unpackEntry(stored)).toEqual(JSON.parse(JSON.stringify(data)));
      expect(unpackEntry(stored)).toMatchObject({ id: entry.id, order, file: entry.file, title: entry.title });
    });
  });
});
