/**
 * `roadbook run merge` and `roadbook run verify`: the team-run tools of the checklist page,
 * for a lead who gathers the testers' progress files, and for anyone who checks a sign-off
 * report against the road book. Both call the core the page calls (merge.ts, verify-report.ts).
 *
 * Exit codes: 0 done (merged and written; report sealed and unchanged, nothing changed
 * since); 1 conflicts remain, or the report or the road book changed since; 2 bad input,
 * said as `file:line:col  error  message  code`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { sourceFromRoadBook } from '../../core/checklist/index.ts';
import type { ItemResult } from '../../core/checklist/progress.ts';
import { buildIdOf } from '../../core/build-id.ts';
import { formatDiagnostic, type DiagnosticCode } from '../../core/diagnostics.ts';
import { loadRoadBook } from '../../core/read/road-book.ts';
import { importRuns } from '../../core/run/merge.ts';
import {
  conflictedItems,
  newRevision,
  settleConflict,
  versionsOf,
  type ResultVersion,
} from '../../core/run/merge-results.ts';
import { parseProgressFile, progressFileText } from '../../core/run/saved.ts';
import type { SavedRun } from '../../core/run/types.ts';
import { allClear, verifyReport, type Verification } from '../../core/run/verify-report.ts';
import { cachePaths } from '../../astro/settings.ts';
import { reportDiagnostics } from './check.ts';
import type { Io } from '../io.ts';

/** Messages of the CLI are in English, like its other messages. */
const LOCALE = 'en';

function shown(io: Io, path: string): string {
  return relative(io.cwd, path).split(sep).join('/') || path;
}

