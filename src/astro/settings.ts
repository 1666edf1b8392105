import { resolve } from 'node:path';

/**
 * What a build is asked for, passed from the `roadbook` CLI to Astro's config and loaders
 * through the environment (they run in Astro's process, loaded by Vite).
 */
export interface BuildSettings {
  /** The project folder holding content/. */
  root: string;
  /** Whether draft versions are published. */
  drafts: boolean;
  /** Sub-path given on the command line; overrides roadbook.yml's `base`. */
  base: string | null;
}

export const ENV = {
  root: 'ROADBOOK_ROOT',
  drafts: 'ROADBOOK_DRAFTS',
  base: 'ROADBOOK_BASE',
} as const;

export function buildSettings(projectRoot: string = process.cwd()): BuildSettings {
  return {
    root: resolve(process.env[ENV.root] || projectRoot),
    drafts: process.env[ENV.drafts] === '1',
    base: process.env[ENV.base] || null,
  };
}
