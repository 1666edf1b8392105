/**
 * The site's search index, made with pagefind's Node API while Astro writes the pages rather
 * than after: pagefind runs as a process of its own (the machine's other core), and each
 * entry page is handed to it as soon as it is rendered. Only the entry pages are indexed
 * (their article is marked `data-pagefind-body`), with their version / module / type
 * filters, in the interface language.
 *
 * The index must not depend on the order in which pages come: pagefind numbers pages in the
 * order they are first added and writes those numbers into its files, and a rebuild renders
 * only the pages that changed. So every entry page first gets its place, in the road book's
 * order: the page itself when it is kept from the last site (read from there, the other core
 * parses it while Astro works), an empty page otherwise. A page added again under the same
 * path replaces the first in its place (pagefind's rule for a file indexed twice), and an
 * empty page that stayed empty is left out of the index. A cold build and a rebuild thus
 * give the same files.
 *
 * Taking the places is one request after the other, and while Astro renders each answer waits
 * for a page to be done: the places are taken over most of the rendering. A page rendered
 * meanwhile is not kept in memory until then (at 10,000 entries, hundreds of MB of HTML and of
 * its messages to pagefind, on top of Astro's own peak): only its path is, and its HTML is read
 * back from the site once Astro has written it, when the index is written.
 *
 * pagefind has no way to update an index it wrote (its index files are numbered and chunked
 * over the whole site, https://github.com/Pagefind/pagefind/issues/71): a rebuild indexes
 * every entry page again, the kept ones from the last site's files.
 */
import type { PagefindIndex } from 'pagefind';

/** A page's place before its HTML comes: no body, so pagefind indexes nothing of it. */
const PLACEHOLDER = '<html><body></body></html>';

export interface SiteIndexPlan {
  /** The interface language: every page is indexed as written in it. */
  language: string;
  /** The indexed pages (paths in the site, `/` separated), in the road book's order. */
  pages: readonly string[];
  /** The HTML of a page kept from the last site, as this build publishes it; null when it is rendered. */
  kept: (path: string) => Promise<string> | null;
}

type Pagefind = typeof import('pagefind');

/** How many kept pages are read ahead of pagefind. */
const READ_AHEAD = 16;

/**
 * How many pages read back from the site are with pagefind at once: enough for its process to
 * work on several while the next are read (their HTML and messages, a few MB, are in memory).
 */
const READ_BACK = 128;

/** Reads a rendered page back from the site Astro wrote (path in the site, `/` separated). */
export type ReadBuilt = (path: string) => Promise<string>;

/** A kept page's HTML, null for a rendered one, or what stopped it from being read. */
function readKept(kept: SiteIndexPlan['kept'], path: string): Promise<string | null | Error> {
  return (
    kept(path)?.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))) ??
    Promise.resolve(null)
  );
}

/** The indexes being made: a build that fails stops their pagefind (`closeSiteIndexes`). */
const opened = new Set<SiteIndex>();

/** Stops the indexing of a build that failed. */
export async function closeSiteIndexes(): Promise<void> {
  await Promise.all([...opened].map((index) => index.close()));
}

export class SiteIndex {
  readonly #pagefind: Pagefind;
  readonly #index: PagefindIndex;
  readonly #pages: ReadonlySet<string>;
  /** Every request sent, in order: the places first, then the rendered pages. */
  readonly #sent: Promise<unknown>[] = [];
  readonly #errors: string[] = [];
  /** The pages given their HTML, kept or rendered: every indexed page must be. */
  readonly #filled = new Set<string>();
  /** Rendered while the places were being taken: read back from the site by `write`. */
  readonly #deferred: string[] = [];
  #placed = false;
  #closed = false;

  private constructor(pagefind: Pagefind, index: PagefindIndex, pages: readonly string[]) {
    this.#pagefind = pagefind;
    this.#index = index;
    this.#pages = new Set(pages);
  }

