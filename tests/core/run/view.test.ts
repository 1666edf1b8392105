import { describe, expect, it } from 'vitest';
import {
  filterFromParams,
  GROUP_KNOWN,
  GROUP_PROCEDURE,
  GROUP_PROCESSES,
  groupOf,
  matchesFilter,
  NO_FILTER,
  orphanResults,
  markOf,
  progressMoved,
  progressOf,
  runView,
} from '../../../src/core/run/view.ts';
import { isAssigned } from '../../../src/core/run/assignment.ts';
import { knownIssue, versionsWithIssues } from '../../fixtures/checklist/road-book.ts';
import { checklist, PATH_ENTRY_IDS, procedure } from './fixture.ts';

const c = checklist();
const p = procedure(c);
const view = runView(c, p);

describe('the run view', () => {
  it('puts the procedure steps around the checklist items, which stay the engine’s, in order', () => {
    expect(view.items.map((i) => i.id)).toEqual([
      'procedure:copy-data',
      'procedure:install-test',
      ...c.items.map((i) => i.id),
      'procedure:archive',
      'procedure:install-production',
    ]);
    expect(view.signOffItems).toHaveLength(c.items.length + 2);
    expect(view.byId.get('process:cloture#1')?.title).toBe('Clôture mensuelle');
  });

  it('counts progress: done statuses, items changed since their result', () => {
    const item = c.items[0]!;
    const progress = progressOf(view.items, {
      [item.id]: { status: 'failed', hash: 'another text' },
      'procedure:copy-data': { status: 'passed', hash: p.before[0]!.hash },
      'process:cloture#1': { status: 'retest' },
      'GES-999#gone': { status: 'passed' },
    });
    expect(progress.total).toBe(view.items.length);
    expect(progress.done).toBe(2);
    expect(progress.counts).toMatchObject({ failed: 1, passed: 1, retest: 1, untested: view.items.length - 3 });
    expect(progress.changed).toBe(1);
  });

  it('moves the progress by one item as progressOf would count it again', () => {
    const [item, other] = c.items;
    const before = { [other!.id]: { status: 'passed' as const, hash: other!.hash } };
    const after = { ...before, [item!.id]: { status: 'failed' as const, hash: 'another text' } };
    const moved = progressMoved(
      progressOf(view.items, before),
      markOf(item!, undefined),
      markOf(item!, after[item!.id]),
    );
    expect(moved).toEqual(progressOf(view.items, after));
    expect(moved).toMatchObject({ done: 2, changed: 1 });
    const back = progressMoved(moved, markOf(item!, after[item!.id]), markOf(item!, undefined));
    expect(back).toEqual(progressOf(view.items, before));
  });

  it('filters by status, group (module, processes, procedure), priority and "changed since"', () => {
    const [first] = c.items;
    expect(groupOf(first!)).toBe('facturation');
    expect(groupOf(view.byId.get('process:cloture#1')!)).toBe(GROUP_PROCESSES);
    expect(groupOf(p.before[0]!)).toBe(GROUP_PROCEDURE);
    expect(matchesFilter(first!, undefined, NO_FILTER)).toBe(true);
    expect(matchesFilter(first!, undefined, { ...NO_FILTER, status: 'untested' })).toBe(true);
    expect(matchesFilter(first!, { status: 'passed' }, { ...NO_FILTER, status: 'untested' })).toBe(false);
    expect(matchesFilter(first!, undefined, { ...NO_FILTER, group: 'comptabilite' })).toBe(false);
    expect(matchesFilter(first!, undefined, { ...NO_FILTER, priority: first!.priority })).toBe(true);
    expect(matchesFilter(first!, { status: 'passed', hash: first!.hash }, { ...NO_FILTER, changed: true })).toBe(false);
    expect(matchesFilter(first!, { status: 'passed', hash: 'old' }, { ...NO_FILTER, changed: true })).toBe(true);
    expect(filterFromParams(new URLSearchParams('status=failed&group=facturation&priority=high&changed=1'))).toEqual({
      status: 'failed',
      group: 'facturation',
      priority: 'high',
      changed: true,
      carried: false,
    });
    expect(filterFromParams(new URLSearchParams('status=done&priority=urgent'))).toEqual(NO_FILTER);
  });

  it('puts the items of the target’s open known issues in a group of their own: filtered and assigned by it', () => {
    const versions = versionsWithIssues({
      '15.3.0': [
        knownIssue({ id: 'KI-1', severity: 'blocking', modules: ['facturation'], workaround: 'Rééditer la facture' }),
      ],
    });
    const withIssue = checklist({ versions });
    const known = withIssue.items.find((i) => i.knownIssue === 'KI-1')!;
    const [first] = withIssue.items;
    expect(known.module).toBeNull();
    expect(groupOf(known)).toBe(GROUP_KNOWN);
    expect(groupOf(first!)).toBe('facturation');
    const group = { ...NO_FILTER, group: GROUP_KNOWN };
    expect(withIssue.items.filter((i) => matchesFilter(i, undefined, group)).map((i) => i.id)).toEqual(['known:KI-1']);
    // Its issue's module does not list it under that module: the group is its own.
    expect(matchesFilter(known, undefined, { ...NO_FILTER, group: 'facturation' })).toBe(false);
    expect(filterFromParams(new URLSearchParams(`group=${GROUP_KNOWN}`))).toEqual(group);
    const given = { modules: [], groups: [GROUP_KNOWN], items: [] };
    expect(withIssue.items.filter((i) => isAssigned(i, given)).map((i) => i.id)).toEqual(['known:KI-1']);
  });

  it('filters the items whose result was carried over, also from the address', () => {
    const [first] = c.items;
    const carriedFrom = { run: 'r', name: 'Recette avril', date: '2026-04-10T09:00:00.000Z' };
    const filter = { ...NO_FILTER, carried: true };
    expect(matchesFilter(first!, { status: 'passed', hash: first!.hash, carriedFrom }, filter)).toBe(true);
    expect(matchesFilter(first!, { status: 'passed', hash: first!.hash }, filter)).toBe(false);
    expect(matchesFilter(first!, undefined, filter)).toBe(false);
    expect(filterFromParams(new URLSearchParams('carried=1'))).toEqual(filter);
  });

  it('lists saved results that match no item, with why', () => {
    const results = {
      [c.items[0]!.id]: { status: 'passed' as const },
      'GES-300#gone': { status: 'failed' as const, comment: 'KO' },
      'GES-400#lettrage': { status: 'passed' as const },
      'GES-999#x': { status: 'na' as const },
      'process:cloture#7': { status: 'passed' as const },
      'process:facturation-mensuelle#1': { status: 'passed' as const },
      'procedure:old-step': { status: 'passed' as const },
    };
    const orphans = orphanResults(view, c, results, PATH_ENTRY_IDS);
    expect(orphans.map((o) => [o.id, o.reason, o.owner])).toEqual([
      ['GES-300#gone', 'item-removed', 'GES-300'],
      ['GES-400#lettrage', 'not-in-path', 'GES-400'],
      ['GES-999#x', 'entry-removed', 'GES-999'],
      ['process:cloture#7', 'item-removed', 'cloture'],
      ['process:facturation-mensuelle#1', 'not-in-path', 'facturation-mensuelle'],
      ['procedure:old-step', 'item-removed', null],
    ]);
    expect(orphans[0]!.result.comment).toBe('KO');
  });
});
