/**
 * Everything the checklist page keeps in the browser, and the one place that writes it: the
 * runs, the company's processes, the tester's name and the backups of unreadable values (keys
 * in core/run/storage-keys.ts, texts in core/run/saved.ts), in IndexedDB, or in localStorage
 * where IndexedDB cannot be opened (storage-backend.ts). The guarantees testers rely on:
 *
 * - A change is written at once (`track`), never after a delay: several changes made while a
 *   write is under way go together in the next one. A write counts as saved only once the
 *   browser confirms it durable (`durability: 'strict'`).
 * - Before a run is written, what changed in it is put in the journal (core/run/journal.ts)
 *   and taken out once the run's write is confirmed. The next page to start finds the entries
 *   of a page that ended meanwhile (its Web Lock `roadbook-session:<id>` is no longer held) and
 *   says which items were not saved, with a way to put them back (`unsaved`, `forgetUnsaved`).
 * - A refused write (storage full, private mode) keeps the run waiting: the save state says
 *   `failed` with the reason and the runs not saved; the write is tried again on the next
 *   change, after a growing delay (core/run/storage-limits.ts) and whenever the page calls
 *   `retry` (focus, page shown again). When it goes through, the state says `saved` again.
 * - A value that cannot be read is never overwritten: its text moves to a backup key in the
 *   same transaction that removes it, and the problem is returned so the page can tell the
 *   tester and offer the text as a download. A run whose envelope is fine but some results
 *   are not is kept with the readable results, and its original text is backed up all the same.
 * - Before writing a run, the stored text is compared with what this page last read or wrote,
 *   in the write's own transaction: if another tab saved meanwhile, its results are merged in
 *   first (core's mergeRun), so two tabs never silently overwrite each other.
 *
 * Other tabs: after every confirmed write, the key written and its new text go out on the
 * tabs' channel (tab-channel.ts); `onChange` delivers the other tabs' news. The entries of
 * ended pages: ended-pages.ts.
 */
import type { Locale } from '../../core/model.ts';
import { emptyCompanyProcesses, type CompanyProcesses } from '../../core/run/company-processes.ts';
import { journalEntry, serializeJournalEntry, type UnsavedChanges } from '../../core/run/journal.ts';
import { mergeRun } from '../../core/run/merge.ts';
import { parseSavedRun, serializeRun } from '../../core/run/saved.ts';
import { retryDelay } from '../../core/run/storage-limits.ts';
import {
  backupKey,
  journalKey,
  parseBackupKey,
  processesKey,
  runIdOfKey,
  runKey,
  storagePrefix,
  testerKey,
} from '../../core/run/storage-keys.ts';
import { parseStoredProcesses, serializeCompanyProcesses } from '../../core/run/stored-processes.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import { EndedPages } from './ended-pages.ts';
import { openBackend, type ValueBackend, type Writes } from './storage-backend.ts';
import { TabChannel, type StoredChange } from './tab-channel.ts';

export type { StoredChange } from './tab-channel.ts';

export interface StorageProblem {
  /** The key that could not be read (without the prefix). */
  what: string;
  /** Where its text now is; null when even the backup could not be written (the value was then left in place). */
  backup: string | null;
  raw: string;
  message: string;
  /** A run kept with its readable results (`dropped` results left out). */
  salvaged: { run: string; dropped: number } | null;
}

export interface Backup {
  key: string;
  time: number;
  what: string;
  raw: string;
}

export type WriteResult = { ok: true } | { ok: false; reason: string };

/** Whether what the page holds is written: every run confirmed, being written, or refused. */
export type SaveState = { state: 'saved' } | { state: 'saving' } | { state: 'failed'; reason: string; runs: string[] };

/** The runs as the page holds them now, by id (the store writes what it finds there when it writes). */
export type RunSource = (id: string) => SavedRun | undefined;

function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function randomId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

export class RunStore {
  readonly prefix: string;
  private readonly backend: ValueBackend | null;
  private readonly scope: RunScope;
  private readonly locale: Locale;
  /** This page's id in the journal and in its Web Lock. */
  private readonly session = randomId();
  private seq = 0;
  /** The text of each key as this page last read or wrote it. */
  private readonly seen = new Map<string, string | null>();
  /** Each run as last confirmed written (the journal records what changed since). */
  private readonly written = new Map<string, SavedRun>();
  /** Ids of runs changed and not confirmed written, with the count of changes seen. */
  private readonly pending = new Map<string, number>();
  private source: RunSource = () => undefined;
  private draining: Promise<void> | null = null;
  private again = false;
  private state: SaveState = { state: 'saved' };
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly stateListeners: ((state: SaveState) => void)[] = [];
  private readonly mergeListeners: ((id: string, written: SavedRun) => void)[] = [];
  private readonly channel: TabChannel;
  private readonly endedPages: EndedPages;
  /** This page's journal entries not cleared yet, by run id (a refused write leaves its entry). */
  private readonly entries = new Map<string, string[]>();

