import type { Diagnostic } from '../diagnostics.ts';
import { DiagnosticList } from '../diagnostics.ts';
import type { RoadBookConfig } from '../model.ts';
import type { ParsedEntry } from './entry.ts';
import type { EntryCache } from './entry-cache.ts';
import { mapOnWorkers, poolThreads, type WorkerOption } from '../workers.ts';

/** One entry file to read, with what its reading depends on. */
export interface EntryJob {
  file: string;
  name: string;
  version: string;
  versionSlug: string;
  text: string;
  /** The version's asset paths (`assets/x.svg`). */
  assets: string[];
}

/** What every entry's reading shares (what a worker thread is handed once per batch). */
export interface ReadSettings {
  config: RoadBookConfig;
  /** Render each body to its page HTML in the same pass (a build); `check` only analyses. */
  render: boolean;
}

/** What reading one entry gives: the entry (null when unusable) and its own diagnostics. */
export interface EntryOutcome {
  parsed: ParsedEntry | null;
  diagnostics: Diagnostic[];
}

/**
 * An outcome without the entry's text (`source`, and `body`, its end): what the reader of the
 * file has already. Worker threads send this (a smaller message to copy), the cache keeps it.
 */
export type TextlessOutcome = EntryOutcome & { bodyLength: number };

export function withoutText(outcome: EntryOutcome): TextlessOutcome {
  if (!outcome.parsed) return { ...outcome, bodyLength: 0 };
  const { source: _source, body, ...entry } = outcome.parsed.entry;
  return {
    ...outcome,
    parsed: { ...outcome.parsed, entry: entry as typeof outcome.parsed.entry },
    bodyLength: body.length,
  };
}

/** The outcome again, with the text of its file put back. */
export function withText({ bodyLength, parsed, diagnostics }: TextlessOutcome, text: string): EntryOutcome {
  if (!parsed) return { parsed, diagnostics };
  const body = text.slice(text.length - bodyLength);
  // A new entry object with its own `supersededBy`: the road book fills that list in.
  return { parsed: { ...parsed, entry: { ...parsed.entry, source: text, body, supersededBy: [] } }, diagnostics };
}

/** Below this many entries to read, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 400;

/**
 * Reads every entry, each from the cache when its text and everything its reading depends on
 * are unchanged (and, for a run that renders, its body's HTML is kept too), the others on
 * worker threads when there are many (a cold run of a large road book) or as `workers` says,
 * in this thread otherwise. The outcomes keep the jobs' order.
 */
export async function parseEntries(
  jobs: readonly EntryJob[],
  settings: ReadSettings,
  cache: EntryCache | null,
  workers: WorkerOption = true,
  onDone?: (done: number) => void,
): Promise<EntryOutcome[]> {
  const outcomes: (EntryOutcome | undefined)[] = jobs.map((job) => cache?.get(job, settings.render));
  const missing = jobs.map((job, i) => ({ job, i })).filter(({ i }) => outcomes[i] === undefined);
  const cached = jobs.length - missing.length;
  onDone?.(cached);

  const threads = poolThreads(workers, missing.length, POOL_THRESHOLD);
  let done = cached;
  const fresh =
    threads > 0
      ? (
          await mapOnWorkers<ReadSettings, EntryJob, TextlessOutcome>(
            new URL('./parse-worker.ts', import.meta.url),
            settings,
            missing.map((m) => m.job),
            threads,
            (n) => onDone?.(cached + n),
          )
        ).map((outcome, n) => withText(outcome, missing[n]!.job.text))
      : await Promise.all(
          missing.map(async ({ job }) => {
            const outcome = await parseEntryJob(job, settings);
            onDone?.(++done);
            return outcome;
          }),
        );
  missing.forEach(({ job, i }, n) => {
    outcomes[i] = fresh[n]!;
    cache?.set(job, fresh[n]!);
  });
  return outcomes as EntryOutcome[];
}

export async function parseEntryJob(job: EntryJob, { config, render }: ReadSettings): Promise<EntryOutcome> {
  // The reader (with remark, micromark and their extensions) is loaded by the first entry the
  // cache does not hold: a run that takes every entry from the cache never loads it.
  const { parseEntry } = await import('./entry.ts');
  const diagnostics = new DiagnosticList();
  const parsed = await parseEntry(job.text, {
    file: job.file,
    name: job.name,
    version: job.version,
    versionSlug: job.versionSlug,
    config,
    assets: new Set(job.assets),
    analysisOnly: !render,
    diagnostics,
  });
  return { parsed, diagnostics: diagnostics.items };
}
