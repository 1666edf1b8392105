import { availableParallelism } from 'node:os';

/** One thread per core, at most eight: reading and rendering are CPU-bound. */
export function workerCount(): number {
  return Math.min(availableParallelism(), 8);
}

/**
 * Runs `items` through the default export of the module at `worker` on a pool of worker
 * threads, in batches that keep messaging cheap while every thread stays busy to the end.
 * The module receives `{ shared, items }` and returns one result per item; results keep the
 * items' order.
 */
export async function mapOnWorkers<Shared, Item, Result>(
  worker: URL,
  shared: Shared,
  items: readonly Item[],
): Promise<Result[]> {
  const { Tinypool } = await import('tinypool');
  const threads = workerCount();
  const pool = new Tinypool({ filename: worker.href, minThreads: threads, maxThreads: threads });
  try {
    const size = Math.max(25, Math.ceil(items.length / (threads * 6)));
    const batches: Item[][] = [];
    for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
    const results: Result[][] = await Promise.all(batches.map((batch) => pool.run({ shared, items: batch })));
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
