/**
 * roadbook's core: the model, reading and checking content/, version order, verification
 * items, Markdown rendering, the checklist engine and the exporters. No Astro import: the CLI,
 * the site and the browser scripts all call this.
 */
export type {
  Asset,
  Choice,
  Entry,
  EntryRecord,
  Installer,
  Item,
  KnownIssue,
  KnownIssueSeverity,
  Locale,
  Priority,
  Process,
  RoadBook,
  RoadBookConfig,
  Version,
  VersionInfo,
  VersionStatus,
} from './model.ts';
export { KNOWN_ISSUE_SEVERITIES, LOCALES, PRIORITIES, VERSION_STATUSES } from './model.ts';
export {
  affects,
  allKnownIssues,
  concerns,
  issuesAffecting,
  issuesFixedBy,
  supportStatus,
  SUPPORT_STATUSES,
  SUPPORT_WARNING_DAYS,
  type KnownIssueSource,
  type PlacedIssue,
  type Support,
  type SupportStatus,
} from './known-issues.ts';
export {
  compareDiagnostics,
  DIAGNOSTIC_CODES,
  DiagnosticList,
  formatDiagnostic,
  formatSummary,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
} from './diagnostics.ts';
export {
  compareVersions,
  DEFAULT_VERSION_WORDS,
  isVersion,
  parseVersion,
  sortByVersion,
  urlSafeVersion,
  type ParsedVersion,
  type VersionWords,
} from './versions.ts';
export { assignItemIds, ID_PATTERN, isValidId, slugifyStep } from './items.ts';
export { loadRoadBook, type LoadOptions, type LoadResult } from './read/road-book.ts';
export { defaultConfig, normaliseBase, readConfig } from './read/config.ts';
export { parseCompanyProcesses, parseProcesses } from './read/processes.ts';
export { renderEntry, renderIntro } from './render.ts';
export { escapeHtml } from './escape.ts';
export { translate, translator, type MessageKey } from './i18n/translate.ts';
export * as urls from './urls.ts';
export {
  countVersion,
  entriesByVersion,
  moduleChoices,
  toDataIndex,
  toRoadBookFile,
  type DataIndex,
  type RoadBookData,
  type RoadBookFile,
  type VersionCounts,
  type VersionSummary,
} from './data-files.ts';
export {
  packVersionFile,
  unpackVersionFile,
  type LoadedVersion,
  type PackedEntry,
  type PackedItem,
  type VersionFile,
} from './version-file.ts';
export * from './checklist/index.ts';
export {
  EXPORT_FORMATS,
  exportChecklist,
  exportFileName,
  exportFormat,
  type ExportFormat,
  type ExportFormatId,
  type ExportOutput,
} from './export/index.ts';
