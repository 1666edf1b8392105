import { unpackEntry, type EntryData, type StoredEntry } from './collections.ts';

/** An entry as the pages read it: its data and its rendered body. */
export interface SiteEntry {
  data: EntryData;
  html: string;
}

/** What the entries' loader writes: the part of Astro's data store it uses (loader.ts). */
export interface EntryStore {
  keys(): Iterable<string>;
  get(id: string): { digest?: string | number } | undefined;
  set(item: { id: string; data: Record<string, unknown>; digest: string; rendered?: { html: string } }): unknown;
  delete(id: string): void;
}

/**
 * The dev preview's entries, held in memory by the integration's road book source rather
 * than in Astro's data store. Astro's store is one file, serialised whole after every sync
 * and loaded whole again by the pages' module runner: at 10,000 entries, 32 MB of which the
 * entries were all but 0.3, and about two seconds of every edit. The pages run in the same
 * process as the integration in the dev preview (Vite's runnable environments), so they
 * read these from there (`previewEntries`); a build stores the entries in Astro's store.
 *
 * An entry is unpacked once, when it is stored: the pages then read objects, not texts to
 * parse again on each edit. Each sync makes a new map and swaps it in at its end, so a page
 * rendered meanwhile reads the entries as they were before or after it, never half of each.
 */
export class PreviewEntries implements EntryStore {
  #current = new Map<string, { digest: string; entry: SiteEntry }>();
  #next: Map<string, { digest: string; entry: SiteEntry }> | null = null;

  /** Starts a sync: what it sets and deletes is seen once `commit()` is called. */
  begin(): this {
    this.#next = new Map(this.#current);
    return this;
  }

  commit(): void {
    if (this.#next) this.#current = this.#next;
    this.#next = null;
  }

  keys(): Iterable<string> {
    return this.#current.keys();
  }

  get(id: string): { digest: string } | undefined {
    return this.#current.get(id);
  }

  set({ id, data, digest, rendered }: Parameters<EntryStore['set']>[0]): void {
    const entry = { data: unpackEntry(data as StoredEntry), html: rendered?.html ?? '' };
    this.#pending().set(id, { digest, entry });
  }

  delete(id: string): void {
    this.#pending().delete(id);
  }

  all(): SiteEntry[] {
    return [...this.#current.values()].map(({ entry }) => entry);
  }

  #pending(): Map<string, { digest: string; entry: SiteEntry }> {
    if (!this.#next) throw new Error('roadbook: the preview entries are changed outside a sync');
    return this.#next;
  }
}

/** Where the dev preview's integration leaves its entries for the pages: one preview a process. */
const PREVIEW_ENTRIES = Symbol.for('roadbook.preview-entries');

export function publishPreviewEntries(entries: PreviewEntries): void {
  (globalThis as { [PREVIEW_ENTRIES]?: PreviewEntries })[PREVIEW_ENTRIES] = entries;
}

/** The dev preview's entries, or undefined in a build (they are in Astro's store then). */
export function previewEntries(): PreviewEntries | undefined {
  return (globalThis as { [PREVIEW_ENTRIES]?: PreviewEntries })[PREVIEW_ENTRIES];
}
