import { describe, expect, it } from 'vitest';
import { buildChecklist, type Checklist, type ChecklistRequest } from '../../../src/core/checklist/index.ts';
import { ENTRIES, fixtureSource } from '../../fixtures/checklist/road-book.ts';

const source = fixtureSource();

function build(request: ChecklistRequest): Checklist {
  return buildChecklist(source, request);
}

const entryIds = (c: Checklist) => c.entries.map((e) => e.id);
const itemIds = (c: Checklist) => c.items.map((i) => i.id);

describe('the checklist object', () => {
  it('has the fields of checklist.md', () => {
    const c = build({ from: '15.2.0', to: '15.3.0', modules: ['facturation'] });
    expect(c).toMatchObject({
      schema: 1,
      product: 'Gestan',
      from: '15.2.0',
      to: '15.3.0',
      modules: ['facturation'],
      editions: [],
      versions: ['15.2.1', '15.3.0'],
    });
    expect(c.items[0]).toEqual({
      id: 'GES-500#lettrage-v2',
      key: 'lettrage-v2',
      entry: 'GES-500',
      process: null,
      knownIssue: null,
      title: 'Titre de GES-500',
      version: '15.3.0',
      module: 'facturation',
      modules: ['facturation'],
      type: 'correction',
      step: 'Lettrer partiellement une facture (v2)',
      stepHtml: 'Lettrer partiellement une facture (v2)',
      expect: null,
      expectHtml: null,
      priority: 'low',
      menu: null,
      setup: null,
      url: '/roadbook/versions/15.3.0/GES-500/',
      hash: 'hash-GES-500',
    });
  });

  it('includes the entries of a withdrawn version passed over', () => {
    const c = build({ from: '15.2.0', to: '15.3.0' });
    expect(c.versions).toContain('15.2.1');
    // GES-400 and GES-401 are superseded; a withdrawn entry that is not stays.
    const kept = buildChecklist(
      fixtureSource({ entriesOf: (slug) => ENTRIES.filter((e) => e.versionSlug === slug && e.id !== 'GES-500') }),
      {
        from: '15.2.0',
        to: '15.3.0',
      },
    );
    expect(entryIds(kept)).toContain('GES-400');
  });

  it('covers version to alone without from', () => {
    const c = build({ to: '15.2.0' });
    expect(c.from).toBeNull();
    expect(c.path.from).toBeNull();
    expect(c.versions).toEqual(['15.2.0']);
    expect(entryIds(c)).toEqual(['GES-300', 'GES-301']);
  });

  it('keeps entries with no item in the cumulative road book, with nothing in the checklist', () => {
    const c = build({ from: '15.1.0', to: '15.2.0' });
    expect(c.entries.find((e) => e.id === 'GES-301')).toMatchObject({
      itemCount: 0,
      module: 'comptabilite',
      type: 'technique',
    });
    expect(c.items.some((i) => i.entry === 'GES-301')).toBe(false);
  });

  it('describes the versions of the path with their links and installers', () => {
    const c = build({ from: '15.1.0', to: '15.3.0' });
    expect(c.path.from).toMatchObject({
      version: '15.1.0',
      url: '/roadbook/versions/15.1.0/',
      installer: { file: 'Gestan_15.1.0_setup.exe' },
    });
    expect(c.path.to).toMatchObject({ version: '15.3.0', title: 'Printemps', database: '16' });
    expect(c.path.versions.map((v) => [v.version, v.status])).toEqual([
      ['15.2.0', 'published'],
      ['15.2.1', 'withdrawn'],
      ['15.3.0', 'published'],
    ]);
    expect(c.labels.modules.map((m) => m.id)).toEqual(['facturation', 'comptabilite', 'stocks']);
    expect(c.buildId).toBe('build-1');
  });
});

