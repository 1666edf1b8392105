import { createHash, hash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoadBookConfig } from '../model.ts';
import { withoutText, withText, type EntryJob, type EntryOutcome, type TextlessOutcome } from './parse-entries.ts';

/**
 * What reading each entry gave, kept between runs by digest: the digest covers the entry's
 * text, its file and version, the version's assets, the whole configuration and the code of
 * roadbook itself (its core and its package.json, so its libraries' versions), so a cached
 * outcome is exactly what reading the file again would give.
 * The entry's text is not stored (it is read anyway to compute the digest). The body's page
 * HTML, made from the same parse, is kept in a second file by the same digests: `check` never
 * reads it (nor renders), only a render that needs a body does. An entry `check` read is kept
 * without HTML; a run that renders reads it again, to render it in the same pass.
 */
export class EntryCache {
  readonly #file: string;
  readonly #salt: string;
  readonly #entries: Map<string, Stored>;
  /** Keys used by the current run; the others are dropped when it saves. */
  #used = new Set<string>();
  /**
   * The last key taken for each file, with what it was taken of: a run asks for a job's key
   * twice when the cache lacks it (`get`, then `set`), and the dev preview, whose unchanged
   * files give the very same text (text-file.ts), once per file on every refresh.
   */
  readonly #keys = new Map<string, { parts: string[]; key: string }>();
  #dirty = false;
  /** The bodies' HTML by key, once the file of bodies has been read. */
  #bodies: Promise<Map<string, string>> | null = null;
  /** Bodies rendered by this run, not yet in the file of bodies. */
  #newBodies = new Map<string, string>();
  /** The write under way, if any (see `save`). */
  #saving: Promise<void> = Promise.resolve();
  /** A save asked for by `saveLater`, not yet started. */
  #later: ReturnType<typeof setTimeout> | undefined;

  private constructor(file: string, salt: string, entries: Map<string, Stored>) {
    this.#file = file;
    this.#salt = salt;
    this.#entries = entries;
  }

