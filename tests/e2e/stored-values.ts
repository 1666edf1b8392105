/**
 * Reading and writing, from the test, what the checklist page keeps in the browser: the
 * IndexedDB database named in core/run/storage-keys.ts (DATABASE), opened in the page itself
 * with the plain IndexedDB API.
 */
import type { Page } from 'playwright-core';
import { DATABASE } from '../../src/core/run/storage-keys.ts';

type Area = 'values' | 'journal';

/** Every key and text of an area of the page's database (empty when the page never opened it). */
export function storedValues(page: Page, area: Area = 'values'): Promise<Record<string, string>> {
  return page.evaluate(
    ([name, store]) =>
      new Promise<Record<string, string>>((done, fail) => {
        const open = indexedDB.open(name!);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store!)) {
            db.close();
            done({});
            return;
          }
          const tx = db.transaction(store!, 'readonly');
          const keys = tx.objectStore(store!).getAllKeys();
          const values = tx.objectStore(store!).getAll();
          tx.oncomplete = () => {
            db.close();
            done(Object.fromEntries(keys.result.map((k, i) => [String(k), String(values.result[i])])));
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    [DATABASE.name, DATABASE[area]],
  );
}

/** Writes a text under a key of the page's database (as a damaged or foreign value would be). */
export function putStoredValue(page: Page, key: string, value: string): Promise<void> {
  return page.evaluate(
    ([name, store, k, v]) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open(name!);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store!, 'readwrite');
          tx.objectStore(store!).put(v, k);
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    [DATABASE.name, DATABASE.values, key, value],
  );
}
