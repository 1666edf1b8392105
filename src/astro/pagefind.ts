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
    site.#sent.push(site.#reserve(plan));
    opened.add(site);
    return site;
  }

  /** Indexes a rendered page (one of the plan's pages) in its place. */
  add(path: string, html: string): void {
    // After the places are taken: a page first added here would take another number.
    const places = this.#sent[0];
    this.#filled.add(path);
    this.#sent.push(places!.then(() => this.#addHtml(path, html)));
  }

  /** Writes the index and pagefind's interface files into `outputPath`; the number of pages indexed. */
  async write(outputPath: string): Promise<number> {
    try {
      await Promise.all(this.#sent);
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
      if (html instanceof Error) this.#errors.push(`${path}: ${html.message}`);
      else if (html === null) await this.#addHtml(path, PLACEHOLDER);
      else {
        this.#filled.add(path);
        await this.#addHtml(path, html);
      }
    }
  }

  /** Never rejects: what went wrong is said when the index is written. */
  async #addHtml(sourcePath: string, content: string): Promise<void> {
    try {
      const added = await this.#index.addHTMLFile({ sourcePath, content });
      this.#errors.push(...added.errors.map((error) => `${sourcePath}: ${error}`));
    } catch (error) {
      this.#errors.push(`${sourcePath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
