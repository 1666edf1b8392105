/**
 * Azure DevOps test case CSV import (checklist.md, "Exports"): the exact headers
 * `ID,Work Item Type,Title,Test Step,Step Action,Step Expected,Area Path,Priority,State`;
 * per case one row (ID empty so Azure creates the work item, `Test Case`, the title cut to
 * 128 characters, State `Design`), then one row per step numbered from 1.
 *
 * Priorities are Azure's 1 (most important) to 4: critical → 1, high → 2, normal → 3,
 * low → 4. The area path is `options.areaPath`, empty by default (the project's root area).
 */
import type { RunResults } from '../checklist/progress.ts';
import type { Checklist } from '../checklist/types.ts';
import type { Priority } from '../model.ts';
import { testCases } from './cases.ts';
import { csvText } from './csv.ts';
import { localeOf, stepWithContext, type ExportOptions } from './labels.ts';

export const AZURE_COLUMNS = [
  'ID',
  'Work Item Type',
  'Title',
  'Test Step',
  'Step Action',
  'Step Expected',
  'Area Path',
  'Priority',
  'State',
] as const;

export const AZURE_PRIORITIES: Record<Priority, string> = { critical: '1', high: '2', normal: '3', low: '4' };

export const AZURE_TITLE_MAX = 128;

/** The title cut to 128 characters (code points), ending with `…` when cut. */
export function azureTitle(text: string): string {
  const chars = [...text];
  return chars.length <= AZURE_TITLE_MAX
    ? text
    : `${chars
        .slice(0, AZURE_TITLE_MAX - 1)
        .join('')
        .trimEnd()}…`;
}

export function exportAzure(checklist: Checklist, _results?: RunResults, options?: ExportOptions): string {
  const locale = localeOf(checklist, options);
  const rows: string[][] = [];
  for (const c of testCases(checklist, locale)) {
    rows.push([
      '',
      'Test Case',
      azureTitle(c.summary),
      '',
      '',
      '',
      options?.areaPath ?? '',
      AZURE_PRIORITIES[c.priority],
      'Design',
    ]);
    c.steps.forEach((item, i) => {
      rows.push(['', '', '', String(i + 1), stepWithContext(item, locale), item.expect ?? '', '', '', '']);
    });
  }
  return csvText([[...AZURE_COLUMNS], ...rows], ',');
}
