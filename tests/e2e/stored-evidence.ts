/**
 * What the checklist page keeps in its evidence store (src/scripts/run/evidence-store.ts), read
 * from the test with the plain IndexedDB API in the page itself.
 */
import type { Page } from 'playwright-core';
import type { Attachment } from '../../src/core/run/evidence.ts';
import { DATABASE } from '../../src/core/run/storage-keys.ts';

export interface StoredFile {
  key: unknown[];
  run: string;
  item: string;
  attachment: Attachment;
  size: number;
  type: string;
}

/** What the page's database holds in its evidence store. */
export function storedFiles(page: Page): Promise<StoredFile[]> {
  return page.evaluate(
    ([name, store]) =>
      new Promise<StoredFile[]>((done, fail) => {
        const open = indexedDB.open(name!);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store!, 'readonly');
          const keys = tx.objectStore(store!).getAllKeys();
          const values = tx.objectStore(store!).getAll();
          tx.oncomplete = () => {
            db.close();
            done(
              values.result.map((v, i) => ({
                key: keys.result[i] as unknown[],
                run: v.run,
                item: v.item,
                attachment: v.attachment,
                size: (v.blob as Blob).size,
                type: (v.blob as Blob).type,
              })),
            );
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    [DATABASE.name, DATABASE.evidence],
  );
}
