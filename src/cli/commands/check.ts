import { resolve } from 'node:path';
import { formatDiagnostic, formatSummary } from '../../core/diagnostics.ts';
import { loadRoadBook, type LoadResult } from '../../core/read/road-book.ts';
import { cachePaths } from '../../astro/settings.ts';
import type { Io } from '../io.ts';

export interface CheckArgs {
  root?: string;
}

/** Prints every problem of the road book under `root`; 1 when any is an error. */
export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  // Drafts are checked like everything else; the counts include them.
  const root = resolve(io.cwd, args.root ?? '.');
  const result = await loadRoadBook(root, {
    drafts: true,
    draftsPublished: false,
    cacheFile: cachePaths(root).entryCacheFile,
  });
  reportDiagnostics(result, io);
  return result.errorCount > 0 ? 1 : 0;
}

/** `path:line:col  severity  message  code` per problem, then a count. */
export function reportDiagnostics(result: LoadResult, io: Io): void {
  for (const d of result.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  const { versions, entries } = result.book;
  const items = entries.reduce((n, e) => n + e.items.length, 0);
  const summary = formatSummary(result.errorCount, result.warningCount);
  const counts = `${versions.length} versions, ${entries.length} entries, ${items} verification items`;
  io.stderr(`${result.diagnostics.length ? '\n' : ''}${counts}: ${summary}\n`);
}
