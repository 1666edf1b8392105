import { closest, distance } from 'fastest-levenshtein';
import * as z from 'zod';
import type { DiagnosticCode, DiagnosticList, Position } from '../diagnostics.ts';
import type { Path, Plain, PlainMap, YamlText } from './yaml.ts';
import { FILE_START } from '../diagnostics.ts';
import { IDENTIFIER_LISTS } from './fields.ts';

export interface Located {
  file: string;
  yaml: YamlText | null;
  diagnostics: DiagnosticList;
}

/**
 * Checks a mapping against a zod object schema. Keys the schema does not define are
 * warned about (with the nearest known key) and dropped before parsing, so no key
 * (`__proto__` included) ever reaches an object of ours. Every issue becomes a diagnostic
 * pointing at the value. Returns null when any error was found.
 */
export function checkMapping<S extends z.ZodObject>(
  schema: S,
  data: PlainMap,
  where: Located,
  path: Path = [],
): z.output<S> | null {
  const known = Object.keys(schema.shape);
  const input: PlainMap = Object.create(null);
  for (const key of Object.keys(data)) {
    if (known.includes(key)) {
      // An empty value (`title:`) is treated as absent.
      if (data[key] !== null) input[key] = data[key]!;
      continue;
    }
    const guess = closest(key, known);
    const hint = guess && similar(key, guess) ? `; did you mean \`${guess}\`?` : `; known keys: ${known.join(', ')}`;
    where.diagnostics.warning('unknown-key', where.file, keyAt(where, [...path, key]), `Unknown key \`${key}\`${hint}`);
  }

  warnNumbersAsText(schema, input, where, path);
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues.flatMap((i) => chosenBranch(i))) {
    const issuePath = [...path, ...asWritten(input, issue.path)];
    const { code, message } = describeIssue(issue, issuePath, issue.input as Plain | undefined);
    where.diagnostics.error(code, where.file, at(where, issuePath), message);
  }
  return null;
}

/**
 * A union (`a list or one value`, `a mapping or an id`) that no option accepts is reported
 * through the option that has the shape the writer wrote: the first whose value is not
 * refused as a whole for its type. When every option refuses the shape, the union stays.
 */
function chosenBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const branch = issue.errors.find((issues) => !issues.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  if (!branch) return [issue];
  return branch.flatMap((i) => chosenBranch({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}

/**
 * A bare number in an identifier list (`tickets: 4521`, `modules: [3]`) is read as the text it
 * was written as, which may not be what the writer meant (`0042` is not 42): a warning says so.
 */
function warnNumbersAsText<S extends z.ZodObject>(schema: S, input: PlainMap, where: Located, path: Path): void {
  if (!where.yaml) return;
  for (const key of Object.keys(input)) {
    const field = schema.shape[key] as z.ZodType;
    const inner = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
    if (!IDENTIFIER_LISTS.has(inner)) continue;
    const value = input[key];
    const values: [Path, Plain][] = Array.isArray(value)
      ? value.map((v, i) => [[...path, key, i], v])
      : [[[...path, key], value!]];
    for (const [valuePath, written] of values) {
      if (typeof written !== 'string' || !where.yaml.isNumber(valuePath)) continue;
      const quoted = Array.isArray(value) ? `${key}: ["${written}"]` : `${key}: "${written}"`;
      where.diagnostics.warning(
        'number-as-text',
        where.file,
        at(where, valuePath),
        `\`${key}\` holds the number ${written}, read as the text "${written}"; write it in quotes (\`${quoted}\`) to say it is an identifier`,
      );
    }
  }
}

/**
 * The issue's path as the writer wrote the value: a single value read as a one-item list
 * (`modules: facturation`) has no `[0]` in the file, so that step is dropped.
 */
function asWritten(input: Plain, path: readonly PropertyKey[]): (string | number)[] {
  const written: (string | number)[] = [];
  let value: Plain | undefined = input;
  for (const step of path) {
    if (typeof step === 'number' && !Array.isArray(value)) continue;
    written.push(typeof step === 'number' ? step : String(step));
    value = value !== null && typeof value === 'object' ? (value as Record<string, Plain>)[step as string] : undefined;
  }
  return written;
}

/** Whether `a` reads as a typo of `b`: what a "did you mean" is offered for. */
export function similar(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  // Two edits, or a third of the key for long keys, is still a typo.
  const limit = Math.max(2, Math.floor(Math.max(x.length, y.length) / 3));
  return x.includes(y) || y.includes(x) || distance(x, y) <= limit;
}

export function at(where: Located, path: Path): Position {
  return where.yaml?.at(path) ?? FILE_START;
}

export function keyAt(where: Located, path: Path): Position {
  return where.yaml?.keyAt(path) ?? FILE_START;
}

/** `verify[2].step` */
export function fieldName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function kindOf(value: Plain | undefined): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return `the text "${value}"`;
  return Array.isArray(value) ? 'a list' : 'a mapping';
}

const EXPECTED: Record<string, string> = {
  string: 'a text value',
  array: 'a list (or a single value)',
  object: 'a mapping of keys to values',
};

/** What the options of a union expect, as a writer reads it: "a list (or a single value)". */
function unionExpected(issue: z.core.$ZodIssueInvalidUnion): string {
  const expected = new Set(
    issue.errors.flatMap((issues) => issues.flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : []))),
  );
  if (expected.has('array')) return EXPECTED['array']!;
  return [...expected].map((e) => EXPECTED[e] ?? e).join(' or ');
}

function describeIssue(
  issue: z.core.$ZodIssue,
  path: Path,
  value: Plain | undefined,
): { code: DiagnosticCode; message: string } {
  const name = `\`${fieldName(path)}\``;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { code: 'missing-field', message: `${name} is required` };
      return {
        code: 'wrong-type',
        message: `${name} must be ${EXPECTED[issue.expected] ?? issue.expected}; found ${kindOf(value)}`,
      };
    case 'too_small':
      return {
        code: 'missing-field',
        message: issue.origin === 'array' ? `${name} needs at least one value` : `${name} is empty`,
      };
    case 'invalid_value':
      return {
        code: 'invalid-value',
        message: `${name} must be one of ${issue.values.map(String).join(', ')}; found ${kindOf(value)}`,
      };
    case 'invalid_union':
      if (value === undefined) return { code: 'missing-field', message: `${name} is required` };
      return { code: 'wrong-type', message: `${name} must be ${unionExpected(issue)}; found ${kindOf(value)}` };
    case 'too_big':
      return { code: 'invalid-value', message: `${name} is too long (${issue.maximum} at most)` };
    case 'custom': {
      const code = (issue.params?.code as DiagnosticCode | undefined) ?? 'invalid-value';
      return { code, message: `${name} ${issue.message}; found ${kindOf(value)}` };
    }
    default:
      return { code: 'invalid-value', message: `${name}: ${issue.message}` };
  }
}
