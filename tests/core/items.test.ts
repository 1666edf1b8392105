import { describe, expect, it } from 'vitest';
import { assignItemIds, ID_PATTERN, isValidId, slugifyStep, type ItemIdDraft } from '../../src/core/items.ts';

describe('ids', () => {
  it.each(['GES-4521', 'a', '15.3.0', 'x_y', 'A'.repeat(64), '0abc'])('%s is valid', (id) => {
    expect(isValidId(id)).toBe(true);
    expect(ID_PATTERN.test(id)).toBe(true);
  });

  it.each(['', '-abc', '.abc', '_abc', 'a b', 'a/b', 'a#b', 'é', 'A'.repeat(65)])('%j is not valid', (id) => {
    expect(isValidId(id)).toBe(false);
  });
});

describe('slugifyStep', () => {
  it.each([
    ['Créer une facture', 'creer-une-facture'],
    ['Créer une facture avec deux lignes à 5,5 % et 20 % de TVA', 'creer-une-facture-avec-deux-lignes-a-5-5-et-20'],
    ['Œuvre, cæcum et Straße', 'oeuvre-caecum-et-strasse'],
    ['  --Ça   marche !--  ', 'ca-marche'],
    ['ÉLÈVE naïf', 'eleve-naif'],
    ['Facturation → Factures → Nouvelle', 'facturation-factures-nouvelle'],
    ['e\u0301te\u0301 (NFD)', 'ete-nfd'],
    ['!!!', 'item'],
    ['', 'item'],
    ['日本語', 'item'],
  ])('%j → %s', (step, slug) => {
    expect(slugifyStep(step)).toBe(slug);
  });

  it('cuts at the last "-" at or before 48 characters', () => {
    // 'aaaa…' (45) + '-bbbbbbbb': the '-' is at index 45.
    const step = `${'a'.repeat(45)} ${'b'.repeat(8)}`;
    expect(slugifyStep(step)).toBe('a'.repeat(45));
  });

  it('keeps 48 characters when a "-" falls right at index 48', () => {
    const step = `${'a'.repeat(48)} tail`;
    expect(slugifyStep(step)).toBe('a'.repeat(48));
  });

  it('cuts hard at 48 characters when no "-" comes before', () => {
    expect(slugifyStep('a'.repeat(60))).toBe('a'.repeat(48));
    expect(slugifyStep(`${'a'.repeat(50)} b`)).toBe('a'.repeat(48));
  });

  it('never returns more than 48 characters nor a trailing "-"', () => {
    for (let n = 40; n < 60; n++) {
      const slug = slugifyStep(`${'word '.repeat(n)}`);
      expect(slug.length).toBeLessThanOrEqual(48);
      expect(slug).not.toMatch(/^-|-$/);
    }
  });

  it('is stable: the same text gives the same id', () => {
    expect(slugifyStep('Saisir un avoir partiel')).toBe(slugifyStep('Saisir un avoir partiel'));
  });
});

const at = (line: number) => ({ line, column: 3 });
const auto = (step: string, line: number): ItemIdDraft => ({ explicitId: null, step, at: at(line) });
const explicit = (id: string, line: number, step = 'x'): ItemIdDraft => ({ explicitId: id, step, at: at(line) });

describe('assignItemIds', () => {
  it.each<[string, ItemIdDraft[], string[]]>([
    ['distinct steps', [auto('Un', 1), auto('Deux', 2)], ['un', 'deux']],
    [
      'colliding steps',
      [auto('Vérifier', 1), auto('vérifier !', 2), auto('VERIFIER', 3)],
      ['verifier', 'verifier-2', 'verifier-3'],
    ],
    [
      'a suffix held by an explicit id is skipped',
      [auto('x', 1), explicit('x-2', 2), auto('x', 3)],
      ['x', 'x-2', 'x-3'],
    ],
    ['a suffix held by another step is skipped', [auto('x', 1), auto('x', 2), auto('x 2', 3)], ['x', 'x-3', 'x-2']],
    ['explicit ids as written', [explicit('Multi.Taux_1', 1), auto('Multi taux', 2)], ['Multi.Taux_1', 'multi-taux']],
    ['empty slugs', [auto('!!', 1), auto('??', 2)], ['item', 'item-2']],
  ])('%s', (_name, drafts, keys) => {
    const result = assignItemIds(drafts, 'content/versions/1.0.0/a.md');
    expect(result.keys).toEqual(keys);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports an explicit id that collides with another explicit id, at the later one', () => {
    const result = assignItemIds([explicit('a', 4), auto('b', 5), explicit('a', 9)], 'e.md');
    expect(result.keys).toEqual(['a', 'b', 'a']);
    expect(result.diagnostics).toMatchObject([
      { file: 'e.md', line: 9, column: 3, severity: 'error', code: 'duplicate-item-id' },
    ]);
    expect(result.diagnostics[0]!.message).toContain('"a"');
  });

  it('reports an explicit id that collides with an earlier automatic id, at the explicit one', () => {
    const result = assignItemIds([auto('Saisir un avoir', 2), explicit('saisir-un-avoir', 7)], 'e.md');
    expect(result.diagnostics).toMatchObject([{ line: 7, code: 'duplicate-item-id' }]);
  });

  it('reports an explicit id that a later automatic id repeats, at the explicit one (a body item has no id to change)', () => {
    const result = assignItemIds([explicit('saisir-un-avoir', 3), auto('Saisir un avoir', 20)], 'e.md');
    expect(result.keys).toEqual(['saisir-un-avoir', 'saisir-un-avoir']);
    expect(result.diagnostics).toMatchObject([{ line: 3, code: 'duplicate-item-id' }]);
    expect(result.diagnostics[0]!.message).toBe(
      'The item id "saisir-un-avoir" is already used by the automatic id of the step "Saisir un avoir" (line 20); choose another `id`',
    );
  });

  it('reports every explicit id that shares a key with an automatic one', () => {
    const result = assignItemIds([explicit('x', 1), auto('x', 2), explicit('x', 3)], 'e.md');
    expect(result.diagnostics.map((d) => d.line)).toEqual([1, 3]);
  });

  it('reports an invalid explicit id', () => {
    const result = assignItemIds([explicit('-bad id', 6)], 'e.md');
    expect(result.diagnostics).toMatchObject([{ line: 6, column: 3, severity: 'error', code: 'invalid-id' }]);
  });

  it('reads the front-matter items first: their order decides the suffixes', () => {
    const front = [auto('Contrôler le total', 5)];
    const body = [auto('Contrôler le total', 30)];
    expect(assignItemIds([...front, ...body], 'e.md').keys).toEqual(['controler-le-total', 'controler-le-total-2']);
  });
});
