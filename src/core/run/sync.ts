/**
 * Runs arriving from elsewhere: what another tab saved, what the store found stored when it
 * wrote (another tab saved meanwhile), a progress file imported, the changes a page that
 * ended could not save. What a merge keeps is merge.ts's rule (mergeRun, importRuns); here is
 * what the page does with it: the open run takes the merged value and says what happened,
 * items changed on both sides are named, and what the page holds that storage lacks is saved.
 */
import { announce, render, type Message, type RunEffect } from './effects.ts';
import { restoredRun, type UnsavedChanges } from './journal.ts';
import { importRuns, mergeRun } from './merge.ts';
import { conflictedItems } from './merge-results.ts';
import { findRun, openRun, unchanged, withRun, withoutRun, type RunState, type Transition } from './run-state.ts';
import type { SavedRun } from './types.ts';

/** "Updated from another tab", or the items now in conflict with a way to the first. */
function syncNotice(conflicts: readonly string[]): RunEffect {
  if (conflicts.length === 0) return announce('run.sync.updated');
  return {
    type: 'alert',
    code: 'sync-conflict',
    message: { key: 'run.sync.conflict', params: { n: conflicts.length } },
    offer: { kind: 'reveal', item: conflicts[0]! },
  };
}

/**
 * Another tab saved run `run` (`theirs`, its new stored value) or deleted it (null). The open
 * run merges it in and writes back what only this page holds; a deleted open run stays open,
 * with an offer to keep it. Any other run takes the stored value.
 */
export function mergeFromTab(state: RunState, action: { run: string; theirs: SavedRun | null }): Transition {
  const here = openRun(state);
  const { theirs } = action;
  if (here?.id === action.run) {
    if (theirs === null) {
      // The run stays listed (first) and open; it is written again only if the tester keeps it.
      const rest = withoutRun(state, here.id);
      return {
        state: { ...rest, runs: [here, ...rest.runs] },
        effects: [
          {
            type: 'alert',
            code: 'sync-deleted',
            message: { key: 'run.sync.deleted' },
            offer: { kind: 'keep-run', run: here.id },
          },
          render(['runs']),
        ],
      };
    }
    const merged = mergeRun(here, theirs);
    const effects: RunEffect[] = [
      render(['items'], [...merged.results.taken, ...merged.results.conflicts]),
      render(['orphans', 'header', 'signoff', 'runs']),
      syncNotice(merged.results.conflicts),
    ];
    if ((merged.results.kept.length || merged.results.conflicts.length) && !state.open?.readOnly)
      effects.push({ type: 'save', run: here.id }, render(['saved-state']));
    return { state: withRun(state, merged.run), effects };
  }
  if (theirs === null) {
    return findRun(state, action.run)
      ? { state: withoutRun(state, action.run), effects: [render(['runs'])] }
      : unchanged(state);
  }
  return { state: withRun(state, theirs), effects: [render(['runs'])] };
}

/** The tester kept the open run another tab deleted: it is written again. */
export function keepRun(state: RunState, action: { run: string }): Transition {
  if (!findRun(state, action.run)) return unchanged(state);
  return {
    state,
    effects: [
      { type: 'save', run: action.run },
      { type: 'clear-alert', code: 'sync-deleted' },
    ],
  };
}

/**
 * The store wrote run `run` as `written`: another tab had saved it meanwhile, and its results
 * were merged in. The run here takes them (with any edit made while the write was under way).
 */
export function mergedOnWrite(state: RunState, action: { run: string; written: SavedRun }): Transition {
  const here = openRun(state)?.id === action.run ? openRun(state) : findRun(state, action.run);
  if (!here) return unchanged(state);
  const run = mergeRun(here, action.written).run;
  const next = withRun(state, run);
  if (openRun(state)?.id !== action.run) return { state: next, effects: [render(['runs'])] };
  return {
    state: next,
    effects: [render(['items', 'orphans', 'runs']), syncNotice(conflictedItems(run.results))],
  };
}

/**
 * A progress file's runs (read and checked by saved.ts; `dropped` results it held that could
 * not be read): merged into the library by id, each added or changed run saved, what happened
 * said. A file of one run not open here opens it.
 */
export function mergeFromFile(state: RunState, action: { runs: readonly SavedRun[]; dropped: number }): Transition {
  const here = openRun(state);
  const library = here && !findRun(state, here.id) ? [...state.runs, here] : state.runs;
  const outcome = importRuns(library, action.runs);
  const draftId = state.open?.draft ? state.open.id : null;
  const draft = draftId ? (outcome.runs.find((r) => r.id === draftId) ?? null) : null;
  const next: RunState = {
    ...state,
    runs: outcome.runs.filter((r) => r.id !== draftId),
    open: state.open ? { ...state.open, draft } : null,
  };
  const messages: Message[] = [
    ...outcome.report.added.map((a) => ({ key: 'run.import.added', params: { name: a.name, n: a.results } }) as const),
    ...outcome.report.merged.map(
      (m) =>
        ({ key: 'run.import.merged', params: { name: m.name, taken: m.taken, kept: m.kept, same: m.same } }) as const,
    ),
    ...outcome.report.merged
      .filter((m) => m.conflicts > 0)
      .map((m) => ({ key: 'run.import.conflicts', params: { n: m.conflicts } }) as const),
    ...(action.dropped ? [{ key: 'run.import.dropped', params: { n: action.dropped } } as const] : []),
  ];
  const effects: RunEffect[] = [
    ...outcome.changed.map((r) => ({ type: 'save', run: r.id }) as const),
    { type: 'clear-alert', code: 'import' },
    { type: 'announce', messages },
    render(['runs']),
  ];
  if (here && outcome.report.merged.some((m) => m.id === here.id))
    effects.push(render(['items', 'orphans', 'header', 'signoff']));
  else if (action.runs.length === 1) effects.push({ type: 'open', run: action.runs[0]!.id });
  return { state: next, effects };
}

/**
 * Puts back the changes pages that ended could not save (journal.ts): each run merged with
 * the stored one, or added, and saved. Saying it is done waits for the writes (the page).
 */
export function putBack(state: RunState, action: { found: readonly UnsavedChanges[] }): Transition {
  let next = state;
  const effects: RunEffect[] = [];
  for (const changes of action.found) {
    const stored = findRun(next, changes.run.id);
    next = stored ? withRun(next, restoredRun(changes, stored)) : { ...next, runs: [changes.run, ...next.runs] };
    effects.push({ type: 'save', run: changes.run.id });
  }
  effects.push(render(['runs']));
  const here = openRun(state);
  if (here && action.found.some((c) => c.run.id === here.id))
    effects.push(render(['items', 'orphans', 'header', 'signoff']));
  return { state: next, effects };
}
