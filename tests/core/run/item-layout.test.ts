import { describe, expect, it } from 'vitest';
import { buildChecklist, type Checklist } from '../../../src/core/checklist/index.ts';
import { minimumSet, orderByRisk } from '../../../src/core/checklist/risk.ts';
import { changesLayout, minimumIds, processesLayout, type LayoutSection } from '../../../src/core/run/item-layout.ts';
import { fixtureSource } from '../../fixtures/checklist/road-book.ts';

/** 14.0.0 → 16.0.0, every module, the `cloture` process. */
function wholePath(): Checklist {
  return buildChecklist(fixtureSource(), { from: '14.0.0', to: '16.0.0', processes: ['cloture'] });
}
const c = wholePath();
const ids = (sections: readonly LayoutSection[]) =>
  sections.flatMap((s) => s.units.flatMap((u) => u.items.map((i) => i.id)));
const changes = c.items.filter((i) => i.process === null);

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

  it('names the minimum set’s items', () => {
    expect([...minimumIds(c)]).toEqual(minimumSet(c).map((i) => i.id));
  });
});
