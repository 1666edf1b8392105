/** The module and edition filters of a request, and the order of modules. */
import { describe, expect, it } from 'vitest';
import { inEditions, listedModule, moduleOrder } from '../../../src/core/checklist/entry-filters.ts';

describe('listedModule', () => {
  it('is the first module of the entry that is selected, or its first module when none is', () => {
    expect(listedModule({ modules: ['stocks', 'facturation'] }, [])).toBe('stocks');
    expect(listedModule({ modules: ['stocks', 'facturation'] }, ['paie', 'facturation'])).toBe('facturation');
    expect(listedModule({ modules: ['stocks'] }, ['paie'])).toBeNull();
  });
});

describe('inEditions', () => {
  it('keeps an entry of a selected edition, an entry for every edition, and all when none is selected', () => {
    expect(inEditions({ editions: ['entreprise'] }, ['standard'])).toBe(false);
    expect(inEditions({ editions: ['entreprise'] }, ['standard', 'entreprise'])).toBe(true);
    expect(inEditions({ editions: [] }, ['standard'])).toBe(true);
    expect(inEditions({ editions: ['entreprise'] }, [])).toBe(true);
  });
});

describe('moduleOrder', () => {
  it('puts the modules of roadbook.yml first, in their order, then the others alphabetically', () => {
    const order = moduleOrder([{ id: 'stocks' }, { id: 'facturation' }]);
    expect(['paie', 'facturation', 'achats', 'stocks'].sort(order)).toEqual([
      'stocks',
      'facturation',
      'achats',
      'paie',
    ]);
  });
});
