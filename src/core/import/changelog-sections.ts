/**
 * What a Keep a Changelog section heading means to roadbook: a type for its bullets, or a
 * part of the version's introduction. The default table covers the names real changelogs
 * use (Keep a Changelog's six, their usual variants, conventional-changelog's, French); a
 * `--type-map` file overrides it.
 */

import * as z from 'zod';
import type { DiagnosticList } from '../diagnostics.ts';
import { FILE_START } from '../diagnostics.ts';
import type { RoadBookConfig } from '../model.ts';
import { list, text } from '../read/fields.ts';
import { at, checkMapping, type Located } from '../read/schema-check.ts';
import { isPlainMap, readYaml } from '../read/yaml.ts';

/** What a section heading gives its content. */
export type SectionMeaning =
  /** `tag` keeps what the type alone would lose (Deprecated and Removed are both `evolution`). */
  | { kind: 'type'; type: string; breaking: boolean; tag: string | null }
  /** Not a change: the section joins the version's introduction (`Migration Tips`, `Notes`). */
  | { kind: 'introduction' };

export interface TypeMap {
  /** By normalised section name (see `sectionKey`). */
  sections: Map<string, SectionMeaning>;
  /** Type of bullets written directly under a version heading (changelogs without sections). */
  defaultType: string;
}

const change = (type: string, breaking = false, tag: string | null = null): SectionMeaning => ({
  kind: 'type',
  type,
  breaking,
  tag,
});
const INTRODUCTION: SectionMeaning = { kind: 'introduction' };

/** Section names as changelogs write them, grouped by meaning. */
const DEFAULT_SECTIONS: [SectionMeaning, string[]][] = [
  [
    change('nouveaute'),
    [
      'Added',
      'Add',
      'New',
      'New Features',
      'Features',
      'Feature',
      'Ajouté',
      'Ajoutés',
      'Ajout',
      'Ajouts',
      'Nouveautés',
    ],
  ],
  [
    change('evolution'),
    [
      'Changed',
      'Changes',
      'Change',
      'Updated',
      'Improved',
      'Improvements',
      'Enhancements',
      'Performance',
      'Performance Improvements',
      'Reverts',
      'Reverted',
      'Modifié',
      'Modifiés',
      'Modifications',
      'Changements',
      'Améliorations',
    ],
  ],
  [change('evolution', false, 'deprecated'), ['Deprecated', 'Deprecations', 'Obsolète', 'Obsolètes', 'Déprécié']],
  [
    change('evolution', false, 'removed'),
    ['Removed', 'Deleted', 'Removals', 'Supprimé', 'Supprimés', 'Retiré', 'Retirés'],
  ],
  [change('evolution', true), ['Breaking Changes', 'Breaking', 'Changements majeurs', 'Ruptures de compatibilité']],
  [
    change('correction'),
    ['Fixed', 'Fix', 'Fixes', 'Bug Fixes', 'Bugfixes', 'Corrigé', 'Corrigés', 'Corrections', 'Correctifs'],
  ],
  [change('securite'), ['Security', 'Sécurité']],
  [
    change('technique'),
    [
      'Documentation',
      'Docs',
      'Internal',
      'Chores',
      'Chore',
      'Dependencies',
      'Build',
      'Build System',
      'Tests',
      'Refactor',
      'Code Refactoring',
      'Technique',
      'Interne',
      'Dépendances',
    ],
  ],
  [
    INTRODUCTION,
    [
      'Migration Tips',
      'Migration',
      'Migration Guide',
      'Upgrade Notes',
      'Upgrading',
      'Notes',
      'Note',
      'Highlights',
      'Summary',
      'Known Issues',
      'Thanks',
      'Contributors',
      'Remarques',
      'Notes de migration',
      'Migration depuis la version précédente',
    ],
  ],
];

export const DEFAULT_TYPE = 'evolution';

/** Case, accents, punctuation and emoji ignored: `### 🐛 Bug fixes:` and `Bug Fixes` are one section. */
export function sectionKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function defaultTypeMap(): TypeMap {
  const sections = new Map<string, SectionMeaning>();
  for (const [meaning, names] of DEFAULT_SECTIONS) for (const name of names) sections.set(sectionKey(name), meaning);
  return { sections, defaultType: DEFAULT_TYPE };
}

/**
 * `--type-map map.yml`:
 *
 * ```yaml
 * sections:                  # section heading → type id of roadbook.yml
 *   Features: nouveaute
 *   Performance: evolution
 * introduction: [Upgrade guide]   # sections read as the version's introduction
 * default: correction        # type of bullets directly under a version heading
 * ```
 */
const typeMapSchema = z.object({
  sections: z.record(z.string(), text).optional(),
  introduction: list(text).optional(),
  default: text.optional(),
});

/** Reads a type map over the default table; its problems go to `diagnostics` (null when any is an error). */
export function readTypeMap(
  source: string,
  file: string,
  config: RoadBookConfig,
  diagnostics: DiagnosticList,
): TypeMap | null {
  const yaml = readYaml(source, file, diagnostics);
  if (!yaml) return null;
  if (!isPlainMap(yaml.value)) {
    diagnostics.error(
      'front-matter-not-mapping',
      file,
      FILE_START,
      'The type map must be a mapping with `sections:`, `introduction:` and `default:`',
    );
    return null;
  }
  const where: Located = { file, yaml, diagnostics };
  const raw = checkMapping(typeMapSchema, yaml.value, where);
  if (!raw) return null;

  const types = config.types.map((t) => t.id);
  let valid = true;
  const known = (type: string, path: (string | number)[]): boolean => {
    if (types.includes(type)) return true;
    diagnostics.error(
      'unknown-type',
      file,
      at(where, path),
      `"${type}" is not one of the types of roadbook.yml (${types.join(', ')})`,
    );
    valid = false;
    return false;
  };

  const map = defaultTypeMap();
  for (const [name, type] of Object.entries(raw.sections ?? {})) {
    if (known(type, ['sections', name])) map.sections.set(sectionKey(name), change(type));
  }
  for (const name of raw.introduction ?? []) map.sections.set(sectionKey(name), INTRODUCTION);
  if (raw.default !== undefined && known(raw.default, ['default'])) map.defaultType = raw.default;
  return valid ? map : null;
}
