/**
 * A headless Chromium started as a plain process on a profile folder of its own, driven over
 * its DevTools endpoint: it can be killed like a crash (SIGKILL, nothing flushed or closed on
 * the way out) and started again on the same profile, which keeps what it had on disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from './browser.ts';

export interface KillableChromium {
  browser: Browser;
  /** The profile's own context (the one a tester's browser window uses). */
  context: BrowserContext;
  /** Kills the browser process at once and waits until no process of the profile is left. */
  kill(): Promise<void>;
  /** Closes it the ordinary way. */
  close(): Promise<void>;
}

function endpointOf(child: ChildProcess): Promise<string> {
  return new Promise((found, fail) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) {
        child.stderr!.off('data', onData);
        found(match[1]!);
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Chromium exited (${code}) before listening:\n${text}`)));
  });
}

/** Whether a process still runs with the profile folder on its command line (the browser's helpers). */
async function profileInUse(profile: string): Promise<boolean> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(profile)) return true;
  }
  return false;
}

export async function launchKillable(profile: string): Promise<KillableChromium> {
  const child = spawn(
    findChromium(),
    [
      '--headless',
      ...CHROMIUM_FLAGS,
      '--no-default-browser-check',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const browser = await chromium.connectOverCDP(await endpointOf(child));
  const context = browser.contexts()[0]!;
  const gone = async () => {
    await exited;
    while (await profileInUse(profile)) await new Promise((r) => setTimeout(r, 50));
  };
  return {
    browser,
    context,
    async kill() {
      child.kill('SIGKILL');
      await gone();
    },
    async close() {
      await browser.close().catch(() => undefined);
      child.kill('SIGTERM');
      await gone();
    },
  };
}
