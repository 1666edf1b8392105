/**
 * The one place for which versions a known issue affects and for the support status of a
 * version (content-format.md, "Support and known issues"). Pages, the checklist engine and
 * the exports all ask here. Plain functions over version metadata: browser-safe.
 *
 * A known issue affects the version it is written in and every later version up to, not
 * including, the version of its `fixedBy` entry. Versions are taken in the order given (the
 * reader's version order). Later versions carry a withdrawn version's changes, so a fix made
 * in a withdrawn version counts from there on; a fix in a draft counts only in a build with
 * drafts, and so does an issue written in a draft.
 */
import { inEditions } from './checklist/entry-filters.ts';
import { canBeOnPath } from './checklist/path.ts';
import { KNOWN_ISSUE_SEVERITIES, type KnownIssue, type VersionInfo } from './model.ts';

/** What the rule reads: every version in version order, and whether drafts count. */
export interface KnownIssueSource {
  versions: readonly VersionInfo[];
  /** True in a build made with drafts. */
  includeDrafts?: boolean;
}

/** A known issue with the version it is written in. */
export interface PlacedIssue {
  issue: KnownIssue;
  /** The version it appeared in (where it is written). */
  version: VersionInfo;
}

/** Every known issue of the road book, in version order, then as written. */
export function allKnownIssues(source: KnownIssueSource): PlacedIssue[] {
  return source.versions.flatMap((version) => version.knownIssues.map((issue) => ({ issue, version })));
}

/** The version whose entry fixes the issue, when that fix counts in this build; else null. */
export function fixingVersion(source: KnownIssueSource, issue: KnownIssue): VersionInfo | null {
  if (issue.fixedIn === null) return null;
  const version = source.versions.find((v) => v.version === issue.fixedIn);
  return version && canBeOnPath(version, source.includeDrafts) ? version : null;
}

/** Whether `placed` affects `version` (see above). */
export function affects(source: KnownIssueSource, placed: PlacedIssue, version: VersionInfo): boolean {
  if (!canBeOnPath(placed.version, source.includeDrafts)) return false;
  const at = source.versions.indexOf(version);
  const written = source.versions.indexOf(placed.version);
  if (at === -1 || written === -1 || at < written) return false;
  const fix = fixingVersion(source, placed.issue);
  return fix === null || at < source.versions.indexOf(fix);
}

/** Blocking first, then major, then minor; within a severity, version order, then as written. */
export function bySeverity(a: PlacedIssue, b: PlacedIssue): number {
  return KNOWN_ISSUE_SEVERITIES.indexOf(a.issue.severity) - KNOWN_ISSUE_SEVERITIES.indexOf(b.issue.severity);
}

/** The known issues that affect `version`, written there or inherited, blocking first. */
export function issuesAffecting(source: KnownIssueSource, version: VersionInfo): PlacedIssue[] {
  return allKnownIssues(source)
    .filter((placed) => affects(source, placed, version))
    .sort(bySeverity);
}

/** The known issues the entry `entryId` fixes (when its fix counts in this build), in version order. */
export function issuesFixedBy(source: KnownIssueSource, entryId: string): PlacedIssue[] {
  return allKnownIssues(source).filter(
    ({ issue }) => issue.fixedBy === entryId && fixingVersion(source, issue) !== null,
  );
}

/**
 * Whether an issue concerns a company's modules and editions: an issue without `modules`
 * concerns every module, one without `editions` every edition; nothing selected: everything.
 */
export function concerns(issue: KnownIssue, modules: readonly string[], editions: readonly string[]): boolean {
  const inModules =
    modules.length === 0 || issue.modules.length === 0 || issue.modules.some((m) => modules.includes(m));
  return inModules && inEditions(issue, editions);
}

export const SUPPORT_STATUSES = ['supported', 'ending', 'ended', 'none'] as const;
/** `ending`: supported, but not beyond the window asked about (90 days on the upgrade page). */
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** The window of `ending` the upgrade page warns about (checklist.md, "Known issues on a path"). */
export const SUPPORT_WARNING_DAYS = 90;

export interface Support {
  status: SupportStatus;
  endOfSupport: string | null;
  /** Days from `today` to the last day of support (0 on that day, negative once ended); null without a date. */
  daysLeft: number | null;
}

const DAY = 24 * 60 * 60 * 1000;

function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year!, month! - 1, day!) / DAY;
}

/**
 * The support status of `version` on `today` (YYYY-MM-DD, the reader's date): supported
 * through its `endOfSupport` day, `ending` when that day is at most `withinDays` away, ended
 * after it; `none` when the road book gives no date.
 */
export function supportStatus(
  version: Pick<VersionInfo, 'endOfSupport'>,
  today: string,
  withinDays = SUPPORT_WARNING_DAYS,
): Support {
  const { endOfSupport } = version;
  if (endOfSupport === null) return { status: 'none', endOfSupport, daysLeft: null };
  const daysLeft = dayNumber(endOfSupport) - dayNumber(today);
  const status = daysLeft < 0 ? 'ended' : daysLeft <= withinDays ? 'ending' : 'supported';
  return { status, endOfSupport, daysLeft };
}
