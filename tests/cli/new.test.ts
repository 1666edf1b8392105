import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PLACEHOLDER_STEPS } from '../../src/core/scaffold/placeholder.ts';
import { runCli } from './run-cli.ts';
import { KEY, runOnTerminal } from './pty.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/new/', import.meta.url));
const VERSIONS = 'content/versions';
/** Each test runs the CLI as a process a few times, on a machine that may be busy. */
const SLOW = { timeout: 60_000 };
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** A fresh copy of a fixture road book (`fr` or `en`), so every test writes into its own. */
async function book(name: 'fr' | 'en' = 'fr'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'roadbook-new-'));
  dirs.push(root);
  await cp(join(FIXTURES, name), root, { recursive: true });
  return root;
}

const read = (root: string, path: string) => readFile(join(root, path), 'utf8');
const listing = async (root: string, version: string) => (await readdir(join(root, VERSIONS, version))).sort();

/** `roadbook new …` in `root`, as a user runs it in the project folder. */
const roadbookNew = (root: string, ...args: string[]) => runCli(['new', ...args], root);

/** `roadbook check` of `root`: its exit code and every diagnostic line. */
function check(root: string): { code: number | null; lines: string[] } {
  const run = runCli(['check', '--root', root]);
  return { code: run.code, lines: run.stderr.split('\n').filter((l) => l.startsWith('content/')) };
}

const PLACEHOLDER_WARNING =
  'warning  This verification item is still the placeholder `roadbook new` wrote; replace it with the action to take and the result expected  placeholder-item';

describe('roadbook new version', SLOW, () => {
  it('writes index.md from the flags, prints its path, and check accepts it', async () => {
    const root = await book();
    const run = roadbookNew(root, 'version', '15.5.0', '--date', '2026-12-15', '--title', 'Hiver : clôture');
    expect([run.code, run.stdout.toString(), run.stderr]).toEqual([0, 'content/versions/15.5.0/index.md\n', '']);
    expect(await read(root, 'content/versions/15.5.0/index.md')).toBe(
      '---\ndate: 2026-12-15\nstatus: published\ntitle: "Hiver : clôture"\n---\n',
    );
    expect(check(root)).toEqual({ code: 0, lines: [] });
  });

  it('makes a version without a date a draft', async () => {
    const root = await book();
    expect(roadbookNew(root, 'version', '16.0.0-rc.1').code).toBe(0);
    expect(await read(root, 'content/versions/16.0.0-rc.1/index.md')).toBe('---\nstatus: draft\n---\n');
  });

  it('gives a version with a `/` its URL-safe folder and the real string in `version:`', async () => {
    const root = await book();
    const run = roadbookNew(root, 'version', '15.4.0/DU1', '--date', '2026-11-20');
    expect(run.stdout.toString()).toBe('content/versions/15.4.0-DU1/index.md\n');
    expect(await read(root, 'content/versions/15.4.0-DU1/index.md')).toBe(
      '---\nversion: 15.4.0/DU1\ndate: 2026-11-20\nstatus: published\n---\n',
    );
    expect(check(root)).toEqual({ code: 0, lines: [] });
  });

  it.each([
    [['15.4'], 'the version 15.4 already exists: "15.4.0" compares equal to it'],
    [['15.4.0'], 'the version 15.4.0 already exists: "15.4.0" compares equal to it'],
    [['nouvelle'], '"nouvelle" is not a version string (digits and letters separated by . - _ /, such as 15.4.0)'],
    [['15.6.0', '--date', '2026-02-30'], '"2026-02-30" is not a real date written YYYY-MM-DD'],
    [
      ['15.6.0', '--status', 'publised', '--date', '2026-12-01'],
      'unknown status "publised" (did you mean "published"?): choose one of published, draft, withdrawn',
    ],
    [
      ['15.6.0', '--status', 'published'],
      'a published version needs a release date (--date YYYY-MM-DD), or make it a draft',
    ],
  ])('refuses %j and writes nothing', async (args, problem) => {
    const root = await book();
    const run = roadbookNew(root, 'version', ...args);
    expect([run.code, run.stderr]).toEqual([1, `roadbook: Nothing written:\n  - ${problem}\n`]);
    expect((await readdir(join(root, VERSIONS))).sort()).toEqual(['15.4.0']);
  });

  it('never writes into a version folder that exists, even one without index.md', async () => {
    const root = await book();
    await mkdir(join(root, VERSIONS, '15.6.0/assets'), { recursive: true });
    const run = roadbookNew(root, 'version', '15.6.0');
    expect([run.code, run.stderr]).toEqual([
      1,
      'roadbook: Nothing written:\n  - the version 15.6.0 already exists: "15.6.0" compares equal to it\n',
    ]);
    expect(await listing(root, '15.6.0')).toEqual(['assets']);
  });

  it('without a terminal, names the missing version (exit 2)', async () => {
    const root = await book();
    const run = roadbookNew(root, 'version');
    expect([run.code, run.stderr]).toEqual([
      2,
      'roadbook: Missing <version> (no terminal to ask on: give them on the command line)\n',
    ]);
  });
});

