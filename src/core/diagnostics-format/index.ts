/**
 * The formats of `roadbook check --format`, described once: the CLI offers this list and
 * writes each format where it belongs (text, for people, on stderr as before; the others, for
 * tools, on stdout). Exit codes never depend on the format.
 */
import { formatGithub } from './github.ts';
import { formatGitlab } from './gitlab.ts';
import { formatJson } from './json.ts';
import type { CheckReport } from './report.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

export type CheckFormatId = 'text' | 'json' | 'github' | 'sarif' | 'gitlab';

export interface CheckFormat {
  id: CheckFormatId;
  write: (report: CheckReport) => string;
  stream: 'stdout' | 'stderr';
}

export const CHECK_FORMATS: readonly CheckFormat[] = [
  { id: 'text', write: formatText, stream: 'stderr' },
  { id: 'json', write: formatJson, stream: 'stdout' },
  { id: 'github', write: formatGithub, stream: 'stdout' },
  { id: 'sarif', write: formatSarif, stream: 'stdout' },
  { id: 'gitlab', write: formatGitlab, stream: 'stdout' },
];

export const CHECK_FORMAT_IDS: readonly CheckFormatId[] = CHECK_FORMATS.map((f) => f.id);

export function checkFormat(id: string): CheckFormat | undefined {
  return CHECK_FORMATS.find((f) => f.id === id);
}

export type { CheckReport } from './report.ts';
