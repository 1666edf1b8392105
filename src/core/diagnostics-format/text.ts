/** `text`: one `path:line:col  severity  message  code` line per problem, then the counts. */
import { formatDiagnostic, formatSummary } from '../diagnostics.ts';
import type { CheckReport } from './report.ts';

export function formatText(report: CheckReport): string {
  const { versions, entries, items } = report.counts;
  const lines = report.diagnostics.map((d) => `${formatDiagnostic(d)}\n`);
  const counts = `${versions} versions, ${entries} entries, ${items} verification items`;
  const summary = formatSummary(report.errorCount, report.warningCount);
  return `${lines.join('')}${lines.length ? '\n' : ''}${counts}: ${summary}\n`;
}
