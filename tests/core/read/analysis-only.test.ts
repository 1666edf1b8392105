/**
 * `check` reads the road book without making any HTML (loadRoadBook's `renderBodies: false`):
 * it must find exactly the problems a build's reading finds, in every bad fixture.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';

const fixtures = (await readdir('tests/fixtures/bad')).sort();

describe('a read without HTML', () => {
  it.each(fixtures)('finds the problems a full read finds: %s', async (fixture) => {
    const root = `tests/fixtures/bad/${fixture}`;
    const full = await loadRoadBook(root, { drafts: true, workers: false });
    const checked = await loadRoadBook(root, { drafts: true, workers: false, renderBodies: false });
    expect(checked.diagnostics).toEqual(full.diagnostics);
    expect(checked.book.entries.map((e) => e.items.map((i) => i.id))).toEqual(
      full.book.entries.map((e) => e.items.map((i) => i.id)),
    );
  });

  it('covers fixtures with problems in bodies', () => {
    expect(fixtures).toEqual(expect.arrayContaining(['html-removed', 'unsafe-link', 'empty-item', 'many']));
  });
});
