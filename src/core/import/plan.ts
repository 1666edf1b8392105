/**
 * What an importer (Keep a Changelog, a ticket tracker's CSV) makes of its input before
 * anything is written: versions and entries as plain values, and every heading or row it
 * skipped with where and why. One writer (write-plan.ts) turns a plan into files, so both
 * importers share "never overwrite", `--dry-run`, idempotence and the summary.
 */

import type { VersionStatus } from '../model.ts';

/** A version the import needs. Written only when its folder does not exist yet. */
export interface ImportedVersion {
  /** The version string as the source writes it (`1.2.0`, `v2.0.0-beta.1`). */
  version: string;
  /** YYYY-MM-DD, or null when the source gives none (the version is then a draft). */
  date: string | null;
  status: VersionStatus;
  title: string | null;
  /** Markdown introduction (text before the first section, non-change sections). */
  intro: string;
  /** 1-based line of the source where the version starts, for the summary. */
  line: number;
}

/** One entry to write, with front matter values as plain data (written through the YAML library). */
export interface ImportedEntry {
  /** Version string of the version it belongs to (one of the plan's versions or an existing one). */
  version: string;
  /** Explicit id (ticket key), or null to derive the file name from the title. */
  id: string | null;
  title: string;
  type: string;
  modules: string[];
  tags: string[];
  tickets: string[];
  breaking: boolean;
  /** Markdown body as written by the source. */
  body: string;
  /** 1-based line of the source it comes from. */
  line: number;
}

/** A heading, row or value the importer did not turn into content, and why. */
export interface ImportSkip {
  line: number;
  /** What was skipped, as the source writes it (a heading, a row's key). */
  what: string;
  why: string;
}

export interface ImportPlan {
  versions: ImportedVersion[];
  entries: ImportedEntry[];
  skipped: ImportSkip[];
  /** Set when the import decides the road book's versioning (`versioning: semver`). */
  versioning: 'semver' | null;
  /** Notes for the summary that are neither writes nor skips (the versioning decision…). */
  notes: string[];
}

/** Input an importer cannot read at all (not a changelog, not a CSV): reported with its line. */
export class ImportInputError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'ImportInputError';
    this.line = line;
  }
}

/**
 * The CSV importer's entry point, as the `import csv` command calls it (src/core/import/csv.ts):
 * `planFromCsv({ text, file, config, map })` returns an ImportPlan or throws ImportInputError;
 * `readCsvMap(text, file)` reads `--map map.yml` into `{ map: CsvMap | null, diagnostics }`, each
 * problem at its line:col (map is null when one is an error).
 */
export interface CsvImportInput {
  /** The file's text, decoded (a BOM may remain: the importer removes it). */
  text: string;
  /** Path as the user gave it, for messages. */
  file: string;
  config: import('../model.ts').RoadBookConfig;
  /** From `--map` (readCsvMap), or null for Jira's column names and the default tables. */
  map: import('./csv-map.ts').CsvMap | null;
  /**
   * Version strings the road book already holds: an entry whose fix version equals one of them
   * (`15.4.0` for `15.4`) goes into it under the road book's spelling.
   */
  existingVersions?: readonly string[];
}
