/**
 * The shapes of what a run becomes outside memory, checked with zod: the value kept in the
 * browser's storage (one per run), the progress file a tester exports and imports on another
 * computer, and the company's processes kept in the browser. Every one carries `format` (what
 * it is) and `version` (of that format: bumped on any change that is not an addition), plus
 * the product and base of the road book it belongs to. zod/mini: the same checks as zod, in
 * a fraction of the code a page has to load.
 */
import * as z from 'zod/mini';
import { STATUSES } from '../checklist/progress.ts';
import { CHECKLIST_ORDERS } from '../checklist/risk.ts';
import { isValidId } from '../items.ts';
import { ATTACHMENT_ID, EVIDENCE_TYPE_LIST, MAX_EVIDENCE_BYTES, SHA256_HEX } from './evidence.ts';
import { DECISIONS } from './types.ts';

export const RUN_FORMAT = 'roadbook-run';
export const PROGRESS_FORMAT = 'roadbook-progress';
export const PROCESSES_FORMAT = 'roadbook-company-processes';
/** An assignment of a team run (assignment.ts); versioned on its own (ASSIGNMENT_VERSION). */
export const ASSIGNMENT_FORMAT = 'roadbook-assignment';
/** The version of each of the three formats this code writes and reads. */
export const FORMAT_VERSION = 1;

/** Kinds of file a tester may pick by mistake, recognised to say what they are. */
export const KNOWN_FORMATS = [RUN_FORMAT, PROGRESS_FORMAT, PROCESSES_FORMAT, ASSIGNMENT_FORMAT] as const;

export const isoTime = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time'));

/** One file attached to a result (evidence.ts): the record, never the bytes. */
export const attachmentSchema = z.object({
  id: z.string().check(z.regex(ATTACHMENT_ID, 'must be an attachment id')),
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  type: z.enum(EVIDENCE_TYPE_LIST),
  size: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_EVIDENCE_BYTES)),
  sha256: z.string().check(z.regex(SHA256_HEX, 'must be a SHA-256 in lowercase hex')),
  added: isoTime,
});

/** The earlier run a result was carried over from (carry-over.ts). */
const carriedFromSchema = z.object({ run: z.string(), name: z.string(), date: isoTime });

const resultFields = {
  status: z.enum(STATUSES),
  comment: z.optional(z.string()),
  tester: z.optional(z.string()),
  time: z.optional(isoTime),
  defect: z.optional(z.string()),
  hash: z.optional(z.nullable(z.string())),
  rev: z.optional(z.string().check(z.minLength(1))),
  base: z.optional(z.array(z.string())),
  carriedFrom: z.optional(carriedFromSchema),
  evidence: z.optional(z.array(attachmentSchema)),
};

/** A result, with the other versions of a conflict not settled yet (themselves without one). */
export const resultSchema = z.object({
  ...resultFields,
  conflict: z.optional(z.array(z.object(resultFields))),
});

export const processSchema = z.object({
  id: z.string().check(z.refine(isValidId, 'must be a process id (letters, digits, `.`, `_`, `-`)')),
  label: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
  modules: z.array(z.string()),
  steps: z.array(z.string().check(z.trim(), z.minLength(1, 'must not be empty'))).check(z.minLength(1, 'needs a step')),
});

export const requestSchema = z.object({
  from: z.nullable(z.string()),
  to: z.string().check(z.minLength(1, 'must name the target version')),
  modules: z.array(z.string()),
  editions: z.array(z.string()),
  processes: z.array(z.union([z.string(), processSchema])),
});

export const signOffSchema = z.object({
  environment: z.string(),
  place: z.string(),
  date: z.string(),
  testers: z.string(),
  decision: z.nullable(z.enum(DECISIONS)),
  parties: z.array(z.object({ role: z.string(), name: z.string() })),
  notes: z.string(),
});

const nonEmpty = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** Items given to a tester: by module, by group, item by item. */
export const assignedItemsSchema = z.object({
  modules: z.array(nonEmpty),
  groups: z.array(nonEmpty),
  items: z.array(nonEmpty),
});

/** What a run keeps of the assignment it was opened from. */
export const runAssignmentSchema = z.object({ tester: nonEmpty, ...assignedItemsSchema.shape });

/** How a run's items are arranged (risk.ts): the order and whether only the minimum set. */
export const arrangementSchema = z.object({
  order: z.optional(z.enum(CHECKLIST_ORDERS)),
  minimum: z.optional(z.boolean()),
});

/** Run ids: made by `newRunId`, kept short and safe in a storage key. */
export const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A run without its results: the results are checked one by one (see saved.ts), so one bad
 * result never costs the others.
 */
export const runEnvelopeSchema = z.object({
  id: z.string().check(z.regex(RUN_ID, 'must be a run id')),
  name: z.string(),
  created: isoTime,
  updated: isoTime,
  buildId: z.nullable(z.string()),
  request: requestSchema,
  results: z.record(z.string(), z.unknown()),
  signOff: z.nullable(signOffSchema),
  assignment: z.optional(runAssignmentSchema),
  carryChanged: z.optional(z.record(z.string(), carriedFromSchema)),
  assignments: z.optional(z.array(runAssignmentSchema)),
  arrangement: z.optional(arrangementSchema),
});

const scope = { product: z.string(), base: z.string() };

/** The value of one run in the browser's storage. */
export const savedRunSchema = z.object({
  format: z.literal(RUN_FORMAT),
  version: z.literal(FORMAT_VERSION),
  ...scope,
  run: runEnvelopeSchema,
});

/** The progress file (export / import). */
export const progressFileSchema = z.object({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(FORMAT_VERSION),
  ...scope,
  buildId: z.nullable(z.string()),
  exported: isoTime,
  runs: z.array(runEnvelopeSchema),
});

/** The company's processes in the browser's storage. */
export const storedProcessesSchema = z.object({
  format: z.literal(PROCESSES_FORMAT),
  version: z.literal(FORMAT_VERSION),
  ...scope,
  picks: z.array(z.string()),
  processes: z.array(processSchema),
});

/** Where a zod problem is, for a message: `runs.0.request.to`. */
export function issuePath(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
