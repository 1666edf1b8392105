import { describe, expect, it } from 'vitest';
import { ChecklistError, rollback } from '../../../src/core/checklist/index.ts';
import { fixtureSource, trackingSource } from '../../fixtures/checklist/road-book.ts';

const source = fixtureSource();

describe('rollback view', () => {
  it('lists database changes first, then every data change newest first, superseded included, no module filter', () => {
    const view = rollback(source, '16.0.0', '14.0.0');
    expect(view.newer).toBe('16.0.0');
    expect(view.older).toBe('14.0.0');
    expect(view.versions).toEqual(['15.0.0', '15.1.0', '15.2.0', '15.2.1', '15.3.0', '16.0.0']);
    expect(view.dataChanges).toEqual([
      expect.objectContaining({ kind: 'database', version: '15.3.0', from: '15', to: '16' }),
      expect.objectContaining({ kind: 'database', version: '15.0.0', from: '14', to: '15' }),
      expect.objectContaining({ kind: 'entry', entry: 'GES-500', superseded: false }),
      expect.objectContaining({ kind: 'entry', entry: 'GES-400', superseded: true }),
      expect.objectContaining({ kind: 'entry', entry: 'GES-201', superseded: false }),
    ]);
  });

  it('is empty when nothing between the two versions touches data', () => {
    expect(rollback(source, '16.0.0', '15.3.0').dataChanges).toEqual([]);
  });

  it('accepts a withdrawn version at either end and loads only the versions between', () => {
    const { source: tracked, loaded } = trackingSource();
    const view = rollback(tracked, '15.2.1', '15.1.0');
    expect(loaded).toEqual(['15.2.0', '15.2.1']);
    expect(view.dataChanges.map((d) => d.kind === 'entry' && d.entry)).toEqual(['GES-400']);
    expect(rollback(source, '15.3.0', '15.2.1').dataChanges.map((d) => d.kind)).toEqual(['database', 'entry']);
  });

  it('refuses an older version that is not older', () => {
    expect(() => rollback(source, '15.1.0', '15.3.0')).toThrow(ChecklistError);
    expect(() => rollback(source, '15.1.0', '15.1')).toThrow(/15\.1\.0/);
  });
});
