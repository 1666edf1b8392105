/**
 * A worker thread of version-files-pool.ts: given the road book but its entries once, it makes
 * the files of each version it is sent (with that version's entries) and posts them back,
 * their bytes moved, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { VersionFiles } from './version-files.ts';
import type { VersionFilesJob, VersionFilesReply, VersionFilesWorkerData } from './version-files-pool.ts';

const { data, buildId, modules } = workerData as VersionFilesWorkerData;
const port = parentPort!;

port.on('message', async ({ slug, paths, entries }: VersionFilesJob) => {
  const files = new VersionFiles({ ...data, entries }, buildId, modules);
  let reply: VersionFilesReply;
  try {
    // Each file in an ArrayBuffer of its own, so that it can be moved (a Node Buffer may be a view of a shared pool).
    const made = await files.filesOf(slug, new Set(paths));
    reply = { slug, files: made.map(([path, bytes]) => [path, owned(bytes)]) };
  } catch (error) {
    reply = { slug, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply, 'files' in reply ? reply.files.map(([, bytes]) => bytes.buffer as ArrayBuffer) : []);
});

function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}
