import { describe, expect, it } from 'vitest';
import {
  buildChecklist,
  ChecklistError,
  findVersion,
  planPath,
  planRollback,
} from '../../../src/core/checklist/index.ts';
import type { ChecklistRequest } from '../../../src/core/checklist/index.ts';
import { formatChoices } from '../../../src/core/checklist/error.ts';
import { fixtureSource, trackingSource, VERSIONS } from '../../fixtures/checklist/road-book.ts';

const source = fixtureSource();

function versionsOf(request: ChecklistRequest, src = source): string[] {
  const plan = planPath(src, request);
  if (!plan.ok) throw plan.error;
  return plan.versions.map((v) => v.version);
}

function errorOf(request: ChecklistRequest, src = source): ChecklistError {
  try {
    buildChecklist(src, request);
  } catch (error) {
    expect(error).toBeInstanceOf(ChecklistError);
    return error as ChecklistError;
  }
  throw new Error('expected a ChecklistError');
}

describe('versions on a path', () => {
  it('holds every version after from up to to, passing over a withdrawn one', () => {
    expect(versionsOf({ from: '15.1.0', to: '15.3.0' })).toEqual(['15.2.0', '15.2.1', '15.3.0']);
  });

  it('never holds a draft', () => {
    expect(versionsOf({ from: '15.3.0', to: '16.0.0' })).toEqual(['16.0.0']);
  });

  it('holds drafts in a build with drafts, and a draft can then be the target', () => {
    const drafts = fixtureSource({ includeDrafts: true });
    expect(versionsOf({ from: '15.3.0', to: '16.0.0' }, drafts)).toEqual(['15.4.0', '16.0.0']);
    expect(versionsOf({ from: '15.3.0', to: '15.4.0' }, drafts)).toEqual(['15.4.0']);
    const checklist = buildChecklist(drafts, { from: '15.3.0', to: '16.0.0' });
    expect(checklist.warnings).toContainEqual(expect.objectContaining({ code: 'draft', version: '15.4.0' }));
  });

  it('is version to alone without from', () => {
    expect(versionsOf({ to: '15.3.0' })).toEqual(['15.3.0']);
    expect(versionsOf({ from: null, to: '15.3.0' })).toEqual(['15.3.0']);
    expect(versionsOf({ from: '  ', to: '15.3.0' })).toEqual(['15.3.0']);
  });

  it('may start from a withdrawn version', () => {
    expect(versionsOf({ from: '15.2.1', to: '15.3.0' })).toEqual(['15.3.0']);
  });

  it('may start from a draft the build includes', () => {
    expect(versionsOf({ from: '15.4.0', to: '16.0.0' })).toEqual(['16.0.0']);
  });

  it('finds versions by string, slug, or an equal version', () => {
    expect(findVersion(VERSIONS, '15.3')?.version).toBe('15.3.0');
    expect(findVersion(VERSIONS, 'v16.0.0')?.version).toBe('16.0.0');
    expect(findVersion(VERSIONS, ' 15.2.1 ')?.version).toBe('15.2.1');
    const du = [{ ...VERSIONS[0]!, version: '15.30.02/DU3', slug: '15.30.02-DU3' }];
    expect(findVersion(du, '15.30.02-DU3')?.version).toBe('15.30.02/DU3');
    expect(findVersion(du, '15.30.02/du3')?.version).toBe('15.30.02/DU3');
    expect(findVersion(VERSIONS, 'latest')).toBeNull();
    expect(versionsOf({ from: '15.1', to: '15.3' })).toEqual(['15.2.0', '15.2.1', '15.3.0']);
  });

  it('loads only the versions on the path', () => {
    const { source: tracked, loaded } = trackingSource();
    buildChecklist(tracked, { from: '15.2.0', to: '15.3.0' });
    expect(loaded).toEqual(['15.2.1', '15.3.0']);
  });

  it('returns the resolved request', () => {
    const plan = planPath(source, {
      from: '15.1',
      to: '15.3',
      modules: ['stocks', 'facturation', 'stocks'],
      editions: ['entreprise'],
    });
    expect(plan).toMatchObject({ ok: true, modules: ['facturation', 'stocks'], editions: ['entreprise'] });
    if (plan.ok) expect([plan.from?.version, plan.to.version]).toEqual(['15.1.0', '15.3.0']);
  });
});

