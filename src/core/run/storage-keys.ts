/**
 * Names of what the checklist page keeps in the browser's storage. Every key starts with the
 * site's base and the product, so two road books served from one origin (two products, or
 * one product under two paths) never read or overwrite each other's runs.
 *
 *   roadbook:<base>:<product>:run:<run id>        one run (saved.ts, format roadbook-run)
 *   roadbook:<base>:<product>:processes           the company's processes (roadbook-company-processes)
 *   roadbook:<base>:<product>:tester              the name the tester last gave
 *   roadbook:<base>:<product>:backup:<time>:<what> the text of a saved value that could not be read
 *   roadbook:<base>:<product>:journal:<page>:<n>   a change not yet confirmed written (journal.ts)
 *
 * and, apart from them, "Mon installation" (installationKey).
 */
import type { RunScope } from './types.ts';

export function storagePrefix(scope: RunScope): string {
  return `roadbook:${encodeURIComponent(scope.base)}:${encodeURIComponent(scope.product)}:`;
}

/**
 * Where "Mon installation" is kept: in localStorage only, read synchronously on every page.
 * It does not start with storagePrefix, because the checklist page moves every localStorage
 * value under that prefix into IndexedDB (storage-backend.ts), where other pages could not
 * read it before their first paint.
 */
export function installationKey(scope: RunScope): string {
  return `roadbook-installation:${encodeURIComponent(scope.base)}:${encodeURIComponent(scope.product)}`;
}

export function runKey(prefix: string, id: string): string {
  return `${prefix}run:${id}`;
}

export function processesKey(prefix: string): string {
  return `${prefix}processes`;
}

export function testerKey(prefix: string): string {
  return `${prefix}tester`;
}

/** A backup key: the time (ms) keeps several backups apart; `what` is the key it came from, without the prefix. */
export function backupKey(prefix: string, time: number, what: string): string {
  return `${prefix}backup:${time}:${what}`;
}

/** The run id of a run key of this prefix, or null. */
export function runIdOfKey(prefix: string, key: string): string | null {
  return key.startsWith(`${prefix}run:`) ? key.slice(prefix.length + 4) : null;
}

export function isBackupKey(prefix: string, key: string): boolean {
  return key.startsWith(`${prefix}backup:`);
}

/** What a backup key says: when it was made and which value it holds. */
export function parseBackupKey(prefix: string, key: string): { time: number; what: string } | null {
  if (!isBackupKey(prefix, key)) return null;
  const rest = key.slice(prefix.length + 'backup:'.length);
  const colon = rest.indexOf(':');
  const time = Number(rest.slice(0, colon));
  return colon > 0 && Number.isFinite(time) ? { time, what: rest.slice(colon + 1) } : null;
}

/**
 * The IndexedDB database the page keeps everything in: `values` holds the keys above (the
 * same keys and texts localStorage held before, and still holds where IndexedDB cannot be
 * used); `journal` the pending-change entries (core/run/journal.ts), keyed by journalKey;
 * `evidence` (since version 2) the files attached to items (src/scripts/run/evidence-store.ts).
 */
export const DATABASE = {
  name: 'roadbook',
  version: 2,
  values: 'values',
  journal: 'journal',
  evidence: 'evidence',
} as const;

/** A pending-change entry of page `session`, number `seq` of that page. */
export function journalKey(prefix: string, session: string, seq: number): string {
  return `${prefix}journal:${session}:${String(seq).padStart(8, '0')}`;
}

export function isJournalKey(prefix: string, key: string): boolean {
  return key.startsWith(`${prefix}journal:`);
}
