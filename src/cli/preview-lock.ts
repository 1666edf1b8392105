import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../astro/settings.ts';
import { CliError } from './io.ts';

/**
 * Astro keeps the dev preview's content store in one file of the package (.astro/), whatever
 * road book it shows: two previews at once would show each other's pages. The first one
 * holds this lock; another is refused with where the first one runs.
 */
export const PREVIEW_LOCK = join(PACKAGE_ROOT, '.astro', 'roadbook-preview.json');

interface Holder {
  pid: number;
  root: string;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(): Holder | null {
  try {
    const value = JSON.parse(readFileSync(PREVIEW_LOCK, 'utf8')) as Partial<Holder>;
    return typeof value.pid === 'number' && typeof value.root === 'string' ? (value as Holder) : null;
  } catch {
    return null;
  }
}

/** Takes the lock for `root`; returns what gives it back. */
export function claimPreview(root: string): () => void {
  const current = holder();
  if (current && current.pid !== process.pid && running(current.pid)) {
    throw new CliError(
      `A dev preview is already running (process ${current.pid}, road book ${current.root}); ` +
        'stop it first: two previews at once would show each other’s pages.',
    );
  }
  mkdirSync(dirname(PREVIEW_LOCK), { recursive: true });
  writeFileSync(PREVIEW_LOCK, `${JSON.stringify({ pid: process.pid, root })}\n`);
  const release = () => {
    process.off('exit', release);
    if (holder()?.pid === process.pid) rmSync(PREVIEW_LOCK, { force: true });
  };
  // Vite ends the process itself on SIGTERM, past any finally block.
  process.on('exit', release);
  return release;
}
