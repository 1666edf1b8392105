/**
 * `gitlab`: a GitLab Code Quality report (the subset of the Code Climate format GitLab reads:
 * description, check_name, fingerprint, severity, location.path, location.lines.begin), so
 * that problems show in the merge request. GitLab reads this format, not SARIF, for code
 * quality. Paths are from the working directory (the repository's root in CI); the
 * fingerprint is stable for the same problem at the same place, and distinct otherwise.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { pathFromWorkingDirectory, type CheckReport } from './report.ts';

/** GitLab's scale is info, minor, major, critical, blocker: an error stops the build, a warning does not. */
export const GITLAB_SEVERITIES: Record<Severity, string> = { error: 'major', warning: 'minor' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

function issue(report: CheckReport, d: Diagnostic): CodeQualityIssue {
  const path = pathFromWorkingDirectory(report, d.file);
  const fingerprint = createHash('sha256').update([path, d.line, d.column, d.code, d.message].join('\0')).digest('hex');
  return {
    description: d.message,
    check_name: d.code,
    fingerprint,
    severity: GITLAB_SEVERITIES[d.severity],
    location: { path, lines: { begin: d.line } },
  };
}

export function formatGitlab(report: CheckReport): string {
  return `${JSON.stringify(
    report.diagnostics.map((d) => issue(report, d)),
    null,
    2,
  )}\n`;
}
