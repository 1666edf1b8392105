/**
 * Xray Test Case Importer CSV (checklist.md, "Exports"): `,`-separated UTF-8, one row per
 * step. `Issue ID` groups the rows of one test (one test per entry, one per process: numbered
 * 1, 2, …); `Test Summary`, `Test Priority`, `Test Repo` and `Labels` are on a test's first
 * row only, as in Xray's own examples; `Test Type` is `Manual` on every row.
 *
 * Priorities are Jira's default names: critical → Highest, high → High, normal → Medium,
 * low → Low. `Test Repo` is the folder `Module/Version` (a `/` inside a module label or a
 * version string would open a sub-folder, so it becomes `-`). `Labels` are the entry's type
 * and modules, separated by `;` (Jira labels hold no spaces: spaces become `_`).
 */
import type { RunResults } from '../checklist/progress.ts';
import type { Checklist } from '../checklist/types.ts';
import type { Priority } from '../model.ts';
import { urlSafeVersion } from '../versions.ts';
import { testCases } from './cases.ts';
import { csvText } from './csv.ts';
import { localeOf, stepWithMenu, type ExportOptions } from './labels.ts';

export const XRAY_COLUMNS = [
  'Issue ID',
  'Test Type',
  'Test Summary',
  'Test Priority',
  'Action',
  'Data',
  'Result',
  'Test Repo',
  'Labels',
] as const;

export const XRAY_PRIORITIES: Record<Priority, string> = {
  critical: 'Highest',
  high: 'High',
  normal: 'Medium',
  low: 'Low',
};

function folder(text: string): string {
  return text.replaceAll('/', '-').trim();
}

function label(text: string): string {
  return text.trim().replace(/\s+/g, '_');
}

export function exportXray(checklist: Checklist, _results?: RunResults, options?: ExportOptions): string {
  const locale = localeOf(checklist, options);
  const rows: string[][] = [];
  testCases(checklist, locale).forEach((c, index) => {
    const id = String(index + 1);
    const repo = `${folder(c.section)}/${folder(urlSafeVersion(c.version))}`;
    const labels = c.record ? [c.record.type, ...c.record.modules].map(label).join(';') : '';
    c.steps.forEach((item, i) => {
      const first = i === 0;
      rows.push([
        id,
        'Manual',
        first ? c.summary : '',
        first ? XRAY_PRIORITIES[c.priority] : '',
        stepWithMenu(item, locale),
        item.setup ?? '',
        item.expect ?? '',
        first ? repo : '',
        first ? labels : '',
      ]);
    });
  });
  return csvText([[...XRAY_COLUMNS], ...rows], ',');
}
