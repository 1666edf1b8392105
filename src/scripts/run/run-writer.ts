/**
 * Writes one run of the store (store.ts) so that a page ending mid-write loses nothing and two
 * tabs never overwrite each other:
 *
 * - Before the run is written, what changed in it since its last confirmed write is put in the
 *   journal (core/run/journal.ts), and taken out once the run's write is confirmed; the next page
 *   to start reads the entries of a page that ended meanwhile (ended-pages.ts).
 * - In the write's own transaction, the stored text is compared with what this page last read or
 *   wrote: if another tab saved meanwhile, its results are merged in first (core's mergeRun); if it
 *   left something unreadable, that text is kept in a backup key before ours replaces it.
 */
import type { Locale } from '../../core/model.ts';
import { journalEntry, serializeJournalEntry } from '../../core/run/journal.ts';
import { mergeRun } from '../../core/run/merge.ts';
import { parseSavedRun, serializeRun } from '../../core/run/saved.ts';
import { backupKey, journalKey, runKey } from '../../core/run/storage-keys.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import type { ValueBackend } from './storage-backend.ts';
import type { TabChannel } from './tab-channel.ts';

/** What writing a run did: refused with the reason, or written (`merged` when another tab's results went in). */
export type RunWrite = { ok: true; written: SavedRun; merged: boolean } | { ok: false; reason: string };

/** Where the writer writes, and what it shares with the store. */
export interface RunWriterContext {
  backend: ValueBackend;
  prefix: string;
  scope: RunScope;
  locale: Locale;
  /** This page's id in the journal. */
  session: string;
  /** The text of each key as this page last read or wrote it (shared with the store). */
  seen: Map<string, string | null>;
  channel: TabChannel;
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class RunWriter {
  private readonly context: RunWriterContext;
  private seq = 0;
  /** Each run as last confirmed written (the journal records what changed since). */
  private readonly written = new Map<string, SavedRun>();
  /** This page's journal entries not cleared yet, by run id (a refused write leaves its entry). */
  private readonly entries = new Map<string, string[]>();

  constructor(context: RunWriterContext) {
    this.context = context;
  }

  /** Records a run as it is stored now (read at load, or written by another tab). */
  stored(run: SavedRun): void {
    this.written.set(run.id, structuredClone(run));
  }

  /** Forgets a run's stored state (it is being deleted). */
  forget(id: string): void {
    this.written.delete(id);
  }

  /** Journals the run's change, writes it (merging another tab's results first), then clears the journal entry. */
  async write(run: SavedRun): Promise<RunWrite> {
    const { backend, prefix, scope, locale, session, seen, channel } = this.context;
    const key = runKey(prefix, run.id);
    const entryKey = journalKey(prefix, session, ++this.seq);
    const entry = journalEntry(session, new Date(), run, this.written.get(run.id) ?? null);
    try {
      await backend.write('journal', new Map([[entryKey, serializeJournalEntry(entry, scope)]]));
      this.entries.set(run.id, [...(this.entries.get(run.id) ?? []), entryKey]);
    } catch {
      // No room even for the entry: the run's own write says what is wrong.
    }
    let toWrite = run;
    let merged = false;
    const changes = new Map<string, string | null>();
    try {
      await backend.update('values', key, (stored) => {
        changes.clear();
        toWrite = run;
        merged = false;
        if (stored !== null && seen.has(key) && stored !== seen.get(key)) {
          const theirs = parseSavedRun(stored, scope, locale);
          if (theirs.ok) {
            toWrite = mergeRun(run, theirs.run).run;
            merged = true;
          } else {
            // Another writer left something unreadable: keep its text before writing ours.
            changes.set(backupKey(prefix, Date.now(), key.slice(prefix.length)), stored);
          }
        }
        changes.set(key, serializeRun(toWrite, scope));
        return changes;
      });
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
    for (const [k, v] of changes) {
      seen.set(k, v);
      channel.post({ key: k, value: v });
    }
    this.stored(toWrite);
    await this.clearEntries(run.id);
    return { ok: true, written: toWrite, merged };
  }

  /** Removes this page's journal entries of a run (its latest state is written, or it is deleted). */
  async clearEntries(id: string): Promise<void> {
    const keys = this.entries.get(id) ?? [];
    this.entries.delete(id);
    if (keys.length)
      await this.context.backend.write('journal', new Map(keys.map((k) => [k, null]))).catch(() => undefined);
  }
}
