import { describe, expect, it } from 'vitest';
import { open } from '../../../src/core/run/library.ts';
import { initialState, openRun } from '../../../src/core/run/run-state.ts';
import { emptySignOff } from '../../../src/core/run/signoff-problems.ts';
import { editSignOff, requestSignOff } from '../../../src/core/run/signoff-edit.ts';
import { runView } from '../../../src/core/run/view.ts';
import { checklist, procedure, run } from './fixture.ts';

const T = '2026-05-21T10:00:00.000Z';
const c = checklist();
const view = runView(c, procedure(c));
const complete = {
  environment: 'Serveur de test',
  place: 'Lyon',
  date: '2026-05-21',
  testers: 'Alice',
  decision: 'accepted' as const,
  parties: [{ role: 'Client', name: 'Bob' }],
  notes: '',
};

describe('the sign-off form', () => {
  const state = open(initialState([run()]), { run: run(), readOnly: null }).state;

  it('is saved as the tester types', () => {
    const { state: next, effects } = editSignOff(state, { form: complete, time: T });
    expect(openRun(next)).toMatchObject({ signOff: complete, updated: T });
    expect(effects).toContainEqual({ type: 'save', run: 'run-1' });
  });

  it('grants the report when nothing refuses it, else lists what does (signoff.ts rules)', () => {
    const granted = requestSignOff(state, { form: complete, time: T, items: view.signOffItems, locale: 'fr' });
    expect(granted.effects.at(-1)).toEqual({ type: 'report' });
    const refused = requestSignOff(state, { form: emptySignOff(), time: T, items: view.signOffItems, locale: 'en' });
    const last = refused.effects.at(-1)!;
    expect(last.type).toBe('refused');
    expect(last.type === 'refused' && last.problems.map((p) => p.code)).toEqual([
      'missing-field',
      'missing-field',
      'missing-field',
      'missing-field',
      'no-party',
      'no-decision',
    ]);
  });
});
