import { relative, resolve, sep } from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import { checkFormat, type CheckFormatId, type CheckReport } from '../../core/diagnostics-format/index.ts';
import { loadRoadBook, type LoadResult } from '../../core/read/road-book.ts';
import { cachePaths } from '../../astro/settings.ts';
import type { Io } from '../io.ts';

export interface CheckArgs {
  root?: string;
  /** How the problems are written; default `text`. */
  format?: CheckFormatId;
}

/** Reports every problem of the road book under `root` in `format`; 1 when any is an error. */
export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  // Drafts are checked like everything else; the counts include them.
  const root = resolve(io.cwd, args.root ?? '.');
  const result = await loadRoadBook(root, {
    drafts: true,
    draftsPublished: false,
    // No page is made: the bodies' HTML is left to the build.
    renderBodies: false,
    cacheFile: cachePaths(root).entryCacheFile,
  });
  reportDiagnostics(result, io, args.format ?? 'text', root);
  return result.errorCount > 0 ? 1 : 0;
}

/** The report of a load, for the formats. */
export function checkReport(result: LoadResult, rootPath: string): CheckReport {
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
    rootPath,
    toolVersion: pkg.version,
  };
}

/** Writes the problems of a load: `text` (the default) is `path:line:col  severity  message  code` per problem, then a count. */
export function reportDiagnostics(result: LoadResult, io: Io, format: CheckFormatId = 'text', root = io.cwd): void {
  const writer = checkFormat(format)!;
  const rootPath = relative(io.cwd, root).split(sep).join('/');
  const text = writer.write(checkReport(result, rootPath));
  if (writer.stream === 'stdout') io.stdout(text);
  else io.stderr(text);
}
