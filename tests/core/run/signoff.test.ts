import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/core/checklist/progress.ts';
import { signOffReport } from '../../../src/core/run/signoff.ts';
import { runView } from '../../../src/core/run/view.ts';
import { checklist, FORM, PATH_ENTRY_IDS, procedure } from './fixture.ts';

const c = checklist();
const p = procedure(c);
const view = runView(c, p);
const [i1, i2, i3] = c.items;

describe('the sign-off report', () => {
  const results: RunResults = {
    'procedure:copy-data': {
      status: 'passed',
      tester: 'Paul',
      time: '2026-05-20T08:00:00.000Z',
      hash: p.before[0]!.hash,
    },
    [i1!.id]: {
      status: 'failed',
      comment: 'Écart de 1 centime',
      defect: 'BUG-7',
      tester: 'Marie',
      time: '2026-05-21T10:00:00.000Z',
      hash: i1!.hash,
    },
    [i2!.id]: { status: 'passed', tester: 'Léa', time: '2026-05-20T09:00:00.000Z', hash: 'old text' },
    [i3!.id]: { status: 'failed', comment: 'Stock faux', hash: i3!.hash },
    'process:cloture#1': { status: 'blocked', comment: 'Banque fermée', time: '2026-05-21T11:00:00.000Z', hash: 'x' },
    'GES-999#x': { status: 'passed', comment: 'vieux' },
  };
  const report = signOffReport({
    checklist: c,
    procedure: p,
    results,
    form: FORM,
    pathEntryIds: PATH_ENTRY_IDS,
    now: new Date('2026-05-22T16:00:00Z'),
  });

  it('holds the facts, counts, period and testers', () => {
    expect(report).toMatchObject({
      schema: 1,
      title: 'PV de recette — Recette Gestan 15.1.0 → 15.3.0',
      product: 'Gestan',
      from: '15.1.0',
      to: '15.3.0',
      versions: ['15.2.0', '15.2.1', '15.3.0'],
      modules: 'Facturation, Comptabilité',
      buildId: 'build-1',
      generated: '2026-05-22T16:00:00.000Z',
      decision: 'reserves',
      total: view.signOffItems.length,
      done: 5,
      period: { first: '2026-05-20T08:00:00.000Z', last: '2026-05-21T11:00:00.000Z' },
      notRun: view.signOffItems.length - 5,
    });
    expect(report.counts).toMatchObject({ passed: 2, failed: 2, blocked: 1 });
    expect(report.testers).toEqual(['Marie', 'Paul', 'Léa']);
  });

  it('lists reserves (most urgent first), changed items, orphans and what remains to do', () => {
    // Most urgent first: GES-300 is critical, the process step high, GES-502 normal (run order differs).
    expect(report.reserves.map((r) => [r.id, r.status, r.priority, r.comment, r.defect])).toEqual([
      [i1!.id, 'failed', 'critical', 'Écart de 1 centime', 'BUG-7'],
      ['process:cloture#1', 'blocked', 'high', 'Banque fermée', ''],
      [i3!.id, 'failed', 'normal', 'Stock faux', ''],
    ]);
    expect(report.changed.map((i) => i.id)).toEqual([i2!.id, 'process:cloture#1']);
    expect(report.orphans).toEqual([
      { id: 'GES-999#x', status: 'passed', comment: 'vieux', tester: '', time: '', reason: 'entry-removed' },
    ]);
    expect(report.after.map((i) => i.id)).toEqual(['procedure:archive', 'procedure:install-production']);
    expect(report.processes).toEqual([
      {
        id: 'cloture',
        label: 'Clôture mensuelle',
        custom: false,
        counts: expect.objectContaining({ blocked: 1 }),
        total: 1,
      },
    ]);
  });

  it('groups items as the run does and is stamped with each entry’s content hash', () => {
    expect(report.groups.map((g) => g.id)).toEqual(['procedure', 'facturation', 'comptabilite', 'process:cloture']);
    expect(report.groups.map((g) => g.label)).toEqual([
      'Procédure de mise en production',
      'Facturation',
      'Comptabilité',
      'Processus : Clôture mensuelle',
    ]);
    expect(report.groups.flatMap((g) => g.items.map((i) => i.id))).toEqual(view.signOffItems.map((i) => i.id));
    expect(report.entries.map((e) => [e.id, e.hash])).toEqual(c.entries.map((e) => [e.id, e.hash]));
  });
});
