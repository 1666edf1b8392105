/** The lead of a changelog bullet: its title, its breaking marker, its tickets. */
import { describe, expect, it } from 'vitest';
import { ticketsOf, titleOf, withoutBreakingMarker } from '../../../src/core/import/changelog-bullet.ts';
import { parseMarkdown } from '../../../src/core/markdown/parse.ts';

/** The inline content of a one-paragraph Markdown text, as a bullet's lead is. */
function lead(markdown: string) {
  const paragraph = parseMarkdown(markdown).children[0];
  if (paragraph?.type !== 'paragraph') throw new Error(`not a paragraph: ${markdown}`);
  return paragraph.children;
}

describe('titles', () => {
  it('takes the first sentence, without trailing references or full stop', () => {
    expect(titleOf('Relance automatique des impayés. Les relances partent chaque lundi.')).toBe(
      'Relance automatique des impayés',
    );
    expect(titleOf('help for sub commands ([#1018])')).toBe('help for sub commands');
    expect(titleOf('Add ability to specify arguments (#258 @rrthomas)')).toBe('Add ability to specify arguments');
    expect(titleOf('Supports e.g. version 2.0. Also more')).toBe('Supports e.g. version 2.0');
  });

  it('cuts a long first sentence at a word, under 120 characters', () => {
    const title = titleOf(`${'word '.repeat(40)}end`);
    expect(title.length).toBeLessThan(120);
    expect(title).toMatch(/^word( word)+…$/);
  });
});

describe('breaking markers', () => {
  it.each([
    ['BREAKING drop Node 18', 'drop Node 18'],
    ['[BREAKING] drop Node 18', 'drop Node 18'],
    ['**Breaking**: drop Node 18', 'drop Node 18'],
    ['*Breaking:* drop Node 18', 'drop Node 18'],
    ['Breaking: drop Node 18', 'drop Node 18'],
    ['breaking change: drop Node 18', 'drop Node 18'],
  ])('finds the marker of %j', (markdown, text) => {
    expect(withoutBreakingMarker(lead(markdown))).toEqual({ text, marked: true });
  });

  it.each(['Breaking changes to the parser are documented', 'Fix breaking: of lines'])(
    'reads %j as a sentence',
    (markdown) => {
      expect(withoutBreakingMarker(lead(markdown))).toEqual({ text: markdown, marked: false });
    },
  );
});

describe('tickets', () => {
  it('names each #number once, never a character reference or a URL fragment', () => {
    expect(ticketsOf('Fix #12 and #7 (#12), see https://x.test/a#3 and &#123;')).toEqual(['12', '7']);
  });
});
