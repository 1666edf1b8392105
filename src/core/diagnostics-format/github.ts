/**
 * `github`: GitHub Actions workflow commands, so that each problem shows on its line of the
 * pull request: `::error file=…,line=…,col=…,title=<code>::<message>`. Escapes as the Actions
 * toolkit does: in the message `%`, CR and LF; in a property also `:` and `,`.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { formatSummary } from '../diagnostics.ts';
import { pathFromWorkingDirectory, type CheckReport } from './report.ts';

const DATA_ESCAPES: Record<string, string> = { '%': '%25', '\r': '%0D', '\n': '%0A' };
const PROPERTY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, ':': '%3A', ',': '%2C' };

function escaper(table: Record<string, string>): (text: string) => string {
  const pattern = new RegExp(`[${Object.keys(table).join('')}]`, 'g');
  return (text) => text.replace(pattern, (c) => table[c]!);
}

export const escapeGithubData = escaper(DATA_ESCAPES);
export const escapeGithubProperty = escaper(PROPERTY_ESCAPES);

function command(report: CheckReport, d: Diagnostic): string {
  const properties: [string, string | number | undefined][] = [
    ['file', pathFromWorkingDirectory(report, d.file)],
    ['line', d.line],
    ['col', d.column],
    ['endLine', d.endLine],
    ['endColumn', d.endColumn],
    ['title', d.code],
  ];
  const list = properties
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([name, value]) => `${name}=${escapeGithubProperty(String(value))}`)
    .join(',');
  return `::${d.severity} ${list}::${escapeGithubData(d.message)}\n`;
}

export function formatGithub(report: CheckReport): string {
  const summary = `roadbook check: ${formatSummary(report.errorCount, report.warningCount)}\n`;
  return `${report.diagnostics.map((d) => command(report, d)).join('')}${summary}`;
}
