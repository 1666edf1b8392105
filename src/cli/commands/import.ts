import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticList, formatDiagnostic, type Diagnostic } from '../../core/diagnostics.ts';
import { readTypeMap, type TypeMap } from '../../core/import/changelog-sections.ts';
import { planFromCsv, readCsvMap } from '../../core/import/csv.ts';
import type { CsvMap } from '../../core/import/csv-map.ts';
import { planFromKeepAChangelog } from '../../core/import/keepachangelog.ts';
import { ImportInputError, type ImportPlan } from '../../core/import/plan.ts';
import { writePlan, type WriteSummary } from '../../core/import/write-plan.ts';
import type { RoadBookConfig } from '../../core/model.ts';
import { readConfig } from '../../core/read/config.ts';
import { decodeTextFile } from '../../core/read/text-file.ts';
import { isVersion, parseSemver } from '../../core/versions.ts';
import { CliError, type Io } from '../io.ts';

export const IMPORT_FORMATS = ['keepachangelog', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportArgs {
  format: ImportFormat;
  /** The file to import, relative to the working folder. */
  file: string;
  root?: string;
  dryRun?: boolean;
  /** keepachangelog: the module of every entry (default: roadbook.yml's first). */
  module?: string;
  /** keepachangelog: section → type overrides. */
  typeMap?: string;
  /** keepachangelog: the version `[Unreleased]` is imported as. */
  unreleased?: string;
  /** csv: column and value map. */
  map?: string;
}

/** A file the user named could not be read; its problems are already in `diagnostics`. */
class Unreadable extends Error {}

/**
 * Imports a changelog or a ticket tracker's CSV into content/versions/: prints what it wrote
 * (or, with --dry-run, would write) and what it skipped and why. Exit 1 when the input or
 * roadbook.yml cannot be read; skipped headings and rows are reported, not failures.
 */
export async function runImport(args: ImportArgs, io: Io): Promise<number> {
  const root = resolve(io.cwd, args.root ?? '.');
  const diagnostics = new DiagnosticList();
  const config = await readConfig(root, diagnostics);
  if (diagnostics.errorCount > 0) {
    report(diagnostics.items, io);
    io.stderr('roadbook.yml has errors: fix them before importing.\n');
    return 1;
  }

  let plan: ImportPlan;
  try {
    const text = await readText(args.file, io, diagnostics);
    plan =
      args.format === 'csv'
        ? await csvPlan(args, text, config, io, diagnostics)
        : await changelogPlan(args, text, config, io, diagnostics);
  } catch (error) {
    if (error instanceof ImportInputError) {
      diagnostics.error('import-input', args.file, { line: error.line, column: 1 }, error.message);
    } else if (!(error instanceof Unreadable)) throw error;
    report(diagnostics.items, io);
    return 1;
  }

  const summary = await writePlan(plan, { root, dryRun: Boolean(args.dryRun) });
  printSummary(args.file, summary, io);
  return 0;
}

async function changelogPlan(
  args: ImportArgs,
  text: string,
  config: RoadBookConfig,
  io: Io,
  diagnostics: DiagnosticList,
): Promise<ImportPlan> {
  const module = args.module ?? config.modules?.[0]?.id;
  if (!module) {
    throw new CliError('roadbook.yml lists no modules: say which module the changes belong to with --module <id>', 2);
  }
  if (config.modules && !config.modules.some((m) => m.id === module)) {
    const choices = config.modules.map((m) => m.id).join(', ');
    throw new CliError(`--module "${module}" is not one of the modules of roadbook.yml: ${choices}`, 1);
  }
  if (args.unreleased !== undefined && !isVersion(args.unreleased, config) && !parseSemver(args.unreleased)) {
    throw new CliError(`--unreleased "${args.unreleased}" is not a version string, such as 2.1.0`, 2);
  }
  let typeMap: TypeMap | undefined;
  if (args.typeMap) {
    const mapText = await readText(args.typeMap, io, diagnostics);
    typeMap = readTypeMap(mapText, args.typeMap, config, diagnostics) ?? undefined;
    if (!typeMap) throw new Unreadable();
  }
  return planFromKeepAChangelog({ text, config, module, typeMap, unreleased: args.unreleased ?? null });
}

async function csvPlan(
  args: ImportArgs,
  text: string,
  config: RoadBookConfig,
  io: Io,
  diagnostics: DiagnosticList,
): Promise<ImportPlan> {
  let map: CsvMap | null = null;
  if (args.map) {
    const read = readCsvMap(await readText(args.map, io, diagnostics), args.map);
    diagnostics.push(...read.diagnostics);
    if (read.diagnostics.some((d) => d.severity === 'error')) throw new Unreadable();
    map = read.map;
  }
  return planFromCsv({ text, file: args.file, config, map });
}

/** A file the user named, decoded as content files are (UTF-8, BOM and CRLF accepted). */
async function readText(file: string, io: Io, diagnostics: DiagnosticList): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : `${code ?? error}`;
    throw new CliError(`Cannot read ${file}: ${why}`, 1);
  }
  const text = decodeTextFile(bytes, file, diagnostics);
  if (text === null) throw new Unreadable();
  return text;
}

function report(items: readonly Diagnostic[], io: Io): void {
  for (const d of items) io.stderr(`${formatDiagnostic(d)}\n`);
}

function printSummary(file: string, summary: WriteSummary, io: Io): void {
  const verb = summary.dryRun ? 'would write' : 'wrote';
  const lines: string[] = [];
  for (const f of [...summary.versions, ...summary.entries]) lines.push(`  ${verb} ${f.path}`);
  if (summary.configWritten) lines.push(`  ${verb} content/roadbook.yml (versioning: ${summary.versioning})`);
  for (const s of summary.skipped) lines.push(`${file}:${s.line}  skipped  ${s.what}: ${s.why}`);
  for (const note of summary.notes) lines.push(`note: ${note}`);
  const counts = [
    `${summary.versions.length} versions created`,
    `${summary.existingVersions} already there`,
    `${summary.entries.length} entries created`,
    `${summary.skipped.length} skipped`,
  ].join(', ');
  lines.push('', `${summary.dryRun ? 'Dry run, nothing written: ' : ''}${counts}.`);
  if (!summary.dryRun && summary.entries.length + summary.versions.length > 0) {
    lines.push('Run `roadbook check` to see what the writers have left to do.');
  }
  io.stdout(`${lines.join('\n')}\n`);
}
