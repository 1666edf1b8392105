/**
 * What a tester records on an item, and the rules of it:
 *
 * - The hash says which text of the item the result is about: renewed when the tester sets
 *   the status (or confirms the result); a comment, tester or defect typed later keeps it, so
 *   a result given for an older text stays flagged as changed since.
 * - Each edit gets a revision (merge.ts): the same one while the version edited was made in
 *   this page and not saved yet (the tester is still typing), a new one after a save.
 * - Text typed in fields that show a result another tab changed meanwhile is kept as a
 *   version of its own beside the other tab's (a conflict), never laid over it.
 * - A result in conflict is settled by keeping one of its versions.
 * - Files attached or removed (evidence.ts) are an edit of the result like the others
 *   (revision, time, tester), applied as a change to the attachments it holds now, so a file
 *   another tab attached meanwhile stays. Their bytes are stored or deleted before the edit,
 *   which an undo cannot take back: an undo restores the status and the text, never the
 *   attachments, and attaching is no step of its own to undo.
 * - Nothing is recorded in a run open read-only.
 */
import { recordResult, resultOf, type ItemResult } from '../checklist/progress.ts';
import type { ChecklistItem } from '../checklist/types.ts';
import { isCarried } from './carry-over.ts';
import { changedOpenRun } from './changed-run.ts';
import { announce, render, type Panel } from './effects.ts';
import type { Attachment } from './evidence.ts';
import {
  editedResult,
  mergeResult,
  sameResult,
  settleConflict,
  versionsOf,
  type ResultVersion,
} from './merge-results.ts';
import {
  canRecord,
  openRun,
  unchanged,
  UNDO_DEPTH,
  type RunState,
  type Transition,
  type UndoStep,
} from './run-state.ts';

const TEXT_FIELDS = ['comment', 'tester', 'defect'] as const;

/** What the page supplies to every edit: when it happens and a fresh revision id (used only when one is needed). */
export interface EditStamp {
  /** ISO 8601. */
  time: string;
  rev: string;
}

export interface RecordAction extends EditStamp {
  item: Pick<ChecklistItem, 'id' | 'hash'>;
  /** The fields changed (status, comment, tester, defect). */
  change: Partial<Pick<ItemResult, 'status' | 'comment' | 'tester' | 'defect'>>;
  /** True when the tester set the status (or confirmed the result): the hash is renewed. */
  statusSet: boolean;
  /**
   * Set when the change was typed in the item's fields: the result those fields showed
   * (undefined: none), which another tab may have changed since.
   */
  typedOver?: { shows: ItemResult | undefined };
  /** The page's default tester name, recorded when the result names nobody. */
  tester: string;
}

/** The state with `itemId`'s result of the open run set to `result` (undefined: removed), as an edit of this page. */
function withResult(
  state: RunState,
  itemId: string,
  result: ItemResult | undefined,
  rev: string | null,
  time: string,
  panels: Panel[] = ['items'],
  undoable = true,
): Transition {
  const run = openRun(state)!;
  const step: UndoStep = { run: run.id, item: itemId, before: resultOf(run.results, itemId) };
  const results = { ...run.results };
  if (result) results[itemId] = result;
  else delete results[itemId];
  const marked: RunState = {
    ...state,
    unsaved: rev ? new Set([...state.unsaved, rev]) : state.unsaved,
    own: rev ? new Set([...state.own, rev]) : state.own,
    undo: undoable ? [...state.undo, step].slice(-UNDO_DEPTH) : state.undo,
  };
  const changed = changedOpenRun(marked, { ...run, results }, time);
  // The run's header counts the carried results: it is repainted only when one comes or goes,
  // not at every status click.
  const shown: Panel[] =
    isCarried(step.before) !== isCarried(result) && !panels.includes('header') ? [...panels, 'header'] : panels;
  return { state: changed.state, effects: [...changed.effects, render(shown, [itemId])] };
}

/** The tester changed an item's result. */
export function record(state: RunState, action: RecordAction): Transition {
  if (!canRecord(state)) return unchanged(state);
  const run = openRun(state)!;
  const current = resultOf(run.results, action.item.id);
  const shown = action.typedOver ? action.typedOver.shows : current;
  const stale = shown !== current && !(shown && current && sameResult(shown, current));
  const previous = stale ? shown : current;
  const own = previous ? versionsOf(previous)[0]! : undefined;
  // A result the tester edits is theirs, of this run: no longer carried over from an earlier
  // one; run again (a status set), it starts anew, without what the earlier run recorded.
  const rerun = action.statusSet && !!own?.carriedFrom;
  const {
    hash: _hash,
    rev: _rev,
    base: _base,
    carriedFrom: _carried,
    ...fields
  } = own && !rerun ? own : { status: 'untested' as const };
  const next: Omit<ItemResult, 'hash' | 'conflict'> = { ...fields, ...action.change, time: action.time };
  if (!next.tester && action.tester) next.tester = action.tester;
  for (const name of TEXT_FIELDS) if (!next[name]) delete next[name];
  const version: ResultVersion =
    action.statusSet || !own ? recordResult(action.item, next) : { ...next, hash: own.hash ?? action.item.hash };
  const rev = own?.rev && state.unsaved.has(own.rev) ? own.rev : action.rev;
  let result = editedResult(previous, version, rev);
  if (stale && current) result = mergeResult(result, current).result;
  return withResult(state, action.item.id, result, rev, action.time);
}

