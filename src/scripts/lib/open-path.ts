/**
 * Opening an upgrade path in the browser, as the upgrade page and the checklist page both do:
 * core's planPath names the versions on it, only their data files are loaded, core's
 * buildChecklist makes the checklist. A path whose target version was withdrawn from the
 * road book can still be opened when asked (a run started before: shown read-only).
 *
 * The files come in path order: once the first is in, `preview` is given the checklist of the
 * versions read so far (the later ones counted as empty), for a page to show its first rows
 * while the rest loads. That checklist is only a preview: an entry of a later version may
 * still supersede one of its entries; the checklist `openPath` resolves with is the path's.
 */
import {
  buildChecklist,
  planPath,
  sourceFromDataFiles,
  type Checklist,
  type ChecklistRequest,
} from '../../core/checklist/index.ts';
import type { DataIndex } from '../../core/data-files.ts';
import { requestFromParams } from '../../core/run/request.ts';
import type { PathRequest } from '../../core/run/types.ts';
import type { LoadedVersion } from '../../core/version-file.ts';
import { includesDrafts, type DataFiles } from './data.ts';

export type OpenedPath =
  | {
      ok: true;
      checklist: Checklist;
      /** Ids of every entry of the versions on the path. */
      entryIds: Set<string>;
      /** The target version when it was withdrawn (opened only when `withdrawnTarget` allowed it). */
      withdrawn: string | null;
    }
  /** `plan`: the path is not possible (core's message); `load`: a data file could not be read. */
  | { ok: false; stage: 'plan' | 'load'; message: string };

/** The path the page address asks for (null when it names none). */
export function askedPath(search: string = location.search): PathRequest | null {
  return requestFromParams(new URLSearchParams(search));
}

/** The start of a path being loaded: the checklist of its first `loaded` versions of `total`. */
export interface PathPreview {
  checklist: Checklist;
  loaded: number;
  total: number;
}

export interface OpenOptions {
  /** Opens a path whose target was withdrawn (a run started before). */
  withdrawnTarget?: boolean;
  /** Told once, when the first file of a path of several versions is in (never after the path is). */
  preview?: (preview: PathPreview) => void;
}

/** Plans, loads and builds the checklist of `request`; never throws. */
export async function openPath(
  data: DataFiles,
  index: DataIndex,
  request: ChecklistRequest,
  options: OpenOptions = {},
): Promise<OpenedPath> {
  const includeDrafts = includesDrafts(index);
  let plan = planPath({ ...index, includeDrafts }, request);
  const withdrawn = !plan.ok && plan.error.code === 'to-withdrawn' && !!options.withdrawnTarget;
  if (withdrawn) plan = planPath({ ...index, includeDrafts }, request, { withdrawnTarget: true });
  if (!plan.ok) return { ok: false, stage: 'plan', message: plan.error.message };
  const slugs = plan.versions.map((v) => v.slug);
  const build = (files: ReadonlyMap<string, Pick<LoadedVersion, 'entries'>>) =>
    buildChecklist(sourceFromDataFiles(index, files, { includeDrafts }), request, { withdrawnTarget: withdrawn });
  let done = false;
  const preview = options.preview;
  const onPrefix =
    preview && slugs.length > 1
      ? (loaded: ReadonlyMap<string, LoadedVersion>) => {
          if (done || loaded.size !== 1) return;
          const prefix = new Map<string, Pick<LoadedVersion, 'entries'>>(slugs.map((slug) => [slug, { entries: [] }]));
          for (const [slug, file] of loaded) prefix.set(slug, file);
          // Only a preview: one that cannot be made is not shown, the path loads all the same.
          try {
            preview({ checklist: build(prefix), loaded: loaded.size, total: slugs.length });
          } catch {
            /* nothing shown early */
          }
        }
      : undefined;
  let files;
  try {
    files = await data.versions(slugs, onPrefix);
  } catch (error) {
    return { ok: false, stage: 'load', message: error instanceof Error ? error.message : String(error) };
  } finally {
    done = true;
  }
  const checklist = build(files);
  return {
    ok: true,
    checklist,
    entryIds: new Set([...files.values()].flatMap((f) => f.entries.map((e) => e.id))),
    withdrawn: withdrawn ? plan.to.version : null,
  };
}
