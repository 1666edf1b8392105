/**
 * The checklist engine's input and output shapes. `Checklist` is exactly the JSON object the
 * JSON export writes and `src/core/schemas/checklist.schema.json` describes: plain data, the
 * same in the CLI and in the browser. A change here that is not an addition bumps `schema`.
 */
import type { Choice, EntryRecord, Item, KnownIssueSeverity, Locale, Process, VersionInfo } from '../model.ts';
import type { VersionWords } from '../versions.ts';

/** Everything the engine reads. The CLI makes it from the whole road book, the browser from the data files. */
export interface ChecklistSource {
  product: string;
  locale: Locale;
  /** Sub-path the site is served under, with a leading and trailing `/`. */
  base: string;
  /** Every known version, in version order, oldest first (drafts only when the build includes them). */
  versions: VersionInfo[];
  modules: Choice[];
  editions: Choice[];
  types: Choice[];
  /** The catalogue of processes.yml. */
  processes: Process[];
  /** Entries of one version, in road book order. Only called for the versions `planPath` returns. */
  entriesOf(versionSlug: string): EntryRecord[];
  /**
   * True in a build made with drafts (`roadbook build --drafts`, `roadbook dev`): drafts may
   * then be on a path and be a target, each with a `draft` warning. Otherwise a draft is never
   * on a path and never a target, even when it is listed in `versions`.
   */
  includeDrafts?: boolean;
  /** The suffix words of roadbook.yml (`preRelease`, `postRelease`), for matching version strings. */
  versionWords?: VersionWords;
  /** Identifies the build of the road book the checklist comes from (sign-off report stamp). */
  buildId?: string | null;
}

/** What `planPath` and `planRollback` need: no entries, so the browser can plan before loading any. */
export type PathSource = Pick<ChecklistSource, 'versions' | 'modules' | 'editions'> &
  Partial<Pick<ChecklistSource, 'processes' | 'locale' | 'includeDrafts' | 'versionWords'>>;

export interface ChecklistRequest {
  /** The version installed now; null or absent: the checklist of version `to` alone. */
  from?: string | null;
  /** The version to install. */
  to: string;
  /** Module ids; empty or absent: every module. */
  modules?: string[];
  /** Edition ids; empty or absent: every edition. */
  editions?: string[];
  /** Catalogue process ids, or processes a company adds itself. */
  processes?: (string | Process)[];
}

/** A version of the path with the link to its page (its known issues are the checklist's `knownIssues`). */
export interface PathVersion extends Omit<VersionInfo, 'knownIssues'> {
  url: string;
}

export type ChecklistWarning =
  | {
      code: 'minimum-from';
      message: string;
      /** The version on the path that cannot be installed straight from `from`. */
      version: string;
      /** The minimum starting version it declares. */
      minimumFrom: string;
      /** The version to install first: the oldest published version at or above `minimumFrom`. */
      install: string;
    }
  | {
      code: 'draft';
      message: string;
      /** The draft version on the path. */
      version: string;
    };

export type DataChange =
  | {
      kind: 'database';
      /** The version whose `database:` value differs from the one before it. */
      version: string;
      /** Database structure before that version. */
      from: string;
      /** Database structure of that version. */
      to: string;
      text: string;
    }
  | {
      kind: 'entry';
      entry: string;
      version: string;
      title: string;
      /** The entry's `data:` text. */
      text: string;
      url: string;
      /** True when an entry on the path supersedes it: its data change happened all the same. */
      superseded: boolean;
    };

export interface RequiredAction {
  entry: string;
  version: string;
  title: string;
  /** The entry's `action:` text. */
  text: string;
  url: string;
}

export interface BreakingChange {
  entry: string;
  version: string;
  title: string;
  modules: string[];
  url: string;
}

export interface SupersededEntry {
  entry: string;
  version: string;
  title: string;
  /** The entries on the path that supersede it. */
  by: string[];
}

