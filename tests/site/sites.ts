import { resolve } from 'node:path';
import type { Io } from '../../src/cli/io.ts';

/** A fixture road book built once by the global setup, shared by tests/site and tests/e2e. */
export interface BuiltSite {
  /** The fixture folder (holding content/). */
  root: string;
  /** The built site. */
  out: string;
  /** The base the site is served under. */
  base: string;
  /** What the build printed. */
  stderr: string;
  /** How long the build took. */
  seconds: number;
}

export interface BuiltSites {
  /** tests/fixtures/site/gestan-fr, French, at the root, without drafts. */
  fr: BuiltSite;
  /** The same, built with --drafts. */
  frDrafts: BuiltSite;
  /** tests/fixtures/site/english-base: `locale: en`, `base: /docs/roadbook/`, `site:` set. */
  en: BuiltSite;
  /** The sample road book, content/ (French, at the root). */
  sample: BuiltSite;
  /** A copy of content/ with one entry changed (tests/e2e/sample-changed.ts), built on its own. */
  sampleChanged: BuiltSite;
  /** A copy of content/ with 15.3.0 withdrawn and one of its entries removed (tests/e2e/sample-withdrawn.ts). */
  sampleWithdrawn: BuiltSite;
}

/** What three builds of one road book printed: first, unchanged, after one entry was edited. */
export interface RenderCacheBuilds {
  first: string;
  again: string;
  afterEdit: string;
}

/**
 * The pages that link to an entry whose id changed between two builds of one road book
 * (`warm`, its render cache in use) and in a build of the same content without a cache
 * (`cold`), by path under the site; and what the warm build printed.
 */
export interface LinkCacheBuilds {
  warm: Record<string, string>;
  cold: Record<string, string>;
  warmStderr: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: BuiltSites;
    renderCache: RenderCacheBuilds;
    linkCache: LinkCacheBuilds;
  }
}

export const REPO = resolve(import.meta.dirname, '../..');
export const FIXTURES = resolve(REPO, 'tests/fixtures/site');

/** An Io that keeps what a command prints. */
export function collectingIo(cwd: string = REPO): { io: Io; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (text) => void out.push(text),
      stderr: (text) => void err.push(text),
      stdoutBytes: (bytes) => void out.push(Buffer.from(bytes).toString('utf8')),
      cwd,
      isTTY: false,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
