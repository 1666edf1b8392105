/**
 * Assignments of a team run (checklist.md, "Team runs"): the lead gives a named tester the
 * items of some modules, some groups (the strategic processes, one process, the procedure,
 * the target's known issues) and single items. An assignment travels as a file (JSON with
 * `format` and `version`, like the progress file) and, when it fits, as a link (the query of
 * the checklist page's address, at most ASSIGNMENT_URL_LIMIT characters). Opened in another
 * browser it creates that run, or updates it, with the tester's items first and the others
 * marked as assigned to someone else. Reading never throws: it returns the assignment or an
 * error saying why it cannot be used, in the road book's language. Browser-safe.
 */
import * as z from 'zod/mini';
import type { ChecklistItem } from '../checklist/types.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import { exportFileName } from '../export/index.ts';
import { processGroupKey } from '../item-id.ts';
import { slugify } from '../slug.ts';
import type { Locale, Process } from '../model.ts';
import { requestFromParams, requestToParams } from './request.ts';
import {
  ASSIGNMENT_FORMAT,
  assignedItemsSchema,
  isoTime,
  issuePath,
  KNOWN_FORMATS,
  requestSchema,
  RUN_ID,
  runAssignmentSchema,
} from './schema.ts';
import type {
  AssignedItems,
  Parsed,
  RunAssignment,
  RunFileError,
  RunFileErrorCode,
  RunRequest,
  RunScope,
  SavedRun,
} from './types.ts';
import { groupOf } from './view.ts';

export { ASSIGNMENT_FORMAT };
/** The version of the assignment format this code writes and reads (bumped on any change that is not an addition). */
export const ASSIGNMENT_VERSION = 1;

/**
 * The longest link an assignment is offered as, in characters, the whole address included:
 * the conventional safe length of a link (some mail programs, older browsers and proxies cut
 * longer ones). Over it, the assignment travels as a file.
 */
export const ASSIGNMENT_URL_LIMIT = 2000;

/** The query parameter that marks an address as an assignment (its value: the format version). */
export const ASSIGNMENT_PARAM = 'assign';

export interface Assignment {
  run: { id: string; name: string; request: RunRequest };
  tester: string;
  assigned: AssignedItems;
  /** When the lead made it (ISO 8601). */
  created: string;
}

/** The assignment file. */
export const assignmentFileSchema = z.object({
  format: z.literal(ASSIGNMENT_FORMAT),
  version: z.literal(ASSIGNMENT_VERSION),
  product: z.string(),
  base: z.string(),
  run: z.object({
    id: z.string().check(z.regex(RUN_ID, 'must be a run id')),
    name: z.string(),
    request: requestSchema,
  }),
  tester: runAssignmentSchema.shape.tester,
  assigned: assignedItemsSchema,
  created: isoTime,
});

const unique = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];

/** An assignment of `run`'s items to `tester` (names and ids trimmed, each once). */
export function makeAssignment(
  run: Pick<SavedRun, 'id' | 'name' | 'request'>,
  tester: string,
  assigned: Partial<AssignedItems>,
  now: Date,
): Assignment {
  return {
    run: { id: run.id, name: run.name, request: run.request },
    tester: tester.trim(),
    assigned: {
      modules: unique(assigned.modules ?? []),
      groups: unique(assigned.groups ?? []),
      items: unique(assigned.items ?? []),
    },
    created: now.toISOString(),
  };
}

