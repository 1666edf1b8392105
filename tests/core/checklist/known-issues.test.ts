/**
 * Known issues on a path (checklist.md, "Known issues on a path"), on the fixture road book
 * tests/fixtures/known-issues (its versions are described in tests/core/known-issues.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildChecklist,
  orderByRisk,
  minimumSet,
  sourceFromRoadBook,
  type ChecklistRequest,
} from '../../../src/core/checklist/index.ts';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';

const ROOT = fileURLToPath(new URL('../../fixtures/known-issues/', import.meta.url));

async function checklist(request: ChecklistRequest, drafts = false) {
  const { book } = await loadRoadBook(ROOT, { drafts });
  return buildChecklist(sourceFromRoadBook(book, { includeDrafts: drafts }), request);
}

const ids = (list: readonly { id: string }[]) => list.map((i) => i.id);

describe('known issues on a path', () => {
  it('lists the issues open in the target, inherited ones included, blocking, major, minor', async () => {
    const c = await checklist({ from: '15.0.0', to: '15.2.0' });
    expect(c.knownIssues).toEqual([
      {
        id: 'KI-stock',
        title: "L'inventaire tournant bloque les mouvements",
        severity: 'major',
        version: '15.1.0',
        modules: ['stocks'],
        editions: [],
        workaround: "Lancer l'inventaire hors des heures de saisie.",
        fixedIn: null,
        fixedBy: null,
      },
      {
        id: 'KI-lettrage',
        title: 'Le lettrage automatique ignore les écarts de centimes',
        severity: 'major',
        version: '15.2.0',
        modules: ['comptabilite'],
        editions: [],
        workaround: null,
        fixedIn: '15.3.0',
        fixedBy: 'GES-31',
      },
      expect.objectContaining({ id: 'KI-balance', severity: 'minor', version: '15.0.0', fixedIn: null }),
    ]);
  });

  it('lists what the upgrade fixes: issues of from that no longer affect to, fixed in a withdrawn version too', async () => {
    const c = await checklist({ from: '15.0.0', to: '15.2.0' });
    expect(c.fixedOnPath).toEqual([
      expect.objectContaining({ id: 'KI-remise', severity: 'blocking', fixedIn: '15.1.1', fixedBy: 'GES-21' }),
    ]);
    expect((await checklist({ to: '15.2.0' })).fixedOnPath).toEqual([]);
  });

  it('gives each open issue with a workaround an item in its own group, after the changes, before the processes', async () => {
    const c = await checklist({ from: '15.0.0', to: '15.2.0', processes: ['cloture'] });
    expect(ids(c.items)).toEqual([
      'GES-21#creer-une-facture-avec-remise-globale',
      'GES-30#editer-la-balance',
      'GES-20#valoriser-le-stock',
      'known:KI-stock',
      'known:KI-balance',
      'process:cloture#1',
    ]);
    expect(c.items.find((i) => i.id === 'known:KI-stock')).toEqual({
      id: 'known:KI-stock',
      key: 'KI-stock',
      entry: null,
      process: null,
      knownIssue: 'KI-stock',
      title: "L'inventaire tournant bloque les mouvements",
      version: '15.1.0',
      module: null,
      modules: ['stocks'],
      type: null,
      step: "Appliquer le contournement : Lancer l'inventaire hors des heures de saisie.",
      stepHtml: 'Appliquer le contournement : Lancer l&#39;inventaire hors des heures de saisie.',
      expect:
        "Le problème connu « L'inventaire tournant bloque les mouvements » n'empêche pas le travail de l'entreprise",
      expectHtml:
        'Le problème connu « L&#39;inventaire tournant bloque les mouvements » n&#39;empêche pas le travail de l&#39;entreprise',
      priority: 'high',
      menu: null,
      setup: null,
      url: null,
      hash: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(c.items.find((i) => i.id === 'known:KI-balance')!.priority).toBe('normal');
  });

  it('gives a blocking issue a critical item, and keeps its id and hash while its text stays the same', async () => {
    const a = await checklist({ from: '15.0.0', to: '15.1.0' });
    const b = await checklist({ to: '15.1.0', modules: ['facturation'] });
    const item = a.items.find((i) => i.id === 'known:KI-remise')!;
    expect(item.priority).toBe('critical');
    expect(b.items.find((i) => i.id === 'known:KI-remise')!.hash).toBe(item.hash);
    expect(item.hash).not.toBe(a.items.find((i) => i.id === 'known:KI-balance')!.hash);
  });

  it('filters by module (an issue without modules belongs to every module) and by edition', async () => {
    const facturation = await checklist({ from: '15.0.0', to: '15.1.0', modules: ['facturation'] });
    expect(ids(facturation.knownIssues)).toEqual(['KI-remise']);
    const standard = await checklist({ from: '15.0.0', to: '15.1.0', editions: ['standard'] });
    expect(ids(standard.knownIssues)).toEqual(['KI-remise', 'KI-stock']);
    const entreprise = await checklist({ from: '15.0.0', to: '15.1.0', editions: ['entreprise'] });
    expect(ids(entreprise.knownIssues)).toEqual(['KI-remise', 'KI-stock', 'KI-balance']);
    expect(ids(standard.items).filter((id) => id.startsWith('known:'))).toEqual(['known:KI-remise', 'known:KI-stock']);
  });

  it('names a better target, never a withdrawn version: the next published one carries the fix', async () => {
    // KI-remise (blocking) is fixed in the withdrawn 15.1.1: 15.2.0 is the better target.
    const c = await checklist({ from: '15.0.0', to: '15.1.0' });
    expect(c.betterTarget).toEqual({ version: '15.2.0', fixes: ['KI-remise'] });
    // KI-lettrage (major) is fixed in 15.3.0.
    expect((await checklist({ from: '15.0.0', to: '15.2.0' })).betterTarget).toEqual({
      version: '15.3.0',
      fixes: ['KI-lettrage'],
    });
  });

  it('names none when only minor issues stay, or when no later version fixes a serious one', async () => {
    expect((await checklist({ from: '15.2.0', to: '15.3.0' })).betterTarget).toBeNull();
    // Filtered to comptabilite, 15.3.0 has only the minor KI-balance open.
    expect((await checklist({ to: '15.3.0', modules: ['comptabilite'] })).betterTarget).toBeNull();
  });

  it('counts a fix in a draft in a build with drafts only', async () => {
    const normal = await checklist({ from: '15.2.0', to: '15.3.0' });
    expect(ids(normal.knownIssues)).toEqual(['KI-stock', 'KI-balance']);
    const drafts = await checklist({ from: '15.2.0', to: '15.3.0' }, true);
    expect(drafts.knownIssues[0]).toMatchObject({ id: 'KI-stock', fixedIn: '16.0.0', fixedBy: 'GES-40' });
    expect(drafts.betterTarget).toEqual({ version: '16.0.0', fixes: ['KI-stock'] });
    expect(ids((await checklist({ from: '15.2.0', to: '16.0.0' }, true)).fixedOnPath)).toEqual([
      'KI-stock',
      'KI-lettrage',
    ]);
  });

  it('slots the known-issue items into the risk order and the minimum set', async () => {
    const c = await checklist({ from: '15.0.0', to: '15.2.0', processes: ['cloture'] });
    const ordered = ids(orderByRisk(c));
    expect(ordered.slice(0, 2)).toEqual(['known:KI-stock', 'known:KI-balance']);
    expect(ids(minimumSet(c))).toEqual(['known:KI-stock', 'known:KI-balance', 'process:cloture#1']);
  });
});
