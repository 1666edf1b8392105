/**
 * XLSX (checklist.md, "Exports"): a sheet with one row per item and the columns of the CSV,
 * a drop-down of the status labels on the status column, the header row frozen and filtered,
 * widths set; a second sheet with the path (product, from, to, modules, editions, versions),
 * the warnings, what cannot simply be undone, the required actions, the breaking changes, the
 * known issues open in the target (with a better target) and those the upgrade fixes.
 * Every cell is a string cell (a shared string), written as the text is: in XLSX a string
 * cell is never read as a formula, so `=1+2` shows as `=1+2` (a CSV cell has no type and is
 * neutralised instead). The one formula of the workbook is the status drop-down's list,
 * made by `listFormula` from the status labels.
 *
 * exceljs is loaded on first use (`import('exceljs')`): in a browser bundle it stays out of
 * the page until someone asks for an XLSX file. Vite resolves it through the package's
 * `browser` field to `exceljs/dist/exceljs.min.js`, a self-contained UMD build; Node loads
 * its CommonJS entry. Either way the module's namespace or its `default` is the library.
 */
import type { Workbook, Worksheet, XlsxWriteOptions } from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { RunResults } from '../checklist/progress.ts';
import { STATUSES } from '../checklist/progress.ts';
import type { Checklist } from '../checklist/types.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';
import { betterTargetText, checklistTitle, knownIssueFacts, localeOf, type ExportOptions } from './labels.ts';
import { selectionText, statusLabel, versionStatusLabel } from '../i18n/labels.ts';
import { PEOPLE_COLUMNS, peopleHeader, peopleRows, type PeopleColumn } from './table.ts';

type ExcelJs = typeof import('exceljs');

/** Before any version date: a workbook of a path whose versions have no date is dated so. */
const EPOCH = '1980-01-01';

/**
 * When the workbook says it was made: the date of the newest version on its path (the day the
 * road book it describes was released), never the clock, so the same checklist always gives the
 * same bytes (a rebuilt site then keeps its files unchanged).
 */
