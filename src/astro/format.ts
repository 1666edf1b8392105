import type { Locale } from '../core/model.ts';

/** Dates, numbers and sizes in the interface language. */
export interface Formatters {
  /** The Intl locale the interface language maps to (`fr-FR`, `en-GB`). */
  intlLocale: string;
  /** `2026-10-14` → "14 octobre 2026" / "14 October 2026". */
  date(iso: string): string;
  number(n: number): string;
  /** A size in bytes for people: "187,7 Mo" / "187.7 MB" (decimal units, as installers are labelled). */
  size(bytes: number): string;
}

const INTL_LOCALES: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function formatters(locale: Locale): Formatters {
  const intlLocale = INTL_LOCALES[locale];
  // Release dates are calendar dates: read and written in UTC so no time zone shifts them.
  const dates = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(intlLocale);
  return {
    intlLocale,
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
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
