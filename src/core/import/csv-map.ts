/**
 * How the CSV importer reads a tracker's export: which columns hold what, and which values
 * name which type or module. Jira's column names and the default type table are the
 * defaults; `--map map.yml` names other columns (Redmine, GitLab, Azure DevOps) and adds
 * value maps. The map file is checked like roadbook.yml: every problem at its line and column.
 */
import * as z from 'zod';
import { DiagnosticList, FILE_START, type Diagnostic } from '../diagnostics.ts';
import { id, list, text } from '../read/fields.ts';
import { at, checkMapping, type Located } from '../read/schema-check.ts';
import { isPlainMap, readYaml, type PlainMap } from '../read/yaml.ts';

/** The things a row is read for. */
export type CsvField = 'key' | 'summary' | 'type' | 'fixVersion' | 'component' | 'description' | 'priority' | 'labels';

export interface CsvMap {
  /** Header names per field; every column with one of these names counts (Jira repeats columns). */
  columns: Record<CsvField, string[]>;
  /** Tracker value → entry type id, looked up with case and accents ignored. */
  types: ReadonlyMap<string, string>;
  /** Tracker value → module id, before components are matched to modules by id or label. */
  modules: ReadonlyMap<string, string>;
  /** Module of a row that names no component; null: such a row is skipped. */
  defaultModule: string | null;
}

/** A Jira export's column names (Jira Data Center's first, then Jira Cloud's where they differ). */
export const JIRA_COLUMNS: Record<CsvField, string[]> = {
  key: ['Issue key'],
  summary: ['Summary'],
  type: ['Issue Type'],
  fixVersion: ['Fix Version/s', 'Fix versions'],
  component: ['Component/s', 'Components'],
  description: ['Description'],
  priority: ['Priority'],
  labels: ['Labels'],
};

/** Columns a row cannot be read without. */
export const REQUIRED_FIELDS: readonly CsvField[] = ['key', 'summary', 'type', 'fixVersion'];

/** Issue types of Jira (English and French) and of the usual trackers → roadbook's default types. */
export const DEFAULT_TYPE_TABLE: Readonly<Record<string, string>> = {
  Bug: 'correction',
  Bogue: 'correction',
  Story: 'nouveaute',
  'New Feature': 'nouveaute',
  Récit: 'nouveaute',
  'Nouvelle fonctionnalité': 'nouveaute',
  Improvement: 'evolution',
  Amélioration: 'evolution',
  Task: 'technique',
  'Sub-task': 'technique',
  Tâche: 'technique',
  'Sous-tâche': 'technique',
  Security: 'securite',
  Sécurité: 'securite',
};

/** Case, accents and runs of spaces ignored: how tracker values are compared. */
export function foldValue(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function foldedMap(entries: Iterable<[string, string]>): Map<string, string> {
  return new Map([...entries].map(([k, v]) => [foldValue(k), v]));
}

export function defaultCsvMap(): CsvMap {
  return {
    columns: JIRA_COLUMNS,
    types: foldedMap(Object.entries(DEFAULT_TYPE_TABLE)),
    modules: new Map(),
    defaultModule: null,
  };
}

const columnsSchema = z.object(
  Object.fromEntries(Object.keys(JIRA_COLUMNS).map((field) => [field, list(text, 1).optional()])) as Record<
    CsvField,
    z.ZodOptional<ReturnType<typeof list<typeof text>>>
  >,
);

const mapSchema = z.object({
  columns: z.unknown().optional(),
  types: z.unknown().optional(),
  modules: z.unknown().optional(),
  defaultModule: id.optional(),
});

export interface CsvMapResult {
  /** Null when the file has an error (every problem is in `diagnostics`). */
  map: CsvMap | null;
  diagnostics: Diagnostic[];
}

/**
 * Reads a map file (`--map map.yml`). Columns it names replace Jira's for that field; its type
 * values are looked up before the default table; its module values before the modules'
 * ids and labels.
 */
export function readCsvMap(source: string, file: string): CsvMapResult {
  const diagnostics = new DiagnosticList();
  const done = (map: CsvMap | null): CsvMapResult => ({
    map: diagnostics.errorCount > 0 ? null : map,
    diagnostics: diagnostics.sorted(),
  });
  const yaml = readYaml(source.replace(/^\uFEFF/, ''), file, diagnostics);
  if (!yaml) return done(null);
  if (!isPlainMap(yaml.value)) {
    diagnostics.error(
      'front-matter-not-mapping',
      file,
      FILE_START,
      'A CSV map is a mapping with `columns`, `types`, `modules` or `defaultModule`',
    );
    return done(null);
  }
  const where: Located = { file, yaml, diagnostics };
  const raw = checkMapping(mapSchema, yaml.value, where);
  if (!raw) return done(null);

  const defaults = defaultCsvMap();
  let columns = defaults.columns;
  if (raw.columns !== undefined) {
    const checked = isMapping(raw.columns, 'columns', where)
      ? checkMapping(columnsSchema, raw.columns as PlainMap, where, ['columns'])
      : null;
    if (checked) columns = { ...columns, ...stripUndefined(checked) };
  }
  const types = valueMap(raw.types, 'types', where);
  const modules = valueMap(raw.modules, 'modules', where);
  return done({
    columns,
    types: new Map([...defaults.types, ...types]),
    modules,
    defaultModule: raw.defaultModule ?? null,
  });
}

function isMapping(value: unknown, field: string, where: Located): boolean {
  if (isPlainMap(value as PlainMap)) return true;
  where.diagnostics.error(
    'wrong-type',
    where.file,
    at(where, [field]),
    `\`${field}\` must be a mapping of keys to values`,
  );
  return false;
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

/** `Tracker value: id` pairs; every value must be an id. Read into a Map, never an object. */
function valueMap(value: unknown, field: 'types' | 'modules', where: Located): Map<string, string> {
  const result = new Map<string, string>();
  if (value === undefined || !isMapping(value, field, where)) return result;
  for (const [key, target] of Object.entries(value as PlainMap)) {
    const check = id.safeParse(target);
    if (typeof target === 'string' && check.success) {
      result.set(foldValue(key), target);
      continue;
    }
    where.diagnostics.error(
      typeof target === 'string' ? 'invalid-id' : 'wrong-type',
      where.file,
      at(where, [field, key]),
      `\`${field}.${key}\` must be the id of one of roadbook.yml's ${field} (letters, digits, . _ -)`,
    );
  }
  return result;
}
