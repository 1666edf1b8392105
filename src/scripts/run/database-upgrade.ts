/**
 * The shape of the checklist page's IndexedDB database (DATABASE in core/run/storage-keys.ts),
 * made by one upgrade function that every connection opens with, so the run store and the
 * evidence store agree on it whichever opens first. Each version only adds what it lacks:
 * an upgrade never clears the runs, the journal or the evidence already kept.
 */
import type { IDBPDatabase } from 'idb';
import { DATABASE } from '../../core/run/storage-keys.ts';

export function upgradeDatabase(db: IDBPDatabase): void {
  if (!db.objectStoreNames.contains(DATABASE.values)) db.createObjectStore(DATABASE.values);
  if (!db.objectStoreNames.contains(DATABASE.journal)) db.createObjectStore(DATABASE.journal);
  // Version 2: attached files, keyed by [storage prefix, run id, item id, attachment id].
  if (!db.objectStoreNames.contains(DATABASE.evidence)) db.createObjectStore(DATABASE.evidence);
}
