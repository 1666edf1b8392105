import { rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve, basename, join } from 'node:path';
import { loadRoadBook } from '../../core/read/road-book.ts';
import { cachePaths } from '../../astro/settings.ts';
import { CliError, type Io } from '../io.ts';
import { prepareAstro } from '../project.ts';
import { preload, takeRendered } from '../../astro/shared-load.ts';
import { reportDiagnostics } from './check.ts';

export interface BuildArgs {
  root?: string;
  out?: string;
  drafts?: boolean;
  base?: string;
}

/**
 * Checks the road book, then builds the site into a fresh folder beside the output and
 * swaps it in only when everything (pages, data files, search index) succeeded: a failed
 * build leaves the last good site untouched.
 */
export async function runBuild(args: BuildArgs, io: Io): Promise<number> {
  const root = resolve(io.cwd, args.root ?? '.');
  const out = resolve(root, args.out ?? 'dist');
  const drafts = Boolean(args.drafts);

  const base = args.base ?? null;
  const checked = await loadRoadBook(root, { drafts, base, cacheFile: cachePaths(root).entryCacheFile });
  reportDiagnostics(checked, io);
  if (checked.errorCount > 0) {
    io.stderr(`The site was not built; ${existsNote(out)}\n`);
    return 1;
  }

  const staging = join(dirname(out), `.${basename(out)}.building-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  const astro = prepareAstro({ root, drafts, base });
  preload({ root, drafts, base, result: checked });
  // Astro and Vite take a build's flavour (import.meta.env.DEV) from NODE_ENV when it is set,
  // as a shell's NODE_ENV=development or a test runner's "test" would: a site is always built
  // for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const { build } = await import('astro');
    await build({ root: astro.root, cacheDir: astro.cacheDir, outDir: staging, logLevel: 'warn', mode: 'production' });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`The build failed: ${reason}\n${existsNote(out)}`);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }

  await swapIn(staging, out);
  const rendered = takeRendered();
  const cached = rendered
    ? ` (${rendered.rendered} rendered, ${rendered.total - rendered.rendered} unchanged since the last build)`
    : '';
  io.stderr(
    `Built ${checked.book.versions.length} versions and ${checked.book.entries.length} entries${cached} into ${out}\n`,
  );
  return 0;
}

async function swapIn(staging: string, out: string): Promise<void> {
  const previous = `${staging}-previous`;
  const hadSite = await exists(out);
  if (hadSite) await rename(out, previous);
  await rename(staging, out);
  if (hadSite) await rm(previous, { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function existsNote(out: string): string {
  return `the previous site (if any) in ${out} is unchanged.`;
}
