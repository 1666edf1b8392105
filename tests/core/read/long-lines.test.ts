/**
 * `check` on an entry whose lines are a megabyte long: read in one pass, with the items split
 * where the contract says. (Patterns such as `-+>` took seconds per hundred thousand dashes.)
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoadBook, type LoadResult } from '../../../src/core/read/road-book.ts';

const MEGABYTE = 1 << 20;
const DASHES = '-'.repeat(MEGABYTE);

let root: string;
let result: LoadResult;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'roadbook-long-'));
  const dir = join(root, 'content/versions/15.3.0');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.md'), '---\ndate: 2026-10-14\n---\n');
  await writeFile(
    join(dir, 'GES-1.md'),
    [
      '---',
      'title: Une correction',
      'type: correction',
      'modules: [facturation]',
      '---',
      '## Vérifications',
      '',
      `- Ouvrir ${DASHES} fin`,
      `- Saisir ${DASHES}> la facture est créée`,
      '',
    ].join('\n'),
  );
  result = await loadRoadBook(root, { workers: false });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a road book with megabyte lines', () => {
  it('is checked without a diagnostic', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('splits each item at its first arrow, dashes before `>` part of the arrow', () => {
    expect(result.book.entries[0]!.items.map((i) => [i.step, i.expect])).toEqual([
      [`Ouvrir ${DASHES} fin`, null],
      ['Saisir', 'la facture est créée'],
    ]);
  });
});