/** The assignment file, as text (pretty-printed JSON: people may open it). */
export function assignmentFileText(assignment: Assignment, scope: RunScope): string {
  const file: z.infer<typeof assignmentFileSchema> = {
    format: ASSIGNMENT_FORMAT,
    version: ASSIGNMENT_VERSION,
    product: scope.product,
    base: scope.base,
    ...assignment,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function fail(
  locale: Locale,
  code: RunFileErrorCode,
  key: MessageKey,
  params: Record<string, string | number> = {},
): { ok: false; error: RunFileError } {
  return { ok: false, error: { code, message: translate(locale, key, params) } };
}

/** Reads an assignment file. */
export function parseAssignmentFile(text: string, scope: RunScope, locale: Locale): Parsed<{ assignment: Assignment }> {
  if (text.trim() === '') return fail(locale, 'empty', 'run.error.empty');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(locale, 'not-json', 'run.error.notJson', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(locale, 'not-roadbook', 'assignment.error.notAssignment');
  }
  const object = value as Record<string, unknown>;
  if (object.format !== ASSIGNMENT_FORMAT) {
    return (KNOWN_FORMATS as readonly unknown[]).includes(object.format)
      ? fail(locale, 'other-kind', 'assignment.error.otherKind', { kind: String(object.format) })
      : fail(locale, 'not-roadbook', 'assignment.error.notAssignment');
  }
  if (typeof object.version !== 'number' || object.version > ASSIGNMENT_VERSION) {
    return fail(locale, 'newer-version', 'run.error.newerVersion', {
      format: ASSIGNMENT_FORMAT,
      version: String(object.version),
      supported: ASSIGNMENT_VERSION,
    });
  }
  if (typeof object.product === 'string' && object.product !== scope.product) {
    return fail(locale, 'other-product', 'run.error.otherProduct', { found: object.product, expected: scope.product });
  }
  const parsed = assignmentFileSchema.safeParse(object);
  if (!parsed.success) return fail(locale, 'invalid', 'run.error.invalid', { reason: issuePath(parsed.error) });
  const { run, tester, assigned, created } = parsed.data;
  return { ok: true, assignment: { run: run as Assignment['run'], tester, assigned, created } };
}

/** Address parameters of the assignment itself, beside the path's (`from`, `to`, `modules`, …). */
const LINK = {
  run: 'run',
  name: 'name',
  tester: 'tester',
  modules: 'assign-modules',
  groups: 'assign-groups',
  items: 'assign-items',
  created: 'created',
} as const;

export type AssignmentLink =
  | { ok: true; url: string }
  | {
      ok: false;
      /** `company-process`: a company's own process travels only in the file; `too-long`: over the limit. */
      reason: 'company-process' | 'too-long';
      message: string;
    };

/**
 * The assignment as a link to the checklist page (`page`, an absolute address), or why it
 * must travel as a file: a company's own process is not in the other browser's list, and a
 * link over ASSIGNMENT_URL_LIMIT characters may be cut on its way.
 */
export function assignmentLink(assignment: Assignment, page: string, locale: Locale): AssignmentLink {
  if (assignment.run.request.processes.some((p: string | Process) => typeof p !== 'string')) {
    return { ok: false, reason: 'company-process', message: translate(locale, 'assignment.error.companyProcess') };
  }
  const params = new URLSearchParams({ [ASSIGNMENT_PARAM]: String(ASSIGNMENT_VERSION) });
  params.set(LINK.run, assignment.run.id);
  params.set(LINK.name, assignment.run.name);
  params.set(LINK.tester, assignment.tester);
  for (const [key, value] of requestToParams(assignment.run.request)) params.set(key, value);
  // Ids are joined with commas (no module, group or item id holds one), as the path's lists are.
  for (const list of ['modules', 'groups', 'items'] as const) {
    if (assignment.assigned[list].length) params.set(LINK[list], assignment.assigned[list].join(','));
  }
  params.set(LINK.created, assignment.created);
  const url = new URL(page);
  url.search = params.toString();
  url.hash = '';
  const href = url.href;
  if (href.length > ASSIGNMENT_URL_LIMIT) {
    return {
      ok: false,
      reason: 'too-long',
      message: translate(locale, 'assignment.error.tooLong', { length: href.length, limit: ASSIGNMENT_URL_LIMIT }),
    };
  }
  return { ok: true, url: href };
}

/** True when an address carries an assignment (the page then reads it with `parseAssignmentLink`). */
export function isAssignmentLink(params: URLSearchParams): boolean {
  return params.has(ASSIGNMENT_PARAM);
}

function idsOf(params: URLSearchParams, name: string): string[] {
  return unique(params.getAll(name).flatMap((v) => v.split(',')));
}

/** Reads the query of an assignment link. */
export function parseAssignmentLink(
  params: URLSearchParams,
  scope: RunScope,
  locale: Locale,
): Parsed<{ assignment: Assignment }> {
  const version = params.get(ASSIGNMENT_PARAM);
  if (version === null) return fail(locale, 'not-roadbook', 'assignment.error.notAssignment');
  if (!/^\d+$/.test(version) || Number(version) > ASSIGNMENT_VERSION) {
    return fail(locale, 'newer-version', 'run.error.newerVersion', {
      format: ASSIGNMENT_FORMAT,
      version,
      supported: ASSIGNMENT_VERSION,
    });
  }
  const request = requestFromParams(params);
  const missing = [
    [LINK.run, params.get(LINK.run)],
    [LINK.tester, params.get(LINK.tester)?.trim()],
    ['to', request],
    [LINK.created, params.get(LINK.created)],
  ].find(([, value]) => !value);
  if (missing) return fail(locale, 'invalid', 'assignment.error.link', { reason: `${missing[0]}: missing` });
  // The link and the file are one format: the link is checked by the file's schema.
  return parseAssignmentFile(
    JSON.stringify({
      format: ASSIGNMENT_FORMAT,
      version: ASSIGNMENT_VERSION,
      product: scope.product,
      base: scope.base,
      run: { id: params.get(LINK.run), name: params.get(LINK.name) ?? '', request },
      tester: params.get(LINK.tester),
      assigned: {
        modules: idsOf(params, LINK.modules),
        groups: idsOf(params, LINK.groups),
        items: idsOf(params, LINK.items),
      },
      created: params.get(LINK.created),
    }),
    scope,
    locale,
  );
}

/**
 * The run an assignment opens: the run of that id when this browser has it (its results and
 * sign-off kept; the path, name and assignment are the lead's), otherwise a new run of that
 * id, so the results the tester exports merge into the lead's run.
 */
export function applyAssignment(assignment: Assignment, existing: SavedRun | undefined, now: Date): SavedRun {
  const given: RunAssignment = { tester: assignment.tester, ...assignment.assigned };
  const { id, name, request } = assignment.run;
  if (existing && existing.id === id) {
    return { ...existing, name, request, assignment: given, updated: now.toISOString() };
  }
  const time = now.toISOString();
  return {
    id,
    name,
    created: time,
    updated: time,
    buildId: null,
    request,
    results: {},
    signOff: null,
    assignment: given,
  };
}

/** Whose an item is under the run's assignment: the tester's, someone else's, or no one's (no assignment). */
export type ItemOwner = 'mine' | 'other' | null;

export function isAssigned(item: ChecklistItem, assigned: AssignedItems): boolean {
  return (
    assigned.items.includes(item.id) ||
    (item.module !== null && assigned.modules.includes(item.module)) ||
    assigned.groups.includes(groupOf(item)) ||
    (item.process !== null && assigned.groups.includes(processGroupKey(item.process)))
  );
}

export function itemOwner(item: ChecklistItem, assignment: RunAssignment | undefined): ItemOwner {
  if (!assignment) return null;
  return isAssigned(item, assignment) ? 'mine' : 'other';
}

/** The run's items with the tester's first (each part in run order); without an assignment, all are `mine`. */
export function assignedOrder(
  items: readonly ChecklistItem[],
  assignment: RunAssignment | undefined,
): { mine: ChecklistItem[]; others: ChecklistItem[] } {
  if (!assignment) return { mine: [...items], others: [] };
  const mine: ChecklistItem[] = [];
  const others: ChecklistItem[] = [];
  for (const item of items) (isAssigned(item, assignment) ? mine : others).push(item);
  return { mine, others };
}

/** The run's items `assignment` gives its tester, in run order. */
export function assignedItems(items: readonly ChecklistItem[], assignment: AssignedItems): ChecklistItem[] {
  return items.filter((item) => isAssigned(item, assignment));
}

/** The run's items none of `assignments` gives anyone (the lead's split: what nobody has yet). */
export function unassignedItems(
  items: readonly ChecklistItem[],
  assignments: readonly AssignedItems[],
): ChecklistItem[] {
  return items.filter((item) => !assignments.some((a) => isAssigned(item, a)));
}

/** `list` with `assignment` in place of the one of the same tester (or added last). */
export function withAssignment(list: readonly RunAssignment[], assignment: RunAssignment): RunAssignment[] {
  const at = list.findIndex((a) => a.tester === assignment.tester);
  if (at < 0) return [...list, assignment];
  const next = [...list];
  next[at] = assignment;
  return next;
}

/**
 * What a merge of two copies of one run (merge.ts) keeps of their assignments. `assignment`
 * says whose copy this is: the copy here keeps its own; a copy without one takes the other
 * side's (another tab opened the assignment), unless it is the lead's (it made assignments),
 * which never becomes a tester's by importing their file. `assignments`, the lead's split:
 * both sides' testers, the later side's version of a tester on both.
 */
export function mergedAssignments(
  here: SavedRun,
  incoming: SavedRun,
  theirsLater: boolean,
): Pick<SavedRun, 'assignment' | 'assignments'> {
  const lead = !!here.assignments?.length;
  const assignment = here.assignment ?? (lead ? undefined : incoming.assignment);
  const [first, second] = theirsLater ? [here, incoming] : [incoming, here];
  let assignments = first.assignments ?? [];
  for (const a of second.assignments ?? []) assignments = withAssignment(assignments, a);
  return {
    ...(assignment ? { assignment } : {}),
    ...(assignments.length ? { assignments } : {}),
  };
}

/** The assignment file's name: the run's path and the tester (`gestan-15.2.0-15.3.0.marie.assignment.json`). */
export function assignmentFileName(assignment: Assignment, scope: RunScope): string {
  const tester = slugify(assignment.tester) || 'tester';
  const { from, to } = assignment.run.request;
  return exportFileName({ product: scope.product, from, to }, { extension: `${tester}.assignment.json` });
}
