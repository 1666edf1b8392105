import { resolve } from 'node:path';
import type { Io } from '../io.ts';
import { prepareAstro } from '../project.ts';

export interface DevArgs {
  root?: string;
  drafts?: boolean;
  port?: string;
  host?: string;
}

/** Serves a live preview; content changes show up without restarting. Runs until stopped. */
export async function runDev(args: DevArgs, io: Io): Promise<number> {
  const root = resolve(io.cwd, args.root ?? '.');
  const astro = prepareAstro({ root, drafts: args.drafts ?? true, base: null });
  const { dev } = await import('astro');
  const server = await dev({
    root: astro.root,
    cacheDir: astro.cacheDir,
    server: { port: args.port ? Number(args.port) : 4321, host: args.host ?? 'localhost' },
  });
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
  });
  await server.stop();
  return 0;
}
