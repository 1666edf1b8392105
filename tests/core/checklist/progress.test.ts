import { describe, expect, it } from 'vitest';
import {
  buildChecklist,
  changedSince,
  countStatuses,
  isStatus,
  recordResult,
  signOffBlockers,
  statusOf,
  STATUSES,
  type RunResults,
} from '../../../src/core/checklist/index.ts';
import { translate } from '../../../src/core/i18n/translate.ts';
import { fixtureSource } from '../../fixtures/checklist/road-book.ts';

const checklist = buildChecklist(fixtureSource(), {
  from: '15.1.0',
  to: '15.3.0',
  modules: ['facturation'],
  processes: ['cloture'],
});
const [first, second, third] = checklist.items;

describe('run results', () => {
  it('has the statuses of checklist.md, each with a label in both languages', () => {
    expect(STATUSES).toEqual(['untested', 'passed', 'failed', 'blocked', 'retest', 'na']);
    expect(STATUSES.map((s) => translate('fr', `status.${s}` as 'status.na'))).toEqual([
      'À tester',
      'OK',
      'KO',
      'Bloqué',
      'À retester',
      'Non applicable',
    ]);
    expect(isStatus('passed')).toBe(true);
    expect(isStatus('done')).toBe(false);
  });

  it('treats an item without result as untested', () => {
    expect(statusOf({}, first!.id)).toBe('untested');
    expect(statusOf(undefined, first!.id)).toBe('untested');
    // Only own keys count: an item id can never reach Object.prototype.
    expect(statusOf({}, '__proto__')).toBe('untested');
    expect(statusOf({}, 'constructor')).toBe('untested');
  });

  it('flags a result recorded for another text of the item', () => {
    const result = recordResult(first!, { status: 'passed', tester: 'Marie', time: '2026-05-20T14:03:00.000Z' });
    expect(result.hash).toBe(first!.hash);
    expect(changedSince(result, first!)).toBe(false);
    expect(changedSince(result, { hash: 'another' })).toBe(true);
    expect(changedSince({ status: 'passed' }, first!)).toBe(false);
    expect(changedSince(undefined, first!)).toBe(false);
  });

  it('blocks sign-off on failed or blocked items without comment', () => {
    const results: RunResults = {
      [first!.id]: { status: 'failed' },
      [second!.id]: { status: 'blocked', comment: '  ' },
      [third!.id]: { status: 'failed', comment: 'Écart de 1 centime' },
    };
    expect(signOffBlockers(checklist, results).map((i) => i.id)).toEqual([first!.id, second!.id]);
    expect(signOffBlockers(checklist, {})).toEqual([]);
  });

  it('counts items per status', () => {
    const counts = countStatuses(checklist, { [first!.id]: { status: 'passed' }, [second!.id]: { status: 'na' } });
    expect(counts).toEqual({
      untested: checklist.items.length - 2,
      passed: 1,
      failed: 0,
      blocked: 0,
      retest: 0,
      na: 1,
    });
  });
});
