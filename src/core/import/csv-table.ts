/**
 * A ticket tracker's CSV export read as a table: the header, then every row with the physical
 * line of the file it starts on (a quoted cell may hold line breaks, so the row number is not
 * the line). The parsing itself is csv-parse's; this module only picks the separator, keeps
 * the lines and turns the parser's failures into messages a person can act on.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { ImportInputError } from './plan.ts';

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** `,` or `;`, as found on the header line. */
  delimiter: string;
}

const DELIMITERS = [',', ';'] as const;

/**
 * Reads `text` (a BOM and CRLF line endings are accepted). Throws ImportInputError, with the
 * line, when the text is not a CSV table.
 */
export function readCsvTable(text: string): CsvTable {
  // CRLF becomes LF first: one line ending for the whole file, and cells that hold line breaks
  // arrive as Markdown expects them.
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.trim() === '') throw new ImportInputError('The file is empty: a CSV export starts with a header row', 1);
  const delimiter = detectDelimiter(source);

  let lastRecordEnd = 0;
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(source, {
      delimiter,
      info: true,
      raw: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        lastRecordEnd = context.lines;
        return record;
      },
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw describeCsvError(error, source, lastRecordEnd);
    throw error;
  }

  const [first, ...rest] = records;
  if (!first) throw new ImportInputError('The file holds no row: a CSV export starts with a header row', 1);
  const rows = rest.map(({ record, info, raw }) => ({ line: startLine(info.lines, raw), cells: record }));
  return { header: first.record.map((name) => name.trim()), rows, delimiter };
}

/**
 * The separator is the one of `,` and `;` found most often on the header line, outside quotes
 * (a spreadsheet in a French locale writes `;`).
 */
function detectDelimiter(source: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of source) {
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return counts.get(';')! > counts.get(',')! ? ';' : ',';
}

/**
 * `lines` is the line the record ends on; its raw text starts with the empty lines skipped
 * before it and ends with its line break, neither of which is part of the record.
 */
function startLine(endLine: number, raw: string): number {
  const own = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return endLine - (own.match(/\n/g)?.length ?? 0);
}

/** csv-parse's error codes, in words. */
const MESSAGES: Record<string, string> = {
  INVALID_OPENING_QUOTE:
    'a quote (") inside a cell that does not start with one; quote the whole cell and write the quote twice ("")',
  CSV_INVALID_CLOSING_QUOTE:
    'text follows the closing quote of a quoted cell; inside a quoted cell, write a quote twice ("")',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'this row does not have as many cells as the header row',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'this row does not have as many cells as the header row',
};

function describeCsvError(error: CsvError, source: string, lastRecordEnd: number): ImportInputError {
  const line = (error as CsvError & { lines?: number }).lines ?? 1;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    // The parser notices only at the end of the file: the cell opened at the first quote after
    // the last complete row.
    const opening = openingQuoteLine(source, lastRecordEnd);
    return new ImportInputError(
      `Not a readable CSV: the quoted cell that opens on line ${opening} is never closed (a " is missing)`,
      opening,
    );
  }
  const detail = MESSAGES[error.code] ?? error.message;
  return new ImportInputError(`Not a readable CSV: line ${line}: ${detail}`, line);
}

function openingQuoteLine(source: string, afterLine: number): number {
  let offset = 0;
  for (let line = 1; line <= afterLine; line++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  const quote = source.indexOf('"', offset);
  const at = quote === -1 ? offset : quote;
  return afterLine + 1 + (source.slice(offset, at).match(/\n/g)?.length ?? 0);
}
