/** What content/versions/ and each version folder may hold, and what is said of the rest. */
import { describe, expect, it } from 'vitest';
import { diagnosticsOfFiles, loadFiles } from '../../helpers/road-book-files.ts';

const V = 'content/versions/15.3.0';
const INDEX = '---\ndate: 2026-10-14\n---\n';
const ENTRY = '---\ntitle: Une correction\ntype: correction\nmodules: [facturation]\nverify: [Ouvrir la fiche]\n---\n';

describe('a version folder', () => {
  it('reads index.md as the version and every other .md file as an entry', async () => {
    const { book, diagnostics } = await loadFiles({ [`${V}/index.md`]: INDEX, [`${V}/GES-1.md`]: ENTRY });
    expect(diagnostics).toEqual([]);
    expect(book.versions.map((v) => [v.slug, v.date, v.file])).toEqual([['15.3.0', '2026-10-14', `${V}/index.md`]]);
    expect(book.entries.map((e) => [e.id, e.file, e.version])).toEqual([['GES-1', `${V}/GES-1.md`, '15.3.0']]);
  });

  it('ignores, with a warning, files that are neither Markdown nor assets', async () => {
    expect(
      await diagnosticsOfFiles({
        [`${V}/index.md`]: INDEX,
        [`${V}/notes.txt`]: 'brouillon',
        'content/versions/README.md': 'Les versions',
      }),
    ).toEqual([`${V}/notes.txt:1:1 warning unexpected-file`, `content/versions/README.md:1:1 warning unexpected-file`]);
  });
});
