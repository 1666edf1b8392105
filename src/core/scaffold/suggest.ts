import { closest } from 'fastest-levenshtein';
import type { Choice } from '../model.ts';
import { similar } from '../read/schema-check.ts';

/**
 * Why `value` is not one of `choices`, with the valid ids and, when it reads as a typo of
 * one, a "did you mean" (the same closeness as unknown keys get).
 */
export function unknownChoice(field: string, value: string, choices: readonly Choice[]): string {
  const ids = choices.map((c) => c.id);
  const near = ids.filter((id) => similar(value, id));
  const guess = near.length ? closest(value, near) : null;
  const hint = guess ? ` (did you mean "${guess}"?)` : '';
  const valid = ids.length ? `choose one of ${ids.join(', ')}` : `there is no ${field} to choose from`;
  return `unknown ${field} "${value}"${hint}: ${valid}`;
}
