/**
 * A ticket tracker's CSV export (one row per change) turned into an import plan. The entry id
 * is the issue key, the title the summary, the body the description as written, `tickets` the
 * key; the version is the earliest fix version. A row that cannot become a valid entry (type
 * not mapped, no fix version, a component that is no module…) is skipped with its line and key,
 * never guessed.
 *
 * Priority is read but not imported: in the road book's model only verification items carry a
 * priority, and a ticket's priority says how urgent the fix was, not how much a test step
 * matters. The summary says so when the column holds values.
 */
import type { Choice, RoadBookConfig } from '../model.ts';
import { isValidId } from '../items.ts';
import { compareVersions, isVersion } from '../versions.ts';
import { defaultCsvMap, foldValue, REQUIRED_FIELDS, type CsvField, type CsvMap } from './csv-map.ts';
import { readCsvTable, type CsvRow } from './csv-table.ts';
import {
  ImportInputError,
  type CsvImportInput,
  type ImportedEntry,
  type ImportedVersion,
  type ImportPlan,
  type ImportSkip,
} from './plan.ts';

export { readCsvMap, type CsvMap } from './csv-map.ts';

/** Column indexes per field: every column whose header is one of the field's names. */
type Columns = Record<CsvField, number[]>;

export function planFromCsv(input: CsvImportInput): ImportPlan {
  const map = input.map ?? defaultCsvMap();
  const table = readCsvTable(input.text);
  const columns = findColumns(table.header, map);
  const missing = REQUIRED_FIELDS.filter((field) => columns[field].length === 0);
  if (missing.length > 0) {
    const names = missing.map((field) => map.columns[field].map((n) => `"${n}"`).join(' or ')).join('; ');
    throw new ImportInputError(
      `The header row lacks a column named ${names} (found: ${table.header.map((h) => `"${h}"`).join(', ')}); name the columns with --map map.yml`,
      1,
    );
  }

  const reader = new RowReader(input.config, map, columns, input.existingVersions ?? []);
  const entries: ImportedEntry[] = [];
  const skipped: ImportSkip[] = [];
  const firstLineOfKey = new Map<string, number>();
  let priorities = 0;
  for (const row of table.rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const result = reader.read(row);
    if (reader.cells(row, 'priority').length > 0) priorities++;
    if ('why' in result) {
      skipped.push(result);
      continue;
    }
    const earlier = firstLineOfKey.get(result.id!.toLowerCase());
    if (earlier !== undefined) {
      skipped.push({ line: row.line, what: result.id!, why: `the key appears again (first on line ${earlier})` });
      continue;
    }
    firstLineOfKey.set(result.id!.toLowerCase(), row.line);
    entries.push(result);
  }

  const notes = priorities > 0 ? [PRIORITY_NOTE] : [];
  return { versions: versionsOf(entries, input.config), entries, skipped, versioning: null, notes };
}

const PRIORITY_NOTE =
  'The Priority column is not imported: only verification items have a priority in the road book, and they are written by hand';

function findColumns(header: readonly string[], map: CsvMap): Columns {
  const folded = header.map(foldValue);
  const indexes = (names: readonly string[]) => {
    const wanted = new Set(names.map(foldValue));
    return folded.flatMap((name, i) => (wanted.has(name) ? [i] : []));
  };
  return Object.fromEntries(Object.entries(map.columns).map(([field, names]) => [field, indexes(names)])) as Columns;
}

/** Reads one row against roadbook.yml; every refusal says why. */
class RowReader {
  private readonly config: RoadBookConfig;
  private readonly map: CsvMap;
  private readonly columns: Columns;
  private readonly existingVersions: readonly string[];

  constructor(config: RoadBookConfig, map: CsvMap, columns: Columns, existingVersions: readonly string[]) {
    this.config = config;
    this.map = map;
    this.columns = columns;
    this.existingVersions = existingVersions;
  }

  /** The row's non-empty cells of a field, trimmed, in column order. */
  cells(row: CsvRow, field: CsvField): string[] {
    return this.columns[field].map((i) => (row.cells[i] ?? '').trim()).filter((cell) => cell !== '');
  }

