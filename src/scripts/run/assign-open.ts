/**
 * A tester opens what their lead sent: an assignment link (the checklist page's address with
 * the assignment's parameters) or an assignment file (the "open an assignment" control, or
 * dropped on the run list's import). core reads it (assignment.ts) and the `openAssignment`
 * transition creates or updates the run; the page's tester becomes the assignment's. A link or
 * file that cannot be used is said (core's reason), nothing changed.
 */
import type { Translate } from '../../core/i18n/translate.ts';
import type { Locale } from '../../core/model.ts';
import { openAssignment } from '../../core/run/assign-edit.ts';
import {
  ASSIGNMENT_FORMAT,
  parseAssignmentFile,
  parseAssignmentLink,
  type Assignment,
} from '../../core/run/assignment.ts';
import { findRun } from '../../core/run/run-state.ts';
import type { RunScope, SavedRun } from '../../core/run/types.ts';
import type { Alerts } from './alerts.ts';
import type { RunController } from './run-controller.ts';
import type { TesterName } from './tester-name.ts';

export interface AssignOpenContext {
  t: Translate;
  locale: Locale;
  scope: RunScope;
  alerts: Alerts;
  controller: RunController;
  tester: TesterName;
}

/** The alert of an assignment that could not be opened (replaced by the next one, cleared once one opens). */
const ALERT = 'assignment';

/** An assignment file is a few kilobytes: a file far larger is not one (and is not read whole to say so). */
const MOST_BYTES = 1024 * 1024;

/** Opens `assignment`: its run saved here, the page's tester set; the run to show. */
async function openGiven(assignment: Assignment, c: AssignOpenContext): Promise<SavedRun | null> {
  await c.controller.apply((s) => openAssignment(s, { assignment, time: new Date().toISOString() }));
  c.tester.set(assignment.tester);
  c.alerts.clear(ALERT);
  return findRun(c.controller.state, assignment.run.id) ?? null;
}

/** The run an assignment link opens, or null when it is refused (said). */
export async function openAssignmentLink(params: URLSearchParams, c: AssignOpenContext): Promise<SavedRun | null> {
  const parsed = parseAssignmentLink(params, c.scope, c.locale);
  if (!parsed.ok) {
    c.alerts.error(c.t('assign.linkFailed', { reason: parsed.error.message }), [], ALERT);
    return null;
  }
  return openGiven(parsed.assignment, c);
}

/** The run an assignment file opens, or null when it is refused (said, naming the file). */
export async function openAssignmentFile(file: File, c: AssignOpenContext): Promise<SavedRun | null> {
  const refuse = (reason: string) => {
    c.alerts.error(c.t('assign.openFailed', { file: file.name, reason }), [], ALERT);
    return null;
  };
  if (file.size > MOST_BYTES) return refuse(c.t('assignment.error.notAssignment'));
  const parsed = parseAssignmentFile(await file.text(), c.scope, c.locale);
  if (!parsed.ok) return refuse(parsed.error.message);
  return openGiven(parsed.assignment, c);
}

/** True when `file` is an assignment file (so the run list's import opens it instead). */
export async function isAssignmentFile(file: File): Promise<boolean> {
  if (file.size > MOST_BYTES) return false;
  try {
    const value: unknown = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === ASSIGNMENT_FORMAT;
  } catch {
    return false;
  }
}

/** The "open an assignment" file control: the file picked is opened, then `show` shows its run. */
export function wireAssignmentFile(
  input: HTMLInputElement,
  c: AssignOpenContext,
  show: (run: SavedRun | null) => Promise<void>,
): void {
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Emptied at once, so picking the same file again (once mended) is a change too.
    input.value = '';
    if (file) void openAssignmentFile(file, c).then(show);
  });
}
