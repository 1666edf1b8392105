import { relative, resolve, sep } from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import { checkFormat, type CheckFormatId, type CheckReport } from '../../core/diagnostics-format/index.ts';
import { contentStamp, keepFindings, keptFindings, type CheckFindings } from '../../core/read/check-result.ts';
import type { LoadResult } from '../../core/read/road-book.ts';
import { cachePaths } from '../../astro/settings.ts';
import type { Io } from '../io.ts';

export interface CheckArgs {
  root?: string;
  /** How the problems are written; default `text`. */
  format?: CheckFormatId;
}

/** What `check` asks of the reading, in the stamp of what it found: other options, other findings. */
const CHECK_READING = 'drafts; links judged without drafts; bodies not rendered';

/**
 * Reports every problem of the road book under `root` in `format`; 1 when any is an error.
 * When no file under content/ has changed since the last check (nor roadbook itself), what
 * that check found is reported again without reading the road book (check-result.ts).
 */
export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const root = resolve(io.cwd, args.root ?? '.');
  const paths = cachePaths(root);
  // Stamped before reading: a file changed while the check reads it changes the next stamp.
  const stamp = await contentStamp(root, CHECK_READING);
  let findings = stamp === null ? null : await keptFindings(paths.checkFile, stamp);
  if (!findings) {
    // The reader (zod, yaml and the rest) is loaded only when the road book is read.
    const { loadRoadBook } = await import('../../core/read/road-book.ts');
    // Drafts are checked like everything else; the counts include them.
    const result = await loadRoadBook(root, {
      drafts: true,
      draftsPublished: false,
      // No page is made: the bodies' HTML is left to the build.
      renderBodies: false,
      cacheFile: paths.entryCacheFile,
    });
    findings = findingsOf(result);
    if (stamp !== null) await keepFindings(paths.checkFile, stamp, findings);
  }
  writeFindings(findings, io, args.format ?? 'text', root);
  return findings.errorCount > 0 ? 1 : 0;
}

/** What a load found, as `check` reports it. */
export function findingsOf(result: LoadResult): CheckFindings {
  const { versions, entries } = result.book;
  return {
    diagnostics: result.diagnostics,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    counts: {
      versions: versions.length,
      entries: entries.length,
      items: entries.reduce((n, e) => n + e.items.length, 0),
    },
  };
}

/** The report of what a check found, for the formats. */
function checkReport(findings: CheckFindings, rootPath: string): CheckReport {
  return { ...findings, rootPath, toolVersion: pkg.version };
}

/** Writes the problems of a load: `text` (the default) is `path:line:col  severity  message  code` per problem, then a count. */
export function reportDiagnostics(result: LoadResult, io: Io, format: CheckFormatId = 'text', root = io.cwd): void {
  writeFindings(findingsOf(result), io, format, root);
}

export function writeFindings(findings: CheckFindings, io: Io, format: CheckFormatId, root: string): void {
  const writer = checkFormat(format)!;
  const rootPath = relative(io.cwd, root).split(sep).join('/');
  const text = writer.write(checkReport(findings, rootPath));
  if (writer.stream === 'stdout') io.stdout(text);
  else io.stderr(text);
}
