import { describe, expect, it } from 'vitest';
import { analyzeBody } from '../../../src/core/markdown/analyze.ts';

const HEADINGS = ['Vérifications', 'Vérification', 'Verification', 'Checks'];

function analyze(markdown: string, startLine = 1, verifyHeadings: readonly string[] = HEADINGS) {
  return analyzeBody(markdown, { file: 'content/versions/15.3.0/GES-1.md', startLine, verifyHeadings });
}

const steps = (markdown: string) => analyze(markdown).items.map((i) => i.step);

describe('verification sections', () => {
  it.each([
    ['## Vérifications\n\n- a\n', ['a']],
    ['# Vérifications\n\n- a\n', ['a']],
    ['###### Checks\n\n- a\n', ['a']],
    ['## Vérifications :\n\n- a\n', ['a']],
    ['## Vérifications:\n\n- a\n', ['a']],
    ['## Vérifications\u00a0:\n\n- a\n', ['a']],
    ['## Vérifications\u202f:\n\n- a\n', ['a']],
    ['## VÉRIFICATIONS\n\n- a\n', ['a']],
    ['##   vérification   \n\n- a\n', ['a']],
    ['## *Vérifications*\n\n- a\n', ['a']],
    ['Vérifications\n-------------\n\n- a\n', ['a']],
    ['## Ve\u0301rifications\n\n- a\n', ['a']],
    ['## Vérifications à faire\n\n- a\n', []],
    ['## Vérifications ::\n\n- a\n', []],
    ['- a\n\n## Autre\n\n- b\n', []],
    ['> ## Vérifications\n>\n> - a\n', []],
    ['- ## Vérifications\n\n  - a\n', []],
    ['```\n## Vérifications\n\n- a\n```\n', []],
  ])('%j → %j', (markdown, expected) => {
    expect(steps(markdown)).toEqual(expected);
  });

  it('ends at the next heading of the same or a higher level', () => {
    const md = [
      '# Titre',
      '## Vérifications',
      '- a',
      '### Détail',
      '- b',
      '#### Plus fin',
      '- c',
      '## Notes',
      '- pas un item',
      '## Checks',
      '- d',
      '# Fin',
      '- pas un item non plus',
    ].join('\n\n');
    expect(steps(md)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads a deeper section that ends at a higher heading', () => {
    const md = '# A\n\n### Checks\n\n- a\n\n## B\n\n- not\n';
    expect(steps(md)).toEqual(['a']);
  });

  it('reads several sections in order', () => {
    const md = '## Checks\n\n- un\n\n## Autre\n\ntexte\n\n## Vérification\n\n1. deux\n2. trois\n';
    expect(steps(md)).toEqual(['un', 'deux', 'trois']);
  });

  it('reads nothing without verification headings', () => {
    expect(analyze('## Vérifications\n\n- a\n', 1, []).items).toEqual([]);
  });

  it('takes headings from the settings, compared the same way', () => {
    expect(analyze('## Recette\n\n- a\n', 1, ['recette :']).items.map((i) => i.step)).toEqual(['a']);
  });

  it('reads the top-level items of every list in the section, task-list or not, bulleted or numbered', () => {
    const md = [
      '## Vérifications',
      '',
      '- [ ] tâche',
      '- [x] faite',
      '- simple',
      '',
      'Puis :',
      '',
      '1. premier',
      '2) second',
      '',
      '* étoile',
      '+ plus',
    ].join('\n');
    expect(steps(md)).toEqual(['tâche', 'faite', 'simple', 'premier', 'second', 'étoile', 'plus']);
  });

  it('keeps paragraphs and other blocks as the introduction', () => {
    const md = [
      '## Vérifications',
      '',
      'Sur une **copie** de la base :',
      '',
      '- a',
      '',
      '> Attention',
      '',
      '## Checks',
      '',
      'Deuxième section.',
      '',
      '[ref]: https://example.com',
    ].join('\n');
    const result = analyze(md);
    expect(result.verifyIntroHtml).toBe(
      '<p>Sur une <strong>copie</strong> de la base :</p>\n<blockquote>\n<p>Attention</p>\n</blockquote>\n<p>Deuxième section.</p>',
    );
  });

  it('gives an empty introduction when there is none', () => {
    expect(analyze('## Vérifications\n\n- a\n').verifyIntroHtml).toBe('');
    expect(analyze('Texte.\n').verifyIntroHtml).toBe('');
  });
});

describe('items', () => {
  const only = (markdown: string) => {
    const result = analyze(`## Vérifications\n\n${markdown}`);
    expect(result.diagnostics).toEqual([]);
    expect(result.items).toHaveLength(1);
    const { line: _line, column: _column, ...item } = result.items[0]!;
    return item;
  };

  it.each([
    ['- Saisir un avoir → le solde diminue', 'Saisir un avoir', 'le solde diminue'],
    ['- Saisir un avoir -> le solde diminue', 'Saisir un avoir', 'le solde diminue'],
    ['- Saisir un avoir --> le solde diminue', 'Saisir un avoir', 'le solde diminue'],
    ['- Saisir→diminue', 'Saisir', 'diminue'],
    ['- a → b → c', 'a', 'b → c'],
    ['- a -> b', 'a', 'b'],
    ['- [ ] Lancer → fini', 'Lancer', 'fini'],
    ['- Lancer →', 'Lancer', null],
    ['- Lancer `a -> b` puis x', 'Lancer a -> b puis x', null],
    ['- Lancer `a -> b` → ok', 'Lancer a -> b', 'ok'],
    ['- Lancer `a → b`', 'Lancer a → b', null],
    ['- Une ligne\n  continuée → attendu', 'Une ligne continuée', 'attendu'],
  ])('%j splits into %j and %j', (markdown, step, expected) => {
    const item = only(markdown);
    expect(item.step).toBe(step);
    expect(item.expect).toBe(expected);
  });

  it.each([
    ['Attendu : les écritures', 'les écritures'],
    ['Attendu\u00a0: les écritures', 'les écritures'],
    ['Attendu\u202f: les écritures', 'les écritures'],
    ['Attendu: les écritures', 'les écritures'],
    ['attendu   :les écritures', 'les écritures'],
    ['Résultat attendu: les écritures', 'les écritures'],
    ['RÉSULTAT ATTENDU : les écritures', 'les écritures'],
    ['Expected: the entries', 'the entries'],
    ['expected : the entries', 'the entries'],
    ['**Attendu :** les écritures', 'les écritures'],
  ])('nested %j gives the expected result', (nested, expected) => {
    const item = only(`- Lancer l'export\n  - ${nested}\n`);
    expect(item.step).toBe("Lancer l'export");
    expect(item.expect).toBe(expected);
    expect(item.stepHtml).toBe('Lancer l’export'.replace('’', "'"));
  });

  it.each(['Attendus : x', 'Attendu x', 'Expectation: x', 'Le résultat attendu : x'])(
    'nested %j stays part of the step',
    (nested) => {
      const item = only(`- Lancer\n  - ${nested}\n`);
      expect(item.expect).toBeNull();
      expect(item.step).toBe(`Lancer — ${nested}`);
    },
  );

  it('keeps other nested items in the step, as a nested list in its HTML', () => {
    const item = only(
      '- Ouvrir la fiche client\n  - onglet *Comptabilité*\n  - Attendu : le solde\n  - bouton Recalculer\n',
    );
    expect(item).toEqual({
      step: 'Ouvrir la fiche client — onglet Comptabilité — bouton Recalculer',
      stepHtml:
        'Ouvrir la fiche client\n<ul>\n<li>onglet <em>Comptabilité</em></li>\n<li>bouton Recalculer</li>\n</ul>',
      expect: 'le solde',
      expectHtml: 'le solde',
    });
  });

  it('joins an arrow result and nested expected results with " — "', () => {
    const item = only('- Saisir → le solde baisse\n  - Attendu : une écriture\n  - Expected: *logged*\n');
    expect(item.expect).toBe('le solde baisse — une écriture — logged');
    expect(item.expectHtml).toBe('le solde baisse — une écriture — <em>logged</em>');
  });

  it('keeps inline Markdown on both sides of the arrow', () => {
    const item = only('- Ouvrir **Factures** et [la doc](https://example.com/doc) → le total *TTC* vaut `12,35`\n');
    expect(item).toEqual({
      step: 'Ouvrir Factures et la doc',
      stepHtml:
        'Ouvrir <strong>Factures</strong> et <a href="https://example.com/doc" rel="noopener noreferrer">la doc</a>',
      expect: 'le total TTC vaut 12,35',
      expectHtml: 'le total <em>TTC</em> vaut <code>12,35</code>',
    });
  });

  it('splits inside emphasis, keeping it on both sides', () => {
    const item = only('- *Saisir → voir*\n');
    expect(item.stepHtml).toBe('<em>Saisir</em>');
    expect(item.expectHtml).toBe('<em>voir</em>');
  });

  it('keeps safe raw HTML in steps and drops the rest', () => {
    const result = analyze(
      '## Checks\n\n- Appuyer sur <kbd>F5</kbd> <span>ici</span> -> la liste est <mark>rafraîchie</mark>\n',
    );
    expect(result.items[0]).toMatchObject({
      step: 'Appuyer sur F5 ici',
      stepHtml: 'Appuyer sur <kbd>F5</kbd> ici',
      expect: 'la liste est rafraîchie',
      expectHtml: 'la liste est <mark>rafraîchie</mark>',
    });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['html-removed']);
  });

  it('renders a loose item: first paragraph inline, the next blocks as blocks', () => {
    const item = only('- Ouvrir la fiche\n\n  Puis **valider**.\n\n  ```sql\n  SELECT 1\n  ```\n');
    expect(item).toEqual({
      step: 'Ouvrir la fiche Puis valider. SELECT 1',
      stepHtml:
        'Ouvrir la fiche\n<p>Puis <strong>valider</strong>.</p>\n<div class="scroll-region" role="region" tabindex="0" aria-label="Bloc de code"><pre><code class="language-sql">SELECT 1\n</code></pre></div>',
      expect: null,
      expectHtml: null,
    });
  });

  it('keeps the HTML of each item to itself, even with raw HTML left open', () => {
    const result = analyze('## Checks\n\n- un <details><summary>Plus</summary> détail\n- deux <kbd>K\n');
    expect(result.items.map((i) => i.stepHtml)).toEqual([
      // HTML parsing closes the paragraph before a <details>, as browsers do.
      'un <details><summary>Plus</summary> détail<p></p>\n</details>',
      'deux <kbd>K</kbd>',
    ]);
  });

  it('escapes text in its HTML', () => {
    expect(only('- Comparer a < b & c → "ok"\n')).toMatchObject({
      stepHtml: 'Comparer a &#x3C; b &#x26; c',
      expectHtml: '"ok"',
    });
  });

  it('resolves reference links against the body definitions', () => {
    const item = only('- Lire [la note][n] → ok\n\n[n]: https://example.com/n\n');
    expect(item.stepHtml).toBe('Lire <a href="https://example.com/n" rel="noopener noreferrer">la note</a>');
  });

  it('gives the position of the list marker in the file', () => {
    const result = analyze('Intro.\n\n## Vérifications\n\n- [ ] un\n  - Attendu : x\n\n1. deux\n', 12);
    expect(result.items.map((i) => [i.step, i.line, i.column])).toEqual([
      ['un', 16, 1],
      ['deux', 19, 1],
    ]);
  });

  it.each([
    ['- [ ]\n', 3, 1],
    ['- [ ] → seulement le résultat\n', 3, 1],
    ['- a\n-\n', 4, 1],
    ['- <span></span>\n', 3, 1],
    ['- [ ]\n  - un détail\n  - Attendu : x\n', 3, 1],
  ])('reports an empty step in %j', (markdown, line, column) => {
    const result = analyze(`## Checks\n\n${markdown}`);
    const empty = result.diagnostics.filter((d) => d.code === 'empty-item');
    expect(empty).toMatchObject([{ severity: 'error', line, column, file: 'content/versions/15.3.0/GES-1.md' }]);
    expect(result.items.every((i) => i.step !== '')).toBe(true);
  });
});

