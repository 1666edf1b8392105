import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadRoadBook } from '../../core/read/road-book.ts';
import { idProblem, planNewEntry, type NewEntryRequest } from '../../core/scaffold/new-entry.ts';
import {
  dateProblem,
  planNewVersion,
  versionProblem,
  type NewFile,
  type NewVersionRequest,
  type Scaffold,
  type ScaffoldBook,
} from '../../core/scaffold/new-version.ts';
import { VERSION_STATUSES } from '../../core/model.ts';
import { compareVersions } from '../../core/versions.ts';
import { cachePaths } from '../../astro/settings.ts';
import { CliError, type Io } from '../io.ts';
import { terminalPrompter, type Prompter } from './new-prompts.ts';

export interface NewArgs {
  /** `version` or `entry`. */
  what: 'version' | 'entry';
  root?: string;
  version?: string;
  title?: string;
  date?: string;
  status?: string;
  type?: string;
  module?: string[];
  edition?: string[];
  id?: string;
  ticket?: string[];
}

/**
 * Writes a new version's index.md or a new entry file, checked against the road book first.
 * Missing values are asked for on a terminal; without one, they are an error that lists them.
 * Never overwrites a file; prints the path it wrote.
 */
export async function runNew(args: NewArgs, io: Io, prompter: Prompter | null = terminalPrompter()): Promise<number> {
  const root = resolve(io.cwd, args.root ?? '.');
  const loaded = await loadRoadBook(root, { drafts: true, cacheFile: cachePaths(root).entryCacheFile });
  const book: ScaffoldBook = loaded.book;
  const scaffold =
    args.what === 'version'
      ? planNewVersion(await versionRequest(args, book, prompter), book)
      : planNewEntry(await entryRequest(args, book, prompter), book);
  const file = ensureOk(scaffold);
  await writeNew(root, file);
  io.stdout(`${relative(io.cwd, join(root, file.path)) || file.path}\n`);
  return 0;
}

function ensureOk(scaffold: Scaffold): NewFile {
  if (scaffold.ok) return scaffold.file;
  throw new CliError(`Nothing written:\n${scaffold.problems.map((p) => `  - ${p}`).join('\n')}`, 1);
}

/** Creates the folder (never an existing one) and the file (never over an existing one). */
async function writeNew(root: string, file: NewFile): Promise<void> {
  try {
    if (file.folder) await mkdir(join(root, file.folder), { recursive: false });
    await writeFile(join(root, file.path), file.text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`Nothing written: ${file.folder ?? file.path} already exists`, 1);
    if (code === 'ENOENT') throw new CliError(`Nothing written: there is no content/versions/ folder under ${root}`, 1);
    throw error;
  }
}

/** Fails, listing every required value that is missing, when there is no terminal to ask on. */
function requireAll(missing: string[], prompter: Prompter | null): void {
  if (missing.length === 0 || prompter) return;
  throw new CliError(`Missing ${missing.join(', ')} (no terminal to ask on: give them on the command line)`, 2);
}

async function versionRequest(
  args: NewArgs,
  book: ScaffoldBook,
  prompter: Prompter | null,
): Promise<NewVersionRequest> {
  requireAll(args.version ? [] : ['<version>'], prompter);
  if (args.version !== undefined || !prompter) {
    return { version: args.version!, date: args.date ?? null, status: args.status ?? null, title: args.title ?? null };
  }
  // Asked once a value is missing: the rest of what a version says, each optional.
  const version = await prompter.input({ message: 'Version', validate: (v) => versionProblem(v, book) });
  const date =
    args.date ??
    ((await prompter.input({
      message: 'Release date (YYYY-MM-DD, empty for none)',
      validate: optional(dateProblem),
    })) ||
      null);
  const status =
    args.status ??
    (await prompter.select({
      message: 'Status',
      choices: VERSION_STATUSES.filter((s) => date !== null || s === 'draft').map((s) => ({ value: s, name: s })),
      default: date === null ? 'draft' : 'published',
    }));
  const title = args.title ?? ((await prompter.input({ message: 'Title (empty for none)' })) || null);
  return { version, date, status, title };
}

async function entryRequest(args: NewArgs, book: ScaffoldBook, prompter: Prompter | null): Promise<NewEntryRequest> {
  const { config } = book;
  const modules = args.module ?? [];
  const missing = [
    ...(args.version ? [] : ['<version>']),
    ...(args.title ? [] : ['<title>']),
    ...(args.type ? [] : ['--type']),
    ...(modules.length ? [] : ['--module']),
  ];
  requireAll(missing, prompter);
  const given = (): NewEntryRequest => ({
    version: args.version!,
    title: args.title!,
    type: args.type!,
    modules,
    editions: args.edition ?? [],
    id: args.id ?? null,
    tickets: args.ticket ?? [],
  });
  if (missing.length === 0 || !prompter) return given();

  const newestFirst = [...book.versions].sort((a, b) => compareVersions(b.version, a.version, config));
  if (newestFirst.length === 0)
    throw new CliError('The road book has no version yet: roadbook new version <v> first', 1);
  const version =
    args.version ??
    (await prompter.select({
      message: 'Version',
      choices: newestFirst.map((v) => ({ value: v.version, name: v.version })),
    }));
  const title =
    args.title ??
    (await prompter.input({ message: 'Title', validate: (t) => (t.trim() ? null : 'the title is empty') }));
  const type =
    args.type ??
    (await prompter.select({
      message: 'Type',
      choices: config.types.map((t) => ({ value: t.id, name: `${t.label} (${t.id})` })),
    }));
  const chosenModules = modules.length
    ? modules
    : config.modules
      ? await prompter.checkbox({
          message: 'Modules',
          required: true,
          choices: config.modules.map((m) => ({ value: m.id, name: `${m.label} (${m.id})` })),
        })
      : splitList(await prompter.input({ message: 'Modules (ids, separated by commas)', validate: nonEmptyList }));
  const editions =
    args.edition ??
    (config.editions.length
      ? await prompter.checkbox({
          message: 'Editions (none: every edition)',
          choices: config.editions.map((e) => ({ value: e.id, name: `${e.label} (${e.id})` })),
          required: false,
        })
      : []);
  const id =
    args.id ??
    ((await prompter.input({
      message: 'Id (a ticket key such as GES-5501; empty: from the title)',
      validate: optional((v) => idProblem(v, book)),
    })) ||
      null);
  return { ...given(), version, title, type, modules: chosenModules, editions, id };
}

function optional(problem: (value: string) => string | null): (value: string) => string | null {
  return (value) => (value === '' ? null : problem(value));
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function nonEmptyList(text: string): string | null {
  return splitList(text).length ? null : 'give at least one module';
}
