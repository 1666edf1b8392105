/**
 * A request the engine cannot answer (unknown version, withdrawn target, …). Thrown by
 * `buildChecklist` and `rollback`, returned by `planPath` and `planRollback`; the message
 * says what was received and lists the valid choices, in the road book's language.
 */
import { translate, type MessageKey } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';

export type ChecklistErrorCode =
  | 'missing-to'
  | 'unknown-version'
  | 'to-withdrawn'
  | 'to-draft'
  | 'from-not-before-to'
  | 'unknown-module'
  | 'unknown-edition'
  | 'unknown-process'
  | 'invalid-process'
  | 'rollback-order';

/** Which field of the request a problem is about. */
export type ChecklistField = 'from' | 'to' | 'modules' | 'editions' | 'processes' | 'newer' | 'older';

export interface ChecklistErrorDetails {
  field: ChecklistField;
  /** The value received. */
  value: string;
  /** The values that would have been accepted (empty when the problem is not a choice). */
  choices: string[];
}

export class ChecklistError extends Error {
  readonly code: ChecklistErrorCode;
  readonly details: ChecklistErrorDetails;

  constructor(code: ChecklistErrorCode, message: string, details: ChecklistErrorDetails) {
    super(message);
    this.name = 'ChecklistError';
    this.code = code;
    this.details = details;
  }
}

/** How many choices a message lists before "and N more". */
export const MAX_CHOICES_SHOWN = 25;

/** A list of choices for a message: all of them, or the last ones and how many are left out. */
export function formatChoices(locale: Locale, choices: readonly string[]): string {
  if (choices.length === 0) return translate(locale, 'checklist.error.none');
  if (choices.length <= MAX_CHOICES_SHOWN) return choices.join(', ');
  const shown = choices.slice(-MAX_CHOICES_SHOWN);
  return translate(locale, 'checklist.error.more', { list: shown.join(', '), n: choices.length - shown.length });
}

/** Builds the error with its message from `checklist.error.<key>`. */
export function checklistError(
  locale: Locale,
  code: ChecklistErrorCode,
  key: MessageKey,
  details: ChecklistErrorDetails,
  params: Record<string, string | number> = {},
): ChecklistError {
  const message = translate(locale, key, {
    value: details.value,
    choices: formatChoices(locale, details.choices),
    ...params,
  });
  return new ChecklistError(code, message, details);
}