describe('requests refused', () => {
  it('refuses a withdrawn target, listing the published versions', () => {
    const error = errorOf({ from: '15.1.0', to: '15.2.1' });
    expect(error.code).toBe('to-withdrawn');
    expect(error.message).toContain('15.2.1');
    expect(error.message).toContain('14.0.0, 15.0.0, 15.1.0, 15.2.0, 15.3.0, 16.0.0');
    expect(error.details.choices).not.toContain('15.2.1');
  });

  it('plans a withdrawn target only when asked to, for a run started before it was withdrawn', () => {
    const plan = planPath(source, { from: '15.1.0', to: '15.2.1' }, { withdrawnTarget: true });
    expect(plan.ok && plan.versions.map((v) => v.version)).toEqual(['15.2.0', '15.2.1']);
    const checklist = buildChecklist(source, { from: '15.1.0', to: '15.2.1' }, { withdrawnTarget: true });
    expect(checklist.to).toBe('15.2.1');
    // A draft target stays refused.
    expect(planPath(source, { to: '15.4.0' }, { withdrawnTarget: true }).ok).toBe(false);
  });

  it('refuses a draft target', () => {
    const error = errorOf({ from: '15.3.0', to: '15.4.0' });
    expect(error.code).toBe('to-draft');
    expect(error.details.choices).not.toContain('15.4.0');
  });

  it('refuses from = to and from > to', () => {
    expect(errorOf({ from: '15.3.0', to: '15.3' }).code).toBe('from-not-before-to');
    const after = errorOf({ from: '16.0.0', to: '15.3.0' });
    expect(after.code).toBe('from-not-before-to');
    expect(after.message).toContain('16.0.0');
    expect(after.message).toContain('retour arrière');
  });

  it('refuses an unknown version, naming the valid choices', () => {
    const to = errorOf({ from: '15.1.0', to: '17.0.0' });
    expect(to).toMatchObject({ code: 'unknown-version', details: { field: 'to', value: '17.0.0' } });
    expect(to.message).toContain('« 17.0.0 »');
    expect(to.message).toContain('15.3.0, 16.0.0');
    const from = errorOf({ from: '13.0', to: '15.3.0' });
    expect(from).toMatchObject({ code: 'unknown-version', details: { field: 'from', value: '13.0' } });
    expect(from.details.choices).toEqual(VERSIONS.map((v) => v.version));
    expect(errorOf({ to: '' }).code).toBe('missing-to');
  });

  it('refuses an unknown module or edition, naming the valid ones', () => {
    const module = errorOf({ to: '15.3.0', modules: ['facturation', 'paye'] });
    expect(module).toMatchObject({ code: 'unknown-module', details: { value: 'paye' } });
    expect(module.message).toContain('facturation (Facturation), comptabilite (Comptabilité), stocks (Stocks)');
    expect(module.details.choices).toEqual(['facturation', 'comptabilite', 'stocks']);
    const edition = errorOf({ to: '15.3.0', editions: ['premium'] });
    expect(edition.code).toBe('unknown-edition');
    expect(edition.message).toContain('standard (Standard), entreprise (Entreprise)');
  });

  it('refuses an unknown catalogue process and a malformed company process', () => {
    const unknown = errorOf({ to: '15.3.0', processes: ['inventaire'] });
    expect(unknown.code).toBe('unknown-process');
    expect(unknown.message).toContain('facturation-mensuelle, cloture');
    const invalid = errorOf({ to: '15.3.0', processes: [{ id: 'a b', label: 'x', modules: [], steps: ['s'] }] });
    expect(invalid.code).toBe('invalid-process');
    expect(errorOf({ to: '15.3.0', processes: [{ id: 'ok', label: 'x', modules: [], steps: [] }] }).code).toBe(
      'invalid-process',
    );
  });

  it('speaks the road book language', () => {
    const error = errorOf({ to: '17' }, fixtureSource({ locale: 'en' }));
    expect(error.message).toBe(
      'There is no version "17" in this road book (version to install). Choose from: 14.0.0, 15.0.0, 15.1.0, 15.2.0, 15.3.0, 16.0.0.',
    );
  });

  it('returns the error from planPath instead of throwing', () => {
    const plan = planPath(source, { from: '15.1.0', to: '15.2.1' });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.error.code).toBe('to-withdrawn');
  });

  it('checks a rollback question', () => {
    const plan = planRollback(source, '16.0.0', '15.2.0');
    expect(plan.ok && plan.versions.map((v) => v.version)).toEqual(['15.2.1', '15.3.0', '16.0.0']);
    const wrong = planRollback(source, '15.2.0', '16.0.0');
    expect(!wrong.ok && wrong.error.code).toBe('rollback-order');
    const unknown = planRollback(source, '16.0.0', '12');
    expect(!unknown.ok && unknown.error.details.field).toBe('older');
  });
});

describe('choices in messages', () => {
  it('lists at most 25, the last ones, and says how many are left out', () => {
    const many = Array.from({ length: 30 }, (_, i) => `1.${i}`);
    expect(formatChoices('fr', many)).toBe(`…, ${many.slice(5).join(', ')} (et 5 autres)`);
    expect(formatChoices('en', ['a', 'b'])).toBe('a, b');
    expect(formatChoices('en', [])).toBe('none');
  });
});
