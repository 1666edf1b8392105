/**
 * Why the loaders reach the integration's road book through its hook (road-book-source.ts):
 * a tiny Astro project, synced by a Node script as `roadbook build` calls Astro, shows what a
 * content loader sees of a module the script imported and of the integration's hook.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../cli/run-cli.ts';

const FILES: Record<string, string> = {
  'probe.ts': `export const state: { setBy: string | null } = { setBy: null };\n`,
  'src/content.config.ts': `
import { defineCollection } from 'astro:content';
import { state } from '../probe.ts';

export const collections = {
  probe: defineCollection({
    loader: {
      name: 'probe',
      load: async ({ config }) => {
        const hook = config.integrations.map((i) => i.hooks['probe:report']).find(Boolean) as (seen: unknown) => void;
        hook({ moduleSetBy: state.setBy });
      },
    },
  }),
};
`,
  'sync.ts': `
import { sync } from 'astro';
import { state } from './probe.ts';

state.setBy = 'the script';
let seen: unknown = 'the loader did not run';
const report = (value: unknown) => {
  seen = { ...(value as object), hookReached: true };
};
await sync({
  root: import.meta.dirname,
  configFile: false,
  logLevel: 'error',
  integrations: [{ name: 'probe', hooks: { 'probe:report': report } }],
});
process.stdout.write(JSON.stringify(seen));
`,
};

describe('what an Astro 7 content loader shares with the Node process that runs Astro', () => {
  let dir: string;

  beforeAll(async () => {
    // Inside the package (git-ignored .roadbook/), so that the project finds Astro.
    await mkdir(join(PROJECT, '.roadbook'), { recursive: true });
    dir = await mkdtemp(join(PROJECT, '.roadbook', 'instances-'));
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'sees its own instance of a module the process imported, and the integration’s live hook',
    { timeout: 120_000 },
    () => {
      const run = spawnSync(process.execPath, [join(dir, 'sync.ts')], {
        cwd: dir,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      });
      expect(run.status, run.stderr.toString('utf8')).toBe(0);
      // Vite's module runner evaluated probe.ts again for the content config: the value the
      // script set is not there. The hook, handed over in the config, is the script's own.
      expect(JSON.parse(run.stdout.toString('utf8'))).toEqual({ moduleSetBy: null, hookReached: true });
    },
  );
});
