/**
 * The checklist page's IndexedDB database (DATABASE in core/run/storage-keys.ts): its shape,
 * made by one upgrade function that every connection opens with, so the run store and the
 * evidence store agree on it whichever opens first (each version only adds what it lacks: an
 * upgrade never clears the runs, the journal or the evidence already kept); and the one way
 * both stores hold a connection to it.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { DATABASE } from '../../core/run/storage-keys.ts';

export function upgradeDatabase(db: IDBPDatabase): void {
  if (!db.objectStoreNames.contains(DATABASE.values)) db.createObjectStore(DATABASE.values);
  if (!db.objectStoreNames.contains(DATABASE.journal)) db.createObjectStore(DATABASE.journal);
  // Version 2: attached files, keyed by [storage prefix, run id, item id, attachment id].
  if (!db.objectStoreNames.contains(DATABASE.evidence)) db.createObjectStore(DATABASE.evidence);
}

/**
 * Told when a connection waits because a tab still shows an older page of the site, whose
 * connection to the older database shape does not make way (pages from before version 2 had
 * no `blocking` handler): the open hangs until that tab is closed or reloaded, and the tester
 * must be told, or the page would seem to load forever. `opened` follows once it goes through.
 */
export interface BlockedListener {
  blocked(): void;
  opened(): void;
}

const blockedListeners = new Set<BlockedListener>();

/** Follows the waits of every connection of this page; returns the way to stop following. */
export function onDatabaseBlocked(listener: BlockedListener): () => void {
  blockedListeners.add(listener);
  return () => blockedListeners.delete(listener);
}

/**
 * A connection opened when first needed and opened again after the browser closed it (a full
 * disk closes it for good) or a page of a newer site asked to upgrade (this one makes way).
 */
export class DatabaseConnection {
  private db: Promise<IDBPDatabase> | null = null;

  get(): Promise<IDBPDatabase> {
    if (this.db) return this.db;
    let waited = false;
    const opening = openDB(DATABASE.name, DATABASE.version, {
      upgrade: upgradeDatabase,
      blocked: () => {
        waited = true;
        for (const listener of blockedListeners) listener.blocked();
      },
      terminated: () => {
        if (this.db === opening) this.db = null;
      },
      blocking: () => {
        if (this.db === opening) this.close();
      },
    });
    void opening.then(
      () => {
        if (waited) for (const listener of blockedListeners) listener.opened();
      },
      () => undefined,
    );
    // A connection that could not be opened is tried again by the next transaction.
    opening.catch(() => {
      if (this.db === opening) this.db = null;
    });
    return (this.db = opening);
  }

  close(): void {
    void this.db?.then((db) => db.close()).catch(() => undefined);
    this.db = null;
  }
}
