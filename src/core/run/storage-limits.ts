/**
 * The limits of keeping runs in the browser: how long to wait before trying again a write the
 * browser refused, and whether a progress file fits before anything of it is applied (a file
 * accepted and then impossible to store would make every later save fail). Browser-safe.
 */

/** Retries of a refused write: 2 s, then doubling, never more than a minute apart. */
export const RETRY_FIRST_MS = 2000;
export const RETRY_MAX_MS = 60_000;

/** The wait before retry number `attempt` (0 for the first retry). */
export function retryDelay(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempt));
}

/**
 * The largest progress file the page accepts. Runs of real paths are a few hundred kilobytes;
 * far beyond this, the file is not a progress file of this site or would crowd out the
 * browser's storage for every later save.
 */
export const MAX_PROGRESS_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Storing a file's runs takes about its size again in the browser (the stored value, the
 * journal entry of each run changed); this many times the size must be free.
 */
export const ROOM_FACTOR = 3;

/** What `navigator.storage.estimate()` answers, when the browser has it. */
export interface StorageEstimate {
  quota?: number;
  usage?: number;
}

export type RoomCheck =
  | { ok: true }
  | { ok: false; reason: 'too-big'; bytes: number; limit: number }
  | { ok: false; reason: 'no-room'; bytes: number; free: number };

/**
 * Whether a file of `bytes` may be applied, given the browser's estimate (when known). `limit`:
 * the largest such file (a progress ZIP, whose progress.json is held to MAX_PROGRESS_FILE_BYTES
 * when it is read, may weigh more with its attachments).
 */
export function roomForFile(
  bytes: number,
  estimate: StorageEstimate | null,
  limit: number = MAX_PROGRESS_FILE_BYTES,
): RoomCheck {
  if (bytes > limit) return { ok: false, reason: 'too-big', bytes, limit };
  if (estimate?.quota !== undefined && estimate.usage !== undefined) {
    const free = Math.max(0, estimate.quota - estimate.usage);
    if (bytes * ROOM_FACTOR > free) return { ok: false, reason: 'no-room', bytes, free };
  }
  return { ok: true };
}
