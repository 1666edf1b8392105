import { describe, expect, it } from 'vitest';
import { ENTRIES, VERSIONS, entry, version } from '../fixtures/checklist/road-book.ts';
import { pickEntry } from '../../src/core/public-fields.ts';
import { packVersionFile, unpackVersionFile, type VersionFile } from '../../src/core/version-file.ts';
import type { EntryRecord } from '../../src/core/model.ts';

/** Through JSON, as the browser gets it. */
function roundTrip(file: VersionFile): VersionFile {
  return JSON.parse(JSON.stringify(file)) as VersionFile;
}

const v = version('16.1.0', { minimumFrom: '15.0.0', database: '16' });

const plain: EntryRecord = {
  ...entry('16.1.0', { id: 'VEN-1', modules: ['ventes'] }),
  items: [
    {
      id: 'VEN-1#saisir-une-commande',
      key: 'saisir-une-commande',
      step: 'Saisir une commande',
      stepHtml: 'Saisir une commande',
      expect: null,
      expectHtml: null,
      priority: 'normal',
      menu: null,
      setup: null,
    },
  ],
};

const full: EntryRecord = {
  ...entry('16.1.0', {
    id: 'VEN-2',
    modules: ['ventes', 'stocks'],
    tags: ['remise'],
    breaking: true,
    data: 'Colonne REMISE ajoutée',
    action: 'Relancer le calcul des remises',
    tickets: ['T-1'],
    editions: ['pme'],
    supersedes: ['VEN-0'],
    supersededBy: ['VEN-9'],
  }),
  items: [
    {
      id: 'VEN-2#remise',
      key: 'remise',
      step: 'Appliquer une remise de 10 % & plus',
      stepHtml: 'Appliquer une <strong>remise</strong> de 10 % &amp; plus',
      expect: 'Le total baisse',
      expectHtml: 'Le <em>total</em> baisse',
      priority: 'critical',
      menu: 'Ventes > Remises',
      setup: 'Un client\nDeux articles',
    },
    {
      id: 'VEN-2#controler-le-total-d-l-avoir',
      key: 'controler-le-total-d-l-avoir',
      step: "Contrôler le total d'<l'avoir>",
      stepHtml: 'Contrôler le total d&#39;&lt;l&#39;avoir&gt;',
      expect: 'Total "net"',
      expectHtml: 'Total &quot;net&quot;',
      priority: 'low',
      menu: null,
      setup: null,
    },
  ],
};

describe('the data file of a version', () => {
  it('reads back into the very entries it was made of', () => {
    const file = roundTrip(packVersionFile(v, [plain, full]));
    expect(file.schema).toBe(2);
    expect(file.version).toEqual(v);
    expect(unpackVersionFile(file)).toEqual({ version: v, entries: [plain, full] });
  });

  it('reads back every entry of the fixture road book, version by version', () => {
    for (const info of VERSIONS) {
      const entries = ENTRIES.filter((e) => e.versionSlug === info.slug);
      expect(unpackVersionFile(roundTrip(packVersionFile(info, entries))).entries, info.slug).toEqual(entries);
    }
  });

  it('leaves out what the reader derives: an item at its defaults is its step alone', () => {
    const [packed] = packVersionFile(v, [plain]).entries;
    expect(packed).toEqual([
      'VEN-1',
      'Titre de VEN-1',
      'correction',
      ['ventes'],
      'hash-VEN-1',
      [['Saisir une commande']],
    ]);
  });

  it('writes what cannot be derived: an explicit key, rendered HTML, menu, setup, the entry’s facts', () => {
    const [packed] = packVersionFile(v, [full]).entries;
    expect(packed![5]![0]).toEqual([
      'Appliquer une remise de 10 % & plus',
      'Le total baisse',
      0,
      {
        key: 'remise',
        stepHtml: 'Appliquer une <strong>remise</strong> de 10 % &amp; plus',
        expectHtml: 'Le <em>total</em> baisse',
        menu: 'Ventes > Remises',
        setup: 'Un client\nDeux articles',
      },
    ]);
    // Escaped text is not repeated: the reader escapes the step itself.
    expect(packed![5]![1]).toEqual(["Contrôler le total d'<l'avoir>", 'Total "net"', 3]);
    expect(packed![6]).toEqual({
      tags: ['remise'],
      tickets: ['T-1'],
      editions: ['pme'],
      supersedes: ['VEN-0'],
      supersededBy: ['VEN-9'],
      breaking: true,
      data: 'Colonne REMISE ajoutée',
      action: 'Relancer le calcul des remises',
    });
  });

  it('is much smaller than the same entries in the full shape of /roadbook.json', () => {
    const entries = ENTRIES.filter((e) => e.versionSlug === '15.1.0');
    expect(entries.length).toBeGreaterThan(1);
    const compact = JSON.stringify(packVersionFile(version('15.1.0'), entries).entries).length;
    expect(compact).toBeLessThan(JSON.stringify(entries.map(pickEntry)).length * 0.6);
  });

  it('refuses an entry of another version', () => {
    expect(() => packVersionFile(version('16.2.0'), [plain])).toThrow(/not of version 16.2.0/);
  });
});
