import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/slug.ts';

describe('slugify', () => {
  it('folds case, accents and ligatures and joins words with -', () => {
    expect(slugify('  Gestán Pro — Œuvre & Straße!  ')).toBe('gestan-pro-oeuvre-strasse');
  });

  it('is empty when nothing is left, so each caller picks its fallback', () => {
    expect(slugify('🎉 !!')).toBe('');
  });

  it('cuts at a - at or before the limit, else at the limit', () => {
    expect(slugify('abc defgh ij', 8)).toBe('abc');
    expect(slugify('abcdefgh ij', 8)).toBe('abcdefgh');
    expect(slugify('abcdefghij', 8)).toBe('abcdefgh');
    expect(slugify('abc defgh ij')).toBe('abc-defgh-ij');
  });
});
