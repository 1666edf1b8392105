/**
 * The table of the people-facing exports (CSV and XLSX): one row per item, the columns of
 * checklist.md in that order, labels in the checklist's language. Cells are raw text here:
 * the CSV writer neutralises them, the XLSX writer stores them as string cells.
 */
import type { Checklist } from '../checklist/types.ts';
import { resultOf, type CarriedFrom, type RunResults, type Status } from '../checklist/progress.ts';
import { translate, type MessageKey } from '../i18n/translate.ts';
import type { Locale } from '../model.ts';
import { moduleCell, stepWithContext } from './labels.ts';
import { priorityLabel, statusLabel } from '../i18n/labels.ts';

export const PEOPLE_COLUMNS = [
  'id',
  'version',
  'module',
  'change',
  'step',
  'expect',
  'priority',
  'status',
  'comment',
  'defect',
  'tester',
  'date',
  'carried',
] as const;

export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

const COLUMN_KEYS: Record<PeopleColumn, MessageKey> = {
  id: 'export.column.id',
  version: 'export.column.version',
  module: 'export.column.module',
  change: 'export.column.change',
  step: 'export.column.step',
  expect: 'export.column.expect',
  priority: 'export.column.priority',
  status: 'export.column.status',
  comment: 'export.column.comment',
  defect: 'export.column.defect',
  tester: 'export.column.tester',
  date: 'export.column.date',
  carried: 'export.column.carried',
};

export function columnLabel(locale: Locale, column: PeopleColumn): string {
  return translate(locale, COLUMN_KEYS[column]);
}

export interface PeopleRow {
  cells: string[];
  status: Status;
}

export function peopleHeader(locale: Locale): string[] {
  return PEOPLE_COLUMNS.map((c) => columnLabel(locale, c));
}

/** The carried-from cell: the earlier run's name and the date of the result there. */
export function carriedText(from: CarriedFrom): string {
  return `${from.name} (${from.date})`;
}

export function peopleRows(checklist: Checklist, results: RunResults | undefined, locale: Locale): PeopleRow[] {
  return checklist.items.map((item) => {
    const result = resultOf(results, item.id);
    const status = result?.status ?? 'untested';
    const cells: Record<PeopleColumn, string> = {
      id: item.id,
      version: item.version,
      module: moduleCell(checklist, item, locale),
      change: item.title,
      step: stepWithContext(item, locale),
      expect: item.expect ?? '',
      priority: priorityLabel(locale, item.priority),
      status: statusLabel(locale, status),
      comment: result?.comment ?? '',
      defect: result?.defect ?? '',
      tester: result?.tester ?? '',
      date: result?.time ?? '',
      carried: result?.carriedFrom ? carriedText(result.carriedFrom) : '',
    };
    return { cells: PEOPLE_COLUMNS.map((c) => cells[c]), status };
  });
}
