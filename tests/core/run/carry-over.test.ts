import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../src/core/checklist/progress.ts';
import {
  applyCarryOver,
  carriedItems,
  carriedSources,
  carryOver,
  undoAllCarried,
  undoCarried,
} from '../../../src/core/run/carry-over.ts';
import { parseProgressFile, progressFileText } from '../../../src/core/run/saved.ts';
import { checklist, run, SCOPE } from './fixture.ts';

const c = checklist();
const [arrondi, lettrage, valorisation, cloture] = c.items.map((i) => i.id) as [string, string, string, string];
const hashOf = (id: string) => c.items.find((i) => i.id === id)!.hash;

function result(id: string, status: ItemResult['status'], time: string, extra: Partial<ItemResult> = {}): ItemResult {
  return { status, time, tester: 'Marie', hash: hashOf(id), ...extra };
}

const april = run({
  id: 'run-april',
  name: 'Recette avril',
  updated: '2026-04-30T18:00:00.000Z',
  results: {
    [arrondi]: result(arrondi, 'passed', '2026-04-10T09:00:00.000Z', { comment: 'Arrondi juste', defect: 'T-1' }),
    [lettrage]: result(lettrage, 'passed', '2026-04-10T10:00:00.000Z'),
    [valorisation]: result(valorisation, 'na', '2026-04-10T11:00:00.000Z', { comment: 'Pas de stock' }),
    [cloture]: result(cloture, 'passed', '2026-04-10T12:00:00.000Z'),
  },
});

describe('carryOver', () => {
  it('carries passed and n/a results of the same hash with status, comment, tester, date and where they come from', () => {
    const plan = carryOver(c, [april]);
    expect(Object.keys(plan.results)).toEqual([arrondi, lettrage, valorisation, cloture]);
    expect(plan.results[arrondi]).toEqual({
      status: 'passed',
      comment: 'Arrondi juste',
      tester: 'Marie',
      time: '2026-04-10T09:00:00.000Z',
      defect: 'T-1',
      hash: hashOf(arrondi),
      carriedFrom: { run: 'run-april', name: 'Recette avril', date: '2026-04-10T09:00:00.000Z' },
    });
    expect(plan.results[valorisation]).toMatchObject({ status: 'na', comment: 'Pas de stock' });
    expect(plan.changed).toEqual([]);
    expect(plan.refused).toEqual([]);
  });

  it.each(['failed', 'blocked', 'retest'] as const)('never carries a %s result', (status) => {
    const earlier = run({
      id: 'r',
      results: { [arrondi]: result(arrondi, status, '2026-04-10T09:00:00.000Z', { comment: 'KO' }) },
    });
    const plan = carryOver(c, [earlier]);
    expect(plan.results).toEqual({});
    expect(plan.refused).toEqual([
      { item: arrondi, status, run: { id: 'r', name: earlier.name }, date: '2026-04-10T09:00:00.000Z' },
    ]);
  });

  it('never carries an untested result, and an empty one does not stand against an older pass', () => {
    const empty = run({
      id: 'empty',
      results: { [arrondi]: { status: 'untested', time: '2026-05-01T00:00:00.000Z', hash: hashOf(arrondi) } },
    });
    expect(carryOver(c, [empty])).toEqual({ results: {}, changed: [], refused: [] });
    expect(carryOver(c, [empty, april]).results[arrondi]?.carriedFrom?.run).toBe('run-april');
  });

  it('never carries a result whose hash changed, and lists the item as changed since that run', () => {
    const old = run({
      id: 'old',
      name: 'Recette 2025',
      results: {
        [arrondi]: result(arrondi, 'passed', '2025-11-02T09:00:00.000Z', { hash: 'hash-before' }),
        [lettrage]: result(lettrage, 'passed', '2025-11-02T09:00:00.000Z', { hash: null }),
      },
    });
    const plan = carryOver(c, [old]);
    expect(plan.results).toEqual({});
    expect(plan.changed).toEqual([
      { item: arrondi, run: { id: 'old', name: 'Recette 2025' }, date: '2025-11-02T09:00:00.000Z' },
      { item: lettrage, run: { id: 'old', name: 'Recette 2025' }, date: '2025-11-02T09:00:00.000Z' },
    ]);
  });

  it('takes the most recent result across runs, whichever run is listed first', () => {
    const may = run({
      id: 'run-may',
      name: 'Recette mai',
      results: { [arrondi]: result(arrondi, 'na', '2026-05-02T09:00:00.000Z', { tester: 'Paul' }) },
    });
    for (const runs of [
      [april, may],
      [may, april],
    ]) {
      const plan = carryOver(c, runs);
      expect(plan.results[arrondi]).toMatchObject({ status: 'na', tester: 'Paul' });
      expect(plan.results[arrondi]!.carriedFrom).toEqual({
        run: 'run-may',
        name: 'Recette mai',
        date: '2026-05-02T09:00:00.000Z',
      });
      expect(plan.results[lettrage]!.carriedFrom!.run).toBe('run-april');
    }
  });

  it('lets a later failure stop an older pass from being carried', () => {
    const may = run({
      id: 'run-may',
      results: { [arrondi]: result(arrondi, 'failed', '2026-05-02T09:00:00.000Z', { comment: 'Écart' }) },
    });
    const plan = carryOver(c, [april, may]);
    expect(plan.results[arrondi]).toBeUndefined();
    expect(plan.refused.map((r) => [r.item, r.status, r.run.id])).toEqual([[arrondi, 'failed', 'run-may']]);
  });

  it('lets a later changed text stop an older pass from being carried', () => {
    const may = run({
      id: 'run-may',
      results: { [arrondi]: result(arrondi, 'passed', '2026-05-02T09:00:00.000Z', { hash: 'other' }) },
    });
    const plan = carryOver(c, [april, may]);
    expect(plan.results[arrondi]).toBeUndefined();
    expect(plan.changed.map((r) => r.run.id)).toEqual(['run-may']);
  });

  it('dates a result without a time by its run, and never carries one still in conflict', () => {
    const { time: _time, ...timeless } = result(lettrage, 'passed', '');
    const earlier = run({
      id: 'r',
      updated: '2026-03-01T00:00:00.000Z',
      results: {
        [lettrage]: timeless,
        [arrondi]: result(arrondi, 'passed', '2026-03-01T00:00:00.000Z', {
          conflict: [{ status: 'failed', comment: 'KO', tester: 'Paul', hash: hashOf(arrondi) }],
        }),
      },
    });
    const plan = carryOver(c, [earlier]);
    expect(plan.results[lettrage]).toMatchObject({ time: '2026-03-01T00:00:00.000Z' });
    expect(plan.results[lettrage]!.carriedFrom!.date).toBe('2026-03-01T00:00:00.000Z');
    expect(plan.results[arrondi]).toBeUndefined();
    expect(plan.refused.map((r) => r.item)).toEqual([arrondi]);
  });

  it('keeps the run a carried result was executed in when it is carried again', () => {
    const may = run({ id: 'run-may', name: 'Recette mai', results: carryOver(c, [april]).results });
    expect(carryOver(c, [may]).results[arrondi]!.carriedFrom).toEqual({
      run: 'run-april',
      name: 'Recette avril',
      date: '2026-04-10T09:00:00.000Z',
    });
  });

  it('carries nothing for procedure steps or results of items the checklist does not have', () => {
    const earlier = run({
      id: 'r',
      results: {
        'procedure:copy-data': { status: 'passed', time: '2026-04-01T00:00:00.000Z', hash: 'x' },
        'GES-999#gone': { status: 'passed', time: '2026-04-01T00:00:00.000Z', hash: 'x' },
      },
    });
    expect(carryOver(c, [earlier])).toEqual({ results: {}, changed: [], refused: [] });
  });
});

