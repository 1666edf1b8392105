import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/core/checklist/progress.ts';
import { emptySignOff, signOffProblems } from '../../../src/core/run/signoff-problems.ts';
import { runView } from '../../../src/core/run/view.ts';
import { checklist, FORM, procedure } from './fixture.ts';

const c = checklist();
const p = procedure(c);
const view = runView(c, p);
const [i1, i2, i3] = c.items;

describe('sign-off rules', () => {
  it('refuses while a failed or blocked item has no comment, and names each', () => {
    const results: RunResults = {
      [i1!.id]: { status: 'failed' },
      [i2!.id]: { status: 'blocked', comment: '  ' },
      [i3!.id]: { status: 'failed', comment: 'Écart' },
    };
    const problems = signOffProblems(view.signOffItems, results, FORM, 'fr');
    expect(problems.map((x) => x.code)).toEqual(['needs-comment']);
    expect(problems[0]!.items!.map((i) => i.id)).toEqual([i1!.id, i2!.id]);
    expect(problems[0]!.message).toMatch(/sans commentaire : 2/);
    const fixed = {
      ...results,
      [i1!.id]: { status: 'failed' as const, comment: 'KO' },
      [i2!.id]: { status: 'blocked' as const, comment: 'Serveur absent' },
    };
    expect(signOffProblems(view.signOffItems, fixed, FORM, 'fr')).toEqual([]);
  });

  it('refuses while an item holds two versions recorded at once, until one is kept', () => {
    const results: RunResults = {
      [i1!.id]: {
        status: 'passed',
        rev: 'a',
        conflict: [{ status: 'failed', comment: 'Écart', rev: 'b' }],
      },
      [i2!.id]: { status: 'passed', rev: 'c' },
    };
    const problems = signOffProblems(view.signOffItems, results, FORM, 'fr');
    expect(problems.map((x) => x.code)).toEqual(['in-conflict']);
    expect(problems[0]!.items!.map((i) => i.id)).toEqual([i1!.id]);
    expect(problems[0]!.message).toMatch(/en même temps à deux endroits : 1/);
    const settled = {
      ...results,
      [i1!.id]: { status: 'failed' as const, comment: 'Écart', rev: 'd', base: ['a', 'b'] },
    };
    expect(signOffProblems(view.signOffItems, settled, FORM, 'fr')).toEqual([]);
  });

  it('asks for every field, a signatory and a decision; refuses "accepted" with failures', () => {
    const empty = signOffProblems(view.signOffItems, {}, emptySignOff(), 'fr');
    expect(empty.map((x) => x.field)).toEqual(['environment', 'place', 'date', 'testers', 'parties', 'decision']);
    expect(empty[0]!.message).toBe('Renseignez : Environnement de test');
    expect(signOffProblems(view.signOffItems, {}, null, 'en')[0]!.message).toBe('Fill in: Test environment');
    // Testers recorded with the results are enough.
    const withTester = signOffProblems(
      view.signOffItems,
      { [i1!.id]: { status: 'passed', tester: 'Paul' } },
      { ...FORM, testers: '' },
      'fr',
    );
    expect(withTester).toEqual([]);
    expect(
      signOffProblems(view.signOffItems, { [i1!.id]: { status: 'passed' } }, { ...FORM, testers: ' ' }, 'fr').map(
        (x) => x.field,
      ),
    ).toEqual(['testers']);
    const accepted = signOffProblems(
      view.signOffItems,
      { [i1!.id]: { status: 'failed', comment: 'KO' } },
      { ...FORM, decision: 'accepted' },
      'fr',
    );
    expect(accepted.map((x) => x.code)).toEqual(['accepted-with-failures']);
    expect(accepted[0]!.items!.map((i) => i.id)).toEqual([i1!.id]);
    expect(signOffProblems(view.signOffItems, {}, { ...FORM, decision: 'accepted' }, 'fr')).toEqual([]);
    // A procedure step counts like any item.
    expect(
      signOffProblems(view.signOffItems, { 'procedure:install-test': { status: 'blocked' } }, FORM, 'fr')[0]!.items![0]!
        .id,
    ).toBe('procedure:install-test');
  });
});
