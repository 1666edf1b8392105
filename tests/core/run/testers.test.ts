import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/core/checklist/progress.ts';
import { signOffReport } from '../../../src/core/run/signoff.ts';
import { assignedProgress, executedAndCarried, progressByTester, teamProgress } from '../../../src/core/run/testers.ts';
import { assignedItems } from '../../../src/core/run/assignment.ts';
import type { RunAssignment, SignOffForm } from '../../../src/core/run/types.ts';
import { runView } from '../../../src/core/run/view.ts';
import { checklist, PATH_ENTRY_IDS, procedure, run } from './fixture.ts';

const c = checklist();
const p = procedure(c);
const items = runView(c, p).signOffItems;

const APRIL = { run: 'run-april', name: 'Recette avril', date: '2026-04-10T09:00:00.000Z' };

/** Marie ran two items and had one carried, Paul one; one result names no one; one holds nothing. */
const RESULTS: RunResults = {
  'procedure:copy-data': { status: 'passed', tester: 'Paul', time: '2026-05-20T08:00:00.000Z' },
  'GES-300#arrondi': { status: 'failed', comment: 'Écart', tester: ' Marie ', time: '2026-05-20T09:00:00.000Z' },
  'GES-500#lettrage-v2': { status: 'passed', tester: 'Marie', time: APRIL.date, carriedFrom: APRIL },
  'GES-502#valorisation': { status: 'na', comment: 'Pas de stock', time: '2026-05-20T10:00:00.000Z' },
  'process:cloture#1': { status: 'untested', tester: 'Marie' },
  'procedure:install-test': { status: 'passed', tester: 'Marie', time: '2026-05-20T08:30:00.000Z' },
};

describe('progress per tester', () => {
  it('counts each tester’s executed results per status, carried ones apart, unnamed last', () => {
    const none = { untested: 0, passed: 0, failed: 0, blocked: 0, retest: 0, na: 0 };
    expect(progressByTester(items, RESULTS)).toEqual([
      {
        tester: 'Paul',
        items: ['procedure:copy-data'],
        counts: { ...none, passed: 1 },
        done: 1,
        carried: 0,
      },
      {
        tester: 'Marie',
        items: ['procedure:install-test', 'GES-300#arrondi', 'GES-500#lettrage-v2'],
        counts: { ...none, passed: 1, failed: 1 },
        done: 2,
        carried: 1,
      },
      { tester: '', items: ['GES-502#valorisation'], counts: { ...none, na: 1 }, done: 1, carried: 0 },
    ]);
  });

  it('counts executed and carried results apart', () => {
    expect(executedAndCarried(items, RESULTS)).toEqual({ executed: 4, carried: 1 });
  });

  it('counts a tester’s progress over the items assigned to them', () => {
    const assignment = { tester: 'Marie', modules: ['facturation'], groups: ['@processes'], items: [] };
    // facturation: GES-300 (failed), GES-500 (passed, carried); the process step is untested.
    expect(assignedProgress(items, RESULTS, assignment)).toEqual({
      counts: { untested: 1, passed: 1, failed: 1, blocked: 0, retest: 0, na: 0 },
      total: 3,
      done: 2,
      changed: 0,
    });
  });
});

describe('the sign-off report of a team run', () => {
  const form: SignOffForm = {
    environment: 'SRV-RECETTE',
    place: 'Lyon',
    date: '2026-05-22',
    testers: '',
    decision: 'reserves',
    parties: [{ role: 'Responsable', name: 'Marie' }],
    notes: '',
  };
  const report = signOffReport({
    checklist: c,
    procedure: p,
    results: RESULTS,
    form,
    pathEntryIds: PATH_ENTRY_IDS,
    now: new Date('2026-05-22T16:00:00Z'),
  });

  it('counts executed and carried results apart and names the runs they came from', () => {
    expect(report.executed).toBe(4);
    expect(report.carried).toEqual({ total: 1, runs: [{ id: 'run-april', name: 'Recette avril', count: 1 }] });
    expect(report.done).toBe(report.executed + report.carried.total);
  });

  it('marks each carried item with where it comes from', () => {
    const all = report.groups.flatMap((g) => g.items);
    expect(all.find((i) => i.id === 'GES-500#lettrage-v2')!.carriedFrom).toEqual(APRIL);
    expect(all.find((i) => i.id === 'GES-300#arrondi')!.carriedFrom).toBeNull();
  });

  it('lists who ran what', () => {
    expect(report.byTester.map((t) => [t.tester, t.items.length, t.done, t.carried])).toEqual([
      ['Paul', 1, 1, 0],
      ['Marie', 3, 2, 1],
      ['', 1, 1, 0],
    ]);
  });
});

describe('the team progress of the page', () => {
  const T = '2026-05-21T10:00:00.000Z';
  const view = runView(c, p);
  const MARIE: RunAssignment = { tester: 'Marie', modules: ['facturation'], groups: [], items: [] };
  const PAUL: RunAssignment = { tester: 'Paul', modules: [], groups: ['@procedure'], items: ['process:cloture#1'] };

  it('shows each tester done over their items, then who else recorded', () => {
    const [mine] = assignedItems(view.items, MARIE);
    const other = view.items.find((i) => i.module === 'comptabilite')!;
    const r = run({
      assignments: [MARIE, PAUL],
      results: {
        [mine!.id]: { status: 'passed', tester: 'Marie', time: T },
        [other.id]: { status: 'failed', tester: 'Zoé', time: T },
      },
    });
    expect(teamProgress(view.items, r)).toEqual([
      { tester: 'Marie', done: 1, total: assignedItems(view.items, MARIE).length },
      { tester: 'Paul', done: 0, total: assignedItems(view.items, PAUL).length },
      { tester: 'Zoé', done: 1, total: 1 },
    ]);
  });
});