export interface EvidenceAction extends EditStamp {
  item: Pick<ChecklistItem, 'id' | 'hash'>;
  /** Files attached (their bytes stored already), in the order they were. */
  added?: readonly Attachment[];
  /** Ids of the attachments removed. */
  removed?: readonly string[];
  /** The page's default tester name, recorded when the result names nobody. */
  tester: string;
}

/** The tester attached files to an item or removed some. */
export function attach(state: RunState, action: EvidenceAction): Transition {
  if (!canRecord(state)) return unchanged(state);
  const run = openRun(state)!;
  const current = resultOf(run.results, action.item.id);
  const own = current ? versionsOf(current)[0]! : undefined;
  const before = own?.evidence ?? [];
  const removed = new Set(action.removed ?? []);
  const kept = before.filter((a) => !removed.has(a.id));
  const known = new Set(kept.map((a) => a.id));
  const evidence = [...kept, ...(action.added ?? []).filter((a) => !known.has(a.id) && !removed.has(a.id))];
  if (evidence.length === before.length && evidence.every((a, i) => a.id === before[i]!.id)) return unchanged(state);
  const { rev: _rev, base: _base, evidence: _evidence, ...fields } = own ?? { status: 'untested' as const };
  const next: ResultVersion = { ...fields, time: action.time, ...(evidence.length ? { evidence } : {}) };
  if (!next.tester && action.tester) next.tester = action.tester;
  // A file attached to an item without a result yet is about the item's text now.
  const version = own ? next : recordResult(action.item, next);
  const rev = own?.rev && state.unsaved.has(own.rev) ? own.rev : action.rev;
  return withResult(state, action.item.id, editedResult(current, version, rev), rev, action.time, ['items'], false);
}

/** The tester kept one version (`versionsOf` order) of a result in conflict. */
export function settle(state: RunState, action: EditStamp & { item: string; version: number }): Transition {
  const result = resultOf(openRun(state)?.results, action.item);
  if (!canRecord(state) || !result?.conflict?.length || !versionsOf(result)[action.version]) return unchanged(state);
  const settled = withResult(
    state,
    action.item,
    settleConflict(result, action.version, action.rev),
    action.rev,
    action.time,
  );
  return {
    state: settled.state,
    effects: [...settled.effects, announce('run.conflict.kept', { id: action.item })],
  };
}

/** The tester let go of a result whose item is no longer on the path. */
export function forget(state: RunState, action: { item: string; time: string }): Transition {
  if (!canRecord(state) || !resultOf(openRun(state)!.results, action.item)) return unchanged(state);
  return withResult(state, action.item, undefined, null, action.time, ['items', 'orphans']);
}

/**
 * Takes back the last edit of the open run: the result as it was before it comes back as a
 * new edit (with a revision of its own, so other tabs take it like any other edit); an item
 * that had no result shows "not run" again.
 */
export function undo(state: RunState, stamp: EditStamp): Transition {
  const run = openRun(state);
  const at = run ? state.undo.findLastIndex((s) => s.run === run.id) : -1;
  if (!run || !canRecord(state) || at < 0) return unchanged(state);
  const step = state.undo[at]!;
  const current = resultOf(run.results, step.item);
  const before = step.before ? versionsOf(step.before)[0]! : undefined;
  const {
    rev: _rev,
    base: _base,
    evidence: _evidence,
    ...fields
  } = before ?? {
    status: 'untested' as const,
    time: stamp.time,
  };
  // The attachments stay as they are now: their bytes were stored or deleted since.
  const evidence = current ? versionsOf(current)[0]!.evidence : undefined;
  const restored: ResultVersion = evidence?.length ? { ...fields, evidence } : fields;
  const result = current ? editedResult(current, restored, stamp.rev) : step.before;
  const done = withResult(state, step.item, result, stamp.rev, stamp.time, ['items', 'orphans']);
  const remaining = [...state.undo.slice(0, at), ...state.undo.slice(at + 1)];
  return { state: { ...done.state, undo: remaining }, effects: done.effects };
}

/** The store confirmed the page's runs written: the next edit of any result starts a new revision. */
export function saved(state: RunState): Transition {
  return state.unsaved.size ? { state: { ...state, unsaved: new Set() }, effects: [] } : unchanged(state);
}
