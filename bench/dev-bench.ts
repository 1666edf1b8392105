import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/astro/settings.ts';
import { editedEntry } from './entry-edit.ts';
import type { RoadBook } from './road-books.ts';

const POLL_MS = 50;
const START_LIMIT_MS = 600_000;
const EDIT_LIMIT_MS = 120_000;

/** A port nothing listens on now, on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Asks for `url` until `ready` says the answer is the one awaited; the milliseconds it took. */
async function pollUntil(
  url: string,
  ready: (status: number, body: string) => boolean,
  limitMs: number,
  exited: () => string | null,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const gone = exited();
    if (gone) throw new Error(gone);
    const answer = await fetch(url).then(
      async (response) => ({ status: response.status, body: await response.text() }),
      () => null,
    );
    if (answer && ready(answer.status, answer.body)) return performance.now() - started;
    if (performance.now() - started > limitMs)
      throw new Error(`${url} was not served as awaited within ${limitMs / 1000} s`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The port each road book's preview is started on, the same for all its runs: a writer's
 * preview keeps its port, and Astro empties its content store when the port (part of its
 * config) changes, so a new port each run would time a cold store every time.
 */
const ports = new Map<string, Promise<number>>();

function portOf(book: RoadBook): Promise<number> {
  let port = ports.get(book.root);
  if (!port) ports.set(book.root, (port = freePort()));
  return port;
}

/**
 * `roadbook dev` started as a process: seconds until an entry's page is served, then seconds
 * from a change of that entry's body until the page served shows it.
 */
export async function devRun(book: RoadBook, run: number): Promise<{ start: number; edit: number }> {
  const entry = await editedEntry(book);
  await entry.restore();
  const port = await portOf(book);
  const url = `http://127.0.0.1:${port}${entry.page}`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(PACKAGE_ROOT, 'src', 'cli', 'bin.ts'),
      'dev',
      '--root',
      book.root,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = () =>
    child.exitCode !== null || child.signalCode !== null
      ? `the dev preview stopped (${child.exitCode ?? child.signalCode}):\n${output.trim().split('\n').slice(-15).join('\n')}`
      : null;
  try {
    await pollUntil(url, (status) => status === 200, START_LIMIT_MS, exited);
    const start = (performance.now() - started) / 1000;
    const word = `apercu${run}x${Date.now().toString(36)}`;
    const changed = performance.now();
    await entry.change(word);
    await pollUntil(url, (status, body) => status === 200 && body.includes(word), EDIT_LIMIT_MS, exited);
    return { start, edit: (performance.now() - changed) / 1000 };
  } finally {
    await entry.restore();
    await stop(child);
  }
}
