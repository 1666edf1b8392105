import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import pLimit from 'p-limit';

/**
 * Whether a file or folder under content/versions is hidden: its name starts with a dot
 * (`.DS_Store`, the `._x.md` that macOS leaves on shares, `.gitkeep`). The one place this
 * rule lives: hidden files are never entries, assets nor unexpected files, and a hidden
 * folder is never read.
 */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** Files read at once: enough to keep the disk busy, far below the limit of open files. */
const reading = pLimit(64);

/**
 * Reads content files. A long-lived process (the dev preview) keeps one of these with
 * `remember`: a file whose modification time and size are unchanged is not read again,
 * so a refresh after one edit costs a `stat` per file. That `stat` is synchronous: at 10,000
 * entries fs/promises' stat (a thread-pool round trip and a promise each, behind the limit)
 * took a third of a second of every refresh; only the files that changed are read asynchronously.
 */
export class SourceFiles {
  readonly #remember: boolean;
  readonly #known = new Map<string, { mtimeMs: number; size: number; bytes: Uint8Array }>();

  constructor(remember = false) {
    this.#remember = remember;
  }

  read(path: string): Promise<Uint8Array> {
    // A one-off run (check, build) reads its files synchronously: for thousands of small files
    // a sixth of the work of fs/promises (its open, stat, read and close each a round trip to
    // the thread pool), and such a run has nothing else for this thread to do meanwhile. A
    // long-lived process keeps answering while it reads.
    if (!this.#remember) return new Promise((resolve) => resolve(readFileSync(path)));
    const known = this.#known.get(path);
    let unchanged: boolean;
    try {
      const now = known && statSync(path);
      unchanged = !!now && now.mtimeMs === known.mtimeMs && now.size === known.size;
    } catch (error) {
      return Promise.reject(error as Error);
    }
    if (unchanged) return Promise.resolve(known!.bytes);
    return reading(async () => {
      const { mtimeMs, size } = await stat(path);
      const bytes = await readFile(path);
      this.#known.set(path, { mtimeMs, size, bytes });
      return bytes;
    });
  }
}
