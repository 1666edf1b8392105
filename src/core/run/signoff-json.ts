/**
 * The sign-off report as JSON: the report's data (signoff.ts `SignOffReport`) in an envelope
 * that says what the file is and carries the seal. A verifier derives the sealed data from
 * `report` with the same function as the writer (seal-report.ts), so changing any sealed
 * field of the report (a result, an item's hash, the path, the build, the decision or a
 * signing party) no longer matches `seal`.
 */
import { withSeal } from './seal-report.ts';
import type { SignOffReport } from './signoff.ts';

export const SIGNOFF_FORMAT = 'roadbook-signoff';
export const SIGNOFF_FORMAT_VERSION = 1;

export interface SignOffFile {
  format: typeof SIGNOFF_FORMAT;
  version: typeof SIGNOFF_FORMAT_VERSION;
  /** Null where no digest could be computed (seal.ts `canSeal`). */
  seal: string | null;
  report: SignOffReport;
}

/** The report as JSON text (pretty-printed: people open it). */
export async function signOffJson(report: SignOffReport): Promise<string> {
  const sealed = await withSeal(report);
  const file: SignOffFile = {
    format: SIGNOFF_FORMAT,
    version: SIGNOFF_FORMAT_VERSION,
    seal: sealed.seal ?? null,
    report: sealed,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
