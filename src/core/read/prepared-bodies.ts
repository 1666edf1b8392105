import type { LinkSlots } from '../markdown/link-slots.ts';
import type { Entry } from '../model.ts';

/** An entry's page HTML as reading it rendered it: links to other pages are slots still. */
export interface PreparedBody {
  html: string;
  slots: LinkSlots;
}

/** Where an entry's prepared body is: in memory when this run read it, or to be read from the cache. */
export type BodySource = PreparedBody | (() => Promise<PreparedBody | undefined>);

/**
 * The bodies `check` rendered while reading the road book, for the render of the pages
 * (render.ts) to fill in rather than parse again. Held by the road book itself: the loaders
 * reach it through the book they are handed, in whichever module instance they run.
 */
export class PreparedBodies {
  readonly #sources = new Map<Entry, BodySource>();

  add(entry: Entry, source: BodySource): void {
    this.#sources.set(entry, source);
  }

  /** The prepared body of `entry`; undefined when there is none (it is then rendered anew). */
  async of(entry: Entry): Promise<PreparedBody | undefined> {
    const source = this.#sources.get(entry);
    return typeof source === 'function' ? source() : source;
  }
}
