/**
 * The files testers attach to items, kept in the checklist page's IndexedDB database (the
 * `evidence` store of DATABASE, core/run/storage-keys.ts) beside the runs: each under
 * [storage prefix, run id, item id, attachment id], holding the attachment's record
 * (core/run/evidence.ts) and its bytes as a Blob. The prefix keeps the files of two road
 * books served from one origin apart, as it keeps their runs.
 *
 * Every write is `durability: 'strict'` and says how it went: a refused write (storage full,
 * private mode, no IndexedDB) comes back as `{ ok: false, reason }`, never as an exception
 * lost on the way, so the page can tell the tester at once and keep what the item had.
 */
import type { IDBPDatabase } from 'idb';
import type { Attachment } from '../../core/run/evidence.ts';
import { DATABASE } from '../../core/run/storage-keys.ts';
import { DatabaseConnection } from './database.ts';

/** One stored file: where it belongs, its record and its bytes. */
export interface StoredEvidence {
  run: string;
  item: string;
  attachment: Attachment;
  blob: Blob;
}

export type EvidenceWrite = { ok: true } | { ok: false; reason: string };

type Key = [prefix: string, run: string, item: string, id: string];

function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Keys from `start` up to every key that begins with it (an array sorts after any string). */
function under(...start: string[]): IDBKeyRange {
  return IDBKeyRange.bound(start, [...start, []]);
}

function isStored(value: unknown): value is StoredEvidence {
  const v = value as StoredEvidence | undefined;
  return !!v && typeof v.run === 'string' && typeof v.item === 'string' && !!v.attachment && v.blob instanceof Blob;
}

export class EvidenceStore {
  readonly prefix: string;
  private readonly database = new DatabaseConnection();

  private constructor(prefix: string) {
    this.prefix = prefix;
  }

  /** The store of the road book whose storage prefix is `prefix`; null where IndexedDB cannot be opened. */
  static async open(prefix: string): Promise<EvidenceStore | null> {
    if (typeof indexedDB === 'undefined') return null;
    const store = new EvidenceStore(prefix);
    try {
      await store.connection();
      return store;
    } catch {
      return null;
    }
  }

  private connection(): Promise<IDBPDatabase> {
    return this.database.get();
  }

  private key(run: string, item: string, id: string): Key {
    return [this.prefix, run, item, id];
  }

  /** Keeps a file; resolves once the browser has it on disk, or with the reason it refused. */
  async put(run: string, item: string, attachment: Attachment, blob: Blob): Promise<EvidenceWrite> {
    const value: StoredEvidence = { run, item, attachment, blob };
    try {
      const tx = (await this.connection()).transaction(DATABASE.evidence, 'readwrite', { durability: 'strict' });
      const put = tx.store.put(value, this.key(run, item, attachment.id));
      await Promise.all([put, tx.done]);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  }

  async get(run: string, item: string, id: string): Promise<StoredEvidence | null> {
    const value: unknown = await (await this.connection()).get(DATABASE.evidence, this.key(run, item, id));
    return isStored(value) ? value : null;
  }

  async delete(run: string, item: string, id: string): Promise<EvidenceWrite> {
    try {
      const tx = (await this.connection()).transaction(DATABASE.evidence, 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.delete(this.key(run, item, id)), tx.done]);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  }

  /** The files of one item, or of every item of a run, in the order they were attached. */
  async list(run: string, item?: string): Promise<StoredEvidence[]> {
    const range = item === undefined ? under(this.prefix, run) : under(this.prefix, run, item);
    const values: unknown[] = await (await this.connection()).getAll(DATABASE.evidence, range);
    return values.filter(isStored).sort((a, b) => a.attachment.added.localeCompare(b.attachment.added));
  }

  /** Removes every file of a run (the run was deleted). */
  async deleteRun(run: string): Promise<EvidenceWrite> {
    try {
      const tx = (await this.connection()).transaction(DATABASE.evidence, 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.delete(under(this.prefix, run)), tx.done]);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  }
}

/** One store per road book, shared by everything on the page that reads or writes files. */
const shared = new Map<string, Promise<EvidenceStore | null>>();

/** The page's store of the road book whose storage prefix is `prefix` (opened once). */
export function evidenceStore(prefix: string): Promise<EvidenceStore | null> {
  let store = shared.get(prefix);
  if (!store) shared.set(prefix, (store = EvidenceStore.open(prefix)));
  return store;
}
