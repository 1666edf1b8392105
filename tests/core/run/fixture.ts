/**
 * A run of the checklist fixture (tests/fixtures/checklist/road-book.ts): 15.1.0 → 15.3.0 for
 * facturation and comptabilité with the `cloture` process, the target's installer set.
 */
import {
  buildChecklist,
  sourceFromRoadBook,
  type Checklist,
  type ChecklistSource,
} from '../../../src/core/checklist/index.ts';
import type { VersionInfo } from '../../../src/core/model.ts';
import { procedureItems } from '../../../src/core/run/procedure.ts';
import type { SavedRun, SignOffForm } from '../../../src/core/run/types.ts';
import { ENTRIES, fixtureSource, VERSIONS } from '../../fixtures/checklist/road-book.ts';

export const TARGET_SHA = 'b'.repeat(64);

export function versionsWithInstaller(sha = TARGET_SHA): VersionInfo[] {
  return VERSIONS.map((v) =>
    v.version === '15.3.0' ? { ...v, installer: { file: 'Gestan_15.3.0_setup.exe', sha256: sha, size: 42 } } : v,
  );
}

export function source(overrides: Partial<ChecklistSource> = {}): ChecklistSource {
  return fixtureSource({ versions: versionsWithInstaller(), ...overrides });
}

export function checklist(overrides: Partial<ChecklistSource> = {}): Checklist {
  return buildChecklist(source(overrides), {
    from: '15.1.0',
    to: '15.3.0',
    modules: ['facturation', 'comptabilite'],
    processes: ['cloture'],
  });
}

export function procedure(c: Checklist = checklist()) {
  return procedureItems(c);
}

/** Every entry id of the versions on the fixture's 15.1.0 → 15.3.0 path. */
export const PATH_ENTRY_IDS = new Set(
  ENTRIES.filter((e) => ['15.2.0', '15.2.1', '15.3.0'].includes(e.version)).map((e) => e.id),
);

export function run(overrides: Partial<SavedRun> = {}): SavedRun {
  return {
    id: 'run-1',
    name: '15.1.0 → 15.3.0',
    created: '2026-05-20T08:00:00.000Z',
    updated: '2026-05-20T09:00:00.000Z',
    buildId: 'build-1',
    request: {
      from: '15.1.0',
      to: '15.3.0',
      modules: ['facturation', 'comptabilite'],
      editions: [],
      processes: ['cloture'],
    },
    results: {},
    signOff: null,
    ...overrides,
  };
}

/** A sign-off form filled in as a company fills it. */
export const FORM: SignOffForm = {
  environment: 'SRV-RECETTE, copie du 12/05',
  place: 'Lyon',
  date: '2026-05-22',
  testers: 'Marie, Paul',
  decision: 'reserves',
  parties: [{ role: 'Responsable de la recette', name: 'Marie Dupont' }],
  notes: 'RAS hors réserve.',
};

export const SCOPE = { product: 'Gestan', base: '/roadbook/' };

export { sourceFromRoadBook };
