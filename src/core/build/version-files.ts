/**
 * The files of a version besides its page: its data file (`/data/versions/<slug>.json`) and
 * the downloads of its own checklist (CSV, XLSX, Markdown). Made in one place, from the road
 * book's published data, whoever makes them: the site's routes (the dev preview, a plain
 * `astro build`) and `roadbook build`'s worker threads (version-files-pool.ts), which make them
 * beside Astro's rendering of the pages. Either way a file has the same bytes.
 */
import { gzipSync } from 'node:zlib';
import {
  buildChecklist,
  canBeTarget,
  sourceFromRoadBook,
  type Checklist,
  type ChecklistSource,
} from '../checklist/index.ts';
import { moduleChoices, type RoadBookData } from '../data-files.ts';
import { exportFormat, type ExportFormat } from '../export/index.ts';
import type { Choice, EntryRecord, RoadBook, VersionInfo } from '../model.ts';
import { pickEntry, pickVersion } from '../public-fields.ts';
import { VERSION_CHECKLIST_FORMATS } from '../routes.ts';
import { packVersionFile } from '../version-file.ts';
import { versionChecklistFileOf, versionDataFile, versionDataGzipFile } from './site-files.ts';

/** The formats of a version's own checklist, generated at build time beside its page. */
export const VERSION_DOWNLOADS: readonly ExportFormat[] = VERSION_CHECKLIST_FORMATS.map((id) => exportFormat(id)!);

/** A data file's text: compact JSON and a final line break (the browser loads these; servers compress them). */
export function jsonFileText(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** A data file's text gzipped, as the browser reads it (`.json.gz`): the same bytes every build. */
export function gzipFileText(text: string): Uint8Array {
  return new Uint8Array(gzipSync(text, { level: 9 }));
}

/** What the site publishes of a road book read by core (the pages read the same from Astro's store). */
export function publishedData(book: RoadBook): RoadBookData {
  return {
    config: book.config,
    processes: book.processes,
    versions: book.versions.map(pickVersion),
    entries: book.entries.map(pickEntry),
  };
}

/** A file of the site: its path (`/` separated, as site-files.ts names it) and its bytes. */
export type SiteFile = [path: string, bytes: Uint8Array];

export class VersionFiles {
  readonly #data: RoadBookData;
  readonly #source: ChecklistSource;
  readonly #exportOptions: { origin?: string };

  /**
   * `modules`: the road book's modules, when `data` holds only some of its entries (a worker
   * is sent the entries of the version it makes files for; a version's own checklist needs no
   * other).
   */
  constructor(data: RoadBookData, buildId: string, modules: Choice[] = moduleChoices(data)) {
    this.#data = data;
    // A build that publishes drafts lets them be a checklist target too.
    const includeDrafts = data.versions.some((v) => v.status === 'draft');
    this.#source = { ...sourceFromRoadBook(data, { includeDrafts, buildId }), modules };
    this.#exportOptions = data.config.site ? { origin: new URL(data.config.site).origin } : {};
  }

  /** Whether `version` offers a checklist of its own (a withdrawn one can never be installed). */
  hasChecklist(version: VersionInfo): boolean {
    return canBeTarget(version, this.#source.includeDrafts ?? false);
  }

  /** A version's own checklist: its items alone, as `roadbook checklist --to <v>` gives; null when it has none. */
  checklist(version: VersionInfo): Checklist | null {
    return this.hasChecklist(version) ? buildChecklist(this.#source, { to: version.slug }) : null;
  }

  #pathsOf(version: VersionInfo): string[] {
    const downloads = this.hasChecklist(version) ? VERSION_DOWNLOADS : [];
    return [
      versionDataFile(version.slug),
      versionDataGzipFile(version.slug),
      ...downloads.map((f) => versionChecklistFileOf(version.slug, f.extension)),
    ];
  }

  dataFile(version: VersionInfo): string {
    return jsonFileText(packVersionFile(version, this.#source.entriesOf(version.slug)));
  }

  /**
   * The same bytes as the data file, gzipped: the browser loads these by the thousand, so they
   * are small on any host, compressing or not. zlib writes no time in its header: the same
   * file gives the same bytes in every build.
   */
  dataFileGzip(version: VersionInfo): Uint8Array {
    return gzipFileText(this.dataFile(version));
  }

  async download(checklist: Checklist, format: ExportFormat): Promise<Uint8Array> {
    const data = await format.export(checklist, undefined, this.#exportOptions);
    return typeof data === 'string' ? new TextEncoder().encode(data) : data;
  }

  /** The road book's modules. */
  get modules(): Choice[] {
    return this.#source.modules;
  }

  /** Every version's files but those `skip` holds, as jobs for version-files-pool.ts (those with none left out). */
  jobs(skip: ReadonlySet<string>): { slug: string; paths: string[]; entries: EntryRecord[] }[] {
    return this.#data.versions
      .map((version) => ({
        slug: version.slug,
        paths: this.#pathsOf(version).filter((path) => !skip.has(path)),
        entries: this.#source.entriesOf(version.slug),
      }))
      .filter((job) => job.paths.length > 0);
  }

  /** The files of the version `slug` whose paths `wanted` holds. */
  async filesOf(slug: string, wanted: ReadonlySet<string>): Promise<SiteFile[]> {
    const version = this.#data.versions.find((v) => v.slug === slug);
    if (!version) throw new Error(`roadbook: no version "${slug}" to make files for`);
    const files: SiteFile[] = [];
    const dataPath = versionDataFile(slug);
    if (wanted.has(dataPath)) files.push([dataPath, new TextEncoder().encode(this.dataFile(version))]);
    const gzipPath = versionDataGzipFile(slug);
    if (wanted.has(gzipPath)) files.push([gzipPath, this.dataFileGzip(version)]);
    const formats = VERSION_DOWNLOADS.filter((f) => wanted.has(versionChecklistFileOf(slug, f.extension)));
    const checklist = formats.length > 0 ? this.checklist(version) : null;
    if (checklist) {
      for (const format of formats)
        files.push([versionChecklistFileOf(slug, format.extension), await this.download(checklist, format)]);
    }
    return files;
  }
}
