/**
 * The runs and the company's processes in the browser's localStorage (keys in
 * core/run/storage-keys.ts, values in core/run/saved.ts), with the guarantees testers rely on:
 *
 * - Every write is checked. A refused write (quota, private mode) returns the error; the
 *   caller keeps the change in memory, says so and offers it as a file.
 * - A value that cannot be read is never overwritten: its text moves to a backup key first
 *   (the original key is removed only once the backup is written), and the problem is
 *   returned so the page can tell the tester and offer the text as a download. A run whose
 *   envelope is fine but some results are not is kept with the readable results, and its
 *   original text is backed up all the same.
 * - Before writing a run, the stored text is compared with what this page last read or wrote:
 *   if another tab saved meanwhile, its results are merged in first (core's mergeRun), so two
 *   tabs never silently overwrite each other.
 */
import type { Locale } from '../../core/model.ts';
import { emptyCompanyProcesses, type CompanyProcesses } from '../../core/run/company-processes.ts';
import { mergeRun } from '../../core/run/merge.ts';
import { parseSavedRun, serializeRun } from '../../core/run/saved.ts';
import {
  backupKey,
  parseBackupKey,
  processesKey,
  runIdOfKey,
  runKey,
  storagePrefix,
  testerKey,
} from '../../core/run/storage-keys.ts';
import { parseStoredProcesses, serializeCompanyProcesses } from '../../core/run/stored-processes.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';

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

function storageOrNull(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = '__roadbook_probe__';
    s.setItem(probe, probe);
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export class RunStore {
  readonly prefix: string;
  readonly storage: Storage | null;
  private readonly scope: RunScope;
  private readonly locale: Locale;
  /** The text of each key as this page last read or wrote it. */
  private readonly seen = new Map<string, string | null>();

  constructor(scope: RunScope, locale: Locale) {
    this.scope = scope;
    this.locale = locale;
    this.prefix = storagePrefix(scope);
    this.storage = storageOrNull();
  }

  get available(): boolean {
    return this.storage !== null;
  }

  private keys(): string[] {
    const s = this.storage;
    if (!s) return [];
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key?.startsWith(this.prefix)) keys.push(key);
    }
    return keys;
  }

  private write(key: string, value: string): WriteResult {
    if (!this.storage) return { ok: false, reason: 'localStorage unavailable' };
    try {
      this.storage.setItem(key, value);
      this.seen.set(key, value);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  /** Moves an unreadable value to a backup key; the original is removed only once the backup exists. */
  private quarantine(key: string, raw: string, message: string, salvaged: StorageProblem['salvaged']): StorageProblem {
    const what = key.slice(this.prefix.length);
    const backup = backupKey(this.prefix, Date.now(), what);
    const saved = this.write(backup, raw);
    if (saved.ok && !salvaged) {
      this.storage?.removeItem(key);
      this.seen.set(key, null);
    }
    return { what, backup: saved.ok ? backup : null, raw, message, salvaged };
  }

  /** Every readable run, newest first, and what could not be read. */
  loadRuns(): { runs: SavedRun[]; problems: StorageProblem[] } {
    const runs: SavedRun[] = [];
    const problems: StorageProblem[] = [];
    for (const key of this.keys()) {
      if (runIdOfKey(this.prefix, key) === null) continue;
      const raw = this.storage!.getItem(key);
      if (raw === null) continue;
      this.seen.set(key, raw);
      const parsed = parseSavedRun(raw, this.scope, this.locale);
      if (!parsed.ok) {
        problems.push(this.quarantine(key, raw, parsed.error.message, null));
        continue;
      }
      if (parsed.run.id !== runIdOfKey(this.prefix, key)) {
        problems.push(this.quarantine(key, raw, `${key}: run id ${parsed.run.id}`, null));
        continue;
      }
      if (parsed.dropped.length) {
        problems.push(this.quarantine(key, raw, '', { run: parsed.run.id, dropped: parsed.dropped.length }));
        // The readable part is written back so the next load is clean; the original text is in the backup.
        this.write(key, serializeRun(parsed.run, this.scope));
      }
      runs.push(parsed.run);
    }
    runs.sort((a, b) => b.updated.localeCompare(a.updated));
    return { runs, problems };
  }

  /** A run as stored now (another tab may have changed it), or null. */
  readRun(id: string): { run: SavedRun | null; raw: string | null } {
    const raw = this.storage?.getItem(runKey(this.prefix, id)) ?? null;
    if (raw === null) return { run: null, raw };
    const parsed = parseSavedRun(raw, this.scope, this.locale);
    return { run: parsed.ok ? parsed.run : null, raw };
  }

  /**
   * Saves a run. If another tab saved it since this page last did, its results are merged
   * in first; the run actually written is returned (the caller shows the merged results).
   */
  saveRun(run: SavedRun): WriteResult & { run: SavedRun; mergedFromElsewhere: boolean } {
    const key = runKey(this.prefix, run.id);
    let toWrite = run;
    let mergedFromElsewhere = false;
    const stored = this.storage?.getItem(key) ?? null;
    if (stored !== null && this.seen.has(key) && stored !== this.seen.get(key)) {
      const theirs = parseSavedRun(stored, this.scope, this.locale);
      if (theirs.ok) {
        toWrite = mergeRun(run, theirs.run).run;
        mergedFromElsewhere = true;
      } else {
        // Another writer left something unreadable: keep its text before writing ours.
        this.quarantine(key, stored, theirs.error.message, null);
      }
    }
    const result = this.write(key, serializeRun(toWrite, this.scope));
    return { ...result, run: toWrite, mergedFromElsewhere };
  }

  removeRun(id: string): void {
    const key = runKey(this.prefix, id);
    this.storage?.removeItem(key);
    this.seen.set(key, null);
  }

  /** Marks a value as read (after a `storage` event delivered it). */
  noteSeen(key: string, value: string | null): void {
    this.seen.set(key, value);
  }

  isRunKey(key: string): string | null {
    return runIdOfKey(this.prefix, key);
  }

  get processesKey(): string {
    return processesKey(this.prefix);
  }

  loadProcesses(): { library: CompanyProcesses; problem: StorageProblem | null } {
    const key = processesKey(this.prefix);
    const raw = this.storage?.getItem(key) ?? null;
    this.seen.set(key, raw);
    if (raw === null) return { library: emptyCompanyProcesses(), problem: null };
    const parsed = parseStoredProcesses(raw, this.scope, this.locale);
    if (parsed.ok) return { library: parsed.library, problem: null };
    return { library: emptyCompanyProcesses(), problem: this.quarantine(key, raw, parsed.error.message, null) };
  }

  saveProcesses(library: CompanyProcesses): WriteResult {
    return this.write(processesKey(this.prefix), serializeCompanyProcesses(library, this.scope));
  }

  tester(): string {
    return this.storage?.getItem(testerKey(this.prefix)) ?? '';
  }

  saveTester(name: string): WriteResult {
    return this.write(testerKey(this.prefix), name);
  }

  backups(): Backup[] {
    return this.keys()
      .map((key) => ({ key, parsed: parseBackupKey(this.prefix, key) }))
      .filter((b): b is { key: string; parsed: { time: number; what: string } } => b.parsed !== null)
      .map(({ key, parsed }) => ({ key, ...parsed, raw: this.storage!.getItem(key) ?? '' }))
      .sort((a, b) => b.time - a.time);
  }

  removeBackup(key: string): void {
    if (parseBackupKey(this.prefix, key)) this.storage?.removeItem(key);
  }
}
