/**
 * Dates, times, numbers and sizes as people read them, per interface language: the site's
 * pages, the browser scripts and the exporters all format through here (see translate.ts).
 */
import type { Locale } from '../model.ts';

/** Dates, times, numbers and sizes in the interface language. */
export interface Formatters {
  /** The Intl locale the interface language maps to (`fr-FR`, `en-GB`). */
  intlLocale: string;
  /** `2026-10-14` → "14 octobre 2026" / "14 October 2026"; anything else as written. */
  date(iso: string): string;
  /**
   * An instant (`2026-05-20T14:03:09Z`, a result's time) in the reader's time zone, short:
   * "20/05/2026 16:03"; empty when there is none, as written when it is not a date.
   */
  dateTime(iso: string | undefined): string;
  number(n: number): string;
  /** A size in bytes for people: "187,7 Mo" / "187.7 MB" (decimal units, as installers are labelled). */
  size(bytes: number): string;
}

export interface FormatOptions {
  /** The time zone instants are shown in; default: the runtime's (the tester's browser). */
  timeZone?: string;
}

/**
 * One Intl locale per interface language, for dates, instants and numbers alike: the English
 * interface is British English (day first, 24-hour clock), like the release dates it shows
 * beside the results' times.
 */
const INTL_LOCALES: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatters(locale: Locale, options: FormatOptions = {}): Formatters {
  const intlLocale = INTL_LOCALES[locale];
  // Release and sign-off dates are calendar dates: read and written in UTC so no time zone shifts them.
  const dates = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone: 'UTC' });
  const instants = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: options.timeZone,
  });
  const numbers = new Intl.NumberFormat(intlLocale);
  return {
    intlLocale,
    date: (iso) => {
      if (!CALENDAR_DATE.test(iso)) return iso;
      const date = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? iso : dates.format(date);
    },
    dateTime: (iso) => {
      if (!iso) return '';
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : instants.format(date);
    },
    number: (n) => numbers.format(n),
    size: (bytes) => {
      let value = bytes;
      let unit = 0;
      while (value >= 1000 && unit < UNITS.length - 1) {
        value /= 1000;
        unit += 1;
      }
      return new Intl.NumberFormat(intlLocale, {
        style: 'unit',
        unit: UNITS[unit],
        unitDisplay: 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(value);
    },
  };
}

/** `2026-05-20T14:03:09.120Z` → `2026-05-20 14:03 UTC`: the same in every time zone (written reports). */
export function utcMinute(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** The calendar date of `instant` where the runtime is (`2026-05-22`): "today" for a form's date field. */
export function localIsoDate(instant: Date): string {
  const month = String(instant.getMonth() + 1).padStart(2, '0');
  const day = String(instant.getDate()).padStart(2, '0');
  return `${instant.getFullYear()}-${month}-${day}`;
}

/** Bytes as mebibytes with one decimal (`5.0`), for the limits of what the browser may store. */
export function mebibytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