describe('roadbook new entry', SLOW, () => {
  it('writes the entry from the flags, named <id>-<slug>.md, with a placeholder item', async () => {
    const root = await book();
    const run = roadbookNew(
      root,
      'entry',
      '15.4',
      'Remise « volume » : 10 % dès 100 pièces',
      '--type',
      'nouveaute',
      '--module',
      'ventes',
      '--module',
      'facturation',
      '--edition',
      'entreprise',
      '--id',
      'GES-5510',
      '--ticket',
      '5510',
    );
    const path = 'content/versions/15.4.0/GES-5510-remise-volume-10-des-100-pieces.md';
    expect([run.code, run.stdout.toString(), run.stderr]).toEqual([0, `${path}\n`, '']);
    expect(await read(root, path)).toBe(
      [
        '---',
        'id: GES-5510',
        'title: "Remise « volume » : 10 % dès 100 pièces"',
        'type: nouveaute',
        'modules: [ventes, facturation]',
        'editions: [entreprise]',
        'tickets: ["5510"]',
        '---',
        '',
        '## Vérifications',
        '',
        `- [ ] ${PLACEHOLDER_STEPS.fr}`,
        '',
      ].join('\n'),
    );
  });

  it('passes check, with a warning while the placeholder item is left in place', async () => {
    const root = await book();
    roadbookNew(root, 'entry', '15.4.0', 'Remise sur volume', '--type', 'nouveaute', '--module', 'ventes');
    const path = `${VERSIONS}/15.4.0/remise-sur-volume.md`;
    expect(check(root)).toEqual({ code: 0, lines: [`${path}:9:1  ${PLACEHOLDER_WARNING}`] });

    const written = await read(root, path);
    await writeFile(
      join(root, path),
      written.replace(PLACEHOLDER_STEPS.fr, 'Commander 100 pièces → la remise de 10 % est appliquée'),
    );
    expect(check(root)).toEqual({ code: 0, lines: [] });
  });

  it('writes the English placeholder under the locale’s first verification heading, and check warns on it', async () => {
    const root = await book('en');
    const run = roadbookNew(root, 'entry', '2.0.0', 'Stock alerts', '--type', 'evolution', '--module', 'stock');
    expect(run.code).toBe(0);
    const path = `${VERSIONS}/2.0.0/stock-alerts.md`;
    expect(await read(root, path)).toBe(
      `---\ntitle: Stock alerts\ntype: evolution\nmodules: [stock]\n---\n\n## Checks\n\n- [ ] ${PLACEHOLDER_STEPS.en}\n`,
    );
    expect(check(root)).toEqual({ code: 0, lines: [`${path}:9:1  ${PLACEHOLDER_WARNING}`] });
  });

  it('refuses unknown type, module and edition at once, with the choices and a "did you mean"', async () => {
    const root = await book();
    const run = roadbookNew(
      root,
      'entry',
      '15.4.0',
      'Titre',
      '--type',
      'corection',
      '--module',
      'vente',
      '--module',
      'paie',
      '--edition',
      'pro',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'roadbook: Nothing written:',
        '  - unknown type "corection" (did you mean "correction"?): choose one of nouveaute, evolution, correction, securite, technique',
        '  - unknown module "vente" (did you mean "ventes"?): choose one of facturation, ventes, stocks',
        '  - unknown module "paie": choose one of facturation, ventes, stocks',
        '  - unknown edition "pro": choose one of standard, entreprise',
        '',
      ].join('\n'),
    );
    expect(await listing(root, '15.4.0')).toEqual(['GES-5501-arrondi-tva.md', 'index.md']);
  });

  it.each([
    [
      ['15.9.0', 'Titre', '--type', 'correction', '--module', 'ventes'],
      'unknown version "15.9.0" (did you mean "15.4.0"?): choose one of 15.4.0; create it first with roadbook new version 15.9.0',
    ],
    [
      ['15.4.0', 'Titre', '--type', 'correction', '--module', 'ventes', '--id', 'ges-5501'],
      'the id "ges-5501" is taken by content/versions/15.4.0/GES-5501-arrondi-tva.md',
    ],
    [
      ['15.4.0', 'Titre', '--type', 'correction', '--module', 'ventes', '--id', 'GES 5502'],
      'the id "GES 5502" must start with a letter or digit and hold only letters, digits, . _ - (64 at most)',
    ],
    [['15.4.0', '  ', '--type', 'correction', '--module', 'ventes'], 'the title is empty'],
    [
      ['15.4.0', 'Titre', '--type', 'correction', '--module', 'ventes', '--id', 'GES-5501.'],
      'the id "GES-5501." is taken by content/versions/15.4.0/GES-5501-arrondi-tva.md',
    ],
    [
      ['15.4.0', 'Titre', '--type', 'correction', '--module', 'ventes', '--id', 'Checklist.csv'],
      `the id "Checklist.csv" is taken by the version's own "checklist.csv" on the site: its page would replace that file or be lost`,
    ],
    [
      ['15.4.0', 'CON', '--type', 'correction', '--module', 'ventes'],
      'the id "con" is CON, a name Windows keeps for a device: no Windows server or share can hold its page; give the entry an --id',
    ],
    [
      ['15.4.0', 'Index', '--type', 'correction', '--module', 'ventes'],
      'the file would be index.md, which describes the version; give the entry an --id',
    ],
  ])('refuses %j', async (args, problem) => {
    const root = await book();
    const run = roadbookNew(root, 'entry', ...args);
    expect([run.code, run.stderr]).toEqual([1, `roadbook: Nothing written:\n  - ${problem}\n`]);
    expect(await listing(root, '15.4.0')).toEqual(['GES-5501-arrondi-tva.md', 'index.md']);
  });

  it('never overwrites a file', async () => {
    const root = await book();
    const path = `${VERSIONS}/15.4.0/GES-5520-titre.md`;
    // A file of that name whose id is another one: the id check lets it through, the write does not.
    await writeFile(join(root, path), 'À garder\n');
    const run = roadbookNew(
      root,
      'entry',
      '15.4.0',
      'Titre',
      '--type',
      'technique',
      '--module',
      'stocks',
      '--id',
      'GES-5520',
    );
    expect([run.code, run.stderr]).toEqual([1, `roadbook: Nothing written: ${path} already exists\n`]);
    expect(await read(root, path)).toBe('À garder\n');
  });

  it('without a terminal, lists every missing required value (exit 2)', async () => {
    const root = await book();
    const run = roadbookNew(root, 'entry', '15.4.0');
    expect([run.code, run.stderr]).toEqual([
      2,
      'roadbook: Missing <title>, --type, --module (no terminal to ask on: give them on the command line)\n',
    ]);
  });
});

