/**
 * Reads an exported workbook back with exceljs, as a spreadsheet program would, from the
 * bytes a writer returned, a file on disk or a browser download.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

export async function readWorkbook(source: Uint8Array | string): Promise<ExcelJS.Workbook> {
  const bytes = typeof source === 'string' ? await readFile(source) : source;
  const workbook = new ExcelJS.Workbook();
  // A copy whose buffer holds exactly these bytes (a Node Buffer may be a view on a larger pool).
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** A row's cell values, first column first (exceljs keeps index 0 empty). */
export function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}
