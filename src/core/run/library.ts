/**
 * The run library's transitions: which run a page address opens, opening and closing it,
 * changing the open run's path, renaming and deleting runs. A run opened from an address is
 * a draft until something is recorded in it (changed-run.ts); runs are matched by id, then
 * by path, never made twice for the same path.
 */
import type { Choice } from '../model.ts';
import { announce, render } from './effects.ts';
import { defaultRunName, sameRequest } from './request.ts';
import { findRun, openRun, unchanged, withRun, type ReadOnly, type RunState, type Transition } from './run-state.ts';
import type { RunRequest, SavedRun } from './types.ts';

/** What a new run is made of besides its path: made by the page (ids, clock, the site's build). */
export interface NewRunStamp {
  id: string;
  /** ISO 8601. */
  time: string;
  buildId: string | null;
  /** The road book's modules, to name the run. */
  modules: readonly Choice[];
}

export function newRun(request: RunRequest, stamp: NewRunStamp): SavedRun {
  return {
    id: stamp.id,
    name: defaultRunName(request, stamp.modules),
    created: stamp.time,
    updated: stamp.time,
    buildId: stamp.buildId,
    request,
    results: {},
    signOff: null,
  };
}

/**
 * The run an address asks for: the saved run of its id, else the saved run of its path, else
 * a new run of that path (not saved); null when it names neither.
 */
export function runToOpen(
  state: RunState,
  asked: { run: string | null; request: RunRequest | null },
  stamp: NewRunStamp,
): SavedRun | null {
  const byId = asked.run ? findRun(state, asked.run) : undefined;
  if (byId) return byId;
  if (!asked.request) return null;
  const { request } = asked;
  return state.runs.find((r) => sameRequest(r.request, request)) ?? newRun(request, stamp);
}

/** Opens `run` (saved when it is in the library, else a draft), read-only when `readOnly` says why. */
export function open(state: RunState, action: { run: SavedRun; readOnly: ReadOnly | null }): Transition {
  const saved = !!findRun(state, action.run.id);
  const next: RunState = {
    ...state,
    open: { id: action.run.id, saved, readOnly: action.readOnly, draft: saved ? null : action.run },
  };
  return {
    state: next,
    effects: [
      ...(saved ? [{ type: 'address', run: action.run.id } as const] : []),
      // The page builds the run's own panels as it opens it (its checklist is computed there).
      render(['runs', 'path']),
    ],
  };
}

export function close(state: RunState): Transition {
  return state.open ? { state: { ...state, open: null }, effects: [render(['runs'])] } : unchanged(state);
}

/**
 * The tester changed the path of the open, saved run ("apply to this run"): it keeps its
 * results; a name that was the default follows the new path. Opening it is then asked of
 * the page (its checklist is built anew).
 */
export function changePath(
  state: RunState,
  action: { request: RunRequest; time: string; modules: readonly Choice[] },
): Transition {
  const run = openRun(state);
  if (!run || !state.open?.saved) return unchanged(state);
  const defaultName = run.name === defaultRunName(run.request, action.modules);
  const changed: SavedRun = {
    ...run,
    request: action.request,
    name: defaultName ? defaultRunName(action.request, action.modules) : run.name,
    updated: action.time,
  };
  return { state: withRun(state, changed), effects: [{ type: 'save', run: run.id }] };
}

export function rename(state: RunState, action: { run: string; name: string; time: string }): Transition {
  const run = findRun(state, action.run);
  const name = action.name.trim();
  if (!run || !name) return unchanged(state);
  // Only saved runs are listed, so a rename never turns a draft into a saved run.
  return {
    state: withRun(state, { ...run, name, updated: action.time }),
    effects: [{ type: 'save', run: run.id }, render(['runs', 'header', 'saved-state'])],
  };
}

/** The tester asked to delete a saved run: it is removed from storage first (the page then calls `runRemoved`). */
export function deleteRun(state: RunState, action: { run: string }): Transition {
  return findRun(state, action.run) ? { state, effects: [{ type: 'remove', run: action.run }] } : unchanged(state);
}

/** Storage no longer holds run `id`: it leaves the library, and the page if it was open. */
export function runRemoved(state: RunState, action: { run: string }): Transition {
  const run = findRun(state, action.run);
  if (!run) return unchanged(state);
  const wasOpen = state.open?.id === run.id;
  const next: RunState = {
    ...state,
    runs: state.runs.filter((r) => r.id !== run.id),
    open: wasOpen ? null : state.open,
  };
  return {
    state: next,
    effects: [
      ...(wasOpen ? [{ type: 'address', run: null } as const] : []),
      render(['runs']),
      announce('run.deleted', { name: run.name }),
    ],
  };
}