describe('roadbook new on a terminal', SLOW, () => {
  it('asks for the missing entry values with choices from roadbook.yml', async () => {
    const root = await book();
    const run = await runOnTerminal(['new', 'entry'], root, [
      { after: 'Version', keys: KEY.enter },
      { after: 'Title', keys: `Remise sur volume${KEY.enter}` },
      // nouveaute, evolution, correction: the third.
      { after: 'Type', keys: KEY.down + KEY.down + KEY.enter },
      // facturation and ventes.
      { after: 'Modules', keys: KEY.space + KEY.down + KEY.space + KEY.enter },
      { after: 'Editions', keys: KEY.down + KEY.space + KEY.enter },
      { after: 'Id', keys: `GES-7001${KEY.enter}` },
    ]);
    const path = `${VERSIONS}/15.4.0/GES-7001-remise-sur-volume.md`;
    expect(run.code).toBe(0);
    expect(run.screen).toContain(`${path}\n`);
    expect(await read(root, path)).toBe(
      [
        '---',
        'id: GES-7001',
        'title: Remise sur volume',
        'type: correction',
        'modules: [facturation, ventes]',
        'editions: [entreprise]',
        '---',
        '',
        '## Vérifications',
        '',
        `- [ ] ${PLACEHOLDER_STEPS.fr}`,
        '',
      ].join('\n'),
    );
  });

  it('asks only for what the flags leave out, and refuses an existing version until a new one is typed', async () => {
    const root = await book();
    const run = await runOnTerminal(['new', 'version', '--title', 'Hiver'], root, [
      { after: 'Version', keys: `15.4${KEY.enter}` },
      { after: 'compares equal', keys: `\u007f\u007f\u007f\u007f15.5${KEY.enter}` },
      { after: 'Release date', keys: `2026-12-15${KEY.enter}` },
      { after: 'Status', keys: KEY.enter },
    ]);
    expect(run.code).toBe(0);
    expect(run.screen).not.toContain('Title (empty for none)');
    expect(await read(root, `${VERSIONS}/15.5/index.md`)).toBe(
      '---\ndate: 2026-12-15\nstatus: published\ntitle: Hiver\n---\n',
    );
  });

  it('writes nothing when the questions are left with Ctrl-C', async () => {
    const root = await book();
    const run = await runOnTerminal(['new', 'entry', '15.4.0'], root, [
      { after: 'Title', keys: `Abandon${KEY.ctrlC}` },
    ]);
    expect(run.code).toBe(1);
    expect(run.screen).toContain('roadbook: Cancelled: nothing written');
    expect(run.screen).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(await listing(root, '15.4.0')).toEqual(['GES-5501-arrondi-tva.md', 'index.md']);
  });
});
