/**
 * The step/expected splitter on writer text as long as a hostile file makes it: a megabyte
 * line of dashes, spaces or arrow-like text is read in one pass, and split where the
 * contract says (the first `→` or `->`).
 */
import { describe, expect, it } from 'vitest';
import { analyzeBody } from '../../../src/core/markdown/analyze.ts';
import { arrowIn, isBlankText } from '../../../src/core/markdown/plain-text.ts';
import { headingKey } from '../../../src/core/markdown/verify-sections.ts';

const MEGABYTE = 1 << 20;

function items(markdown: string) {
  return analyzeBody(markdown, {
    file: 'content/versions/15.3.0/GES-1.md',
    startLine: 1,
    verifyHeadings: ['Vérifications'],
  }).items.map((i) => ({ step: i.step, expect: i.expect }));
}

describe('arrowIn', () => {
  it.each([
    ['a → b', [2, 3]],
    ['a -> b', [2, 4]],
    ['a --> b', [2, 5]],
    ['a - > b → c', [8, 9]],
    ['a → b -> c', [2, 3]],
    ['a -> b → c', [2, 4]],
    ['a - b', null],
    ['a > b', null],
  ])('%j → %j', (text, expected) => {
    expect(arrowIn(text)).toEqual(expected);
  });

  it('finds the arrow after a megabyte of dashes, the dashes part of it', () => {
    const text = `a ${'-'.repeat(MEGABYTE)}> b`;
    expect(arrowIn(text)).toEqual([2, 2 + MEGABYTE + 1]);
  });

  it('finds no arrow in a megabyte of dashes without one', () => {
    expect(arrowIn('-'.repeat(MEGABYTE))).toBeNull();
  });
});

describe('a verification item on a megabyte line', () => {
  it('keeps a line of dashes without an arrow as the step', () => {
    const dashes = '-'.repeat(MEGABYTE);
    expect(items(`## Vérifications\n\n- Ouvrir ${dashes} fin\n`)).toEqual([
      { step: `Ouvrir ${dashes} fin`, expect: null },
    ]);
  });

  it('splits at the arrow that ends a megabyte of dashes', () => {
    const dashes = '-'.repeat(MEGABYTE);
    expect(items(`## Vérifications\n\n- Ouvrir ${dashes}> la fiche s'affiche\n`)).toEqual([
      { step: 'Ouvrir', expect: "la fiche s'affiche" },
    ]);
  });

  it('splits at the first arrow after a megabyte of spaces and dashes', () => {
    const filler = `${' '.repeat(1024)}${'-'.repeat(1024)}`.repeat(MEGABYTE / 2048);
    expect(items(`## Vérifications\n\n- Ouvrir x${filler}x -> ok -> pas ici\n`)).toEqual([
      { step: `Ouvrir x${filler.replace(/ +/g, ' ')}x`, expect: 'ok -> pas ici' },
    ]);
  });
});

describe('headingKey', () => {
  it('drops the trailing colon after a megabyte of spaces', () => {
    expect(headingKey(`Vérifications${' '.repeat(MEGABYTE)}:`)).toBe('vérifications');
  });

  it('reads a megabyte of spaces before other text as one space', () => {
    expect(headingKey(`Vérifications${' '.repeat(MEGABYTE)}x`)).toBe('vérifications x');
  });
});

describe('isBlankText', () => {
  it.each([
    '',
    ' ',
    '\u00a0\u202f',
    '\u200b\u200c\u200d\u2060',
    '\ufeff',
    '\u00ad',
    '\u3164\u2800',
    '\t\u3000',
    '\u200e\u202e',
  ])('%j shows nothing', (text) => {
    expect(isBlankText(text)).toBe(true);
  });

  it.each(['a', '\u200b.', 'é', '0', '→'])('%j shows something', (text) => {
    expect(isBlankText(text)).toBe(false);
  });

  it('drops an expected result that shows nothing, and keeps the step', () => {
    expect(items('## Vérifications\n\n- Saisir → \u200b\u00a0\n')).toEqual([{ step: 'Saisir', expect: null }]);
  });
});
