/**
 * The checklist page's runs as one plain value: the run library (every saved run), the run
 * open in the page (whether it is saved yet, or read-only), and which result revisions this
 * page made. Transitions (record.ts, library.ts, sync.ts, signoff-edit.ts, assign-edit.ts)
 * take this value and an action and return the next value with the effects to perform
 * (effects.ts); nothing else changes a run. The browser keeps one such value and performs
 * the effects. Browser-safe: no Node import.
 */
import type { RunResults } from '../checklist/progress.ts';
import type { RunEffect } from './effects.ts';
import type { SavedRun } from './types.ts';

/**
 * Why a run is open read-only (shown, exported, never recorded in): its target version was
 * withdrawn from the road book after the run started.
 */
export interface ReadOnly {
  reason: 'withdrawn';
  version: string;
}

/** The run open in the page. */
export interface OpenRun {
  id: string;
  /** False until the run is first written (a run opened from an address, nothing recorded yet). */
  saved: boolean;
  /** Null for a run that can be recorded in. */
  readOnly: ReadOnly | null;
  /** The run itself while it is not saved (not in the library yet); null once it is. */
  draft: SavedRun | null;
}

/** One result as it was before an edit, to put it back (`undo`). */
export interface UndoStep {
  run: string;
  item: string;
  /** Undefined: the item had no result. */
  before: RunResults[string] | undefined;
}

export interface RunState {
  /** Every saved run, in the order they were met (lists sort for display). */
  runs: readonly SavedRun[];
  open: OpenRun | null;
  /**
   * Revisions made in this page and not saved yet: an edit of such a version keeps its
   * revision (the same edit, still being typed); the first edit after a save makes a new one.
   */
  unsaved: ReadonlySet<string>;
  /** Revisions made in this page: "yours" when a result is in conflict. */
  own: ReadonlySet<string>;
  /** The edits of this page, last one last, to take back one at a time. */
  undo: readonly UndoStep[];
}

/** What every transition returns. */
export interface Transition {
  state: RunState;
  effects: RunEffect[];
}

/** How many edits `undo` can take back. */
export const UNDO_DEPTH = 50;

export function initialState(runs: readonly SavedRun[]): RunState {
  return { runs, open: null, unsaved: new Set(), own: new Set(), undo: [] };
}

/** The open run (saved or draft); null when none is open. */
export function openRun(state: RunState): SavedRun | null {
  const open = state.open;
  if (!open) return null;
  return open.draft ?? state.runs.find((r) => r.id === open.id) ?? null;
}

export function findRun(state: RunState, id: string): SavedRun | undefined {
  return state.runs.find((r) => r.id === id);
}

/** True when the open run may be recorded in. */
export function canRecord(state: RunState): boolean {
  return !!state.open && !state.open.readOnly;
}

/** The state with run `run` (matched by id) replaced, the open draft included. */
export function withRun(state: RunState, run: SavedRun): RunState {
  if (state.open?.draft && state.open.id === run.id) return { ...state, open: { ...state.open, draft: run } };
  const at = state.runs.findIndex((r) => r.id === run.id);
  if (at < 0) return { ...state, runs: [run, ...state.runs] };
  const runs = [...state.runs];
  runs[at] = run;
  return { ...state, runs };
}

/** The state without run `id` in the library (the open run stays open). */
export function withoutRun(state: RunState, id: string): RunState {
  return { ...state, runs: state.runs.filter((r) => r.id !== id) };
}

/** Nothing changes. */
export function unchanged(state: RunState): Transition {
  return { state, effects: [] };
}
