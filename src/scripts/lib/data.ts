/**
 * The road book's data files as the browser loads them: /data/index.json once, then only the
 * per-version files a path needs (planPath names them), each fetched once and kept in memory.
 */
import type { DataIndex } from '../../core/data-files.ts';
import { dataIndexUrl, versionDataUrl } from '../../core/urls.ts';
import { unpackVersionFile, type LoadedVersion, type VersionFile } from '../../core/version-file.ts';

export class DataFiles {
  readonly base: string;
  private indexPromise: Promise<DataIndex> | null = null;
  private readonly files = new Map<string, Promise<LoadedVersion>>();

  constructor(base: string) {
    this.base = base;
  }

  index(): Promise<DataIndex> {
    this.indexPromise ??= getJson<DataIndex>(dataIndexUrl(this.base)).catch((error: unknown) => {
      this.indexPromise = null;
      throw error;
    });
    return this.indexPromise;
  }

  /**
   * The files of these versions, read back, by slug; all are asked for at once (the server
   * sends them side by side); a failed fetch is retried on the next call.
   */
  async versions(slugs: readonly string[]): Promise<Map<string, LoadedVersion>> {
    const loaded = await Promise.all(
      slugs.map(async (slug) => {
        let promise = this.files.get(slug);
        if (!promise) {
          promise = getJson<VersionFile>(versionDataUrl(this.base, slug)).then(unpackVersionFile);
          this.files.set(slug, promise);
          promise.catch(() => this.files.delete(slug));
        }
        return [slug, await promise] as const;
      }),
    );
    return new Map(loaded);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Drafts are in the data only when the site was built with them: they can then be a target. */
export function includesDrafts(index: Pick<DataIndex, 'versions'>): boolean {
  return index.versions.some((v) => v.status === 'draft');
}
