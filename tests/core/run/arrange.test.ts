import { describe, expect, it } from 'vitest';
import { arrange, arrangementFromParams, setArrangementParams } from '../../../src/core/run/arrange.ts';
import { open } from '../../../src/core/run/library.ts';
import { initialState, openRun } from '../../../src/core/run/run-state.ts';
import { run } from './fixture.ts';

const time = '2026-05-22T10:00:00.000Z';

describe('arranging the open run', () => {
  it('remembers the arrangement with a saved run, stamped and saved', () => {
    const saved = run();
    const state = open(initialState([saved]), { run: saved, readOnly: null }).state;
    const next = arrange(state, { arrangement: { order: 'risk', minimum: true }, time });
    expect(openRun(next.state)).toMatchObject({ arrangement: { order: 'risk', minimum: true }, updated: time });
    expect(next.effects).toContainEqual({ type: 'save', run: saved.id });
    const back = arrange(next.state, { arrangement: { order: 'road-book', minimum: false }, time });
    expect(openRun(back.state)).not.toHaveProperty('arrangement');
    expect(back.effects).toContainEqual({ type: 'save', run: saved.id });
  });

  it('keeps it on a run not saved yet without saving it', () => {
    const draft = run({ id: 'draft' });
    const state = open(initialState([]), { run: draft, readOnly: null }).state;
    const next = arrange(state, { arrangement: { minimum: true }, time });
    expect(openRun(next.state)?.arrangement).toEqual({ minimum: true });
    expect(next.state.runs).toEqual([]);
    expect(next.effects).toEqual([]);
  });

  it('changes nothing for the same arrangement', () => {
    const saved = run({ arrangement: { order: 'risk' } });
    const state = open(initialState([saved]), { run: saved, readOnly: null }).state;
    expect(arrange(state, { arrangement: { order: 'risk', minimum: false }, time }).state).toBe(state);
  });

  it('keeps it on a run open read-only for the page and its downloads, never writing it', () => {
    const saved = run();
    const readOnly = open(initialState([saved]), { run: saved, readOnly: { reason: 'withdrawn', version: '15.3.0' } });
    const next = arrange(readOnly.state, { arrangement: { minimum: true }, time });
    expect(openRun(next.state)).toMatchObject({ arrangement: { minimum: true }, updated: saved.updated });
    expect(next.effects).toEqual([]);
  });
});

describe('the arrangement in the address', () => {
  it('is read from order and minimum, and says nothing when neither is there', () => {
    expect(arrangementFromParams(new URLSearchParams('to=15.3.0'))).toBeNull();
    expect(arrangementFromParams(new URLSearchParams('order=risk'))).toEqual({ order: 'risk', minimum: false });
    expect(arrangementFromParams(new URLSearchParams('minimum=1&order=nonsense'))).toEqual({
      order: 'road-book',
      minimum: true,
    });
  });

  it('is written with only what differs from the default', () => {
    const params = new URLSearchParams('to=15.3.0&order=risk&minimum=1');
    setArrangementParams(params, { order: 'road-book', minimum: true });
    expect(params.toString()).toBe('to=15.3.0&minimum=1');
    setArrangementParams(params, { order: 'risk' });
    expect(params.toString()).toBe('to=15.3.0&order=risk');
  });
});
