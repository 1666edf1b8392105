/**
 * The process of its own that `roadbook build` reads the road book and writes the pages in:
 * it has ended when pagefind's process indexes the pages (watched in /proc while a build
 * runs), and when it is killed before it answers (as the system does to a process out of
 * memory) the build fails with a clear line, leaves the previous site as it was and takes
 * away what the process left in the work folder.
 */
import { spawn } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkDir } from '../../src/astro/settings.ts';
import { stagingFor } from '../../src/cli/staging.ts';
import { PROJECT } from './run-cli.ts';
import { treeDigest } from '../helpers/tree-digest.ts';

const BIN = join(PROJECT, 'src/cli/bin.ts');
const TIMEOUT = 300_000;
const PAGES_PROCESS = 'build-pages-process.ts';

let dir: string;
let project: string;
let out: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roadbook-pages-process-'));
  project = join(dir, 'project');
  out = join(dir, 'site');
  await cp(join(PROJECT, 'tests/fixtures/cli'), project, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A process and its command line. */
interface Running {
  pid: number;
  line: string;
}

/** The processes under `root`, `root` left out. */
function descendants(root: number): Running[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Ended while listed.
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  const running: Running[] = [];
  for (const pid of parents.keys()) {
    if (!under(pid)) continue;
    try {
      running.push({ pid, line: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // Ended while listed.
    }
  }
  return running;
}

interface WatchedBuild {
  code: number | null;
  stderr: string;
  pid: number;
  /** What ran under the build, every few milliseconds. */
  samples: Running[][];
}

/** `roadbook build` of the project, its processes sampled; `onSample` may act on them. */
function watchedBuild(onSample: (running: Running[], stderr: string) => void = () => {}): Promise<WatchedBuild> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'build', '--root', project, '--out', out], {
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
    });
    let stderr = '';
    const samples: Running[][] = [];
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setInterval(() => {
      const running = descendants(child.pid!);
      samples.push(running);
      onSample(running, stderr);
    }, 5);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      done({ code, stderr, pid: child.pid!, samples });
    });
  });
}

describe("the build's pages process", () => {
  it(
    'has ended when pagefind indexes the pages',
    async () => {
      const run = await watchedBuild();
      expect(run.code, run.stderr).toBe(0);
      const pages = (running: Running[]) => running.some(({ line }) => line.includes(PAGES_PROCESS));
      const pagefind = (running: Running[]) => running.some(({ line }) => /pagefind/.test(line));
      expect(run.samples.some(pages)).toBe(true);
      expect(run.samples.some(pagefind)).toBe(true);
      expect(run.samples.filter((running) => pages(running) && pagefind(running))).toEqual([]);
      expect(existsSync(join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'killed before it answers: the build fails, the previous site stays, its work folder goes',
    async () => {
      const before = await treeDigest(out);
      await appendFile(join(project, 'content/versions/2.0.0/S-2.md'), '\nOne more paragraph.\n');
      let killed = false;
      const run = await watchedBuild((running, stderr) => {
        // Once it renders: Astro is at work in the work folder.
        if (killed || !stderr.includes('✓ render')) return;
        const pages = running.find(({ line }) => line.includes(PAGES_PROCESS));
        if (!pages) return;
        process.kill(pages.pid, 'SIGKILL');
        killed = true;
      });
      expect(killed).toBe(true);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('The build stopped while it wrote the pages (signal SIGKILL).');
      expect(run.stderr).toContain(`the previous site (if any) in ${out} is unchanged.`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(await treeDigest(out)).toBe(before);
      expect(existsSync(stagingFor(buildWorkDir(project), run.pid))).toBe(false);
    },
    TIMEOUT,
  );
});