describe('applying and undoing carried results', () => {
  const plan = carryOver(c, [april]);

  it('never replaces a result this run holds', () => {
    const here = { [arrondi]: { status: 'failed' as const, comment: 'Écart de 0,01', hash: hashOf(arrondi) } };
    const { results, taken } = applyCarryOver(here, plan);
    expect(results[arrondi]).toEqual(here[arrondi]);
    expect(taken).toEqual([lettrage, valorisation, cloture]);
  });

  it('fills an item whose result here holds nothing', () => {
    const { results } = applyCarryOver({ [arrondi]: { status: 'untested' } }, plan);
    expect(results[arrondi]!.carriedFrom?.run).toBe('run-april');
  });

  it('undoes one carried result, and leaves an executed one alone', () => {
    const { results } = applyCarryOver({ [arrondi]: { status: 'failed', comment: 'KO' } }, plan);
    const undone = undoCarried(results, lettrage);
    expect(Object.keys(undone)).toEqual([arrondi, valorisation, cloture]);
    expect(undoCarried(undone, arrondi)).toBe(undone);
  });

  it('undoes all carried results at once', () => {
    const { results } = applyCarryOver({ [arrondi]: { status: 'failed', comment: 'KO' } }, plan);
    expect(undoAllCarried(results)).toEqual({ [arrondi]: { status: 'failed', comment: 'KO' } });
  });

  it('lists carried items and the runs they came from', () => {
    const { results } = applyCarryOver({ [arrondi]: { status: 'failed', comment: 'KO' } }, plan);
    expect(carriedItems(c.items, results).map((i) => i.id)).toEqual([lettrage, valorisation, cloture]);
    expect(carriedSources(c.items, results)).toEqual([{ id: 'run-april', name: 'Recette avril', count: 3 }]);
  });
});

describe('carriedFrom in the progress file', () => {
  it('travels in the progress file and is read back', () => {
    const withCarried = run({ results: plan().results });
    const text = progressFileText([withCarried], { ...SCOPE, buildId: 'b' }, new Date('2026-05-21T00:00:00Z'));
    const parsed = parseProgressFile(text, SCOPE, 'fr');
    expect(parsed.ok && parsed.runs[0]!.results[arrondi]!.carriedFrom).toEqual({
      run: 'run-april',
      name: 'Recette avril',
      date: '2026-04-10T09:00:00.000Z',
    });
  });

  it('drops (and counts) a result whose carriedFrom is not well formed', () => {
    const bad = run({
      results: { [arrondi]: { status: 'passed', carriedFrom: { run: 'x', name: 'y', date: 'hier' } } },
    });
    const text = progressFileText([bad], { ...SCOPE, buildId: 'b' }, new Date('2026-05-21T00:00:00Z'));
    const parsed = parseProgressFile(text, SCOPE, 'fr');
    expect(parsed.ok && parsed.dropped).toEqual([{ run: 'run-1', item: arrondi }]);
  });

  function plan() {
    return carryOver(c, [april]);
  }
});
