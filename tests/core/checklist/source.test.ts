import { describe, expect, it } from 'vitest';
import {
  buildChecklist,
  planPath,
  sourceFromDataFiles,
  sourceFromRoadBook,
} from '../../../src/core/checklist/index.ts';
import { toDataIndex, type RoadBookData } from '../../../src/core/data-files.ts';
import { packVersionFile, unpackVersionFile, type LoadedVersion } from '../../../src/core/version-file.ts';
import type { RoadBookConfig } from '../../../src/core/model.ts';
import { ENTRIES, fixtureSource, PROCESSES, VERSIONS } from '../../fixtures/checklist/road-book.ts';

const fixture = fixtureSource();

const config: RoadBookConfig = {
  product: 'Gestan',
  title: 'Road book Gestan',
  publisher: null,
  locale: 'fr',
  site: null,
  base: '/roadbook/',
  editions: fixture.editions,
  modules: fixture.modules,
  types: fixture.types,
  verifyHeadings: ['Vérifications'],
  requireVerify: [],
  preRelease: ['alpha', 'beta', 'pre', 'rc'],
  postRelease: ['DU', 'hotfix', 'patch'],
  versioning: 'roadbook',
};

const data: RoadBookData = { config, processes: PROCESSES, versions: VERSIONS, entries: ENTRIES };
const request = { from: '15.0.0', to: '16.0.0', modules: ['facturation'], processes: ['cloture'] };

describe('checklist sources', () => {
  it('gives the same checklist from the road book as from the fixture', () => {
    expect(buildChecklist(sourceFromRoadBook(data, { buildId: 'build-1' }), request)).toEqual(
      buildChecklist(fixture, request),
    );
  });

  it('gives the same checklist from the data files the browser loads', () => {
    const index = JSON.parse(JSON.stringify(toDataIndex(data, 'build-1')));
    const plan = planPath(sourceFromDataFiles(index, new Map()), request);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const files = new Map<string, LoadedVersion>(
      plan.versions.map((v) => [
        v.slug,
        unpackVersionFile(
          JSON.parse(
            JSON.stringify(
              packVersionFile(
                v,
                ENTRIES.filter((e) => e.versionSlug === v.slug),
              ),
            ),
          ),
        ),
      ]),
    );
    const checklist = buildChecklist(sourceFromDataFiles(index, files), request);
    expect(checklist).toEqual(buildChecklist(fixture, request));
  });

  it('refuses to work from a version file that is not loaded', () => {
    const index = toDataIndex(data, 'build-1');
    expect(() => buildChecklist(sourceFromDataFiles(index, new Map()), request)).toThrow(/not loaded/);
  });
});
