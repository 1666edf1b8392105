import { getCompileCacheDir } from 'node:module';
import { availableParallelism } from 'node:os';

/**
 * Where a batch of work runs: `false` in this thread, `true` on a pool of threads when the
 * input is large enough for the pool to pay (the default), a number on a pool of that many
 * threads whatever the input's size (so a test can make sure the pool really runs).
 */
export type WorkerOption = boolean | number;

/** One thread per core, at most eight: reading and rendering are CPU-bound. */
function coreCount(): number {
  return Math.min(availableParallelism(), 8);
}

/**
 * How many threads `count` items go to under `option`; 0 means in this thread. Automatic
 * pools start only from `threshold` items and with at least two cores: below that, starting
 * worker threads costs more than it saves.
 */
export function poolThreads(option: WorkerOption, count: number, threshold: number): number {
  if (option === false || count === 0) return 0;
  if (option !== true) return Math.max(1, Math.floor(option));
  return count >= threshold && coreCount() > 1 ? coreCount() : 0;
}

/**
 * The environment of the pool's threads: this process's, with its compile cache (enabled by
 * the CLI's start, src/cli/bin.ts) named, so each thread takes its modules compiled and
 * stripped of their types from there instead of doing it again (half of a thread's start).
 */
function workerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  const cache = getCompileCacheDir?.();
  if (cache && env.NODE_COMPILE_CACHE === undefined && env.NODE_DISABLE_COMPILE_CACHE === undefined) {
    env.NODE_COMPILE_CACHE = cache;
  }
  return env;
}

let tasksOnThreads = 0;

/**
 * How many batches worker threads of this process have run so far, as the pools counted
 * them: what shows that work said to go to a pool did not stay in this thread.
 */
export function batchesRunOnWorkers(): number {
  return tasksOnThreads;
}

/**
 * Runs `items` through the default export of the module at `worker` on a pool of `threads`
 * worker threads, in batches that keep messaging cheap while every thread stays busy to the
 * end. The module receives `{ shared, items }` and returns one result per item; results keep
 * the items' order. `onDone` is told how many items are done after each batch.
 */
export async function mapOnWorkers<Shared, Item, Result>(
  worker: URL,
  shared: Shared,
  items: readonly Item[],
  threads: number,
  onDone?: (done: number) => void,
): Promise<Result[]> {
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: worker.href, minThreads: threads, maxThreads: threads, env: workerEnv() });
  try {
    const size = Math.max(25, Math.ceil(items.length / (threads * 6)));
    const batches: Item[][] = [];
    for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
    let done = 0;
    const results: Result[][] = await Promise.all(
      batches.map(async (batch) => {
        const result = (await pool.run({ shared, items: batch })) as Result[];
        onDone?.((done += batch.length));
        return result;
      }),
    );
    return results.flat();
  } finally {
    tasksOnThreads += pool.completed;
    await pool.destroy();
  }
}
