import { resolve } from 'node:path';
import type { Io } from '../io.ts';
import { astroConfig } from '../project.ts';
import { claimPreview } from '../preview-lock.ts';

export interface DevArgs {
  root?: string;
  drafts?: boolean;
  port?: string;
  host?: string;
}

/** Serves a live preview; content changes show up without restarting. Runs until stopped. */
export async function runDev(args: DevArgs, io: Io): Promise<number> {
  const root = resolve(io.cwd, args.root ?? '.');
  const release = claimPreview(root);
  try {
    // Listening from the start: a stop asked for while the server starts is not lost.
    const stopped = new Promise<void>((done) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
    });
    const astro = astroConfig({ root, drafts: args.drafts ?? true, base: null });
    // Vite takes its flavour from NODE_ENV when it is set (a shell's production, a test
    // runner's test), and a preview that is not in development mode misses content updates.
    process.env.NODE_ENV = 'development';
    const { dev } = await import('astro');
    const server = await dev({
      ...astro,
      server: { port: args.port ? Number(args.port) : 4321, host: args.host ?? 'localhost' },
    });
    await stopped;
    await server.stop();
    return 0;
  } finally {
    release();
  }
}
