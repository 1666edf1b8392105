import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where a Chromium is looked for, in order: CHROME_PATH, then Debian's and others' usual paths. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const NO_CHROMIUM =
  "No Chromium found: set CHROME_PATH or install Debian's chromium package (apt-get install chromium)";

/** The Chromium executable to drive; throws a one-line explanation when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, paths: readonly string[] = CHROMIUM_PATHS): string {
  const candidates = [env.CHROME_PATH, ...paths].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(NO_CHROMIUM);
  return found;
}

/** Chromium's flags for the tests: nothing that talks to the network on its own. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A headless Chromium with nothing that talks to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS] });
}

/** The widths every page is audited at: a desktop's (Playwright's default) and a phone's. */
export const VIEWPORTS: Readonly<Record<'desktop' | 'phone', { width: number; height: number }>> = {
  desktop: { width: 1280, height: 720 },
  phone: { width: 390, height: 844 },
};