/** One change of the cumulative road book of the path, after supersedes and filters. */
export interface ChecklistEntry extends Pick<
  EntryRecord,
  | 'id'
  | 'version'
  | 'versionSlug'
  | 'title'
  | 'type'
  | 'modules'
  | 'editions'
  | 'breaking'
  | 'data'
  | 'action'
  | 'tickets'
  | 'supersedes'
  | 'hash'
> {
  /** The module it is listed under: its first module that is selected. */
  module: string;
  url: string;
  itemCount: number;
}

/**
 * An entry's item, a step of a strategic process or the item of an open known issue, as a
 * checklist lists it: the item's own fields (for a process step, `id` is
 * `process:<process id>#<n>` and `key` is `n`; for a known issue, `known:<issue id>` and the
 * issue id) and where it comes from.
 */
export interface ChecklistItem extends Item {
  /** Entry id; null for a process step or a known issue. */
  entry: string | null;
  /** Process id; null for an entry's item or a known issue. */
  process: string | null;
  /** Known-issue id; null for an entry's item or a process step. */
  knownIssue: string | null;
  /** Entry title, process label, or known issue title. */
  title: string;
  /** Version of the entry; `to` for a process step; the version a known issue appeared in. */
  version: string;
  /** Module the item is listed under; null for a process step or a known issue. */
  module: string | null;
  /** The entry's (or the process's, or the known issue's) modules. */
  modules: string[];
  /** Entry type; null for a process step. */
  type: string | null;
  /** Entry page; null for a process step. */
  url: string | null;
  /** The entry's content hash; for a process step a digest of its text. */
  hash: string;
}

export interface ChecklistProcess {
  id: string;
  label: string;
  modules: string[];
  /** False for a process of the catalogue, true for one the company added. */
  custom: boolean;
  steps: string[];
}

/** A known issue as a checklist lists it (checklist.md, "Known issues on a path"). */
export interface ChecklistKnownIssue {
  id: string;
  title: string;
  severity: KnownIssueSeverity;
  /** The version it appeared in (where it is written). */
  version: string;
  /** Empty: every module. */
  modules: string[];
  /** Empty: every edition. */
  editions: string[];
  workaround: string | null;
  /** The version whose entry fixes it, when that fix counts in this build; else null. */
  fixedIn: string | null;
  /** The entry that fixes it, with `fixedIn`; else null. */
  fixedBy: string | null;
}

/** The lowest version after `to` that fixes a blocking or major open issue of `to`. */
export interface BetterTarget {
  version: string;
  /** Ids of the open issues of `to` (of the selected modules and editions) fixed there. */
  fixes: string[];
}

export interface Checklist {
  schema: 1;
  product: string;
  locale: Locale;
  buildId: string | null;
  from: string | null;
  to: string;
  /** Selected module ids in roadbook order; empty: every module. */
  modules: string[];
  /** Selected edition ids in roadbook order; empty: every edition. */
  editions: string[];
  /** Versions on the path, oldest first. */
  versions: string[];
  path: { from: PathVersion | null; to: PathVersion; versions: PathVersion[] };
  warnings: ChecklistWarning[];
  dataChanges: DataChange[];
  actions: RequiredAction[];
  breaking: BreakingChange[];
  superseded: SupersededEntry[];
  processes: ChecklistProcess[];
  entries: ChecklistEntry[];
  /** Known issues open in `to`, of the selected modules and editions: blocking, major, minor. */
  knownIssues: ChecklistKnownIssue[];
  /** Known issues that affect `from` and not `to`, same filters; empty without `from`. */
  fixedOnPath: ChecklistKnownIssue[];
  /** Null when no version after `to` fixes a blocking or major open issue of `to`. */
  betterTarget: BetterTarget | null;
  items: ChecklistItem[];
  labels: { modules: Choice[]; editions: Choice[]; types: Choice[] };
}

/** The rollback view: what going back from `newer` to `older` cannot simply undo. */
export interface Rollback {
  newer: string;
  older: string;
  /** Versions between them, `older` excluded, oldest first. */
  versions: string[];
  /** Database structure changes first, then entries' data changes; each newest first. */
  dataChanges: DataChange[];
}
