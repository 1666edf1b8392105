/**
 * The pending-change journal of the checklist page: before a run is written, what changed in
 * it since its last confirmed write is recorded apart (a journal entry); the entry is removed
 * once the run's write is confirmed. An entry still there when the page next starts, left by a
 * page that is no longer open, is a change whose write never finished (the browser crashed,
 * was killed, or refused to save): the page says so, names the items, and can put them back.
 *
 * An entry holds a partial run: the run's name, path and sign-off, and only the results that
 * changed. Results the tester removed are not journaled (putting a run back never removes
 * anything, as mergeRun never does). Browser-safe: no Node import.
 */
import type { RunResults } from '../checklist/progress.ts';
import type { Locale } from '../model.ts';
import { mergeRun } from './merge.ts';
import { sameResult } from './merge-results.ts';
import { parseSavedRun, serializeRun } from './saved.ts';
import type { RunScope, SavedRun } from './types.ts';

export interface JournalEntry {
  /** The page (tab) that recorded the change. */
  session: string;
  /** When it was recorded (ISO 8601). */
  time: string;
  /** The run as the page held it, with only the results that changed. */
  run: SavedRun;
}

/** The results of `after` that are new or differ from `before` (null: nothing written yet). */
export function changedResults(before: RunResults | null, after: RunResults): RunResults {
  const changed: RunResults = {};
  for (const [id, result] of Object.entries(after)) {
    const old = before?.[id];
    if (!old || !sameResult(old, result)) changed[id] = result;
  }
  return changed;
}

/** The journal entry of a change of `run`, `before` being the run as last written (or null). */
export function journalEntry(session: string, time: Date, run: SavedRun, before: SavedRun | null): JournalEntry {
  return {
    session,
    time: time.toISOString(),
    run: { ...run, results: changedResults(before?.results ?? null, run.results) },
  };
}

export function serializeJournalEntry(entry: JournalEntry, scope: RunScope): string {
  return JSON.stringify({ session: entry.session, time: entry.time, run: serializeRun(entry.run, scope) });
}

/** Reads a value written by serializeJournalEntry; null when it cannot be read (it is then of no use). */
export function parseJournalEntry(text: string, scope: RunScope, locale: Locale): JournalEntry | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { session, time, run } = value as Record<string, unknown>;
    if (typeof session !== 'string' || typeof time !== 'string' || typeof run !== 'string') return null;
    const parsed = parseSavedRun(run, scope, locale);
    return parsed.ok ? { session, time, run: parsed.run } : null;
  } catch {
    return null;
  }
}

/** Changes of one run recorded by a page that ended before their write was confirmed. */
export interface UnsavedChanges {
  run: SavedRun;
  /** Ids of the items whose result as recorded is not the one stored. */
  items: string[];
  /** Whether the sign-off form as recorded is newer than the one stored, and differs. */
  signOff: boolean;
  /** When the last of these changes was recorded. */
  time: string;
  /** Whether the run itself was never stored. */
  newRun: boolean;
}

/**
 * What the journal of ended pages holds that storage does not: the entries of every session
 * not in `live`, gathered by run and compared with the runs as stored. An entry whose write did
 * finish (its removal did not) finds its results stored and names no item.
 */
export function unsavedChanges(
  entries: readonly JournalEntry[],
  stored: ReadonlyMap<string, SavedRun>,
  live: ReadonlySet<string>,
): UnsavedChanges[] {
  const byRun = new Map<string, JournalEntry[]>();
  for (const entry of entries) {
    if (live.has(entry.session)) continue;
    byRun.set(entry.run.id, [...(byRun.get(entry.run.id) ?? []), entry]);
  }
  const out: UnsavedChanges[] = [];
  for (const [id, runEntries] of byRun) {
    runEntries.sort((a, b) => a.time.localeCompare(b.time));
    // Later entries of a run carry its latest name, path and sign-off; results add up.
    let run = runEntries[0]!.run;
    for (const entry of runEntries.slice(1)) run = mergeRun(run, entry.run).run;
    const here = stored.get(id);
    const items = Object.keys(run.results).filter((item) => {
      const storedResult = here?.results[item];
      return !storedResult || !sameResult(storedResult, run.results[item]!);
    });
    // The sign-off form counts only when the page's change is newer than what is stored.
    const signOff =
      !!here && run.updated > here.updated && JSON.stringify(run.signOff) !== JSON.stringify(here.signOff);
    if (items.length || signOff || !here)
      out.push({ run, items, signOff, time: runEntries.at(-1)!.time, newRun: !here });
  }
  return out.sort((a, b) => b.time.localeCompare(a.time));
}

/** The run to store to put the unsaved changes back: merged into the stored run (nothing stored is removed). */
export function restoredRun(changes: UnsavedChanges, stored: SavedRun | undefined): SavedRun {
  return stored ? mergeRun(stored, changes.run).run : changes.run;
}
