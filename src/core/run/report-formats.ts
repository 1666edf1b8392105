/**
 * The sign-off report's downloadable formats, described once (beside EXPORT_FORMATS, which
 * are formats of the checklist itself): the checklist page offers this list, in this order.
 * Each writer is loaded when first used, like the export formats; each writes the report
 * sealed (seal-report.ts).
 */
import type { MessageKey } from '../i18n/translate.ts';
import { exportFileName } from '../export/index.ts';
import type { SignOffReport } from './signoff.ts';

export type ReportFormatId = 'signoff-md' | 'signoff-json' | 'junit';

export interface ReportFormat {
  id: ReportFormatId;
  label: MessageKey;
  /** What follows the base name of the file, distinct from every export format's. */
  extension: string;
  mimeType: string;
  export: (report: SignOffReport) => Promise<string>;
}

export const REPORT_FORMATS: readonly ReportFormat[] = [
  {
    id: 'signoff-md',
    label: 'signoff.format.md',
    extension: 'signoff.md',
    mimeType: 'text/markdown;charset=utf-8',
    export: async (report) => (await import('./signoff-markdown.ts')).sealedSignOffMarkdown(report),
  },
  {
    id: 'signoff-json',
    label: 'signoff.format.json',
    extension: 'signoff.json',
    mimeType: 'application/json',
    export: async (report) => (await import('./signoff-json.ts')).signOffJson(report),
  },
  {
    id: 'junit',
    label: 'signoff.format.junit',
    extension: 'junit.xml',
    mimeType: 'application/xml',
    export: async (report) =>
      (await import('./junit.ts')).signOffJunit(await (await import('./seal-report.ts')).withSeal(report)),
  },
];

export function reportFormat(id: string): ReportFormat | undefined {
  return REPORT_FORMATS.find((f) => f.id === id);
}

/** `gestan-15.1.0-15.3.0.signoff.md`, named like the exports of the same path. */
export function reportFileName(
  report: Pick<SignOffReport, 'product' | 'from' | 'to'>,
  format: Pick<ReportFormat, 'extension'>,
): string {
  return exportFileName(report, format);
}
