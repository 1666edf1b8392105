import { describe, expect, it } from 'vitest';
import { buildChecklist, type Checklist } from '../../../src/core/checklist/index.ts';
import { minimumSet, orderByRisk } from '../../../src/core/checklist/risk.ts';
import { changesLayout, minimumIds, processesLayout, type LayoutSection } from '../../../src/core/run/item-layout.ts';
import { GROUP_KNOWN } from '../../../src/core/run/view.ts';
import { fixtureSource, knownIssue, versionsWithIssues } from '../../fixtures/checklist/road-book.ts';

/** 14.0.0 → 16.0.0, every module, the `cloture` process. */
function wholePath(): Checklist {
  return buildChecklist(fixtureSource(), { from: '14.0.0', to: '16.0.0', processes: ['cloture'] });
}
const c = wholePath();
const ids = (sections: readonly LayoutSection[]) =>
  sections.flatMap((s) => s.units.flatMap((u) => u.items.map((i) => i.id)));
const changes = c.items.filter((i) => i.process === null);

/** The same path with two open known issues of the target that have a workaround: their items. */
function withKnownIssues(): Checklist {
  const versions = versionsWithIssues({
    '15.3.0': [
      knownIssue({ id: 'KI-7', severity: 'minor', modules: ['stocks'], workaround: 'Relancer par lots' }),
      knownIssue({ id: 'KI-8', severity: 'blocking', workaround: 'Rééditer la facture' }),
    ],
  });
  return buildChecklist(fixtureSource({ versions }), { from: '14.0.0', to: '16.0.0', processes: ['cloture'] });
}

describe('where the run page lists each item', () => {
  it('in the road book’s order: a section per module, each change one unit, as the checklist lists them', () => {
    const layout = changesLayout(c, 'road-book', undefined);
    expect(ids(layout.sections.mine)).toEqual(changes.map((i) => i.id));
    expect(layout.sections.others).toEqual([]);
    expect(layout.sections.mine.map((s) => s.key)).toEqual([...new Set(changes.map((i) => `module:${i.module}`))]);
    const ges200 = layout.sections.mine.flatMap((s) => s.units).find((u) => u.key === 'all|entry:GES-200');
    expect(ges200?.items.map((i) => i.id)).toEqual(['GES-200#solde', 'GES-200#export']);
  });

  it('by risk: a section per rank in rank order, the changes in risk order, the processes left out', () => {
    const layout = changesLayout(c, 'risk', undefined);
    expect(layout.sections.mine.map((s) => [s.key, s.reason, s.count])).toEqual([
      ['risk:data-change', 'data-change', 2],
      ['risk:breaking', 'breaking', 1],
      ['risk:action', 'action', 3],
      ['risk:none', null, 7],
    ]);
    expect(ids(layout.sections.mine)).toEqual(
      orderByRisk(c)
        .filter((i) => i.process === null)
        .map((i) => i.id),
    );
  });

  it('keeps a change’s unit key whatever the order, so its box can move', () => {
    const keys = (o: 'risk' | 'road-book') =>
      changesLayout(c, o, undefined)
        .sections.mine.flatMap((s) => s.units.map((u) => u.key))
        .sort();
    expect(keys('risk')).toEqual(keys('road-book'));
  });

  it('with an assignment: the tester’s items first, the others apart; a change given in part is split', () => {
    const assignment = { tester: 'Paul', modules: ['stocks'], groups: [], items: ['GES-200#export'] };
    const layout = changesLayout(c, 'road-book', assignment);
    const mine = ids(layout.sections.mine);
    expect(mine).toContain('GES-200#export');
    expect(mine).not.toContain('GES-200#solde');
    expect(mine.every((id) => id === 'GES-200#export' || c.items.find((i) => i.id === id)!.module === 'stocks')).toBe(
      true,
    );
    expect([...mine, ...ids(layout.sections.others)].sort()).toEqual(changes.map((i) => i.id).sort());
    expect(layout.sections.others.flatMap((s) => s.units).every((u) => u.owner === 'other')).toBe(true);
    const processes = processesLayout(c, { ...assignment, groups: ['@processes'] });
    expect(processes.mine.map((u) => u.key)).toEqual(['mine|process:cloture']);
    expect(processesLayout(c, assignment).others.map((u) => u.key)).toEqual(['other|process:cloture']);
  });

  it('lists the known issues’ items under a section of their own, after the modules’, in every order and part', () => {
    const k = withKnownIssues();
    const known = k.items.filter((i) => i.knownIssue !== null).map((i) => i.id);
    expect(known).toEqual(['known:KI-8', 'known:KI-7']);
    const layout = changesLayout(k, 'road-book', undefined);
    const last = layout.sections.mine.at(-1)!;
    expect([last.key, last.known, last.module, last.count]).toEqual(['known-issues', true, null, 2]);
    expect(ids([last])).toEqual(known);
    expect(layout.sections.mine.slice(0, -1).every((s) => !s.known && s.module !== null)).toBe(true);
    expect(ids(layout.sections.mine)).toEqual(k.items.filter((i) => i.process === null).map((i) => i.id));
    // By risk, their rank is their heading.
    const rank = changesLayout(k, 'risk', undefined).sections.mine.find((s) => s.reason === 'known-issue')!;
    expect([rank.key, rank.known, rank.count]).toEqual(['risk:known-issue', false, 2]);
    expect(ids([rank])).toEqual(known);
    // Given as a group, they are the tester's; else someone else's, still under their own heading.
    const given = changesLayout(k, 'road-book', { tester: 'Paul', modules: [], groups: [GROUP_KNOWN], items: [] });
    expect(given.sections.mine.map((s) => [s.key, s.count])).toEqual([['known-issues', 2]]);
    const notGiven = changesLayout(k, 'road-book', { tester: 'Paul', modules: ['stocks'], groups: [], items: [] });
    expect(notGiven.sections.others.at(-1)!.key).toBe('known-issues');
    expect(ids(notGiven.sections.mine)).not.toContain('known:KI-7');
  });

  it('names the minimum set’s items', () => {
    expect([...minimumIds(c)]).toEqual(minimumSet(c).map((i) => i.id));
  });
});
