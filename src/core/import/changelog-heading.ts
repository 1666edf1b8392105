/**
 * What the text of a Keep a Changelog heading says: a version (with its date and whether it
 * was yanked), the unreleased changes, or something else. Read with patterns, since real
 * projects write `[1.2.0]`, `v1.2.0` or `Version 1.2.0`, dated or not.
 */
import { isCalendarDate } from '../read/fields.ts';
import { isVersion, parseSemver } from '../versions.ts';

export type HeadingMeaning =
  | { kind: 'version'; version: string; date: string | null; badDate: string | null; yanked: boolean }
  | { kind: 'unreleased' }
  | { kind: 'other'; why: string };

const UNRELEASED = /^\[?\s*(?:unreleased|non publiée?s?)\s*\]?(?:\s|$|[-–—:(])/i;
/** `[1.2.0]`, `v1.2.0`, `Version 1.2.0`: the token that must be a version. */
const VERSION_TOKEN = /^(?:(?:version|release)\s+)?\[?\s*([^\s[\]()]+)\s*\]?(.*)$/is;
const DATE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/;
const YANKED = /\bYANKED\b/i;
const DATE_ONLY = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;

/** What a version-level heading's text says. */
export function readVersionHeading(text: string): HeadingMeaning {
  if (UNRELEASED.test(`${text} `)) return { kind: 'unreleased' };
  const m = VERSION_TOKEN.exec(text);
  const token = (m?.[1] ?? '').replace(/[:,]$/, '');
  if (!m || DATE_ONLY.test(token) || !(isVersion(token) || parseSemver(token) !== null)) {
    return { kind: 'other', why: 'not a version heading (such as ## [1.2.0] - 2024-01-02)' };
  }
  const rest = m[2] ?? '';
  const d = DATE.exec(rest);
  let date: string | null = null;
  let badDate: string | null = null;
  if (d) {
    const written = `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
    if (isCalendarDate(written)) date = written;
    else badDate = d[0];
  }
  return { kind: 'version', version: token, date, badDate, yanked: YANKED.test(rest) };
}
