/**
 * The road book's data files as the browser loads them: /data/index.json once, then only the
 * per-version files a path needs (planPath names them), each fetched once and kept in memory.
 * The files of the path the page address asks for start loading as soon as the index is in:
 * the page's own setup (opening its stored runs) then overlaps their download.
 *
 * The index and each version's file are read gzipped (`index.json.gz`, a fifteenth of the
 * bytes at 10,000 entries; `<slug>.json.gz`, a fifth) and unpacked with
 * the browser's own DecompressionStream; a host that sends it with `Content-Encoding: gzip`
 * has the browser unpack it already, so the bytes say which it is (JSON never starts with
 * gzip's 1f 8b).
 *
 * The files download side by side but are read (unpacked, parsed) one at a time, in the order
 * they were asked for, which is path order: the first version of a long path is read first
 * instead of sharing the page's thread with the hundred others that come in meanwhile.
 */
import { planPath } from '../../core/checklist/index.ts';
import type { DataIndex } from '../../core/data-files.ts';
import { requestFromParams } from '../../core/run/request.ts';
import { dataIndexGzipUrl, versionDataGzipUrl } from '../../core/urls.ts';
import { unpackVersionFile, type LoadedVersion, type VersionFile } from '../../core/version-file.ts';

export class DataFiles {
  readonly base: string;
  private indexPromise: Promise<DataIndex> | null = null;
  private readonly files = new Map<string, Promise<LoadedVersion>>();
  /** The file being read: the next one is read after it. */
  private reading: Promise<unknown> = Promise.resolve();

  constructor(base: string) {
    this.base = base;
  }

  index(): Promise<DataIndex> {
    this.indexPromise ??= fetchOk(dataIndexGzipUrl(this.base))
      .then(async (response) => (await readGzipJson(response)) as DataIndex)
      .then(
        (index) => {
          this.prefetch(index, location.search);
          return index;
        },
        (error: unknown) => {
          this.indexPromise = null;
          throw error;
        },
      );
    return this.indexPromise;
  }

  /** Starts loading the version files of the path `search` asks for, if it names a possible one. */
  private prefetch(index: DataIndex, search: string): void {
    const asked = requestFromParams(new URLSearchParams(search));
    if (!asked) return;
    // The versions on a path depend on from and to alone.
    const plan = planPath({ ...index, includeDrafts: includesDrafts(index) }, { from: asked.from, to: asked.to });
    if (plan.ok) this.versions(plan.versions.map((v) => v.slug)).catch(() => undefined);
  }

  /**
   * The files of these versions, read back, by slug; all are asked for at once (the server
   * sends them side by side); a failed fetch is retried on the next call. `onPrefix` is told
   * each time the files read so far, from the first of `slugs` on without a gap, grow: a page
   * can show the start of a long path before its last files are in.
   */
  async versions(
    slugs: readonly string[],
    onPrefix?: (loaded: ReadonlyMap<string, LoadedVersion>) => void,
  ): Promise<Map<string, LoadedVersion>> {
    const promises = slugs.map((slug) => this.file(slug));
    if (onPrefix) void this.followPrefix(slugs, promises, onPrefix);
    const loaded = await Promise.all(promises);
    return new Map(slugs.map((slug, i) => [slug, loaded[i]!]));
  }

  private file(slug: string): Promise<LoadedVersion> {
    let promise = this.files.get(slug);
    if (!promise) {
      const response = fetchOk(versionDataGzipUrl(this.base, slug));
      // A failed download is told when its turn comes, not as an unhandled rejection before.
      response.catch(() => undefined);
      const read = async () => unpackVersionFile((await readGzipJson(await response)) as VersionFile);
      promise = this.reading.then(read, read);
      this.reading = promise.catch(() => undefined);
      this.files.set(slug, promise);
      promise.catch(() => this.files.delete(slug));
    }
    return promise;
  }

  /** Tells `onPrefix` of the files in `slugs` order as they come; stops at the first that fails. */
  private async followPrefix(
    slugs: readonly string[],
    promises: readonly Promise<LoadedVersion>[],
    onPrefix: (loaded: ReadonlyMap<string, LoadedVersion>) => void,
  ): Promise<void> {
    const loaded = new Map<string, LoadedVersion>();
    for (const [i, promise] of promises.entries()) {
      try {
        loaded.set(slugs[i]!, await promise);
      } catch {
        return;
      }
      onPrefix(loaded);
    }
  }
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** The JSON of a response holding it gzipped, or already unpacked by the browser on the way. */
export async function readGzipJson(response: Response): Promise<unknown> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  const unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return (await new Response(unpacked).json()) as unknown;
}

/** Drafts are in the data only when the site was built with them: they can then be a target. */
export function includesDrafts(index: Pick<DataIndex, 'versions'>): boolean {
  return index.versions.some((v) => v.status === 'draft');
}
