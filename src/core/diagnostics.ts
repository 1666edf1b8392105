/**
 * A diagnostic is data: where (file, line, column), how bad, what, and a stable code.
 * Every problem of a run is collected, never thrown, so a writer sees them all at once.
 */

export type Severity = 'error' | 'warning';

/**
 * Every code the engine can report, with what it means. Codes are stable: writers and
 * scripts may filter on them; the README lists them from here.
 */
export const DIAGNOSTIC_CODES = {
  'file-encoding': 'The file is not valid UTF-8.',
  'file-empty': 'The file is empty.',
  'content-missing': 'The content folder or its versions/ folder does not exist.',
  'front-matter-unclosed': 'The front matter opens with `---` but never closes.',
  'front-matter-language': 'The front matter is not YAML.',
  'front-matter-not-mapping': 'The front matter (or YAML file) is not a mapping of keys to values.',
  'yaml-syntax': 'The YAML cannot be read.',
  'yaml-tab-indent': 'A tab is used for indentation in YAML.',
  'yaml-duplicate-key': 'A key appears twice in the same YAML mapping.',
  'yaml-alias': 'A YAML anchor or alias is used.',
  'unknown-key': 'A key the contract does not define (a warning, with a suggestion).',
  'missing-field': 'A required field is missing.',
  'wrong-type': 'A value has the wrong shape (a list where text is expected, …).',
  'invalid-value': 'A value is outside what the field accepts.',
  'invalid-date': 'A date is not written YYYY-MM-DD or is not a real calendar date.',
  'invalid-id': 'An entry or item id does not match [A-Za-z0-9][A-Za-z0-9._-]{0,63}.',
  'invalid-version': 'A string that should be a version is not one.',
  'unknown-type': 'An entry type that roadbook.yml does not list.',
  'unknown-module': 'A module that roadbook.yml does not list.',
  'unknown-edition': 'An edition that roadbook.yml does not list.',
  'duplicate-entry-id': 'Two entries share one id.',
  'duplicate-item-id': 'An explicit item id collides with another item id of the same entry.',
  'duplicate-process-id': 'Two processes share one id.',
  'duplicate-choice-id': 'Two modules, editions or types of roadbook.yml share one id.',
  'unknown-supersedes': '`supersedes` names an entry that does not exist.',
  'supersedes-later': '`supersedes` names an entry of the same or a later version.',
  'duplicate-known-issue-id': 'Two known issues share one id.',
  'unknown-fixed-by': '`fixedBy` names an entry that does not exist.',
  'fixed-by-earlier': '`fixedBy` names an entry of the same or an earlier version.',
  'end-of-support-early': "`endOfSupport` is before the version's release date (a warning).",
  'version-folder-invalid': 'A folder under versions/ whose name is not a version.',
  'version-mismatch': 'The `version:` of index.md is neither the folder name nor its URL-safe form.',
  'version-index-missing': 'A version folder without index.md.',
  'duplicate-version': 'Two versions compare equal (`15.3` and `15.3.0`).',
  'version-date-order': 'A release date goes backwards against the version order.',
  'unexpected-folder': 'A sub-folder other than assets/ in a version folder.',
  'unexpected-file': 'A file that is neither Markdown nor an asset where the engine does not expect it.',
  'missing-verify': 'An entry of a type listed in `requireVerify` has no verification item.',
  'empty-item': 'A verification item without a step.',
  'html-removed': 'Raw HTML outside the safe set, removed from the page.',
  'unsafe-link': 'A link or image whose scheme is not http, https, mailto or relative; removed.',
  'asset-missing': 'An image the entry refers to does not exist.',
  'asset-type': 'A file under assets/ that is not an image.',
  'asset-unsafe-svg': 'An SVG that holds a script, an event handler, a javascript: URL or outside loads.',
  'import-input': 'A file given to `roadbook import` is neither a changelog nor a CSV it can read.',
  'placeholder-item': 'A verification item is still the placeholder `roadbook new` wrote.',
  'reserved-id': "An entry id a version folder's own files use (`checklist.csv`…), or `CON`, `NUL`…",
  'case-collision': 'Entry, module, edition or type ids, folders or assets that differ only by case.',
  'hidden-folder': 'A folder under versions/ whose name starts with a dot: hidden, never read.',
  'asset-invalid-svg': 'An SVG that is not well-formed XML: a browser shows an error instead.',
  'number-as-text': 'A bare number where identifiers are expected (`tickets: 4521`), read as its text.',
  'link-missing': 'A link to a Markdown file of content/versions/ that does not exist.',
  'link-to-draft': 'A link from a published page to a draft version or one of its entries.',
  'progress-invalid': 'A progress file `roadbook run merge` cannot read, or a result it must leave out.',
  'report-invalid': 'A file `roadbook run verify` cannot read as a sealed sign-off report.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface Diagnostic {
  /** Path relative to the project root, `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Where the problem ends (1-based, inclusive line, exclusive column), when known. */
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

/** Where a problem with a whole file points. */
export const FILE_START: Position = { line: 1, column: 1 };

/** Collects the diagnostics of one run. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  add(severity: Severity, code: DiagnosticCode, file: string, at: Position, message: string): void {
    this.items.push({ file, line: at.line, column: at.column, severity, code, message });
  }

  error(code: DiagnosticCode, file: string, at: Position, message: string): void {
    this.add('error', code, file, at, message);
  }

  warning(code: DiagnosticCode, file: string, at: Position, message: string): void {
    this.add('warning', code, file, at, message);
  }

  push(...diagnostics: Diagnostic[]): void {
    this.items.push(...diagnostics);
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.items.filter((d) => d.severity === 'warning').length;
  }

  /** By file, then position, then code: a stable order for people and tests. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** `path:line:col  severity  message  code`, as vfile-reporter prints. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}`;
}

export function formatSummary(errors: number, warnings: number): string {
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${part(errors, 'error')}, ${part(warnings, 'warning')}`;
}
