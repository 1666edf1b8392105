/** Checks across entries: ids unique in the road book, `supersedes` naming earlier entries. */
import { describe, expect, it } from 'vitest';
import { diagnosticsOfFiles, loadFiles } from '../../helpers/road-book-files.ts';

const INDEX = '---\ndate: 2026-10-14\n---\n';
const entry = (supersedes: string) =>
  `---\ntitle: Une correction\ntype: correction\nmodules: [facturation]\nsupersedes: [${supersedes}]\nverify: [Ouvrir la fiche]\n---\n`;

describe('supersedes', () => {
  it('may name an entry of the same version, which then lists its successor', async () => {
    const { book, diagnostics } = await loadFiles({
      'content/versions/15.3.0/index.md': INDEX,
      'content/versions/15.3.0/GES-1.md': entry(''),
      'content/versions/15.3.0/GES-2.md': entry('GES-1'),
    });
    expect(diagnostics).toEqual([]);
    expect(book.entries.find((e) => e.id === 'GES-1')?.supersededBy).toEqual(['GES-2']);
  });

  it('never names the entry itself', async () => {
    expect(
      await diagnosticsOfFiles({
        'content/versions/15.3.0/index.md': INDEX,
        'content/versions/15.3.0/GES-1.md': entry('GES-1'),
      }),
    ).toEqual(['content/versions/15.3.0/GES-1.md:5:14 error supersedes-later']);
  });
});
