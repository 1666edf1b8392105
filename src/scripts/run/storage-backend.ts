/**
 * Where the checklist page's values physically live: IndexedDB (one database for the origin,
 * see DATABASE in core/run/storage-keys.ts), or localStorage where IndexedDB cannot be opened.
 * Both hold the same keys and texts, in two areas: `values` (runs, processes, tester,
 * backups) and `journal` (pending-change entries). Every IndexedDB transaction is opened with
 * `durability: 'strict'`: a write is confirmed only once the browser has it on disk.
 *
 * On first start with IndexedDB, values this road book kept in localStorage are copied in;
 * the localStorage keys are removed only after the copy's transaction is complete. A copy that
 * fails leaves them in place and the page keeps using localStorage.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { DATABASE, isJournalKey } from '../../core/run/storage-keys.ts';
import { DatabaseConnection } from './database.ts';

export type Area = 'values' | 'journal';

/** Key → new text, or null to delete. */
export type Writes = ReadonlyMap<string, string | null>;

export interface ValueBackend {
  readonly kind: 'indexeddb' | 'localstorage';
  /** Every key of `area` starting with `prefix`, with its text. */
  entries(area: Area, prefix: string): Promise<Map<string, string>>;
  get(area: Area, key: string): Promise<string | null>;
  /**
   * One atomic write: `decide` is given the text `key` holds now and returns every write to
   * make (of `area`). Resolves once durable; rejects with the browser's error (nothing written).
   */
  update(area: Area, key: string, decide: (current: string | null) => Writes): Promise<void>;
  write(area: Area, writes: Writes): Promise<void>;
}

/**
 * The database through one connection at a time. The browser closes a connection itself when a
 * write could not reach the disk (no space left): the transaction after that opens a new one,
 * so once space is back a retry is written instead of failing on a closed connection forever.
 */
class IndexedDbBackend implements ValueBackend {
  readonly kind = 'indexeddb';
  private readonly database = new DatabaseConnection();

  /** The backend with its first connection open, or null when IndexedDB cannot be opened. */
  static async open(): Promise<IndexedDbBackend | null> {
    const backend = new IndexedDbBackend();
    try {
      await backend.connection();
      return backend;
    } catch {
      return null;
    }
  }

  private connection(): Promise<IDBPDatabase> {
    return this.database.get();
  }

  private async reading(area: Area) {
    return handled((await this.connection()).transaction(this.store(area), 'readonly'));
  }

  private async writing(area: Area): Promise<ReadWrite> {
    return handled((await this.connection()).transaction(this.store(area), 'readwrite', { durability: 'strict' }));
  }

  close(): void {
    this.database.close();
  }

  private store(area: Area): string {
    return area === 'values' ? DATABASE.values : DATABASE.journal;
  }

  async entries(area: Area, prefix: string): Promise<Map<string, string>> {
    // Keys starting with prefix: from prefix up to prefix followed by the highest code unit.
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const tx = await this.reading(area);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
    await tx.done;
    return new Map(keys.map((k, i) => [String(k), String(values[i])]));
  }

  async get(area: Area, key: string): Promise<string | null> {
    const tx = await this.reading(area);
    const value: unknown = await tx.store.get(key);
    return typeof value === 'string' ? value : null;
  }

  async update(area: Area, key: string, decide: (current: string | null) => Writes): Promise<void> {
    const tx = await this.writing(area);
    const current: unknown = await tx.store.get(key);
    await commit(tx, () => requests(tx.store, decide(typeof current === 'string' ? current : null)));
  }

  async write(area: Area, writes: Writes): Promise<void> {
    const tx = await this.writing(area);
    await commit(tx, () => requests(tx.store, writes));
  }
}

type ReadWrite = IDBPTransaction<unknown, [string], 'readwrite'>;

/**
 * A transaction whose abort is not also reported as an unhandled rejection: when a closed
 * connection aborts it, its request's rejection reaches the caller first and `done` is never
 * awaited.
 */
function handled<T extends IDBPTransaction<unknown, [string], IDBTransactionMode>>(tx: T): T {
  tx.done.catch(() => undefined);
  return tx;
}

function requests(store: ReadWrite['store'], writes: Writes): Promise<unknown>[] {
  return [...writes].map(([k, v]) => (v === null ? store.delete(k) : store.put(v, k)));
}

/**
 * Makes the transaction's requests and waits for it to complete. Anything thrown while making
 * them aborts it, so a transaction is never committed half made; a refused transaction rejects
 * with its own error (QuotaExceededError), not with the AbortError of its requests.
 */
async function commit(tx: ReadWrite, make: () => Promise<unknown>[]): Promise<void> {
  let made: Promise<unknown>[];
  try {
    made = make();
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  const settled = Promise.allSettled(made);
  await tx.done;
  await settled;
}

class LocalStorageBackend implements ValueBackend {
  readonly kind = 'localstorage';
  private readonly storage: Storage;
  constructor(storage: Storage) {
    this.storage = storage;
  }

  entries(area: Area, prefix: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(prefix) || isJournalKey(prefix, key) !== (area === 'journal')) continue;
      const value = this.storage.getItem(key);
      if (value !== null) out.set(key, value);
    }
    return Promise.resolve(out);
  }

  get(_area: Area, key: string): Promise<string | null> {
    return Promise.resolve(this.storage.getItem(key));
  }

  update(area: Area, key: string, decide: (current: string | null) => Writes): Promise<void> {
    return this.write(area, decide(this.storage.getItem(key)));
  }

  write(_area: Area, writes: Writes): Promise<void> {
    try {
      for (const [k, v] of writes) {
        if (v === null) this.storage.removeItem(k);
        else this.storage.setItem(k, v);
      }
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function localStorageOrNull(): Storage | null {
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

/** Copies this road book's localStorage values into IndexedDB; the old keys go once the copy is on disk. */
async function migrate(local: Storage, backend: IndexedDbBackend, prefix: string): Promise<boolean> {
  const old = await new LocalStorageBackend(local).entries('values', prefix);
  const journal = await new LocalStorageBackend(local).entries('journal', prefix);
  if (old.size + journal.size === 0) return true;
  try {
    const existing = await backend.entries('values', prefix);
    // A value already in IndexedDB was written after the copy began: it is the newer one.
    await backend.write('values', new Map([...old].filter(([k]) => !existing.has(k))));
    await backend.write('journal', journal);
  } catch {
    return false;
  }
  for (const key of [...old.keys(), ...journal.keys()]) local.removeItem(key);
  return true;
}

/** IndexedDB (with this road book's localStorage values moved in), else localStorage, else null. */
export async function openBackend(prefix: string): Promise<ValueBackend | null> {
  const local = localStorageOrNull();
  const backend = typeof indexedDB === 'undefined' ? null : await IndexedDbBackend.open();
  if (backend) {
    if (!local || (await migrate(local, backend, prefix))) return backend;
    backend.close();
  }
  return local ? new LocalStorageBackend(local) : null;
}
