/** Links between pages, checked and resolved once every page of the road book is known. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));

describe('links between pages', () => {
  it('name the nearest existing file of a missing one', async () => {
    const result = await loadRoadBook(FIXTURES + 'link-missing');
    expect(result.diagnostics[0]!.message).toBe(
      'The link "../15.2.0/GES-4410-remis.md#calcul" points at content/versions/15.2.0/GES-4410-remis.md, which does not exist; did you mean `../15.2.0/GES-4410-remise.md`?',
    );
  });

  it('become the pages they point at in verification items, once every page is known', async () => {
    const { book, diagnostics } = await loadRoadBook(FIXTURES + 'good-item-links', { base: '/docs/' });
    expect(diagnostics).toEqual([]);
    const entry = book.entries.find((e) => e.id === 'GES-1')!;
    expect(entry.items.map((i) => [i.stepHtml, i.expectHtml])).toEqual([
      ['Une étape sans lien', null],
      [
        'Refaire <a href="/docs/versions/15.2.0/GES-4410/#calcul">le calcul</a>',
        'identique à <a href="/docs/versions/15.2.0/">la 15.2.0</a>',
      ],
    ]);
    expect(entry.verifyIntroHtml).toContain('<a href="/docs/versions/15.2.0/GES-4410/">la remise</a>');
  });

  it('never suggest the linking page itself', async () => {
    const result = await loadRoadBook(FIXTURES + 'link-missing');
    expect(result.diagnostics[1]!.message).toBe(
      'The link "./GES-2.md" points at content/versions/15.3.0/GES-2.md, which does not exist; did you mean `index.md`?',
    );
  });

  it('may point at drafts in a build with drafts, and from a draft always', async () => {
    expect((await loadRoadBook(FIXTURES + 'link-to-draft', { drafts: true })).diagnostics).toEqual([]);
    const checked = await loadRoadBook(FIXTURES + 'link-to-draft', { drafts: true, draftsPublished: false });
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['link-to-draft', 'link-to-draft']);
  });
});
