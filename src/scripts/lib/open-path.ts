/**
 * Opening an upgrade path in the browser, as the upgrade page and the checklist page both do:
 * core's planPath names the versions on it, only their data files are loaded, core's
 * buildChecklist makes the checklist. A path whose target version was withdrawn from the
 * road book can still be opened when asked (a run started before: shown read-only).
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

/** Plans, loads and builds the checklist of `request`; never throws. */
export async function openPath(
  data: DataFiles,
  index: DataIndex,
  request: ChecklistRequest,
  options: { withdrawnTarget?: boolean } = {},
): Promise<OpenedPath> {
  const includeDrafts = includesDrafts(index);
  let plan = planPath({ ...index, includeDrafts }, request);
  const withdrawn = !plan.ok && plan.error.code === 'to-withdrawn' && !!options.withdrawnTarget;
  if (withdrawn) plan = planPath({ ...index, includeDrafts }, request, { withdrawnTarget: true });
  if (!plan.ok) return { ok: false, stage: 'plan', message: plan.error.message };
  let files;
  try {
    files = await data.versions(plan.versions.map((v) => v.slug));
  } catch (error) {
    return { ok: false, stage: 'load', message: error instanceof Error ? error.message : String(error) };
  }
  const checklist = buildChecklist(sourceFromDataFiles(index, files, { includeDrafts }), request, {
    withdrawnTarget: withdrawn,
  });
  return {
    ok: true,
    checklist,
    entryIds: new Set([...files.values()].flatMap((f) => f.entries.map((e) => e.id))),
    withdrawn: withdrawn ? plan.to.version : null,
  };
}
