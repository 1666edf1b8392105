/**
 * What `roadbook check` reports, whatever the format: every diagnostic, the counts, and how
 * to name a file for tools that read paths from the repository's root.
 */
import type { Diagnostic } from '../diagnostics.ts';

export interface CheckReport {
  diagnostics: readonly Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** What was read: versions, entries and verification items (drafts included). */
  counts: { versions: number; entries: number; items: number };
  /**
   * The project root seen from the working directory, `/`-separated (`''` when they are the
   * same, `docs/roadbook` when the road book lives in a sub-folder of the repository).
   * Formats read by CI tools name files from there, so that an annotation lands on the
   * repository's file.
   */
  rootPath: string;
  /** roadbook's version, for formats that name the tool. */
  toolVersion: string;
}

/** A diagnostic's file as seen from the working directory (the repository's root in CI). */
export function pathFromWorkingDirectory(report: Pick<CheckReport, 'rootPath'>, file: string): string {
  return report.rootPath ? `${report.rootPath.replace(/\/+$/, '')}/${file}` : file;
}
