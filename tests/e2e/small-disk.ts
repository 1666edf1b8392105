/**
 * A small disk of the test's own: a tmpfs mounted on a fresh folder, for a browser profile
 * whose writes must really be refused. `fill` takes every byte left with a filler file (beside
 * the profile, on the same tmpfs); `free` deletes it. Mounting needs root (or CAP_SYS_ADMIN):
 * without it `mountSmallDisk` throws and says so, and the test that needs it fails.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, open, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SmallDisk {
  /** The mounted folder. */
  dir: string;
  /** Writes filler until the disk refuses even one more byte (ENOSPC). */
  fill(): Promise<void>;
  /** Deletes the filler: the space is back. */
  free(): Promise<void>;
  /** Unmounts the tmpfs (at once, even while a closing process still holds it) and removes its folder. */
  unmount(): Promise<void>;
}

export async function mountSmallDisk(size: string): Promise<SmallDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'roadbook-small-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  } catch (error) {
    await rmdir(dir);
    const why = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(
      `Cannot mount a ${size} tmpfs on ${dir} (${why}): this test fills a real disk under a browser profile and must run as root (or with CAP_SYS_ADMIN)`,
    );
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    async fill() {
      const file = await open(filler, 'a');
      try {
        // Big blocks first, then byte by byte, so not even a tail of a block is left.
        for (const block of [Buffer.alloc(1 << 20, 1), Buffer.alloc(4096, 1), Buffer.alloc(1, 1)])
          for (;;) {
            try {
              await file.write(block);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
              break;
            }
          }
      } finally {
        await file.close();
      }
    },
    async free() {
      await rm(filler, { force: true });
    },
    async unmount() {
      // Lazily: a helper process of the browser still closing does not keep the disk mounted;
      // the tmpfs goes as soon as the last one has let go.
      await run('umount', ['--lazy', dir]);
      await rmdir(dir);
    },
  };
}
