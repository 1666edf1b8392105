import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_LOCK } from '../../src/cli/preview-lock.ts';
import { PROJECT, runCli } from './run-cli.ts';

const BIN = join(PROJECT, 'src/cli/bin.ts');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

let output = '';

/** Polls `url` until its text satisfies `test`; the failure message holds the last text and the preview's output. */
async function until(url: string, test: (text: string) => boolean, what: string): Promise<string> {
  let last = '';
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    last = await fetch(url).then(
      (r) => r.text(),
      (error: Error) => `(no answer: ${error.message})`,
    );
    if (test(last)) return last;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(
    `${what}: not seen at ${url}; last answer:\n${last.slice(0, 2000)}\npreview:\n${output
      .split('\n')
      .filter((l) => !/\[\d{3}\] \//.test(l))
      .join('\n')
      .slice(-3000)}`,
  );
}

describe('roadbook dev', () => {
  let root: string;
  let preview: ChildProcess;
  let origin: string;
  const entry = () => join(root, 'content/versions/1.0.0/V-1.md');
  const page = () => `${origin}/versions/1.0.0/V-1/`;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'roadbook-dev-'));
    await cp(join(PROJECT, 'tests/fixtures/cli/content'), join(root, 'content'), { recursive: true });
    // Started on a road book with an error: the preview has nothing good to show yet.
    await writeFile(entry(), (await readFile(entry(), 'utf8')).replace('type: nouveaute', 'type: nope'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    preview = spawn(process.execPath, [BIN, 'dev', '--root', root, '--port', String(port), '--host', '127.0.0.1'], {
      cwd: PROJECT,
      // As a writer's shell has it: Astro serves no pages when it believes a test runner runs it.
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))),
        NO_COLOR: '1',
      },
    });
    preview.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    preview.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  }, 120_000);

  afterAll(async () => {
    if (preview.exitCode === null) {
      preview.kill('SIGTERM');
      await new Promise((done) => preview.once('exit', done));
    }
    await rm(root, { recursive: true, force: true });
  });

  it('shows the errors in the browser, as check reports them, when nothing good was read yet', async () => {
    const html = await until(origin, (t) => t.includes('roadbook-problems'), 'the problems page');
    expect(html).toContain('content/versions/1.0.0/V-1.md:3:7');
    expect(html).toContain('unknown-type');
    expect(html).toContain('Le road book contient des erreurs');
    expect(html).not.toMatch(/\bat .+:\d+:\d+/);
    expect(output).toMatch(/content\/versions\/1\.0\.0\/V-1\.md:3:7 {2}error {2}.+ {2}unknown-type/);
  }, 90_000);

  it('shows the road book once the error is fixed, and each saved edit', async () => {
    await writeFile(entry(), (await readFile(entry(), 'utf8')).replace('type: nope', 'type: nouveaute'));
    const fixed = await until(page(), (t) => t.includes('<h1') && t.includes('Devis en ligne'), 'the fixed entry');
    expect(fixed).not.toContain('roadbook-problems');

    await writeFile(entry(), (await readFile(entry(), 'utf8')).replace('title: Devis en ligne', 'title: Devis signés'));
    await until(page(), (t) => t.includes('Devis signés'), 'the edited title');

    await writeFile(entry(), `${await readFile(entry(), 'utf8')}\nLes devis **signés** passent en commande.\n`);
    const body = await until(page(), (t) => t.includes('<strong>signés</strong>'), 'the edited body');
    expect(body).toContain('<p>Les devis <strong>signés</strong> passent en commande.</p>');
    // The entries are kept out of Astro's store, which is written whole after each edit.
    const store = await readFile(join(PROJECT, '.astro/data-store.json'), 'utf8');
    expect(store).toContain('1.0.0');
    expect(store).not.toContain('Devis');
  }, 90_000);

  it('keeps the last good page under a notice of the errors while an edit breaks the road book', async () => {
    await writeFile(entry(), (await readFile(entry(), 'utf8')).replace('modules: ventes', 'modules: [ventes'));
    const html = await until(page(), (t) => t.includes('roadbook-problems'), 'the notice');
    expect(html).toContain('Devis signés');
    expect(html).toContain('content/versions/1.0.0/V-1.md');
    expect(html).toContain('yaml-syntax');
    // Data files are left as they are.
    expect(
      JSON.parse(await until(`${origin}/roadbook.json`, (t) => t.startsWith('{'), 'roadbook.json')),
    ).toHaveProperty('versions');

    await writeFile(entry(), (await readFile(entry(), 'utf8')).replace('modules: [ventes', 'modules: ventes'));
    await until(page(), (t) => t.includes('Devis signés') && !t.includes('roadbook-problems'), 'the notice gone');
  }, 90_000);

  it('shows an added entry on its page and its version’s, and drops a removed one from both', async () => {
    const added = join(root, 'content/versions/1.0.0/V-90.md');
    const addedPage = `${origin}/versions/1.0.0/V-90/`;
    const versionPage = `${origin}/versions/1.0.0/`;
    await writeFile(
      added,
      '---\ntitle: Factures groupées\ntype: nouveaute\nmodules: ventes\nverify:\n  - Grouper deux bons → une facture\n---\n\nUne facture pour plusieurs bons.\n',
    );
    const html = await until(addedPage, (t) => t.includes('Une facture pour plusieurs bons'), 'the added entry');
    expect(html).toContain('Factures groupées');
    // The version's page lists it beside the entry already there.
    const listed = await until(versionPage, (t) => t.includes('Factures groupées'), 'the added entry in its version');
    expect(listed).toContain('Devis signés');

    await rm(added);
    await until(
      versionPage,
      (t) => !t.includes('Factures groupées') && t.includes('Devis signés'),
      'the removed entry gone',
    );
    expect((await fetch(addedPage)).status).toBe(404);
  }, 90_000);

  it('shows added entries to pages asked for while the content is refreshed, as a reloading browser does', async () => {
    // Several requests under way during every sync: each may start with the store as it was.
    const askers = 4;
    for (const id of ['V-91', 'V-92', 'V-93']) {
      const file = join(root, `content/versions/1.0.0/${id}.md`);
      const url = `${origin}/versions/1.0.0/${id}/`;
      await writeFile(
        file,
        `---\ntitle: Avoirs ${id}\ntype: nouveaute\nmodules: ventes\nverify:\n  - Un avoir\n---\n\nLe corps de ${id}.\n`,
      );
      let seen = false;
      const ask = async () => {
        for (const deadline = Date.now() + 20_000; !seen && Date.now() < deadline;) {
          const text = await fetch(url).then(
            (r) => r.text(),
            () => '',
          );
          if (text.includes(`Le corps de ${id}.`)) seen = true;
        }
      };
      await Promise.all(Array.from({ length: askers }, ask));
      expect(seen, `${id} shown`).toBe(true);
      await rm(file);
      await until(`${origin}/versions/1.0.0/`, (t) => !t.includes(`Avoirs ${id}`), `${id} gone`);
    }
  }, 120_000);

  it('refuses a second preview while one runs, saying where', () => {
    const second = runCli(['dev', '--root', 'tests/fixtures/cli', '--port', '1']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`A dev preview is already running (process ${preview.pid}, road book ${root})`);
  });

  it('stops on Ctrl-C, exit code 0, and gives the lock back', async () => {
    const exited = new Promise<number | null>((done) => preview.once('exit', (code) => done(code)));
    preview.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(readFile(PREVIEW_LOCK, 'utf8')).rejects.toThrow();
  }, 30_000);
});
