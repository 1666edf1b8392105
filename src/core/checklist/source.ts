/**
 * The engine's input made from what each side has: the CLI and the build have the whole road
 * book (`RoadBookData`), the browser has `/data/index.json` and the per-version files it
 * loaded for the versions `planPath` named.
 */
import { entriesByVersion, moduleChoices, type DataIndex, type RoadBookData } from '../data-files.ts';
import type { LoadedVersion } from '../version-file.ts';
import type { ChecklistSource } from './types.ts';

export interface SourceOptions {
  /** True when the build includes drafts (`--drafts`): drafts can then be on a path and be a target. */
  includeDrafts?: boolean;
  buildId?: string | null;
}

export function sourceFromRoadBook(data: RoadBookData, options: SourceOptions = {}): ChecklistSource {
  const groups = entriesByVersion(data);
  const { config } = data;
  return {
    product: config.product,
    locale: config.locale,
    base: config.base,
    versions: data.versions,
    modules: moduleChoices(data),
    editions: config.editions,
    types: config.types,
    processes: data.processes,
    entriesOf: (slug) => groups.get(slug) ?? [],
    includeDrafts: options.includeDrafts ?? false,
    versionWords: { preRelease: config.preRelease, postRelease: config.postRelease, versioning: config.versioning },
    buildId: options.buildId ?? null,
  };
}

/**
 * From the data files. `files` holds the version files loaded so far, by slug; asking for the
 * entries of a version whose file is not there is a programming error, never an empty list.
 */
export function sourceFromDataFiles(
  index: DataIndex,
  files: ReadonlyMap<string, Pick<LoadedVersion, 'entries'>>,
  options: SourceOptions = {},
): ChecklistSource {
  return {
    product: index.product,
    locale: index.locale,
    base: index.base,
    versions: index.versions,
    modules: index.modules,
    editions: index.editions,
    types: index.types,
    processes: index.processes,
    entriesOf: (slug) => {
      const file = files.get(slug);
      if (!file)
        throw new Error(`The data file of version "${slug}" is not loaded: load every version planPath returns first`);
      return file.entries;
    },
    includeDrafts: options.includeDrafts ?? false,
    buildId: options.buildId ?? index.buildId,
  };
}