function problem(io: Io, file: string, message: string, code: DiagnosticCode, line = 1, column = 1): number {
  io.stderr(`${formatDiagnostic({ file, line, column, severity: 'error', message, code })}\n`);
  return 2;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

export interface MergeArgs {
  files: string[];
  out?: string;
  prefer?: string;
}

/** What one version of a conflict says: `Marie: failed/Écart de 1 centime`. */
function versionText(v: ResultVersion): string {
  const said = [v.status, v.comment?.trim(), v.defect?.trim() && `defect ${v.defect.trim()}`].filter(Boolean);
  return `${v.tester?.trim() || '(no tester)'}: ${said.join('/')}`;
}

function newestIndex(result: ItemResult): number {
  const times = versionsOf(result).map((v) => (v.time ? Date.parse(v.time) : Number.NEGATIVE_INFINITY));
  return times.reduce((best, t, i) => (t > times[best]! ? i : best), 0);
}

/**
 * Merges progress files item by item (merge.ts): runs by id, results by the team rule. Every
 * conflict is listed; --out is written only when none remains (or --prefer newest settles
 * each with its most recent version).
 */
export async function runMerge(args: MergeArgs, io: Io): Promise<number> {
  if (args.prefer !== undefined && args.prefer !== 'newest') {
    io.stderr(`roadbook: --prefer takes only "newest", not "${args.prefer}"\n`);
    return 2;
  }
  if (!args.out) {
    io.stderr('roadbook: say where to write the merged progress file: --out <file>\n');
    return 2;
  }
  let scope: { product: string; base: string; buildId: string | null } | null = null;
  let runs: SavedRun[] = [];
  for (const file of args.files) {
    const path = resolve(io.cwd, file);
    const name = shown(io, path);
    const text = await readText(path);
    if (text === null) return problem(io, name, 'Cannot read this file', 'progress-invalid');
    if (scope === null) {
      // The first file says which road book the runs belong to; the others must be of the same.
      try {
        const head = JSON.parse(text.replace(/^\uFEFF/, '')) as { product?: unknown; base?: unknown };
        scope = {
          product: typeof head.product === 'string' ? head.product : '',
          base: typeof head.base === 'string' ? head.base : '/',
          buildId: null,
        };
      } catch {
        // parseProgressFile says why below.
      }
    }
    const parsed = parseProgressFile(text, scope ?? { product: '', base: '/' }, LOCALE);
    if (!parsed.ok) return problem(io, name, parsed.error.message, 'progress-invalid');
    for (const d of parsed.dropped) {
      io.stderr(
        `${name}:1:1  warning  The result of ${d.item} in run ${d.run} cannot be read: left out  progress-invalid\n`,
      );
    }
    scope!.buildId ??= parsed.buildId;
    runs = importRuns(runs, parsed.runs).runs;
  }

  if (args.prefer === 'newest') {
    runs = runs.map((run) => {
      const results = { ...run.results };
      for (const id of conflictedItems(results))
        results[id] = settleConflict(results[id]!, newestIndex(results[id]!), newRevision());
      return { ...run, results };
    });
  }

  let conflicts = 0;
  for (const run of runs) {
    for (const id of conflictedItems(run.results)) {
      conflicts += 1;
      const label = runs.length > 1 ? `${run.name}  ` : '';
      io.stdout(`${label}${id}  ${versionsOf(run.results[id]!).map(versionText).join('  ')}\n`);
    }
  }
  const results = runs.reduce((n, r) => n + Object.keys(r.results).length, 0);
  if (conflicts > 0) {
    io.stderr(
      `${conflicts} item${conflicts === 1 ? '' : 's'} with different results by different testers: ` +
        'settle them in the checklist page, or merge again with --prefer newest. Nothing written.\n',
    );
    return 1;
  }
  const out = resolve(io.cwd, args.out);
  await writeFile(out, progressFileText(runs, scope!, new Date()));
  io.stderr(
    `Merged ${args.files.length} file${args.files.length === 1 ? '' : 's'}: ${runs.length} run${runs.length === 1 ? '' : 's'}, ${results} results, into ${shown(io, out)}\n`,
  );
  return 0;
}

export interface VerifyArgs {
  report: string;
  root?: string;
}

function describe(v: Verification, io: Io): void {
  const { site } = v;
  io.stdout(
    v.unchanged
      ? `Sealed and unchanged: seal ${v.report.stated}\n`
      : `Changed after it was made: the report states seal ${v.report.stated}, its content gives ${v.report.computed}` +
          (v.report.textIntact ? '' : ' (and its text was edited)') +
          '\n',
  );
  if (site.pathError) io.stdout(`The path of the report cannot be built on this road book: ${site.pathError}\n`);
  if (!site.sameBuild)
    io.stdout(`Road book build: ${v.report.data.buildId ?? '(none)'} in the report, ${site.buildId ?? '(none)'} now\n`);
  for (const c of site.changed) io.stdout(`changed  ${c.id}  ${c.sealed} → ${c.now}\n`);
  if (!site.pathError) for (const id of site.gone) io.stdout(`gone     ${id}\n`);
  for (const id of site.added) io.stdout(`added    ${id}\n`);
  if (site.changed.length + site.added.length + (site.pathError ? 0 : site.gone.length) === 0 && !site.pathError)
    io.stdout('No item of the report changed on the road book since.\n');
}

/** Verifies a sign-off report (Markdown or JSON) against the road book under --root. */
export async function runVerify(args: VerifyArgs, io: Io): Promise<number> {
  const path = resolve(io.cwd, args.report);
  const name = shown(io, path);
  const text = await readText(path);
  if (text === null) return problem(io, name, 'Cannot read this file', 'report-invalid');

  const root = resolve(io.cwd, args.root ?? '.');
  const loaded = await loadRoadBook(root, { cacheFile: cachePaths(root).entryCacheFile });
  if (loaded.errorCount > 0) {
    reportDiagnostics(loaded, io);
    io.stderr('The road book has errors: fix them before verifying a report against it.\n');
    return 2;
  }
  const source = sourceFromRoadBook(loaded.book, { buildId: buildIdOf(loaded.book) });
  const outcome = await verifyReport(text, () => source, LOCALE);
  if (!outcome.ok) {
    const { error } = outcome;
    return problem(io, name, error.message, 'report-invalid', error.line, error.column);
  }
  if (outcome.verification.otherProduct)
    return problem(io, name, outcome.verification.site.pathError!, 'report-invalid');
  describe(outcome.verification, io);
  return allClear(outcome.verification) ? 0 : 1;
}
