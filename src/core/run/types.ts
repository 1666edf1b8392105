/**
 * An acceptance-test run as the browser keeps it (checklist.md, "Identity and progress"): a
 * path (the request), what testers recorded per item id, and the sign-off form. Plain data
 * that survives JSON; the saved value, the progress file and the sign-off report are all
 * made from it. Browser-safe: no Node import.
 */
import type { CarriedFrom, RunResults } from '../checklist/progress.ts';
import type { ChecklistArrangement } from '../checklist/risk.ts';
import type { Process } from '../model.ts';

/**
 * A path asked for, with every list present: what the path form reads, what a page address
 * carries (request.ts writes and reads its URL form; processes by id) and, as `RunRequest`,
 * what a run keeps. Empty lists mean every module, every edition, no process.
 */
export interface PathRequest<P extends string | Process = string> {
  /** Version installed now; null: the checklist of `to` alone. */
  from: string | null;
  to: string;
  modules: string[];
  editions: string[];
  processes: P[];
}

/**
 * The path of a run: what `buildChecklist` is asked. A process is a catalogue id, or a
 * company's own process as it was when picked (a snapshot, so the run keeps its items when
 * the company's list changes or is cleared).
 */
export type RunRequest = PathRequest<string | Process>;

export type Decision = (typeof DECISIONS)[number];

export const DECISIONS = ['accepted', 'reserves', 'refused'] as const;

/** A person who signs the report, and on whose behalf. */
export interface SignOffParty {
  role: string;
  name: string;
}

/** The sign-off form (PV de recette), as filled in so far. */
export interface SignOffForm {
  /** Where the tests ran (test server, copy of the production data of …). */
  environment: string;
  /** Where the report is signed. */
  place: string;
  /** Date of the sign-off, YYYY-MM-DD; empty while not chosen. */
  date: string;
  /** Who ran the tests, as written (comma-separated names). */
  testers: string;
  decision: Decision | null;
  parties: SignOffParty[];
  /** Free remarks printed with the decision. */
  notes: string;
}

/** One run: one path, its results by item id, its sign-off form. */
export interface SavedRun {
  /** Random, made in the browser that started the run; the same in every file it travels in. */
  id: string;
  name: string;
  /** ISO 8601 date-times. */
  created: string;
  updated: string;
  /** `DataIndex.buildId` of the site the run was last saved with (null when unknown). */
  buildId: string | null;
  request: RunRequest;
  results: RunResults;
  signOff: SignOffForm | null;
  /** Set in a tester's browser when the run was opened from an assignment (assignment.ts). */
  assignment?: RunAssignment;
  /**
   * Items whose most recent result in the runs carried from was given for another text of
   * the item (carry-results.ts), by item id, with that run: shown "changed since" until they
   * are run again here.
   */
  carryChanged?: Record<string, CarriedFrom>;
  /** The assignments the lead made of this run, one per tester (assign-edit.ts): who has what. */
  assignments?: RunAssignment[];
  /** How the run's items are arranged on the page and in its downloads (risk.ts); absent: the road book's order, every item. */
  arrangement?: ChecklistArrangement;
}

/**
 * Items given to a tester of a team run. `groups` are run page groups: `@processes` (every
 * strategic process), `@procedure` (the procedure steps), `@known` (the items of the target's
 * open known issues) or `process:<id>` (one process).
 */
export interface AssignedItems {
  /** Module ids: the items listed under them. */
  modules: string[];
  groups: string[];
  /** Item ids. */
  items: string[];
}

/** The assignment a run keeps: whose it is, and what they were given. */
export interface RunAssignment extends AssignedItems {
  tester: string;
}

/** What a saved value or a file must belong to: the road book of this site. */
export interface RunScope {
  product: string;
  /** The site's base path (`/`, `/docs/roadbook/`). */
  base: string;
}

/** Why a saved value or an imported file could not be used; `message` is for people. */
export type RunFileErrorCode =
  'not-json' | 'not-roadbook' | 'other-kind' | 'newer-version' | 'other-product' | 'invalid' | 'empty';

export interface RunFileError {
  code: RunFileErrorCode;
  message: string;
}

export type Parsed<T> = ({ ok: true } & T) | { ok: false; error: RunFileError };
