/**
 * `sarif`: SARIF 2.1.0, for code-scanning tools. One run; the driver lists every code of
 * DIAGNOSTIC_CODES as a rule; each result points at its rule and its region. File URIs are
 * relative to `%SRCROOT%`, the working directory (the repository's root in CI).
 */
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from '../diagnostics.ts';
import { pathFromWorkingDirectory, type CheckReport } from './report.ts';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export const SARIF_SOURCE_ROOT = '%SRCROOT%';

const CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

/** A `/`-separated path as a relative URI reference (each segment percent-encoded). */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function result(report: CheckReport, d: Diagnostic) {
  return {
    ruleId: d.code,
    ruleIndex: CODES.indexOf(d.code),
    level: d.severity,
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: {
            uri: relativeUri(pathFromWorkingDirectory(report, d.file)),
            uriBaseId: SARIF_SOURCE_ROOT,
          },
          region: {
            startLine: d.line,
            startColumn: d.column,
            ...(d.endLine !== undefined && { endLine: d.endLine }),
            ...(d.endColumn !== undefined && { endColumn: d.endColumn }),
          },
        },
      },
    ],
  };
}

export function formatSarif(report: CheckReport): string {
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'roadbook',
            version: report.toolVersion,
            rules: CODES.map((code) => ({
              id: code,
              shortDescription: { text: DIAGNOSTIC_CODES[code] },
            })),
          },
        },
        results: report.diagnostics.map((d) => result(report, d)),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