describe('supersedes', () => {
  it('drops an entry superseded by one on the path', () => {
    const c = build({ from: '15.2.0', to: '15.3.0' });
    expect(entryIds(c)).not.toContain('GES-400');
    expect(entryIds(c)).toContain('GES-500');
    expect(c.superseded).toEqual([
      { entry: 'GES-400', version: '15.2.1', title: 'Titre de GES-400', by: ['GES-500'] },
      { entry: 'GES-401', version: '15.2.1', title: 'Titre de GES-401', by: ['GES-501'] },
    ]);
  });

  it('keeps an entry whose superseding entry is beyond to', () => {
    const withdrawnOnly = buildChecklist(fixtureSource(), { from: '15.2.0', to: '15.3.0' });
    expect(withdrawnOnly.superseded.map((s) => s.entry)).toEqual(['GES-400', 'GES-401']);
    // From 15.2.1 the superseded entries are not on the path at all.
    expect(build({ from: '15.2.1', to: '15.3.0' }).superseded).toEqual([]);
  });

  it('is decided on the whole path before the module filter', () => {
    // GES-401 (comptabilite) is superseded by GES-501 (stocks): with comptabilite alone,
    // GES-501 is filtered out and GES-401 stays out all the same.
    const c = build({ from: '15.2.0', to: '15.3.0', modules: ['comptabilite'] });
    expect(entryIds(c)).not.toContain('GES-401');
    expect(entryIds(c)).not.toContain('GES-501');
    expect(entryIds(c)).toEqual(['GES-502']);
  });
});

describe('filters', () => {
  it('keeps an entry when one of its modules is selected, once, under its first selected module', () => {
    const c = build({ from: '15.2.1', to: '15.3.0', modules: ['facturation', 'comptabilite'] });
    // GES-502 is [stocks, comptabilite, facturation]: listed once, under comptabilite.
    expect(c.entries.filter((e) => e.id === 'GES-502')).toHaveLength(1);
    expect(c.entries.find((e) => e.id === 'GES-502')?.module).toBe('comptabilite');
    expect(itemIds(c)).toEqual(['GES-500#lettrage-v2', 'GES-502#valorisation']);
    expect(c.items.find((i) => i.entry === 'GES-502')?.module).toBe('comptabilite');
  });

  it('sorts under the first module of the entry without a filter', () => {
    const c = build({ from: '15.2.1', to: '15.3.0' });
    expect(c.entries.find((e) => e.id === 'GES-502')?.module).toBe('stocks');
  });

  it('orders by module (roadbook order, then unknown modules alphabetically), version, entry, item', () => {
    const c = build({ from: '15.0.0', to: '15.3.0' });
    expect(itemIds(c)).toEqual([
      'GES-300#arrondi',
      'GES-500#lettrage-v2',
      'GES-200#solde',
      'GES-200#export',
      'GES-201#lot',
      'GES-501#inventaire',
      'GES-502#valorisation',
      'GES-504#orders',
      'GES-503#bulletin',
    ]);
    expect(entryIds(c)).toEqual([
      'GES-300',
      'GES-500',
      'GES-200',
      'GES-301',
      'GES-201',
      'GES-501',
      'GES-502',
      'GES-504',
      'GES-503',
    ]);
  });

  it('keeps entries with no editions and those of a selected edition', () => {
    const standard = build({ from: '15.0.0', to: '15.3.0', editions: ['standard'] });
    expect(entryIds(standard)).not.toContain('GES-201');
    expect(entryIds(standard)).not.toContain('GES-502');
    expect(entryIds(standard)).toContain('GES-300');
    const entreprise = build({ from: '15.0.0', to: '15.3.0', editions: ['entreprise'] });
    expect(entryIds(entreprise)).toEqual(expect.arrayContaining(['GES-201', 'GES-502', 'GES-300']));
  });
});

