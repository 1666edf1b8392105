/**
 * CSV for people (checklist.md, "Exports"): UTF-8 with a BOM so spreadsheets read the
 * accents, `;` between fields in French (`,` in English), every field quoted, CRLF records,
 * no `sep=` line, cells neutralised against formula injection.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { RunResults } from '../checklist/progress.ts';
import type { Checklist } from '../checklist/types.ts';
import type { Locale } from '../model.ts';
import { localeOf, type ExportOptions } from './labels.ts';
import { neutralise } from './neutralise.ts';
import { peopleHeader, peopleRows } from './table.ts';

export const CSV_DELIMITERS: Record<Locale, string> = { fr: ';', en: ',' };

const encoder = new TextEncoder();

/**
 * Writes records as CSV text (RFC 4180: CRLF records; no BOM), every cell neutralised. With
 * `quoteAll` every field is quoted; otherwise only fields that need it (tool imports, whose
 * header line then reads exactly as the tool documents it).
 */
export function csvText(records: readonly (readonly string[])[], delimiter: string, quoteAll = false): string {
  return stringify(
    records.map((r) => r.map(neutralise)),
    { delimiter, quoted: quoteAll, quoted_empty: quoteAll, record_delimiter: 'windows', eof: true },
  );
}

/** The CSV bytes, BOM included. */
export function exportCsv(checklist: Checklist, results?: RunResults, options?: ExportOptions): Uint8Array {
  const locale = localeOf(checklist, options);
  const rows = peopleRows(checklist, results, locale).map((r) => r.cells);
  const text = csvText([peopleHeader(locale), ...rows], CSV_DELIMITERS[locale], true);
  return encoder.encode(`\uFEFF${text}`);
}
