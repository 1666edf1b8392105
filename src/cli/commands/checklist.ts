import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  arrangeChecklist,
  buildChecklist,
  CHECKLIST_ORDERS,
  ChecklistError,
  sourceFromRoadBook,
  type Checklist,
  type ChecklistOrder,
} from '../../core/checklist/index.ts';
import { DiagnosticList, formatDiagnostic } from '../../core/diagnostics.ts';
import { EXPORT_FORMATS, exportChecklist, type ExportFormatId } from '../../core/export/index.ts';
import { betterTargetText, knownIssueFacts } from '../../core/export/labels.ts';
import type { Process } from '../../core/model.ts';
import { parseCompanyProcesses } from '../../core/read/processes.ts';
import { loadRoadBook } from '../../core/read/road-book.ts';
import { decodeTextFile } from '../../core/read/text-file.ts';
import type { RunRequest } from '../../core/run/types.ts';
import { cachePaths } from '../../astro/settings.ts';
import { CliError, type Io } from '../io.ts';
import { reportDiagnostics } from './check.ts';

export interface ChecklistArgs {
  root?: string;
  from?: string;
  to?: string;
  module?: string[];
  edition?: string[];
  process?: string[];
  processes?: string;
  format?: string;
  out?: string;
  drafts?: boolean;
  order?: string;
  minimum?: boolean;
}

const FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id);

/**
 * Writes the acceptance-test checklist of an upgrade path (or of one version, without
 * `--from`) in one export format, to stdout or to `--out`. The same engine and exporters run
 * in the checklist page of the site.
 */
export async function runChecklist(args: ChecklistArgs, io: Io): Promise<number> {
  const format = EXPORT_FORMATS.find((f) => f.id === (args.format ?? 'json'));
  if (!format) throw new CliError(`Unknown format "${args.format}"; choose one of ${FORMAT_IDS.join(', ')}`, 2);
  if (!args.to) throw new CliError('Say which version is to be installed: --to <version>', 2);
  const order = (args.order ?? 'road-book') as ChecklistOrder;
  if (!CHECKLIST_ORDERS.includes(order)) {
    throw new CliError(`Unknown order "${args.order}"; choose one of ${CHECKLIST_ORDERS.join(', ')}`, 2);
  }
  const arrangement = { order, minimum: Boolean(args.minimum) };
  if (format.id === 'xlsx' && !args.out) {
    throw new CliError('XLSX is a binary format: give the file to write with --out checklist.xlsx', 2);
  }

  const root = resolve(io.cwd, args.root ?? '.');
  const loaded = await loadRoadBook(root, { drafts: Boolean(args.drafts), cacheFile: cachePaths(root).entryCacheFile });
  if (loaded.errorCount > 0) {
    reportDiagnostics(loaded, io);
    io.stderr('The road book has errors: fix them before making a checklist.\n');
    return 1;
  }

  const request: RunRequest = {
    from: args.from ?? null,
    to: args.to,
    modules: args.module ?? [],
    editions: args.edition ?? [],
    processes: [...(args.process ?? [])],
  };
  if (args.processes)
    request.processes.push(
      ...(await readCompanyProcesses(resolve(io.cwd, args.processes), args.processes, loaded, io)),
    );

  const source = sourceFromRoadBook(loaded.book, { includeDrafts: Boolean(args.drafts) });
  let checklist: Checklist;
  try {
    checklist = buildChecklist(source, request);
  } catch (error) {
    if (error instanceof ChecklistError) throw new CliError(error.message, 1);
    throw error;
  }
  for (const warning of checklist.warnings) io.stderr(`warning: ${warning.message}\n`);
  reportKnownIssues(checklist, io);

  const site = loaded.book.config.site;
  const result = await exportChecklist(format.id as ExportFormatId, checklist, undefined, {
    ...arrangement,
    ...(site ? { origin: new URL(site).origin } : {}),
  });
  const bytes = typeof result.data === 'string' ? new TextEncoder().encode(result.data) : result.data;
  if (args.out) {
    const out = resolve(io.cwd, args.out);
    await writeFile(out, bytes);
    const written = arrangeChecklist(checklist, arrangement).items.length;
    io.stderr(`Wrote ${written} items of ${checklist.versions.join(', ')} to ${out}\n`);
  } else {
    io.stdoutBytes(bytes);
  }
  return 0;
}

/**
 * The target's open known issues (blocking first) and a better target, on stderr beside the
 * warnings: whoever makes a checklist learns them even when the file goes elsewhere.
 */
function reportKnownIssues(checklist: Checklist, io: Io): void {
  const { locale } = checklist;
  for (const issue of checklist.knownIssues) {
    io.stderr(`known issue: ${issue.id} (${issue.version}) ${issue.title} — ${knownIssueFacts(issue, locale)}\n`);
  }
  const better = betterTargetText(checklist, locale);
  if (better) io.stderr(`better target: ${better}\n`);
}

async function readCompanyProcesses(
  path: string,
  shown: string,
  loaded: Awaited<ReturnType<typeof loadRoadBook>>,
  io: Io,
): Promise<(string | Process)[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new CliError(`Cannot read the processes file ${shown}`, 1);
  }
  const diagnostics = new DiagnosticList();
  const text = decodeTextFile(bytes, shown, diagnostics);
  const processes = text === null ? [] : parseCompanyProcesses(text, shown, loaded.book.config, diagnostics);
  for (const d of diagnostics.sorted()) io.stderr(`${formatDiagnostic(d)}\n`);
  if (diagnostics.errorCount > 0) throw new CliError(`The processes file ${shown} has errors`, 1);
  return processes;
}
