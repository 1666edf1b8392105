/**
 * `roadbook build` run again on the same output folder: after each kind of change the site
 * it leaves has every file, with the same bytes, that a build from scratch of the same content
 * gives (a copy of the content in a folder of its own, so with caches of its own); when
 * nothing changed the site is not touched at all.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachePaths } from '../../src/astro/settings.ts';
import { lastSiteFile } from '../../src/cli/commands/build.ts';
import { PROJECT } from './run-cli.ts';

const BIN = join(PROJECT, 'src/cli/bin.ts');
const FIXTURE = join(PROJECT, 'tests/fixtures/site/gestan-fr');
/** Two Astro builds, one after the other (builds of one installation share Astro's work folder). */
const TIMEOUT = 600_000;

interface Build {
  code: number | null;
  stderr: string;
}

function build(root: string): Promise<Build> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'build', '--root', root, '--out', join(root, 'dist')], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

interface FileState {
  ino: number;
  mtimeMs: number;
}

/** Every file of a site (paths relative to it) with its inode and modification time. */
async function filesOf(site: string): Promise<Map<string, FileState>> {
  const found = new Map<string, FileState>();
  for (const d of await readdir(site, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const path = join(d.parentPath, d.name);
    const s = await stat(path);
    found.set(relative(site, path), { ino: s.ino, mtimeMs: s.mtimeMs });
  }
  return found;
}

/** The paths of the two sites and the paths whose bytes differ. */
async function compareSites(a: string, b: string): Promise<{ paths: [string[], string[]]; differ: string[] }> {
  const [filesA, filesB] = await Promise.all([filesOf(a), filesOf(b)]);
  const differ: string[] = [];
  for (const path of filesA.keys()) {
    if (!filesB.has(path)) continue;
    const [bytesA, bytesB] = await Promise.all([readFile(join(a, path)), readFile(join(b, path))]);
    if (!bytesA.equals(bytesB)) differ.push(path);
  }
  return { paths: [[...filesA.keys()].sort(), [...filesB.keys()].sort()], differ };
}

describe('roadbook build, run again after a change', () => {
  let work: string;
  let project: string;
  const roots: string[] = [];
  let cold = 0;
  let firstBuild: Build;

  /** Builds `project` again and a copy of its content from scratch; both sites must be the same. */
  async function rebuildMatchesCold(): Promise<Build> {
    const scratch = join(work, `cold-${++cold}`);
    roots.push(scratch);
    await cp(join(project, 'content'), join(scratch, 'content'), { recursive: true });
    const again = await build(project);
    const fresh = await build(scratch);
    expect(again.code, again.stderr).toBe(0);
    expect(fresh.code, fresh.stderr).toBe(0);
    const { paths, differ } = await compareSites(join(project, 'dist'), join(scratch, 'dist'));
    expect(paths[0]).toEqual(paths[1]);
    expect(differ).toEqual([]);
    await rm(scratch, { recursive: true, force: true });
    return again;
  }

  async function edit(path: string, change: (text: string) => string): Promise<void> {
    const file = join(project, 'content', path);
    await writeFile(file, change(await readFile(file, 'utf8')));
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'roadbook-rebuild-'));
    project = join(work, 'project');
    roots.push(project);
    await cp(FIXTURE, project, { recursive: true });
    firstBuild = await build(project);
    expect(firstBuild.code, firstBuild.stderr).toBe(0);
  }, TIMEOUT);

  afterAll(async () => {
    for (const root of roots) {
      for (const path of Object.values(cachePaths(root))) await rm(path, { recursive: true, force: true });
      await rm(lastSiteFile(root, join(root, 'dist')), { force: true });
    }
    await rm(work, { recursive: true, force: true });
  });

  it('keeps in Astro’s store only what tells a later build what changed, not the entries the pages show', async () => {
    const store = await readFile(join(cachePaths(project).astroCacheDir, 'data-store.json'), 'utf8');
    const page = await readFile(join(project, 'dist/versions/1.0.0/CPT-1/index.html'), 'utf8');
    expect(page).toContain('Export des écritures au format CSV');
    expect(store).toContain('CPT-1');
    expect(store).not.toContain('Export des écritures');
  });

  it(
    'reads no file when none changed, and says again what the check found; a file touched, not changed, is read once',
    async () => {
      const summary = (stderr: string) => stderr.split('\n').find((line) => /: \d+ errors?, \d+ warnings?$/.test(line));
      const before = await filesOf(join(project, 'dist'));
      const unread = await build(project);
      expect(unread.code, unread.stderr).toBe(0);
      expect(unread.stderr).toContain('Nothing changed since the last build');
      expect(unread.stderr).not.toContain('✓ read');
      expect(summary(unread.stderr)).toBeDefined();
      expect(summary(unread.stderr)).toBe(summary(firstBuild.stderr));
      // The same bytes with another modification time: read and found the same, then known by its new stamp.
      const touched = join(project, 'content/versions/1.0.0/index.md');
      const later = new Date(Date.now() + 60_000);
      await utimes(touched, later, later);
      const read = await build(project);
      expect(read.stderr).toContain('✓ read');
      expect(read.stderr).toContain('Nothing changed since the last build');
      const again = await build(project);
      expect(again.stderr).not.toContain('✓ read');
      expect(again.stderr).toContain('Nothing changed since the last build');
      expect(await filesOf(join(project, 'dist'))).toEqual(before);
    },
    TIMEOUT,
  );

  it(
    'leaves the site as it is when nothing changed: same files, same inodes, same times',
    async () => {
      const before = await filesOf(join(project, 'dist'));
      const again = await build(project);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('Nothing changed since the last build');
      expect(await filesOf(join(project, 'dist'))).toEqual(before);
    },
    TIMEOUT,
  );

  it(
    "after an entry's body is edited: regenerates its files, keeps the other pages as they were",
    async () => {
      const before = await filesOf(join(project, 'dist'));
      await edit('versions/1.1.0/CPT-2-soldes.md', (text) => `${text}\nUn paragraphe de plus.\n`);
      const again = await rebuildMatchesCold();
      expect(again.stderr).toMatch(/\d+ files kept from the last site/);
      const after = await filesOf(join(project, 'dist'));
      // A data file and a page of another version are kept as they were, the very files (hard
      // links): no page names the build, which changed.
      expect(after.get('data/versions/2.0.0.json')?.ino).toBe(before.get('data/versions/2.0.0.json')?.ino);
      expect(after.get('versions/1.0.0/STK-1/index.html')?.ino).toBe(
        before.get('versions/1.0.0/STK-1/index.html')?.ino,
      );
      expect(after.get('versions/1.1.0/CPT-2/index.html')?.ino).not.toBe(
        before.get('versions/1.1.0/CPT-2/index.html')?.ino,
      );
    },
    TIMEOUT,
  );

  it(
    'after an entry is added',
    async () => {
      await writeFile(
        join(project, 'content/versions/2.0.0/CPT-3-cloture.md'),
        '---\nid: CPT-3\ntitle: Clôture annuelle\ntype: evolution\nmodules: [comptabilite]\nverify:\n  - step: Clôturer l’exercice\n    expect: Les à-nouveaux sont générés\n---\nLa clôture génère les à-nouveaux.\n',
      );
      await rebuildMatchesCold();
    },
    TIMEOUT,
  );

  it(
    'after an entry is removed',
    async () => {
      await rm(join(project, 'content/versions/1.0.0/STK-1-inventaire.md'));
      await rebuildMatchesCold();
    },
    TIMEOUT,
  );

  it(
    'after an entry moves to another version (the page of the entry superseding it names its version)',
    async () => {
      await rename(
        join(project, 'content/versions/1.1.0/FAC-2-escape.md'),
        join(project, 'content/versions/1.0.0/FAC-2-escape.md'),
      );
      await edit('versions/1.1.0-DU1/FAC-3-soldes.md', (text) =>
        text.replace('../1.1.0/FAC-2-escape.md', '../1.0.0/FAC-2-escape.md'),
      );
      await rebuildMatchesCold();
    },
    TIMEOUT,
  );

  it(
    "after an entry's title is edited (the one moved above): the page of the entry superseding it, which names it, is made again",
    async () => {
      await edit('versions/1.0.0/FAC-2-escape.md', (text) => text.replace(/^title: (.*)$/m, 'title: $1 (revu)'));
      await rebuildMatchesCold();
    },
    TIMEOUT,
  );

  it(
    'after a known issue and an end of support are written in a version',
    async () => {
      // The fixture's 1.0.0 has one known issue and a support date: both change, and a second issue is written.
      await edit('versions/1.0.0/index.md', (text) =>
        text
          .replace(/^endOfSupport: .*$/m, 'endOfSupport: 2027-01-31')
          .replace(
            /^knownIssues:$/m,
            [
              'knownIssues:',
              '  - id: KI-avoirs',
              "    title: L'export comptable omet les avoirs",
              '    modules: [comptabilite]',
              '    workaround: Exporter les avoirs à part.',
              '    fixedBy: CPT-2',
            ].join('\n'),
          ),
      );
      await rebuildMatchesCold();
    },
    TIMEOUT,
  );

  it(
    'after roadbook.yml is edited',
    async () => {
      await edit('roadbook.yml', (text) => text.replace(/^title: .*$/m, 'title: Gestan, le carnet de route'));
      await rebuildMatchesCold();
    },
    TIMEOUT,
  );

  it(
    'after processes.yml is edited',
    async () => {
      await edit('processes.yml', (text) =>
        text.replace('Éditer les factures du mois', 'Éditer les factures du mois écoulé'),
      );
      await rebuildMatchesCold();
    },
    TIMEOUT,
  );

  it(
    "after roadbook's own code changed (an upgrade): builds every file again",
    async () => {
      const out = join(project, 'dist');
      const record = lastSiteFile(project, out);
      const recorded = JSON.parse(await readFile(record, 'utf8')) as { code: string };
      await writeFile(record, JSON.stringify({ ...recorded, code: `${recorded.code}-older` }));
      const before = await filesOf(out);
      const again = await rebuildMatchesCold();
      expect(again.stderr).not.toContain('files kept from the last site');
      const after = await filesOf(out);
      expect([...after].filter(([path, s]) => before.get(path)?.ino === s.ino)).toEqual([]);
    },
    TIMEOUT,
  );
});
