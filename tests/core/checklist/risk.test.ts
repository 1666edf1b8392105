import { describe, expect, it } from 'vitest';
import { buildChecklist, type Checklist, type ChecklistItem } from '../../../src/core/checklist/index.ts';
import {
  arrangeChecklist,
  inMinimumSet,
  isArranged,
  minimumSet,
  orderByRisk,
  riskChanges,
  riskReasons,
} from '../../../src/core/checklist/risk.ts';
import { fixtureSource, knownIssue, versionsWithIssues } from '../../fixtures/checklist/road-book.ts';

const ids = (items: readonly ChecklistItem[]) => items.map((i) => i.id);

/** 14.0.0 → 16.0.0, every module, the `cloture` process. */
function wholePath(): Checklist {
  return buildChecklist(fixtureSource(), { from: '14.0.0', to: '16.0.0', processes: ['cloture'] });
}

/** The same with an open known issue of the target (written in 15.3.0, with a workaround): its item. */
function withKnownIssue(): Checklist {
  const versions = versionsWithIssues({
    '15.3.0': [
      knownIssue({ id: 'KI-7', title: 'Lenteur des relances', severity: 'minor', workaround: 'Relancer par lots' }),
    ],
  });
  return buildChecklist(fixtureSource({ versions }), { from: '14.0.0', to: '16.0.0', processes: ['cloture'] });
}

describe('order by risk', () => {
  it('lists the changes in that order, each with its items and why it ranks there', () => {
    const changes = riskChanges(withKnownIssue());
    expect(changes.map((c) => [c.key, c.reason])).toEqual([
      ['entry:GES-201', 'data-change'],
      ['entry:GES-500', 'data-change'],
      ['entry:GES-300', 'breaking'],
      ['entry:GES-200', 'action'],
      ['entry:GES-700', 'action'],
      ['known:KI-7', 'known-issue'],
      ['entry:GES-701', null],
      ['process:cloture', null],
      ['entry:GES-100', null],
      ['entry:GES-501', null],
      ['entry:GES-502', null],
      ['entry:GES-504', null],
      ['entry:GES-503', null],
    ]);
    expect(ids(changes.find((c) => c.key === 'entry:GES-200')!.items)).toEqual(['GES-200#solde', 'GES-200#export']);
    expect(changes.flatMap((c) => c.items)).toEqual(orderByRisk(withKnownIssue()));
  });

  it('puts data changes first, then breaking changes, required actions, then by priority', () => {
    expect(ids(orderByRisk(wholePath()))).toEqual([
      // data changes (GES-201 normal before GES-500 low)
      'GES-201#lot',
      'GES-500#lettrage-v2',
      // breaking
      'GES-300#arrondi',
      // required actions: GES-200 has a high item, GES-700 normal ones
      'GES-200#solde',
      'GES-200#export',
      'GES-700#modele',
      // the rest by priority, then as the checklist lists them
      'GES-701#formule',
      'GES-701#tab',
      'process:cloture#1',
      'GES-100#remise',
      'GES-501#inventaire',
      'GES-502#valorisation',
      'GES-504#orders',
      'GES-503#bulletin',
    ]);
  });

  it('keeps the items of one change together and in their order', () => {
    const ordered = ids(orderByRisk(wholePath()));
    expect(ordered.indexOf('GES-200#export') - ordered.indexOf('GES-200#solde')).toBe(1);
    expect(ordered.indexOf('GES-701#tab') - ordered.indexOf('GES-701#formule')).toBe(1);
  });

  it('slots open known issues of the target after required actions', () => {
    const ordered = ids(orderByRisk(withKnownIssue()));
    expect(ordered.indexOf('known:KI-7')).toBe(ordered.indexOf('GES-700#modele') + 1);
  });

  it('names what makes an item risky', () => {
    const checklist = withKnownIssue();
    const reasons = (id: string) =>
      riskReasons(
        checklist.items.find((i) => i.id === id)!,
        checklist,
      );
    expect(reasons('GES-500#lettrage-v2')).toEqual(['data-change']);
    expect(reasons('GES-300#arrondi')).toEqual(['breaking']);
    expect(reasons('GES-200#solde')).toEqual(['action']);
    expect(reasons('known:KI-7')).toEqual(['known-issue']);
    expect(reasons('GES-100#remise')).toEqual([]);
  });

  it('has the same items as the checklist, each once', () => {
    const checklist = wholePath();
    expect([...ids(orderByRisk(checklist))].sort()).toEqual([...ids(checklist.items)].sort());
  });
});

describe('minimum set', () => {
  it('holds critical and high items, items of data changes, known issues and processes, in checklist order', () => {
    expect(ids(minimumSet(withKnownIssue()))).toEqual([
      'GES-300#arrondi', // critical
      'GES-500#lettrage-v2', // data change, low
      'GES-200#solde', // high
      'GES-701#formule', // high
      'GES-201#lot', // data change
      'known:KI-7',
      'process:cloture#1',
    ]);
  });

  it('leaves out normal and low items of changes without data', () => {
    const checklist = wholePath();
    const item = (id: string) => checklist.items.find((i) => i.id === id)!;
    expect(inMinimumSet(item('GES-200#export'), checklist)).toBe(false);
    expect(inMinimumSet(item('GES-700#modele'), checklist)).toBe(false);
    expect(inMinimumSet(item('GES-500#lettrage-v2'), checklist)).toBe(true);
  });
});

describe('arrangeChecklist', () => {
  it('returns the checklist itself by default', () => {
    const checklist = wholePath();
    expect(arrangeChecklist(checklist, undefined)).toBe(checklist);
    expect(arrangeChecklist(checklist, { order: 'road-book', minimum: false })).toBe(checklist);
    expect(isArranged({ order: 'road-book' })).toBe(false);
  });

  it('orders then filters, and leaves the rest of the checklist as it is', () => {
    const checklist = wholePath();
    const arranged = arrangeChecklist(checklist, { order: 'risk', minimum: true });
    expect(ids(arranged.items)).toEqual([
      'GES-201#lot',
      'GES-500#lettrage-v2',
      'GES-300#arrondi',
      'GES-200#solde',
      'GES-701#formule',
      'process:cloture#1',
    ]);
    expect(arranged.entries).toBe(checklist.entries);
    expect(arranged.dataChanges).toBe(checklist.dataChanges);
    expect(checklist.items).toHaveLength(14);
    expect(isArranged({ minimum: true })).toBe(true);
  });
});
