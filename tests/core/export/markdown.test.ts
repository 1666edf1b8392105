import type { Heading, Link, List, ListItem, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, exportMarkdown } from '../../../src/core/export/markdown.ts';
import { exportedChecklist, RESULTS } from '../../fixtures/checklist/run.ts';

function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
}

function headings(tree: Root, depth: number): string[] {
  const found: string[] = [];
  visit(tree, 'heading', (h: Heading) => {
    if (h.depth === depth) found.push(toString(h));
  });
  return found;
}

function taskItems(tree: Root): ListItem[] {
  const found: ListItem[] = [];
  visit(tree, 'listItem', (item: ListItem) => {
    if (item.checked !== null && item.checked !== undefined) found.push(item);
  });
  return found;
}

describe('Markdown', () => {
  const text = exportMarkdown(exportedChecklist(), RESULTS);
  const tree = parse(text);

  it('is a GFM task list grouped by module, processes last', () => {
    expect(headings(tree, 1)).toEqual(['Recette Gestan 15.2.0 → 16.0.0']);
    expect(headings(tree, 2)).toEqual([
      "Ce qu'un retour arrière ne peut pas annuler",
      'Actions requises',
      'Facturation',
      'Comptabilité',
      'Processus stratégiques',
    ]);
    expect(headings(tree, 3)).toEqual(['Clôture mensuelle']);
    expect(taskItems(tree)).toHaveLength(6);
  });

  it('writes each item as **step** → expect, checked when passed', () => {
    expect(text).toContain(
      '- [x] **Lettrer partiellement une facture (v2)**\\\n  15.3.0 · [GES-500](/roadbook/versions/15.3.0/GES-500/) · Priorité : Basse\\\n',
    );
    expect(text).toContain('- [ ] **Imprimer une facture** → Le nouveau modèle est utilisé\\\n');
    const tasks = taskItems(tree);
    expect(tasks.map((t) => t.checked)).toEqual([true, false, false, false, false, false]);
    expect(toString(tasks[1]!).startsWith('Imprimer une facture → Le nouveau modèle est utilisé')).toBe(true);
    const blocked = toString(tasks[5]!);
    expect(blocked).toContain('Clôturer le mois');
    expect(blocked).toContain('Statut : Bloqué — =1+1 — (Marie)');
  });

  it('links every entry item to its page', () => {
    const links: Link[] = [];
    visit(tree, 'link', (l: Link) => {
      links.push(l);
    });
    const itemLinks = links.filter((l) => toString(l) === 'GES-701');
    expect(itemLinks.map((l) => l.url)).toEqual([
      '/roadbook/versions/16.0.0/GES-701/',
      '/roadbook/versions/16.0.0/GES-701/',
    ]);
    const absolute = exportMarkdown(exportedChecklist(), undefined, { origin: 'https://rb.example.com' });
    expect(absolute).toContain('[GES-500](https://rb.example.com/roadbook/versions/15.3.0/GES-500/)');
  });

  it('keeps text from content literal', () => {
    const tasks = taskItems(tree);
    const tricky = tasks[4]!;
    // The expected result is markup in disguise: it reads back as the same text, with no emphasis, link or HTML.
    expect(toString(tricky)).toContain('Tabulation → *gras* _it_ [lien](http://x) <b>&amp; `code` # | ~');
    const kinds = new Set<string>();
    visit(tricky, (node) => {
      kinds.add(node.type);
    });
    // `strong` is the step itself; nothing in the text adds markup.
    expect([...kinds].filter((k) => ['emphasis', 'html', 'inlineCode', 'delete', 'image'].includes(k))).toEqual([]);
    // The only links are the entry link and GFM's literal autolink of a bare URL (its text unchanged).
    const links: string[] = [];
    visit(tricky, 'link', (l: Link) => {
      links.push(`${toString(l)} ${l.url}`);
    });
    expect(links).toEqual(['http://x http://x', 'GES-701 /roadbook/versions/16.0.0/GES-701/']);
    const title = parse(`# ${escapeMarkdown('Titre # avec **gras** et <script>')}`);
    expect(headings(title, 1)).toEqual(['Titre # avec **gras** et <script>']);
  });

  it('lists warnings, data changes and actions before the checks', () => {
    expect(text.indexOf('> **Attention :** La version 16.0.0')).toBeGreaterThan(0);
    const lists: List[] = [];
    visit(tree, 'list', (l: List) => {
      lists.push(l);
    });
    const dataChanges = lists[0]!.children.map((c) => toString(c));
    expect(dataChanges[0]).toMatch(/^15\.3\.0 : Structure de la base de données 15 → 16/);
    expect(dataChanges.slice(1)).toEqual([
      '15.3.0 GES-500 : Nouvelle migration du lettrage partiel (v2).',
      '15.2.1 GES-400 : Migration du lettrage partiel (v1).',
    ]);
    expect(lists[1]!.children.map((c) => toString(c))).toEqual([
      '16.0.0 GES-700 : Mettre à jour les modèles de factures.',
    ]);
  });

  it('speaks English for an English road book', () => {
    const en = exportMarkdown(exportedChecklist('en'));
    expect(en.startsWith('# Acceptance tests Gestan 15.2.0 → 16.0.0\n')).toBe(true);
    expect(en).toContain('## Strategic processes');
    expect(en).toContain('Priority: Low');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['PA_FLUX et ID_FLUX_PA', 'PA_FLUX et ID_FLUX_PA'],
    ['_it_ et __gras__', '\\_it\\_ et \\_\\_gras\\_\\_'],
    ['a*b*c', 'a\\*b\\*c'],
    ['ligne 1\r\n  ligne 2', 'ligne 1 ligne 2'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['\\*', '\\\\\\*'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  it.each(['PA_FLUX et _it_', '**x** `y` [z](a) ![i](b) <b>c</b> &amp; ~~d~~ | e', 'a\\*b', '_x_y_'])(
    'reads back %j as the same text',
    (input) => {
      const paragraph = parse(escapeMarkdown(input));
      expect(toString(paragraph)).toBe(input);
      const kinds = new Set<string>();
      visit(paragraph, (node) => {
        kinds.add(node.type);
      });
      expect([...kinds].sort()).toEqual(['paragraph', 'root', 'text']);
    },
  );
});

describe('escapeMarkdown on long text', () => {
  it('joins lines and keeps spaces, however long the run of spaces', () => {
    const spaces = ' '.repeat(1 << 20);
    expect(escapeMarkdown(`a${spaces}b`)).toBe(`a${spaces}b`);
    expect(escapeMarkdown(`a${spaces}\n${spaces}b`)).toBe('a b');
  });
});