  /**
   * Opens the cache file (a missing or unreadable one is an empty cache) for one run. In a
   * long-lived process (the dev preview) the cache stays in memory between runs.
   */
  static async open(file: string, config: RoadBookConfig): Promise<EntryCache> {
    const salt = digest([await readerDigest(), JSON.stringify(config)]);
    const open = opened.get(file);
    if (open && open.#salt === salt) {
      // A save `saveLater` left pending is this run's to make: the cache stays dirty.
      clearTimeout(open.#later);
      open.#used = new Set();
      return open;
    }
    let entries = new Map<string, Stored>();
    try {
      const saved = JSON.parse(await readFile(file, 'utf8')) as SavedCache;
      if (saved.salt === salt) entries = new Map(Object.entries(saved.entries));
    } catch {
      // No cache yet, or one from an interrupted run: start empty.
    }
    const cache = new EntryCache(file, salt, entries);
    opened.set(file, cache);
    return cache;
  }

  /** The outcome kept for `job`; with `rendered`, only if its body's HTML is kept too. */
  get(job: EntryJob, rendered = false): EntryOutcome | undefined {
    const key = this.#key(job);
    const stored = this.#entries.get(key);
    if (!stored || (rendered && !stored.rendered)) return undefined;
    this.#used.add(key);
    return restore(stored, job.text);
  }

  set(job: EntryJob, outcome: EntryOutcome): void {
    const key = this.#key(job);
    this.#entries.set(key, strip(outcome));
    const html = outcome.parsed?.bodyHtml;
    if (html != null) this.#newBodies.set(key, html);
    this.#used.add(key);
    this.#dirty = true;
  }

  /** The page HTML (with its slots) of the body of `job` as a run read it, if it is kept. */
  async bodyHtml(job: EntryJob): Promise<string | undefined> {
    const key = this.#key(job);
    return this.#newBodies.get(key) ?? (await this.#readBodies()).get(key);
  }

  /**
   * Keeps what this run used (entries no longer in the road book drop out) and writes it,
   * atomically, when anything changed. The file of bodies is written again only when this
   * run rendered bodies.
   */
  async save(): Promise<void> {
    clearTimeout(this.#later);
    // What this run used and rendered, taken now: a later run may open the cache meanwhile.
    const used = this.#used;
    const fresh = this.#newBodies;
    this.#newBodies = new Map();
    for (const key of this.#entries.keys()) {
      if (!used.has(key)) {
        this.#entries.delete(key);
        this.#dirty = true;
      }
    }
    const dirty = this.#dirty;
    this.#dirty = false;
    const saving = this.#saving.then(async () => {
      if (fresh.size > 0) {
        const bodies = await this.#readBodies();
        for (const [key, html] of fresh) bodies.set(key, html);
        for (const key of bodies.keys()) if (!used.has(key)) bodies.delete(key);
        await writeAtomically(bodiesFile(this.#file), { salt: this.#salt, bodies: Object.fromEntries(bodies) });
      }
      if (!dirty) return;
      const saved: SavedCache = { salt: this.#salt, entries: Object.fromEntries(this.#entries) };
      await writeAtomically(this.#file, saved);
    });
    // One write at a time (they share a temporary file); a failed one does not stop the next.
    this.#saving = saving.catch(() => undefined);
    await saving;
  }

  /**
   * `save()` a moment from now, for a long-lived process: the dev preview's page waits for
   * the read, not for the cache, whose two files are tens of megabytes of JSON at 10,000
   * entries. A run that opens the cache before then saves it itself (`open` cancels this).
   */
  saveLater(): void {
    clearTimeout(this.#later);
    this.#later = setTimeout(() => void this.save().catch(() => undefined), SAVE_LATER_MS);
    this.#later.unref?.();
  }

  #readBodies(): Promise<Map<string, string>> {
    this.#bodies ??= readFile(bodiesFile(this.#file), 'utf8').then(
      (text) => {
        const saved = JSON.parse(text) as SavedBodies;
        return new Map(saved.salt === this.#salt ? Object.entries(saved.bodies) : []);
      },
      () => new Map<string, string>(),
    );
    return this.#bodies;
  }

  #key(job: EntryJob): string {
    const parts = [job.file, job.version, job.versionSlug, job.assets.join('\n'), job.text];
    const known = this.#keys.get(job.file);
    if (known && known.parts.every((part, i) => part === parts[i])) return known.key;
    const key = digest(parts);
    this.#keys.set(job.file, { parts, key });
    return key;
  }
}

/** How long after a read of the dev preview its cache is written. */
const SAVE_LATER_MS = 2000;

/** The caches this process has open, by file. */
const opened = new Map<string, EntryCache>();

interface SavedCache {
  salt: string;
  entries: Record<string, Stored>;
}

interface SavedBodies {
  salt: string;
  bodies: Record<string, string>;
}

/** The file of bodies kept beside the entry cache `file` (its name the cache's, `.bodies.json`). */
export function bodiesFile(file: string): string {
  return `${file.replace(/\.json$/, '')}.bodies.json`;
}

export async function writeAtomically(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(value));
  await rename(temporary, file);
}

/** `rendered`: the body's HTML went to the file of bodies (an unusable entry has none to keep). */
type Stored = TextlessOutcome & { rendered: boolean };

function strip(outcome: EntryOutcome): Stored {
  const stored = withoutText(outcome);
  if (!stored.parsed) return { ...stored, rendered: true };
  return { ...stored, parsed: { ...stored.parsed, bodyHtml: null }, rendered: stored.parsed.bodyHtml !== null };
}

function restore({ rendered: _rendered, ...stored }: Stored, text: string): EntryOutcome {
  return withText(stored, text);
}

/** sha256 of the parts, each followed by a NUL; in one call (a hash object per entry costs more than the hashing). */
function digest(parts: string[]): string {
  return hash('sha256', `${parts.join('\0')}\0`);
}

let reader: Promise<string> | null = null;

/**
 * A digest of core's source files and of the package.json (the libraries' versions): a change
 * to how entries are read or rendered empties the cache.
 */
export function readerDigest(): Promise<string> {
  reader ??= (async () => {
    const core = fileURLToPath(new URL('..', import.meta.url));
    const files = (await readdir(core, { recursive: true }))
      .filter((f) => f.endsWith('.ts') || f.endsWith('.json'))
      .sort();
    const sum = createHash('sha256');
    const contents = await Promise.all(files.map((file) => readFile(join(core, file))));
    files.forEach((file, i) => sum.update(file).update(contents[i]!));
    sum.update(await readFile(new URL('../../../package.json', import.meta.url)));
    return sum.digest('hex');
  })();
  return reader;
}
