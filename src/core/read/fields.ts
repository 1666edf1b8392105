/**
 * Building blocks of the zod schemas for content files. Every scalar arrives as the text it
 * was written as (see yaml.ts), so fields turn text into booleans, numbers and dates here,
 * and the failures carry the diagnostic code the contract names.
 */
import * as z from 'zod';
import { ID_PATTERN } from '../items.ts';
import type { DiagnosticCode } from '../diagnostics.ts';

/** A failure with a contract code; `message` is completed with the field name by the reporter. */
function problem(code: DiagnosticCode, message: string) {
  return { params: { code }, error: message };
}

/** Non-empty text, trimmed. */
export const text = z.string().trim().min(1);

/**
 * A list field; one value written alone is read as a one-item list (`modules: facturation`).
 * Written as a union, not a preprocessing step, so that its JSON Schema says "a list or one value".
 */
export function list<T extends z.ZodType>(item: T, min = 0) {
  return z.union([z.array(item).min(min), item.transform((value) => [value])]);
}

/**
 * List fields whose values are identifiers (modules, tickets, …): a bare number written there
 * is read as its text, and the writer is warned (`number-as-text`, see schema-check.ts).
 */
export const IDENTIFIER_LISTS = new WeakSet<z.ZodType>();

export function identifierList<T extends z.ZodType>(item: T, min = 0) {
  const field = list(item, min);
  IDENTIFIER_LISTS.add(field);
  return field;
}

/**
 * Text matching `pattern`: checked with the contract's code, and shown to editors as the
 * JSON Schema `pattern` (the regular expression is the same object).
 */
function matching(pattern: RegExp, code: DiagnosticCode, message: string) {
  return z
    .string()
    .refine((v) => pattern.test(v), problem(code, message))
    .meta({ pattern: pattern.source });
}

/** `true` or `false` in any case (spelt out letter by letter so that a JSON Schema pattern can say it). */
export const boolean = matching(
  /^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$/,
  'invalid-value',
  'must be true or false',
).transform((v) => v.toLowerCase() === 'true');

export const byteCount = matching(
  /^[0-9]+$/,
  'invalid-value',
  'must be a whole number of bytes, such as 187654321',
).transform(Number);

export const sha256 = matching(/^[0-9a-fA-F]{64}$/, 'invalid-value', 'must be 64 hexadecimal characters').transform(
  (v) => v.toLowerCase(),
);

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const date = z
  .string()
  .refine(isCalendarDate, problem('invalid-date', 'must be a real date written YYYY-MM-DD, such as 2026-10-14'))
  .meta({ pattern: DATE_PATTERN.source });

export const id = matching(
  ID_PATTERN,
  'invalid-id',
  'must start with a letter or digit and hold only letters, digits, `.`, `_` and `-` (64 at most)',
);

/** One of a closed set of words; schema-check.ts reports any other value as `invalid-value`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}

/** `YYYY-MM-DD` naming a day that exists: `2026-02-30` is refused, never rolled over. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