describe('raw HTML and links', () => {
  it('warns for each raw element outside the safe set, where it is in the file', () => {
    const md = [
      'Texte <kbd>K</kbd> <iframe src="x"></iframe>',
      '',
      '<div>',
      '<b>gras</b> <sup>2</sup>',
      '</div>',
      '',
      '- a <span onclick="x">b</span>',
    ].join('\n');
    const result = analyze(md, 10);
    expect(
      result.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message.match(/<\w+>/)?.[0]]),
    ).toEqual([
      ['html-removed', 'warning', 10, 20, '<iframe>'],
      ['html-removed', 'warning', 12, 1, '<div>'],
      ['html-removed', 'warning', 13, 1, '<b>'],
      ['html-removed', 'warning', 16, 5, '<span>'],
    ]);
    expect(result.diagnostics[0]!.message).toBe(
      'Raw HTML <iframe> is not allowed and is removed from the page; allowed: kbd, sub, sup, br, mark, details, summary, abbr',
    );
  });

  it('warns for attributes removed from safe elements', () => {
    const result = analyze('<abbr title="x" onmouseover="alert(1)">TVA</abbr>\n');
    expect(result.diagnostics).toMatchObject([{ code: 'html-removed', line: 1, column: 1 }]);
    expect(result.diagnostics[0]!.message).toContain('onmouseover');
  });

  it('does not warn for what the page keeps: safe elements, comments', () => {
    const md =
      '<details open>\n<summary>Plus</summary>\n\nTexte<br>\n\n</details>\n\n<!-- note -->\n\nH<sub>2</sub>O <abbr title="t">T</abbr>\n';
    expect(analyze(md).diagnostics).toEqual([]);
  });

  it('points at a tag inside a list item with the item indentation', () => {
    const md = '- item\n\n  <div>\n  <p>x</p>\n  </div>\n';
    expect(analyze(md).diagnostics.map((d) => [d.line, d.column])).toEqual([
      [3, 3],
      [4, 3],
    ]);
  });

  it('reports a script once, not what is inside it', () => {
    const result = analyze('<script>\nvar x = "<iframe>";\n</script>\n\nTexte <script>alert("<b>")</script>\n', 5);
    expect(result.diagnostics.map((d) => [d.line, d.column, d.message.match(/<\w+>/)?.[0]])).toEqual([
      [5, 1, '<script>'],
      [9, 7, '<script>'],
    ]);
  });

  it.each([
    ['[x](javascript:alert(1))', 1, 1, 'link'],
    ['Voir ![x](data:image/png;base64,AAAA)', 1, 6, 'image'],
    ['Voir <javascript:alert(1)>', 1, 6, 'link'],
    ['[x][r]\n\n[r]: vbscript:x', 3, 1, 'link definition'],
    ['[x](<java\tscript:alert(1)>)', 1, 1, 'link'],
    ['[x](&#106;avascript:alert(1))', 1, 1, 'link'],
  ])('warns for the unsafe URL in %j', (markdown, line, column, what) => {
    const result = analyze(markdown);
    expect(result.diagnostics).toMatchObject([{ code: 'unsafe-link', severity: 'warning', line, column }]);
    expect(result.diagnostics[0]!.message).toContain(`The ${what} URL`);
  });

  it.each([
    '[x](https://example.com)',
    '[x](mailto:a@example.com)',
    '[x](../15.2.0/GES-4410.md)',
    '[x](#ancre)',
    'www.example.com et a@example.com',
    '<https://example.com>',
  ])('does not warn for %j', (markdown) => {
    expect(analyze(markdown).diagnostics).toEqual([]);
  });

  it('collects relative image URLs and links into assets/, with their positions', () => {
    const md = [
      '![a](assets/a.png) ![b](https://example.com/b.png) ![c](/c.png)',
      '',
      '[d](assets/d.pdf) [e](GES-4410.md) ![f][f] ![g](./assets/g%20h.svg)',
      '',
      '## Vérifications',
      '',
      '- Voir ![i](assets/i.png) → ok',
      '',
      '[f]: assets/f.gif',
    ].join('\n');
    expect(analyze(md, 3).assetRefs).toEqual([
      { url: 'assets/a.png', line: 3, column: 1 },
      { url: 'assets/d.pdf', line: 5, column: 1 },
      { url: 'assets/f.gif', line: 5, column: 36 },
      { url: './assets/g%20h.svg', line: 5, column: 44 },
      { url: 'assets/i.png', line: 9, column: 8 },
    ]);
  });

  it('skips the parse for a body with nothing to find, with the same result', () => {
    const prose = 'Un paragraphe simple.\nAvec *emphase* et www.example.com.\n\n- une liste\n- hors section\n';
    expect(analyze(prose)).toEqual({ items: [], verifyIntroHtml: '', assetRefs: [], pageLinks: [], diagnostics: [] });
  });
});
