import { describe, expect, it } from 'vitest';
import {
  entryItemId,
  isProcedureItem,
  itemAnchor,
  parseItemId,
  procedureItemId,
  processGroupKey,
  processItemId,
} from '../../src/core/item-id.ts';

describe('item ids', () => {
  it('writes the three kinds of id', () => {
    expect(entryItemId('GES-100', 'remise')).toBe('GES-100#remise');
    expect(processItemId('facturation', 3)).toBe('process:facturation#3');
    expect(procedureItemId('copy-data')).toBe('procedure:copy-data');
    expect(processGroupKey('facturation')).toBe('process:facturation');
  });

  it('reads back what it writes', () => {
    expect(parseItemId(entryItemId('GES-100', 'remise'))).toEqual({ kind: 'entry', owner: 'GES-100', key: 'remise' });
    expect(parseItemId(processItemId('facturation', 12))).toEqual({ kind: 'process', owner: 'facturation', key: '12' });
    expect(parseItemId(procedureItemId('archive'))).toEqual({ kind: 'procedure', owner: null, key: 'archive' });
  });

  it('splits at the last # and keeps an id without a key as its owner', () => {
    expect(parseItemId('a.b#c#d')).toEqual({ kind: 'entry', owner: 'a.b#c', key: 'd' });
    expect(parseItemId('GES-100')).toEqual({ kind: 'entry', owner: 'GES-100', key: '' });
    expect(parseItemId('#x')).toEqual({ kind: 'entry', owner: '#x', key: '' });
    expect(parseItemId('process:gone')).toEqual({ kind: 'process', owner: 'gone', key: '' });
  });

  it('tells procedure steps from other items', () => {
    expect(isProcedureItem('procedure:install-test')).toBe(true);
    expect(isProcedureItem('GES-100#procedure')).toBe(false);
    expect(isProcedureItem('process:procedure#1')).toBe(false);
  });

  it('gives an HTML id without #', () => {
    expect(itemAnchor('GES-100#remise')).toBe('item-GES-100--remise');
  });
});