describe('warnings, data changes, actions', () => {
  it('warns when a version on the path needs a newer starting version', () => {
    const c = build({ from: '14.0.0', to: '15.3.0' });
    expect(c.warnings).toEqual([
      {
        code: 'minimum-from',
        version: '15.3.0',
        minimumFrom: '15.0.0',
        install: '15.0.0',
        message:
          "La version 15.3.0 ne s'installe que sur la version 15.0.0 ou une version plus récente : installez d'abord la version 15.0.0, puis la version 15.3.0.",
      },
    ]);
    expect(c.items.length).toBeGreaterThan(0);
    expect(build({ from: '15.0.0', to: '15.3.0' }).warnings).toEqual([]);
    expect(build({ to: '15.3.0' }).warnings).toEqual([]);
  });

  it('warns once per minimum, for the oldest version declaring it', () => {
    const c = build({ from: '14.0.0', to: '16.0.0' });
    expect(c.warnings.map((w) => w.code === 'minimum-from' && [w.version, w.install])).toEqual([
      ['15.3.0', '15.0.0'],
      ['16.0.0', '15.3.0'],
    ]);
  });

  it('lists database changes first, then data changes newest first, superseded included, unfiltered', () => {
    const c = build({ from: '14.0.0', to: '15.3.0', modules: ['comptabilite'] });
    expect(
      c.dataChanges.map((d) =>
        d.kind === 'database'
          ? `db ${d.from}→${d.to} @${d.version}`
          : `${d.entry}${d.superseded ? ' (superseded)' : ''}`,
      ),
    ).toEqual(['db 15→16 @15.3.0', 'db 14→15 @15.0.0', 'GES-500', 'GES-400 (superseded)', 'GES-201']);
    const entryChange = c.dataChanges.find((d) => d.kind === 'entry' && d.entry === 'GES-500');
    expect(entryChange).toEqual({
      kind: 'entry',
      entry: 'GES-500',
      version: '15.3.0',
      title: 'Titre de GES-500',
      text: 'Nouvelle migration du lettrage partiel (v2).',
      url: '/roadbook/versions/15.3.0/GES-500/',
      superseded: false,
    });
  });

  it('inherits a missing database value from the version before', () => {
    // 15.1.0 and 15.2.0 declare nothing: they are on structure 15, so 15.0.0 → 15.2.0 crosses nothing.
    expect(build({ from: '15.0.0', to: '15.2.0' }).dataChanges.filter((d) => d.kind === 'database')).toEqual([]);
    // Without from, the version before `to` is the baseline.
    expect(build({ to: '15.3.0' }).dataChanges[0]).toMatchObject({ kind: 'database', from: '15', to: '16' });
    expect(build({ to: '16.0.0' }).dataChanges).toEqual([]);
  });

  it('lists the required actions and breaking changes of the filtered entries, in path order', () => {
    const c = build({ from: '15.0.0', to: '16.0.0' });
    expect(c.actions.map((a) => [a.entry, a.version, a.text])).toEqual([
      ['GES-200', '15.1.0', 'Relancer le recalcul des soldes après installation.'],
      ['GES-700', '16.0.0', 'Mettre à jour les modèles de factures.'],
    ]);
    expect(c.breaking).toEqual([
      {
        entry: 'GES-300',
        version: '15.2.0',
        title: 'Titre de GES-300',
        modules: ['facturation'],
        url: '/roadbook/versions/15.2.0/GES-300/',
      },
    ]);
    expect(build({ from: '15.0.0', to: '16.0.0', modules: ['stocks'] }).actions).toEqual([]);
  });
});

describe('processes', () => {
  it('adds the steps of the chosen processes after the generated items', () => {
    const c = build({
      from: '15.2.0',
      to: '15.3.0',
      modules: ['facturation'],
      processes: [
        'facturation-mensuelle',
        { id: 'maison', label: 'Notre process', modules: ['stocks'], steps: ['Faire A', 'Faire B'] },
      ],
    });
    expect(itemIds(c)).toEqual([
      'GES-500#lettrage-v2',
      'GES-502#valorisation',
      'process:facturation-mensuelle#1',
      'process:facturation-mensuelle#2',
      'process:maison#1',
      'process:maison#2',
    ]);
    const step = c.items.find((i) => i.id === 'process:maison#2')!;
    expect(step).toMatchObject({
      entry: null,
      process: 'maison',
      title: 'Notre process',
      version: '15.3.0',
      modules: ['stocks'],
      module: null,
      step: 'Faire B',
      url: null,
    });
    expect(step.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(c.processes.map((p) => [p.id, p.custom])).toEqual([
      ['facturation-mensuelle', false],
      ['maison', true],
    ]);
  });

  it('gives a process step a hash that changes with its text', () => {
    const a = build({ to: '15.3.0', processes: [{ id: 'p', label: 'P', modules: [], steps: ['Faire A'] }] });
    const b = build({ to: '15.3.0', processes: [{ id: 'p', label: 'P', modules: [], steps: ['Faire A autrement'] }] });
    expect(a.items.at(-1)!.id).toBe(b.items.at(-1)!.id);
    expect(a.items.at(-1)!.hash).not.toBe(b.items.at(-1)!.hash);
  });

  it('takes a process once', () => {
    const c = build({ to: '15.3.0', processes: ['cloture', 'cloture'] });
    expect(itemIds(c).filter((id) => id.startsWith('process:'))).toEqual(['process:cloture#1']);
  });
});
