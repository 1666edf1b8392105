/**
 * The checklist engine: plain functions over plain data, with no file access and no Node
 * import, so the CLI and the browser compute the same checklist.
 */
export type {
  BetterTarget,
  BreakingChange,
  Checklist,
  ChecklistEntry,
  ChecklistItem,
  ChecklistKnownIssue,
  ChecklistProcess,
  ChecklistRequest,
  ChecklistSource,
  ChecklistWarning,
  DataChange,
  PathSource,
  PathVersion,
  RequiredAction,
  Rollback,
  SupersededEntry,
} from './types.ts';
export { ChecklistError, type ChecklistErrorCode, type ChecklistErrorDetails, type ChecklistField } from './error.ts';
export {
  canBeOnPath,
  canBeTarget,
  findVersion,
  planPath,
  planRollback,
  type PathPlan,
  type PlanOptions,
  type PathResult,
  type RollbackPlan,
  type RollbackResult,
} from './path.ts';
export { buildChecklist } from './build.ts';
export { PROCESS_PRIORITY } from './checklist-items.ts';
export { KNOWN_ISSUE_PRIORITY, pathKnownIssues, type PathKnownIssues } from './known-issues.ts';
export { inEditions, listedModule, moduleOrder } from './entry-filters.ts';
export { rollback } from './rollback.ts';
export { sourceFromDataFiles, sourceFromRoadBook, type SourceOptions } from './source.ts';
export { databaseChanges, effectiveDatabase } from './data-changes.ts';
export {
  changedSince,
  countStatuses,
  isStatus,
  NEEDS_COMMENT,
  recordResult,
  resultOf,
  signOffBlockers,
  statusOf,
  STATUSES,
  type CarriedFrom,
  type ItemResult,
  type RunResults,
  type Status,
} from './progress.ts';
export {
  arrangeChecklist,
  CHECKLIST_ORDERS,
  inMinimumSet,
  isArranged,
  minimumSet,
  orderByRisk,
  riskReasons,
  RISK_RULES,
  type ChecklistArrangement,
  type ChecklistOrder,
  type RiskReason,
} from './risk.ts';
