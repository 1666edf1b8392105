/** Checks across version folders: versions that are one, dates that go backwards. */
import { describe, expect, it } from 'vitest';
import { diagnosticsOfFiles } from '../../helpers/road-book-files.ts';

const index = (date: string) => `---\ndate: ${date}\n---\n`;

describe('names a case-insensitive host reads as one', () => {
  it('reports version folders that differ only by case at both folders', async () => {
    expect(
      await diagnosticsOfFiles({
        'content/versions/15.3.0-rc1/index.md': index('2026-10-14'),
        'content/versions/15.3.0-RC1/index.md': index('2026-10-14'),
      }),
    ).toEqual([
      'content/versions/15.3.0-RC1/index.md:1:1 error case-collision',
      'content/versions/15.3.0-rc1/index.md:1:1 error case-collision',
      'content/versions/15.3.0-rc1/index.md:1:1 error duplicate-version',
    ]);
  });
});

describe('release dates', () => {
  it('warn at the version dated before the one it follows, once', async () => {
    expect(
      await diagnosticsOfFiles({
        'content/versions/15.2.0/index.md': index('2026-10-14'),
        'content/versions/15.3.0/index.md': index('2026-09-01'),
        'content/versions/15.4.0/index.md': index('2026-11-02'),
      }),
    ).toEqual(['content/versions/15.3.0/index.md:2:7 warning version-date-order']);
  });
});
