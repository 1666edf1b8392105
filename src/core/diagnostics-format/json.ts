/**
 * `json`: every diagnostic as data, for scripts. Files are named from the project root, as
 * in the text format; `root` says where that root is from the working directory.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { CheckReport } from './report.ts';

export interface CheckJson {
  format: 'roadbook-check';
  version: 1;
  root: string;
  counts: CheckReport['counts'] & { errors: number; warnings: number };
  diagnostics: Diagnostic[];
}

export function formatJson(report: CheckReport): string {
  const json: CheckJson = {
    format: 'roadbook-check',
    version: 1,
    root: report.rootPath || '.',
    counts: { ...report.counts, errors: report.errorCount, warnings: report.warningCount },
    diagnostics: report.diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      ...(d.endLine !== undefined && { endLine: d.endLine }),
      ...(d.endColumn !== undefined && { endColumn: d.endColumn }),
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
