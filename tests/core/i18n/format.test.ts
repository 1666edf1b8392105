import { describe, expect, it } from 'vitest';
import { formatters, localIsoDate, mebibytes, utcMinute } from '../../../src/core/i18n/format.ts';

describe('formatters: calendar dates', () => {
  it('writes a date long in each language', () => {
    expect(formatters('fr').date('2026-10-14')).toBe('14 octobre 2026');
    expect(formatters('en').date('2026-10-14')).toBe('14 October 2026');
  });

  it('never shifts a date by a time zone, even at the year boundary', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris']) {
      expect(formatters('fr', { timeZone }).date('2026-01-01')).toBe('1 janvier 2026');
      expect(formatters('en', { timeZone }).date('2026-12-31')).toBe('31 December 2026');
    }
  });

  it('writes what is not a calendar date as it is', () => {
    expect(formatters('fr').date('22/05/2026')).toBe('22/05/2026');
    expect(formatters('en').date('')).toBe('');
    expect(formatters('en').date('2026-13-45')).toBe('2026-13-45');
  });
});

describe('formatters: instants', () => {
  const instant = '2026-12-31T23:30:00Z';

  it('shows an instant in the time zone it is read in, across the day boundary', () => {
    expect(formatters('fr', { timeZone: 'Europe/Paris' }).dateTime(instant)).toBe('01/01/2027 00:30');
    expect(formatters('fr', { timeZone: 'America/New_York' }).dateTime(instant)).toBe('31/12/2026 18:30');
    expect(formatters('fr', { timeZone: 'UTC' }).dateTime(instant)).toBe('31/12/2026 23:30');
  });

  it('writes English instants as British English, like the dates beside them: day first, 24-hour clock', () => {
    expect(formatters('en', { timeZone: 'Europe/Paris' }).dateTime(instant)).toBe('01/01/2027, 00:30');
    expect(formatters('en', { timeZone: 'UTC' }).dateTime(instant)).toBe('31/12/2026, 23:30');
  });

  it("uses the runtime's time zone when none is given", () => {
    const here = new Intl.DateTimeFormat('fr', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));
    expect(formatters('fr').dateTime(instant)).toBe(here);
  });

  it('is empty without an instant and as written when it is not one', () => {
    expect(formatters('fr').dateTime(undefined)).toBe('');
    expect(formatters('fr').dateTime('')).toBe('');
    expect(formatters('en').dateTime('hier')).toBe('hier');
  });

  it('writes an instant the same in every time zone for written reports', () => {
    expect(utcMinute('2026-12-31T23:59:59.999Z')).toBe('2026-12-31 23:59 UTC');
    expect(utcMinute('not a time')).toBe('not a time');
  });

  it("takes today's date where the runtime is, not in UTC", () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});

describe('formatters: numbers and sizes', () => {
  it('groups digits as each language does', () => {
    expect(formatters('fr').number(1_234_567.5)).toBe('1\u202f234\u202f567,5');
    expect(formatters('en').number(1_234_567.5)).toBe('1,234,567.5');
    expect(formatters('fr').number(0)).toBe('0');
  });

  it('writes sizes in decimal units with one decimal, bytes whole', () => {
    const fr = formatters('fr');
    const en = formatters('en');
    expect([0, 999, 1000, 187_654_321, 2.5e12].map(fr.size)).toEqual([
      '0\u202fo',
      '999\u202fo',
      '1\u202fko',
      '187,7\u202fMo',
      '2,5\u202fTo',
    ]);
    expect([0, 1000, 187_654_321, 2.5e12].map(en.size)).toEqual(['0 byte', '1 kB', '187.7 MB', '2.5 TB']);
  });

  it('stops at terabytes', () => {
    expect(formatters('en').size(5e15)).toBe('5,000 TB');
  });

  it('names the Intl locale of each language', () => {
    expect(formatters('fr').intlLocale).toBe('fr-FR');
    expect(formatters('en').intlLocale).toBe('en-GB');
  });

  it('writes storage limits in mebibytes with one decimal', () => {
    expect(mebibytes(5 * 1024 * 1024)).toBe('5.0');
    expect(mebibytes(0)).toBe('0.0');
    expect(mebibytes(1_234_567)).toBe('1.2');
  });
});
