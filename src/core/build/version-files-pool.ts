/**
 * Makes the files of the versions (version-files.ts) on worker threads while Astro renders
 * the pages on the main one: XLSX workbooks above all are slow to write, and the machine's
 * other cores would otherwise wait. Versions are handed out one at a time, so that a worker
 * done with a small version takes the next one; the files come back in memory and are
 * written into the site once Astro has written its pages.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RoadBookData } from '../data-files.ts';
import type { Choice, EntryRecord } from '../model.ts';
import type { SiteFile } from './version-files.ts';

/**
 * What every worker is given once: the road book without its entries (each job brings those of
 * its version), and its modules, which may be taken from every entry.
 */
export interface VersionFilesWorkerData {
  data: RoadBookData;
  buildId: string;
  modules: Choice[];
}

/** The files of one version a worker is asked for (paths as site-files.ts names them), and its entries. */
export interface VersionFilesJob {
  slug: string;
  paths: string[];
  entries: EntryRecord[];
}

export type VersionFilesReply = { slug: string; files: SiteFile[] } | { slug: string; error: string };

const WORKER = new URL('./version-files-worker.ts', import.meta.url);

/** One thread per core but the one Astro renders on. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Files being made: `files` resolves once every one is, `stop()` ends the workers early. */
export interface VersionFilesRun {
  files: Promise<SiteFile[]>;
  stop: () => Promise<void>;
}

/**
 * Starts making the files of `jobs`. `files` rejects at the
 * first that fails, and the other workers are stopped.
 */
export function makeVersionFiles(
  input: VersionFilesWorkerData,
  jobs: readonly VersionFilesJob[],
  threads = defaultThreads(),
): VersionFilesRun {
  const queue = [...jobs].reverse();
  const made: SiteFile[] = [];
  const workers: Worker[] = [];
  const stop = async () => void (await Promise.all(workers.map((w) => w.terminate())));
  const files = new Promise<SiteFile[]>((resolve, reject) => {
    if (queue.length === 0) return resolve([]);
    let running = 0;
    let failed = false;
    const finished = new Set<Worker>();
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      void stop().finally(() => reject(error));
    };
    const next = (worker: Worker) => {
      const job = queue.pop();
      if (job) return worker.postMessage(job);
      finished.add(worker);
      void worker.terminate();
      if (--running === 0 && !failed) resolve(made);
    };
    for (let i = 0; i < Math.min(threads, queue.length); i++) {
      const worker = new Worker(WORKER, { workerData: input });
      workers.push(worker);
      running++;
      worker.on('message', (reply: VersionFilesReply) => {
        if ('error' in reply) return fail(new Error(`the files of version ${reply.slug}: ${reply.error}`));
        made.push(...reply.files);
        next(worker);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!finished.has(worker)) fail(new Error(`a worker stopped before its work was done (exit code ${code})`));
      });
      next(worker);
    }
  });
  // A build that fails elsewhere first stops the workers and never reads `files`.
  files.catch(() => {});
  return { files, stop };
}