  /** Starts pagefind and gives every page its place (see above); pages may be added at once. */
  static async open(plan: SiteIndexPlan): Promise<SiteIndex> {
    // Loaded only to index: every CLI command imports the integration (through build and dev).
    const pagefind = await import('pagefind');
    const created = await pagefind.createIndex({ forceLanguage: plan.language });
    if (!created.index) {
      await pagefind.close();
      throw new Error(`pagefind failed creating the search index: ${created.errors.join('; ')}`);
    }
    const site = new SiteIndex(pagefind, created.index, plan.pages);
    site.#sent.push(site.#reserve(plan).then(() => (site.#placed = true)));
    opened.add(site);
    return site;
  }

  /**
   * Indexes a rendered page (one of the plan's pages) in its place. `html` is asked for at once
   * when the places are taken; before that it is not asked for, and the page is read back
   * from the written site by `write` (see above).
   */
  add(path: string, html: () => Promise<string>): void {
    this.#filled.add(path);
    if (!this.#placed) {
      this.#deferred.push(path);
      return;
    }
    this.#sent.push(
      html().then(
        (text) => this.#addHtml(path, text),
        (error: unknown) => this.#failed(path, error),
      ),
    );
  }

  /**
   * Writes the index and pagefind's interface files into `outputPath`, once Astro has written
   * every page (`built` reads those rendered while the places were taken); the number of
   * pages indexed.
   */
  async write(outputPath: string, built: ReadBuilt): Promise<number> {
    try {
      await Promise.all(this.#sent);
      await this.#readBack(built);
      const missing = [...this.#pages].filter((path) => !this.#filled.has(path));
      if (missing.length)
        this.#errors.push(`${missing.length} pages were never rendered: ${missing.slice(0, 3).join(', ')}`);
      if (this.#errors.length) throw new Error(`pagefind failed indexing the pages: ${this.#errors.join('; ')}`);
      const written = await this.#index.writeFiles({ outputPath });
      if (written.errors.length)
        throw new Error(`pagefind failed writing the search index: ${written.errors.join('; ')}`);
      return this.#pages.size;
    } finally {
      await this.close();
    }
  }

  /** Stops pagefind (a failed build closes it without writing). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    opened.delete(this);
    await this.#pagefind.close();
  }

  /**
   * One page after the other, in order: pagefind numbers a page when it is first added, and
   * requests sent at once are not taken in the order they were sent.
   */
  async #reserve({ pages, kept }: SiteIndexPlan): Promise<void> {
    // The kept pages are read a few ahead of pagefind, never all at once (memory).
    const ahead: Promise<string | null | Error>[] = [];
    let next = 0;
    for (const path of pages) {
      while (ahead.length < READ_AHEAD && next < pages.length) ahead.push(readKept(kept, pages[next++]!));
      const html = await ahead.shift()!;
      if (html instanceof Error) this.#failed(path, html);
      else if (html === null) await this.#addHtml(path, PLACEHOLDER);
      else {
        this.#filled.add(path);
        await this.#addHtml(path, html);
      }
    }
  }

  /** The deferred pages, read from the site and handed to pagefind a few at a time. */
  async #readBack(built: ReadBuilt): Promise<void> {
    const paths = this.#deferred.splice(0);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const html = await built(path).then(
          (text) => text,
          (error: unknown) => void this.#failed(path, error),
        );
        if (html !== undefined) await this.#addHtml(path, html);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_BACK, paths.length) }, lane));
  }

  #failed(path: string, error: unknown): void {
    this.#errors.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** Never rejects: what went wrong is said when the index is written. */
  async #addHtml(sourcePath: string, content: string): Promise<void> {
    try {
      const added = await this.#index.addHTMLFile({ sourcePath, content });
      this.#errors.push(...added.errors.map((error) => `${sourcePath}: ${error}`));
    } catch (error) {
      this.#failed(sourcePath, error);
    }
  }
}