  read(row: CsvRow): ImportedEntry | ImportSkip {
    const key = this.cells(row, 'key')[0] ?? '';
    const skip = (why: string): ImportSkip => ({ line: row.line, what: key || `row at line ${row.line}`, why });
    if (!key) return skip('the row has no issue key');
    if (!isValidId(key)) return skip(`the key "${key}" cannot be an entry id (letters, digits, . _ - ; 64 at most)`);
    const title = (this.cells(row, 'summary')[0] ?? '').replace(/\s+/g, ' ');
    if (!title) return skip('the row has no summary');

    const issueType = this.cells(row, 'type')[0] ?? '';
    if (!issueType) return skip('the row has no issue type');
    const type = this.typeOf(issueType);
    if (!type) return skip(`the issue type "${issueType}" maps to no type (add it under \`types:\` in the map file)`);
    if (!this.config.types.some((t) => t.id === type))
      return skip(`the issue type "${issueType}" maps to "${type}", which is not a type of roadbook.yml`);

    const fixVersions = this.cells(row, 'fixVersion');
    if (fixVersions.length === 0) return skip('the row has no fix version');
    const notVersions = fixVersions.filter((v) => !isVersion(v, this.config));
    if (notVersions.length > 0) return skip(`the fix version "${notVersions[0]}" is not a version string`);
    const version = this.existing(earliest(fixVersions, this.config));

    const components = this.cells(row, 'component');
    const modules: string[] = [];
    for (const component of components) {
      const module = this.moduleOf(component);
      if (!module) return skip(`the component "${component}" is no module of roadbook.yml`);
      if (!modules.includes(module)) modules.push(module);
    }
    if (modules.length === 0) {
      if (!this.map.defaultModule) return skip('the row names no component (set `defaultModule` in the map file)');
      if (!this.moduleOf(this.map.defaultModule))
        return skip(`the map's defaultModule "${this.map.defaultModule}" is no module of roadbook.yml`);
      modules.push(this.moduleOf(this.map.defaultModule)!);
    }

    return {
      version,
      id: key,
      title,
      type,
      modules,
      tags: [...new Set(this.cells(row, 'labels'))],
      tickets: [key],
      breaking: false,
      body: this.columns.description.map((i) => row.cells[i] ?? '').find((cell) => cell.trim() !== '') ?? '',
      line: row.line,
    };
  }

  /** The map file's value, then the default table, then a type of roadbook.yml by id or label. */
  private typeOf(value: string): string | null {
    const folded = foldValue(value);
    return this.map.types.get(folded) ?? matchChoice(folded, this.config.types);
  }

  /** The map file's value, then a module of roadbook.yml by id or label; any id when there is no closed list. */
  private moduleOf(value: string): string | null {
    const folded = foldValue(value);
    const mapped = this.map.modules.get(folded);
    if (!this.config.modules) return mapped ?? value;
    return matchChoice(mapped === undefined ? folded : foldValue(mapped), this.config.modules);
  }

  /** The road book's own spelling when the version already exists (`15.4` for a CSV's `15.4.0`). */
  private existing(version: string): string {
    return this.existingVersions.find((v) => compareVersions(v, version, this.config) === 0) ?? version;
  }
}

function matchChoice(folded: string, choices: readonly Choice[]): string | null {
  return choices.find((c) => foldValue(c.id) === folded || foldValue(c.label) === folded)?.id ?? null;
}

function earliest(versions: readonly string[], config: RoadBookConfig): string {
  return [...versions].sort((a, b) => compareVersions(a, b, config))[0]!;
}

/** One draft version per distinct version of the entries (equal versions, `15.4` and `15.4.0`, are one). */
function versionsOf(entries: ImportedEntry[], config: RoadBookConfig): ImportedVersion[] {
  const versions: ImportedVersion[] = [];
  for (const entry of entries) {
    const same = versions.find((v) => compareVersions(v.version, entry.version, config) === 0);
    if (same) {
      entry.version = same.version;
      continue;
    }
    versions.push({ version: entry.version, date: null, status: 'draft', title: null, intro: '', line: entry.line });
  }
  return versions.sort((a, b) => compareVersions(a.version, b.version, config));
}
