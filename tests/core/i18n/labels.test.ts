import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/en.json' with { type: 'json' };
import fr from '../../../src/i18n/fr.json' with { type: 'json' };
import { STATUSES } from '../../../src/core/checklist/progress.ts';
import { ATTENTION_REASONS } from '../../../src/core/attention.ts';
import {
  attentionLabel,
  choiceLabels,
  decisionLabel,
  labelOf,
  orphanReasonLabel,
  priorityLabel,
  selectionText,
  statusLabel,
  versionStatusLabel,
} from '../../../src/core/i18n/labels.ts';
import { LOCALES, PRIORITIES, VERSION_STATUSES, type Choice, type Locale } from '../../../src/core/model.ts';
import { DECISIONS } from '../../../src/core/run/types.ts';
import type { OrphanReason } from '../../../src/core/run/view.ts';

const OWN_STRINGS: Record<Locale, Set<string>> = { fr: new Set(Object.values(fr)), en: new Set(Object.values(en)) };

/** Every closed list of the model with its labeller: a list that gains a value must label it in every language. */
const LISTS = [
  ['statuses', STATUSES, statusLabel],
  ['priorities', PRIORITIES, priorityLabel],
  ['decisions', DECISIONS, decisionLabel],
  ['version statuses', VERSION_STATUSES, versionStatusLabel],
  ['attention reasons', ATTENTION_REASONS, attentionLabel],
  ['orphan reasons', ['item-removed', 'not-in-path', 'entry-removed'] as OrphanReason[], orphanReasonLabel],
] as const;

describe.each(LISTS)('labels of the %s', (_name, values, label) => {
  const labeller = label as (locale: Locale, value: string) => string;

  it.each(LOCALES.map((l) => [l]))('labels every value in %s with a string of that language', (locale) => {
    for (const value of values) {
      const text = labeller(locale, value);
      expect(text, value).not.toBe('');
      expect(OWN_STRINGS[locale].has(text), `${value}: "${text}" is not in ${locale}.json`).toBe(true);
    }
  });

  it.each(LOCALES.map((l) => [l]))('gives two values two labels in %s', (locale) => {
    const texts = values.map((v: string) => labeller(locale, v));
    expect(new Set(texts).size).toBe(values.length);
  });
});

describe('the labels people read', () => {
  it('for statuses', () => {
    expect(STATUSES.map((s) => statusLabel('fr', s))).toEqual([
      'À tester',
      'OK',
      'KO',
      'Bloqué',
      'À retester',
      'Non applicable',
    ]);
    expect(STATUSES.map((s) => statusLabel('en', s))).toEqual([
      'Untested',
      'Passed',
      'Failed',
      'Blocked',
      'Retest',
      'Not applicable',
    ]);
  });

  it('for priorities', () => {
    expect(PRIORITIES.map((p) => priorityLabel('fr', p))).toEqual(['Critique', 'Haute', 'Normale', 'Basse']);
    expect(PRIORITIES.map((p) => priorityLabel('en', p))).toEqual(['Critical', 'High', 'Normal', 'Low']);
  });

  it('for sign-off decisions', () => {
    expect(DECISIONS.map((d) => decisionLabel('fr', d))).toEqual(['Acceptée', 'Acceptée avec réserves', 'Refusée']);
    expect(DECISIONS.map((d) => decisionLabel('en', d))).toEqual(['Accepted', 'Accepted with reserves', 'Refused']);
  });

  it('for version statuses', () => {
    expect(VERSION_STATUSES.map((s) => versionStatusLabel('fr', s))).toEqual(['Publiée', 'Brouillon', 'Retirée']);
    expect(VERSION_STATUSES.map((s) => versionStatusLabel('en', s))).toEqual(['Published', 'Draft', 'Withdrawn']);
  });

  it('for orphaned results', () => {
    expect(orphanReasonLabel('fr', 'entry-removed')).toBe("N'est plus dans le road book");
    expect(orphanReasonLabel('en', 'entry-removed')).toBe('No longer in the road book');
  });
});

describe("roadbook.yml's choices", () => {
  const modules: Choice[] = [
    { id: 'compta', label: 'Comptabilité' },
    { id: 'ventes', label: 'Ventes' },
  ];

  it('shows the label the road book gives, and an unknown id as it is', () => {
    expect(labelOf(modules, 'compta')).toBe('Comptabilité');
    expect(labelOf(modules, 'stock')).toBe('stock');
    const label = choiceLabels(modules);
    expect(['ventes', 'compta', 'stock', ''].map(label)).toEqual(['Ventes', 'Comptabilité', 'stock', '']);
  });

  it('writes a selection as labels, or all of them in words', () => {
    expect(selectionText('modules', modules, ['ventes', 'compta'], 'fr')).toBe('Ventes, Comptabilité');
    expect(selectionText('modules', modules, [], 'fr')).toBe('Tous les modules');
    expect(selectionText('editions', [], [], 'en')).toBe('All editions');
  });
});