export function workbookDate(checklist: Checklist): Date {
  const dates = checklist.path.versions.map((v) => v.date).filter((d): d is string => Boolean(d));
  const newest = [checklist.path.to.date ?? '', ...dates].sort().at(-1) || EPOCH;
  const date = new Date(`${newest.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(`${EPOCH}T00:00:00Z`) : date;
}

/**
 * The time every file inside the workbook's ZIP carries (exceljs takes the clock's): local noon
 * of the ZIP format's first day, which no time zone moves out of its range.
 */
const ENTRY_TIME = new Date(1980, 0, 1, 12);

/**
 * The workbook's ZIP written again, its files in their order, each dated ENTRY_TIME and passed
 * through `edit`: the same files always give the same bytes. The exporter and a rebuild that
 * keeps a workbook but writes the new build id into it (core/build/reuse.ts) both write it so.
 * This is where the workbook is compressed: the exporter has exceljs store its files as they
 * are (`STORED_ZIP`), so reading them here costs a copy, not an inflate.
 */
export function rezipXlsx(
  bytes: Uint8Array,
  edit: (name: string, data: Uint8Array) => Uint8Array = (_name, data) => data,
): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) files[name] = [edit(name, data), { mtime: ENTRY_TIME }];
  return zipSync(files, { level: 6 });
}

/**
 * How exceljs writes its ZIP (its `zip` option goes to JSZip's generateAsync): files stored,
 * not compressed, since rezipXlsx compresses them once, dated as it must be.
 */
const STORED_ZIP: Partial<XlsxWriteOptions> = { zip: { compression: 'STORE' } };

/** exceljs, whichever way the runtime hands a CommonJS or UMD module to `import()`. */
export async function loadExcelJs(): Promise<ExcelJs> {
  const module = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return module.default?.Workbook ? module.default : module;
}

/** Column widths, in characters. */
export const XLSX_WIDTHS: Record<PeopleColumn, number> = {
  id: 30,
  version: 12,
  module: 18,
  change: 40,
  step: 60,
  expect: 50,
  priority: 11,
  status: 16,
  comment: 40,
  defect: 18,
  tester: 16,
  date: 22,
  carried: 30,
};

const WRAPPED: readonly PeopleColumn[] = ['change', 'step', 'expect', 'comment'];

/** A cell value: the text as it is (exceljs stores a string as a string cell), or nothing for an empty string. */
function cell(text: string | null | undefined): string | null {
  return text || null;
}

/**
 * The list formula of a drop-down: the labels in double quotes, comma-separated (a comma
 * inside a label would split it, so it becomes a space; no status label holds one).
 */
export function listFormula(labels: readonly string[]): string {
  return `"${labels.map((l) => l.replaceAll('"', '""').replaceAll(',', ' ')).join(',')}"`;
}

function itemsSheet(
  workbook: Workbook,
  checklist: Checklist,
  results: RunResults | undefined,
  locale: Locale,
): Worksheet {
  const sheet = workbook.addWorksheet(translate(locale, 'export.sheet.items'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = PEOPLE_COLUMNS.map((c) => ({
    key: c,
    width: XLSX_WIDTHS[c],
    style: WRAPPED.includes(c)
      ? { alignment: { wrapText: true, vertical: 'top' } }
      : { alignment: { vertical: 'top' } },
  }));
  const header = sheet.getRow(1);
  header.values = peopleHeader(locale).map((h) => cell(h));
  header.font = { bold: true };
  header.commit();

  const statusColumn = PEOPLE_COLUMNS.indexOf('status') + 1;
  const formula = listFormula(STATUSES.map((s) => statusLabel(locale, s)));
  peopleRows(checklist, results, locale).forEach((row, i) => {
    const r = sheet.getRow(i + 2);
    r.values = row.cells.map((c) => cell(c));
    r.getCell(statusColumn).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'stop',
      error: translate(locale, 'export.xlsx.statusError'),
    };
    r.commit();
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PEOPLE_COLUMNS.length } };
  return sheet;
}

function pathSheet(workbook: Workbook, checklist: Checklist, locale: Locale): Worksheet {
  const t = (key: MessageKey) => translate(locale, key);
  const sheet = workbook.addWorksheet(t('export.sheet.path'));
  sheet.columns = [{ width: 24 }, { width: 18 }, { width: 40 }, { width: 70 }];
  const add = (values: (string | null | undefined)[], bold = false) => {
    const row = sheet.addRow(values.map(cell));
    if (bold) row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
  };
  const section = (key: MessageKey) => {
    add([]);
    add([t(key)], true);
  };

  add([checklistTitle(checklist, locale)], true);
  add([t('export.summary.product'), checklist.product]);
  add([t('export.summary.from'), checklist.from ?? '—']);
  add([t('export.summary.to'), checklist.to]);
  add([t('export.summary.modules'), selectionText('modules', checklist.labels.modules, checklist.modules, locale)]);
  add([t('export.summary.editions'), selectionText('editions', checklist.labels.editions, checklist.editions, locale)]);
  if (checklist.buildId) add([t('export.summary.build'), checklist.buildId]);

  section('export.summary.versions');
  add([t('export.table.version'), t('export.table.date'), t('export.table.title'), t('export.table.status')], true);
  for (const v of checklist.path.versions) {
    add([v.version, v.date, v.title, versionStatusLabel(locale, v.status)]);
  }

  if (checklist.warnings.length) {
    section('export.section.warnings');
    for (const w of checklist.warnings) add([w.version, null, null, w.message]);
  }
  section('export.section.dataChanges');
  add([t('export.table.version'), t('export.table.change'), t('export.table.title'), t('export.table.text')], true);
  for (const c of checklist.dataChanges) {
    if (c.kind === 'database') add([c.version, null, null, c.text]);
    else add([c.version, c.entry, c.title, c.text]);
  }
  section('export.section.actions');
  add([t('export.table.version'), t('export.table.change'), t('export.table.title'), t('export.table.text')], true);
  for (const a of checklist.actions) add([a.version, a.entry, a.title, a.text]);
  if (checklist.breaking.length) {
    section('export.section.breaking');
    add([t('export.table.version'), t('export.table.change'), t('export.table.title')], true);
    for (const b of checklist.breaking) add([b.version, b.entry, b.title]);
  }
  const issues = (key: MessageKey, list: Checklist['knownIssues']) => {
    if (list.length === 0) return;
    section(key);
    add([t('export.table.version'), t('export.column.id'), t('export.table.title'), t('export.table.text')], true);
    for (const issue of list) add([issue.version, issue.id, issue.title, knownIssueFacts(issue, locale)]);
  };
  issues('export.section.knownIssues', checklist.knownIssues);
  const better = betterTargetText(checklist, locale);
  if (better) add([null, null, null, better]);
  issues('export.section.fixedOnPath', checklist.fixedOnPath);
  return sheet;
}

export async function exportXlsx(
  checklist: Checklist,
  results?: RunResults,
  options?: ExportOptions,
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const locale = localeOf(checklist, options);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'roadbook';
  workbook.title = checklistTitle(checklist, locale);
  workbook.created = workbook.modified = workbookDate(checklist);
  itemsSheet(workbook, checklist, results, locale);
  pathSheet(workbook, checklist, locale);
  const buffer = await workbook.xlsx.writeBuffer(STORED_ZIP);
  return rezipXlsx(new Uint8Array(buffer as ArrayBuffer));
}
