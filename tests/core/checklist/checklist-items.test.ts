/** The rows of a checklist: an entry's items and a process's steps. */
import { describe, expect, it } from 'vitest';
import { entryItems, processItems, PROCESS_PRIORITY } from '../../../src/core/checklist/checklist-items.ts';
import { textDigest } from '../../../src/core/checklist/digest.ts';
import { entry, version } from '../../fixtures/checklist/road-book.ts';

describe('entryItems', () => {
  it('gives each item of the entry its entry, module, page and the entry hash', () => {
    const e = entry('15.3.0', {
      id: 'GES-1',
      modules: ['stocks', 'facturation'],
      items: [
        { key: 'a', step: 'Ouvrir', expect: 'La fiche', priority: 'critical' },
        { key: 'b', step: 'Fermer' },
      ],
    });
    const items = entryItems(e, 'facturation', '/versions/15.3.0/GES-1/');
    expect(items.map((i) => [i.id, i.entry, i.process, i.module, i.priority, i.url, i.hash])).toEqual([
      ['GES-1#a', 'GES-1', null, 'facturation', 'critical', '/versions/15.3.0/GES-1/', 'hash-GES-1'],
      ['GES-1#b', 'GES-1', null, 'facturation', 'normal', '/versions/15.3.0/GES-1/', 'hash-GES-1'],
    ]);
    expect(items[0]!.modules).toEqual(['stocks', 'facturation']);
    expect(items[0]!.modules).not.toBe(e.modules);
  });
});

describe('processItems', () => {
  it('makes each step a high-priority item of the target version, escaped, hashed by its text', () => {
    const items = processItems(
      { id: 'cloture', label: 'Clôture', modules: ['comptabilite'], steps: ['Clôturer <mois>', 'Éditer'] },
      version('16.0.0'),
    );
    expect(items.map((i) => [i.key, i.entry, i.process, i.version, i.module, i.stepHtml, i.priority])).toEqual([
      ['1', null, 'cloture', '16.0.0', null, 'Clôturer &lt;mois&gt;', PROCESS_PRIORITY],
      ['2', null, 'cloture', '16.0.0', null, 'Éditer', PROCESS_PRIORITY],
    ]);
    expect(PROCESS_PRIORITY).toBe('high');
    expect(items[0]!.hash).toBe(textDigest('Clôturer <mois>'));
  });
});
