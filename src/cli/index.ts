import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { CliError, processIo, type Io } from './io.ts';
import { CHECK_FORMAT_IDS } from '../core/diagnostics-format/index.ts';
import { CHECKLIST_ORDERS } from '../core/checklist/risk.ts';
import { EXPORT_FORMATS } from '../core/export/index.ts';
import type { NewArgs } from './commands/new.ts';

/**
 * The command tree. Each command's work is a `run…(args, io)` function in commands/, loaded
 * only when the command runs: `check` does not pay for loading Astro, exceljs or the prompts.
 */
function program(io: Io, setCode: (code: number) => void): Command {
  const build = () => import('./commands/build.ts');
  const check = () => import('./commands/check.ts');
  const checklist = () => import('./commands/checklist.ts');
  const dev = () => import('./commands/dev.ts');
  const importer = () => import('./commands/import.ts');
  const scaffold = () => import('./commands/new.ts');
  const run = () => import('./commands/run.ts');

  const root = new Command('roadbook')
    .description('Publishes a road book as a static site and turns its changes into acceptance-test checklists')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(roadbook --help lists the commands and their options)');

  const rootOption = () => new Option('--root <dir>', 'project folder holding content/').default('.');

  root
    .command('check')
    .description('check content/: every problem as path:line:col  severity  message  code; exit 1 on errors')
    .addOption(rootOption())
    .addOption(
      new Option(
        '--format <format>',
        'text for people (stderr); json, github, sarif or gitlab (Code Quality) for tools (stdout)',
      )
        .choices(CHECK_FORMAT_IDS)
        .default('text'),
    )
    .action(async (options) => setCode(await (await check()).runCheck(options, io)));

  root
    .command('build')
    .description(
      'check, then build the site (pages, data files, search index); a failed build leaves the old site in place',
    )
    .addOption(rootOption())
    .option('--out <dir>', 'output folder, relative to --root', 'dist')
    .option('--drafts', 'publish draft versions too')
    .option('--base <path>', 'serve under this sub-path (overrides roadbook.yml)')
    .action(async (options: { root: string; out: string; drafts?: boolean; base?: string }) =>
      setCode(await (await build()).runBuild(options, io)),
    );

  root
    .command('dev')
    .description('live preview of the site; drafts are shown')
    .addOption(rootOption())
    .option('--no-drafts', 'hide draft versions')
    .option('--port <n>', 'port to listen on', '4321')
    .option('--host <host>', 'address to listen on', 'localhost')
    .action(async (options: { root: string; drafts: boolean; port: string; host: string }) =>
      setCode(await (await dev()).runDev(options, io)),
    );

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  root
    .command('checklist')
    .description('the acceptance-test checklist of an upgrade path (or of --to alone), in one export format')
    .addOption(rootOption())
    .option('--from <version>', 'the version installed now (without it: version --to alone)')
    .option('--to <version>', 'the version to install')
    .option('--module <id>', 'only changes of this module (repeatable)', collect)
    .option('--edition <id>', 'only changes that concern this edition (repeatable)', collect)
    .option('--process <id>', 'add a strategic process of processes.yml (repeatable)', collect)
    .option(
      '--processes <file.yml>',
      "add the company's own processes (same format as processes.yml; an item may be a catalogue id)",
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(EXPORT_FORMATS.map((f) => f.id)).default('json'),
    )
    .option('--out <file>', 'write to this file instead of stdout (required for xlsx)')
    .option('--drafts', 'draft versions may be on the path')
    .addOption(
      new Option(
        '--order <order>',
        'risk: data changes, breaking changes, required actions, known issues first, then by priority',
      )
        .choices(CHECKLIST_ORDERS)
        .default('road-book'),
    )
    .option('--minimum', 'only the minimum set: critical and high items, data changes, known issues, processes')
    .action(async (options) => setCode(await (await checklist()).runChecklist(options, io)));

  const imports = root
    .command('import')
    .description('bring an existing changelog or a ticket tracker export into content/versions/ (never overwrites)');
  imports
    .command('keepachangelog <file>')
    .description('import a Keep a Changelog file: one entry per bullet, one version per heading')
    .addOption(rootOption())
    .option('--module <id>', "module of every entry (default: roadbook.yml's first module)")
    .option('--type-map <file.yml>', 'section names mapped to types, over the default table')
    .option('--unreleased <version>', 'import the [Unreleased] section as this version, a draft')
    .option('--dry-run', 'print what would be written, write nothing')
    .action(async (file: string, options) =>
      setCode(await (await importer()).runImport({ format: 'keepachangelog', file, ...options }, io)),
    );
  imports
    .command('csv <file>')
    .description("import a ticket tracker's CSV export: one entry per row")
    .addOption(rootOption())
    .option('--map <file.yml>', 'column names and values mapped to roadbook fields')
    .option('--dry-run', 'print what would be written, write nothing')
    .action(async (file: string, options) =>
      setCode(await (await importer()).runImport({ format: 'csv', file, ...options }, io)),
    );
  const create = root
    .command('new')
    .description('write a new version or entry, checked against roadbook.yml; asks for what is missing on a terminal');
  create
    .command('version')
    .description('a new version folder with its index.md')
    .argument('[version]', 'the version string (15.4.0, 15.30.02/DU4)')
    .addOption(rootOption())
    .option('--date <YYYY-MM-DD>', 'release date (without it the version is a draft)')
    .option('--status <status>', 'published, draft or withdrawn')
    .option('--title <title>', 'name of the release')
    .action(async (version: string | undefined, options: Omit<NewArgs, 'what' | 'version'>) =>
      setCode(await (await scaffold()).runNew({ ...options, what: 'version', version }, io)),
    );
  create
    .command('entry')
    .description('a new entry file in an existing version, with a verification section to fill in')
    .argument('[version]', 'an existing version')
    .argument('[title]', 'title of the change')
    .addOption(rootOption())
    .option('--type <id>', 'entry type (roadbook.yml `types`)')
    .option('--module <id>', 'module concerned (repeatable)', collect)
    .option('--edition <id>', 'edition the change is limited to (repeatable)', collect)
    .option('--id <id>', 'entry id, such as the ticket key GES-5501')
    .option('--ticket <ref>', 'ticket reference (repeatable)', collect)
    .action(
      async (
        version: string | undefined,
        title: string | undefined,
        options: Omit<NewArgs, 'what' | 'version' | 'title'>,
      ) => setCode(await (await scaffold()).runNew({ ...options, what: 'entry', version, title }, io)),
    );

  const runs = root.command('run').description("a team's acceptance-test run: merge progress files, verify a report");
  runs
    .command('merge')
    .description("merge testers' progress files item by item; lists every conflict, exit 1 while any remains")
    .argument('<files...>', 'progress files exported from the checklist page')
    .option('--out <file>', 'the merged progress file (written only when no conflict remains)')
    .option('--prefer <rule>', 'settle each conflict: "newest" keeps the most recent result')
    .action(async (files: string[], options: { out?: string; prefer?: string }) =>
      setCode(await (await run()).runMerge({ files, ...options }, io)),
    );
  runs
    .command('verify')
    .description('recompute the seal of a sign-off report (Markdown or JSON) and list what changed since')
    .argument('<report>', 'the report file')
    .addOption(rootOption())
    .action(async (report: string, options: { root: string }) =>
      setCode(await (await run()).runVerify({ report, ...options }, io)),
    );

  return root;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      io.stderr(`roadbook: ${error.message}\n`);
      return error.exitCode;
    }
    // Anything else is a defect of roadbook itself: say so in one line, without a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`roadbook: unexpected failure: ${message}\n(set ROADBOOK_DEBUG=1 to see where it happened)\n`);
    if (process.env.ROADBOOK_DEBUG) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    return 70;
  }
}

/** Entry point of the `roadbook` binary: the one place that sets the process's exit code. */
export async function runCli(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}
