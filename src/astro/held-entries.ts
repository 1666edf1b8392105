import { unpackEntry, type EntryData, type StoredEntry } from './collections.ts';

/** An entry as the pages read it: its data and its rendered body, made when first asked for. */
export interface SiteEntry {
  data: EntryData;
  html: () => Promise<string>;
}

/** An item's HTML as Astro's store holds it. */
export interface RenderedHtml {
  html: string;
}

/**
 * An entry's HTML as the held entries take it: made already, or to be made when a page first
 * asks for it (what the loader gives, loader.ts).
 */
export type HeldBody = RenderedHtml | { later: () => Promise<string> };

/** What the loaders write to (loader.ts): the part of Astro's data store they use, offered by the held entries too. */
export interface EntryStore<R = RenderedHtml> {
  keys(): Iterable<string>;
  get(id: string): { digest?: string | number } | undefined;
  set(item: { id: string; data: Record<string, unknown>; digest: string; rendered?: R }): unknown;
  delete(id: string): void;
}

/**
 * The entries as the pages read them, held in memory by the integration's road book source
 * rather than in Astro's data store, in a build as in the dev preview. Astro's store is one
 * file, which a build bundles into the pages' code as one module and the dev preview
 * serialises whole after every edit and loads whole again: at 10,000 entries it was 32 MB, of
 * which the entries were all but 0.15. Without them a one-entry rebuild took 17.4 s instead
 * of 19.8 s (its content sync and Astro's bundling, 7.9 s before, 3.2 s after), a cold
 * build's peak memory was 1.76 GiB instead of 2.07, and an edit in the preview showed in
 * 0.6 s instead of 3.1 s. The pages run in the integration's process (the built pages'
 * chunks in a build, Vite's runnable environments in the preview), so they read the entries
 * from there (`heldEntries`). What changed since the last build is still told by Astro's
 * store, which keeps each entry's digest (loader.ts).
 *
 * An entry is unpacked once, when it is stored: the pages then read objects, not texts to
 * parse again on each edit. Each sync makes a new map and swaps it in at its end, so a page
 * rendered meanwhile reads the entries as they were before or after it, never half of each.
 */
export class HeldEntries implements EntryStore<HeldBody> {
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

  set({ id, data, digest, rendered }: Parameters<EntryStore<HeldBody>['set']>[0]): void {
    const entry = { data: unpackEntry(data as StoredEntry), html: bodyOf(rendered) };
    this.#pending().set(id, { digest, entry });
  }

  delete(id: string): void {
    this.#pending().delete(id);
  }

  all(): SiteEntry[] {
    return [...this.#current.values()].map(({ entry }) => entry);
  }

  #pending(): Map<string, { digest: string; entry: SiteEntry }> {
    if (!this.#next) throw new Error('roadbook: the held entries are changed outside a sync');
    return this.#next;
  }
}

/** The body's HTML when asked for, made once. */
function bodyOf(rendered: HeldBody | undefined): () => Promise<string> {
  if (!rendered) return () => Promise.resolve('');
  if ('html' in rendered) {
    const { html } = rendered;
    return () => Promise.resolve(html);
  }
  let made: Promise<string> | null = null;
  return () => (made ??= rendered.later());
}

/**
 * Where the integration leaves its entries for the pages: one site a process, as `roadbook
 * build` and `roadbook dev` run it. Not a module both import: the integration and the pages
 * see other instances of the same module (road-book-source.ts says why).
 */
const HELD_ENTRIES = Symbol.for('roadbook.held-entries');

export function publishHeldEntries(entries: HeldEntries): void {
  (globalThis as { [HELD_ENTRIES]?: HeldEntries })[HELD_ENTRIES] = entries;
}

/** The entries the integration of this process holds, once its `astro:config:setup` ran. */
export function heldEntries(): HeldEntries {
  const entries = (globalThis as { [HELD_ENTRIES]?: HeldEntries })[HELD_ENTRIES];
  if (!entries) throw new Error('roadbook: the pages are rendered without the roadbook() integration');
  return entries;
}