  private constructor(scope: RunScope, locale: Locale, backend: ValueBackend | null) {
    this.scope = scope;
    this.locale = locale;
    this.prefix = storagePrefix(scope);
    this.backend = backend;
    this.channel = new TabChannel(this.prefix, this.session);
    this.endedPages = new EndedPages(backend, { prefix: this.prefix, scope, locale }, this.session, this.channel);
  }

  static async open(scope: RunScope, locale: Locale): Promise<RunStore> {
    return new RunStore(scope, locale, await openBackend(storagePrefix(scope)));
  }

  get available(): boolean {
    return this.backend !== null;
  }

  get kind(): ValueBackend['kind'] | null {
    return this.backend?.kind ?? null;
  }

  private async write(writes: Writes): Promise<WriteResult> {
    if (!this.backend) return { ok: false, reason: 'no storage' };
    try {
      await this.backend.write('values', writes);
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
    for (const [key, value] of writes) {
      this.seen.set(key, value);
      this.channel.post({ key, value });
    }
    return { ok: true };
  }

  private async values(): Promise<Map<string, string>> {
    return this.backend ? this.backend.entries('values', this.prefix) : new Map();
  }

  /** Moves an unreadable value to a backup key; the original goes in the same transaction. */
  private async quarantine(
    key: string,
    raw: string,
    message: string,
    salvaged: StorageProblem['salvaged'],
  ): Promise<StorageProblem> {
    const what = key.slice(this.prefix.length);
    const backup = backupKey(this.prefix, Date.now(), what);
    const writes = new Map<string, string | null>([[backup, raw]]);
    if (!salvaged) writes.set(key, null);
    const saved = await this.write(writes);
    return { what, backup: saved.ok ? backup : null, raw, message, salvaged };
  }

  /** Every readable run, newest first, and what could not be read. */
  async loadRuns(): Promise<{ runs: SavedRun[]; problems: StorageProblem[] }> {
    const runs: SavedRun[] = [];
    const problems: StorageProblem[] = [];
    for (const [key, raw] of await this.values()) {
      const id = runIdOfKey(this.prefix, key);
      if (id === null) continue;
      this.seen.set(key, raw);
      const parsed = parseSavedRun(raw, this.scope, this.locale);
      if (!parsed.ok) {
        problems.push(await this.quarantine(key, raw, parsed.error.message, null));
        continue;
      }
      if (parsed.run.id !== id) {
        problems.push(await this.quarantine(key, raw, `${key}: run id ${parsed.run.id}`, null));
        continue;
      }
      if (parsed.dropped.length) {
        problems.push(await this.quarantine(key, raw, '', { run: parsed.run.id, dropped: parsed.dropped.length }));
        // The readable part is written back so the next load is clean; the original text is in the backup.
        await this.write(new Map([[key, serializeRun(parsed.run, this.scope)]]));
      }
      this.written.set(parsed.run.id, structuredClone(parsed.run));
      runs.push(parsed.run);
    }
    runs.sort((a, b) => b.updated.localeCompare(a.updated));
    return { runs, problems };
  }

  // Saving runs ---------------------------------------------------------------------------

  /** Where the store reads a run to write: the page's state. */
  readFrom(source: RunSource): void {
    this.source = source;
  }

  /** Run `id` changed in the page: it is written at once (with any other waiting), and again until it is. */
  track(id: string): void {
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
    this.kick();
  }

  /** Stops writing a run (it was deleted). */
  untrack(id: string): void {
    this.pending.delete(id);
  }

  /** Resolves once every run waiting is written, or refused again. */
  async flush(): Promise<SaveState> {
    if (this.pending.size) this.kick();
    while (this.draining) await this.draining;
    return this.state;
  }

  /** Whether a run has changes not confirmed written. */
  waiting(id: string): boolean {
    return this.pending.has(id);
  }

  /** Tries a refused write again now (the page came back, space may have been freed). */
  retry(): void {
    if (this.pending.size) this.kick();
  }

  get saveState(): SaveState {
    return this.state;
  }

  onSaveState(listener: (state: SaveState) => void): void {
    this.stateListeners.push(listener);
  }

  /** Another tab had saved the run meanwhile: `written` is what was written, its results merged in. */
  onMerged(listener: (id: string, written: SavedRun) => void): void {
    this.mergeListeners.push(listener);
  }

  private setState(state: SaveState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private kick(): void {
    clearTimeout(this.retryTimer);
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    let refused: string[] = [];
    let reason = '';
    do {
      this.again = false;
      refused = [];
      this.setState({ state: 'saving' });
      for (const [id, count] of [...this.pending]) {
        const run = this.source(id);
        // A run the page no longer holds has nothing to write.
        const result = run ? await this.writeRun(run) : ({ ok: true } as const);
        if (!result.ok) {
          refused.push(id);
          reason = result.reason;
        } else if (this.pending.get(id) === count) this.pending.delete(id);
      }
    } while (this.again);
    if (refused.length) {
      this.setState({ state: 'failed', reason, runs: refused });
      this.retryTimer = setTimeout(() => this.retry(), retryDelay(this.attempt++));
    } else {
      this.attempt = 0;
      this.setState(this.pending.size ? { state: 'saving' } : { state: 'saved' });
      if (this.pending.size) queueMicrotask(() => this.kick());
    }
  }

  /** Journals the run's change, writes it (merging another tab's results first), then clears the journal entry. */
  private async writeRun(run: SavedRun): Promise<WriteResult> {
    const backend = this.backend;
    if (!backend) return { ok: false, reason: 'no storage' };
    const key = runKey(this.prefix, run.id);
    const entryKey = journalKey(this.prefix, this.session, ++this.seq);
    const entry = journalEntry(this.session, new Date(), run, this.written.get(run.id) ?? null);
    try {
      await backend.write('journal', new Map([[entryKey, serializeJournalEntry(entry, this.scope)]]));
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
        if (stored !== null && this.seen.has(key) && stored !== this.seen.get(key)) {
          const theirs = parseSavedRun(stored, this.scope, this.locale);
          if (theirs.ok) {
            toWrite = mergeRun(run, theirs.run).run;
            merged = true;
          } else {
            // Another writer left something unreadable: keep its text before writing ours.
            changes.set(backupKey(this.prefix, Date.now(), key.slice(this.prefix.length)), stored);
          }
        }
        changes.set(key, serializeRun(toWrite, this.scope));
        return changes;
      });
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
    for (const [k, v] of changes) {
      this.seen.set(k, v);
      this.channel.post({ key: k, value: v });
    }
    this.written.set(run.id, structuredClone(toWrite));
    await this.clearEntries(run.id);
    if (merged) for (const listener of this.mergeListeners) listener(run.id, toWrite);
    return { ok: true };
  }

  /** Removes this page's journal entries of a run (its latest state is written, or it is deleted). */
  private async clearEntries(id: string): Promise<void> {
    const keys = this.entries.get(id) ?? [];
    this.entries.delete(id);
    if (keys.length) await this.backend?.write('journal', new Map(keys.map((k) => [k, null]))).catch(() => undefined);
  }

  async removeRun(id: string): Promise<WriteResult> {
    this.written.delete(id);
    const removed = await this.write(new Map([[runKey(this.prefix, id), null]]));
    // A deleted run's unsaved changes are not news for the next start.
    if (removed.ok) await this.clearEntries(id);
    return removed;
  }

  // The last session ---------------------------------------------------------------------

  /** Changes recorded by pages that ended before their write was confirmed (ended-pages.ts). */
  unsaved(runs: readonly SavedRun[]): Promise<UnsavedChanges[]> {
    return this.endedPages.unsaved(runs);
  }

  /** Clears the journal entries of ended pages (put back, or let go by the tester). */
  forgetUnsaved(): Promise<void> {
    return this.endedPages.forget();
  }

  // Other tabs ------------------------------------------------------------------------------

  /** What other tabs write. */
  onChange(listener: (change: StoredChange) => void): void {
    this.channel.onChange(listener);
  }

  /** Marks a value as read (after another tab's message delivered it). */
  noteSeen(key: string, value: string | null): void {
    this.seen.set(key, value);
    const id = runIdOfKey(this.prefix, key);
    if (id === null) return;
    const parsed = value === null ? null : parseSavedRun(value, this.scope, this.locale);
    if (parsed?.ok) this.written.set(id, structuredClone(parsed.run));
  }

  isRunKey(key: string): string | null {
    return runIdOfKey(this.prefix, key);
  }

  get processesKey(): string {
    return processesKey(this.prefix);
  }

  // Processes, tester, backups ----------------------------------------------------------

  async loadProcesses(): Promise<{ library: CompanyProcesses; problem: StorageProblem | null }> {
    const key = processesKey(this.prefix);
    const raw = (await this.backend?.get('values', key)) ?? null;
    this.seen.set(key, raw);
    if (raw === null) return { library: emptyCompanyProcesses(), problem: null };
    const parsed = parseStoredProcesses(raw, this.scope, this.locale);
    if (parsed.ok) return { library: parsed.library, problem: null };
    return { library: emptyCompanyProcesses(), problem: await this.quarantine(key, raw, parsed.error.message, null) };
  }

  saveProcesses(library: CompanyProcesses): Promise<WriteResult> {
    return this.write(new Map([[processesKey(this.prefix), serializeCompanyProcesses(library, this.scope)]]));
  }

  async tester(): Promise<string> {
    return (await this.backend?.get('values', testerKey(this.prefix))) ?? '';
  }

  saveTester(name: string): Promise<WriteResult> {
    return this.write(new Map([[testerKey(this.prefix), name]]));
  }

  async backups(): Promise<Backup[]> {
    return [...(await this.values())]
      .map(([key, raw]) => ({ key, raw, parsed: parseBackupKey(this.prefix, key) }))
      .filter((b): b is { key: string; raw: string; parsed: { time: number; what: string } } => b.parsed !== null)
      .map(({ key, raw, parsed }) => ({ key, raw, ...parsed }))
      .sort((a, b) => b.time - a.time);
  }

  async removeBackup(key: string): Promise<WriteResult> {
    return parseBackupKey(this.prefix, key) ? this.write(new Map([[key, null]])) : { ok: true };
  }
}
