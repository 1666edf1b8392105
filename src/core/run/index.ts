/**
 * Acceptance-test runs, without a browser: the saved-run and progress-file formats and their
 * checks, merging, the deployment procedure around a checklist, what the run page shows
 * (progress, filters, results whose item is gone), the sign-off rules and report with its
 * Markdown and JUnit writers, and the company's processes. Browser-safe: no Node import.
 */
export type {
  Decision,
  Parsed,
  RunFileError,
  RunFileErrorCode,
  RunRequest,
  RunScope,
  SavedRun,
  SignOffForm,
  SignOffParty,
} from './types.ts';
export { DECISIONS } from './types.ts';
export { FORMAT_VERSION, PROCESSES_FORMAT, PROGRESS_FORMAT, RUN_FORMAT, RUN_ID } from './schema.ts';
export {
  cleanResults,
  newRunId,
  parseProgressFile,
  parseSavedRun,
  progressFileText,
  serializeRun,
  type DroppedResult,
  type ProgressFile,
} from './saved.ts';
export {
  importRuns,
  mergeResults,
  mergeRun,
  sameResult,
  type ImportOutcome,
  type ImportReport,
  type ResultsMerge,
  type RunMerge,
} from './merge.ts';
export {
  checklistRequest,
  defaultRunName,
  PATH_PARAMS,
  processId,
  requestFromParams,
  requestToParams,
  resolveProcessIds,
  sameRequest,
} from './request.ts';
export {
  isProcedureItem,
  PROCEDURE_PREFIX,
  PROCEDURE_STEPS,
  procedureItems,
  type Procedure,
  type ProcedureItemKey,
  type ProcedureStepKey,
} from './procedure.ts';
export {
  changedItems,
  DONE_STATUSES,
  filterFromParams,
  GROUP_PROCEDURE,
  GROUP_PROCESSES,
  groupOf,
  matchesFilter,
  NO_FILTER,
  orphanResults,
  progressOf,
  runView,
  type ItemFilter,
  type Orphan,
  type OrphanReason,
  type Progress,
  type RunView,
} from './view.ts';
export {
  emptySignOff,
  signOffProblems,
  signOffReport,
  type ReportGroup,
  type ReportInput,
  type ReportItem,
  type SignOffProblem,
  type SignOffProblemCode,
  type SignOffReport,
} from './signoff.ts';
export {
  reportDocument,
  type HeadingLevel,
  type ReportBlock,
  type ReportDocument,
  type ReportFormatters,
  type ReportListItem,
  type ReportTable,
} from './report-document.ts';
export {
  REPORT_FORMATS,
  reportFileName,
  reportFormat,
  type ReportFormat,
  type ReportFormatId,
} from './report-formats.ts';
export {
  companyProcessesText,
  emptyCompanyProcesses,
  mergeCompanyProcesses,
  parseCompanyProcessesText,
  processFromDraft,
  type CompanyProcesses,
  type ProcessContext,
  type ProcessDraft,
  type ProcessProblem,
} from './company-processes.ts';
export { parseStoredProcesses, serializeCompanyProcesses } from './stored-processes.ts';
export {
  backupKey,
  isBackupKey,
  parseBackupKey,
  processesKey,
  runIdOfKey,
  runKey,
  storagePrefix,
  testerKey,
} from './storage-keys.ts';
