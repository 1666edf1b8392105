/**
 * The import writer on fresh and existing road books in a temporary folder: what it writes
 * is read back by core's own reader (the same as `roadbook check`), and nothing it writes is
 * ever written over.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planFromKeepAChangelog } from '../../../src/core/import/keepachangelog.ts';
import type { ImportPlan } from '../../../src/core/import/plan.ts';
import { writePlan } from '../../../src/core/import/write-plan.ts';
import type { RoadBookConfig } from '../../../src/core/model.ts';
import { readConfig } from '../../../src/core/read/config.ts';
import { DiagnosticList } from '../../../src/core/diagnostics.ts';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'roadbook-import-'));
  write(
    'content/roadbook.yml',
    '# Réglages du road book\nproduct: Demo\nlocale: en\nmodules:\n  - { id: core, label: Core }\n',
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

async function config(): Promise<RoadBookConfig> {
  return readConfig(root, new DiagnosticList());
}

async function planOf(text: string, unreleased: string | null = null): Promise<ImportPlan> {
  return planFromKeepAChangelog({ text, config: await config(), module: 'core', unreleased });
}

/** Every file under the road book with its text, to see that nothing changed. */
function snapshot(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(join(root, 'content'));
  return files;
}

async function check() {
  const result = await loadRoadBook(root, { drafts: true, workers: false });
  const codes = new Set(result.diagnostics.map((d) => `${d.severity} ${d.code}`));
  return { result, codes };
}

describe('writing a plan', () => {
  it('writes titles YAML would misread so that the reader gets them back exactly', async () => {
    const plan = await planOf(fixture('titles.md'));
    const summary = await writePlan(plan, { root });
    expect(summary.entries).toHaveLength(plan.entries.length);

    const { result, codes } = await check();
    expect(result.errorCount).toBe(0);
    expect([...codes]).toEqual(['warning missing-verify']);
    expect(result.book.entries.map((e) => e.title).sort()).toEqual(plan.entries.map((e) => e.title).sort());
    expect(plan.entries.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        'Key: value pairs in the export',
        'Price # not a comment',
        `"Quoted" and 'single' titles`,
        '- starts with a dash',
        '* starts with a star',
        '& starts with an ampersand',
        '! starts with a bang',
        'yes',
        'no',
        '12345',
        '1.10',
        'null',
        'Émoji 🎉 and accents éàü',
        '~',
      ]),
    );
  });

  it('names files <slug>.md with an id derived from the version and the title', async () => {
    await writePlan(await planOf('## [1.0.0] - 2024-01-01\n### Fixed\n- Key: value pairs\n- Key: value pairs\n'), {
      root,
    });
    const dir = 'content/versions/1.0.0';
    expect(readdirSync(join(root, dir)).sort()).toEqual(['index.md', 'key-value-pairs-2.md', 'key-value-pairs.md']);
    expect(readFileSync(join(root, dir, 'key-value-pairs.md'), 'utf8')).toBe(
      '---\nid: 1.0.0-key-value-pairs\ntitle: "Key: value pairs"\ntype: correction\nmodules:\n  - core\n---\n\nKey: value pairs\n',
    );
    expect(readFileSync(join(root, dir, 'key-value-pairs-2.md'), 'utf8')).toContain('id: 1.0.0-key-value-pairs-2\n');
    expect(readFileSync(join(root, dir, 'index.md'), 'utf8')).toBe('---\ndate: 2024-01-01\n---\n');
  });

  it('writes draft, withdrawn and URL-safe versions as the contract reads them', async () => {
    const text =
      '## 15.30.02/DU3 - 2024-01-02\n- One\n\n## [15.30.01] - 2023-12-01 [YANKED]\n- Two\n\n## 15.29.0\n- Three\n';
    const summary = await writePlan(await planOf(text), { root });
    expect(summary.versions.map((v) => v.path)).toEqual([
      'content/versions/15.30.02-DU3/index.md',
      'content/versions/15.30.01/index.md',
      'content/versions/15.29.0/index.md',
    ]);
    const { result } = await check();
    expect(result.errorCount).toBe(0);
    expect(result.book.versions.map((v) => [v.version, v.status, v.date])).toEqual([
      ['15.29.0', 'draft', null],
      ['15.30.01', 'withdrawn', '2023-12-01'],
      ['15.30.02/DU3', 'published', '2024-01-02'],
    ]);
  });

  it('writes nothing the second time the same file is imported', async () => {
    const plan = await planOf(fixture('styles.md'), '4.0.0');
    const first = await writePlan(plan, { root });
    expect(first.entries.length).toBe(plan.entries.length);
    const written = snapshot();

    const again = await writePlan(await planOf(fixture('styles.md'), '4.0.0'), { root });
    expect(again.versions).toEqual([]);
    expect(again.entries).toEqual([]);
    expect(again.existingVersions).toBe(plan.versions.length);
    const already = again.skipped.filter((s) => s.why.startsWith('the road book already has an entry with this id'));
    expect(already).toHaveLength(plan.entries.length);
    expect(snapshot()).toEqual(written);
  });

  it('writes nothing in a dry run, and says the same', async () => {
    const before = snapshot();
    const plan = await planOf(fixture('commander.md'));
    const summary = await writePlan(plan, { root, dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(summary.entries).toHaveLength(plan.entries.length);
    expect(summary.versions).toHaveLength(plan.versions.length);
    expect(summary.configWritten).toBe(true);
    expect(existsSync(join(root, 'content/versions'))).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it('passes check on a real changelog: the result has no error', async () => {
    await writePlan(await planOf(fixture('keep-a-changelog.md')), { root });
    await writePlan(await planOf(fixture('eslint-plugin-react.md'), '7.38.0'), { root });
    const { result, codes } = await check();
    expect(result.errorCount).toBe(0);
    // Two projects' changelogs in one road book: 2.0.0 (2026) comes before 7.37.5 (2025).
    expect([...codes]).toEqual(['warning missing-verify', 'warning version-date-order']);
    expect(result.book.versions.map((v) => v.version)).toEqual(['2.0.0', '7.37.5', '7.38.0']);
  });
});

describe("roadbook.yml's closed lists", () => {
  it('skips an entry whose type roadbook.yml does not list, saying how to map it', async () => {
    write('content/roadbook.yml', 'product: Demo\nmodules: [core]\ntypes: [correction, autre]\n');
    const summary = await writePlan(await planOf('## 1.0.0 - 2024-01-01\n### Added\n- New\n### Fixed\n- Fix\n'), {
      root,
    });
    expect(summary.entries.map((e) => e.path)).toEqual(['content/versions/1.0.0/fix.md']);
    expect(summary.skipped).toEqual([
      {
        line: 3,
        what: 'New',
        why: 'type "nouveaute" is not one of the types of roadbook.yml (correction, autre): map it to one of them',
      },
    ]);
    const { result } = await check();
    expect(result.errorCount).toBe(0);
  });
});

describe('SemVer pre-releases', () => {
  it('sets versioning: semver in a road book without versions, keeping roadbook.yml as written', async () => {
    const summary = await writePlan(await planOf(fixture('commander.md')), { root });
    expect(summary.versioning).toBe('semver');
    expect(summary.configWritten).toBe(true);
    expect(summary.notes).toContainEqual(
      expect.stringMatching(
        /^versioning: semver is set.*15\.0\.0-0 \(line 49\) and 15\.0\.0 \(line 13\) would be the same version$/,
      ),
    );
    expect(readFileSync(join(root, 'content/roadbook.yml'), 'utf8')).toBe(
      '# Réglages du road book\nproduct: Demo\nlocale: en\nmodules:\n  - { id: core, label: Core }\nversioning: semver\n',
    );
    const { result, codes } = await check();
    expect(result.errorCount).toBe(0);
    expect([...codes].sort()).toEqual(['warning missing-verify', 'warning version-date-order']);
    const order = result.book.versions.map((v) => v.version);
    expect(order.indexOf('15.0.0-0')).toBe(order.indexOf('15.0.0') - 1);
    expect(order.slice(0, 4)).toEqual(['2.7.1', '2.20.1', '3.0.0-0', '3.0.0']);
  });

  it('reports collisions with both lines when the road book already has versions', async () => {
    write('content/versions/1.0.0/index.md', '---\ndate: 2010-01-01\n---\n');
    const summary = await writePlan(await planOf(fixture('commander.md')), { root });
    expect(summary.versioning).toBe('roadbook');
    expect(summary.configWritten).toBe(false);
    const collision = summary.skipped.find((s) => s.what === '15.0.0-0')!;
    expect(collision).toMatchObject({ line: 49 });
    expect(collision.why).toMatch(/^equals 15\.0\.0 under roadbook's version order \(line 13 and line 49\)/);
    expect(existsSync(join(root, 'content/versions/15.0.0-0'))).toBe(false);
    expect(readFileSync(join(root, 'content/roadbook.yml'), 'utf8')).not.toContain('versioning');
    const { result } = await check();
    expect(result.errorCount).toBe(0);
  });
});

describe('an existing road book', () => {
  it('adds entries to a version it has, skips ids it has, and never writes over a file', async () => {
    write('content/versions/1.0.0/index.md', '---\ndate: 2020-01-01\ntitle: Kept as it is\n---\n');
    write(
      'content/versions/1.0.0/first-release.md',
      '---\nid: hand-written\ntitle: First release\ntype: technique\nmodules: core\n---\n',
    );
    write('content/versions/0.9.0/index.md', '---\ndate: 2019-01-01\n---\n');
    write(
      'content/versions/0.9.0/taken.md',
      '---\nid: 1.0.0-second-change\ntitle: Taken\ntype: technique\nmodules: core\n---\n',
    );
    const before = snapshot();
    const summary = await writePlan(
      await planOf('## [1.0.0] - 2024-01-01\nNew intro\n### Fixed\n- First release\n- Second change\n'),
      { root },
    );
    expect(summary.versions).toEqual([]);
    expect(summary.existingVersions).toBe(1);
    expect(summary.entries.map((e) => e.path)).toEqual(['content/versions/1.0.0/first-release-2.md']);
    expect(summary.skipped).toEqual([
      {
        line: 5,
        what: '1.0.0-second-change',
        why: 'the road book already has an entry with this id (content/versions/0.9.0/taken.md)',
      },
    ]);
    for (const [path, text] of Object.entries(before)) expect(readFileSync(join(root, path), 'utf8')).toBe(text);
    const { result } = await check();
    expect(result.errorCount).toBe(0);
  });
});

describe('ids check would refuse', () => {
  const entry = (line: number, id: string | null, title: string): ImportPlan['entries'][number] => ({
    version: '1.0.0',
    id,
    title,
    type: 'correction',
    modules: ['core'],
    tags: [],
    tickets: [],
    breaking: false,
    body: '',
    line,
  });
  const plan = (entries: ImportPlan['entries']): ImportPlan => ({
    versions: [{ version: '1.0.0', date: '2024-01-01', status: 'published', title: null, intro: '', line: 1 }],
    entries,
    skipped: [],
    versioning: null,
    notes: [],
  });

  it('skips reserved ids and ids equal but for case to another, saying why at their line', async () => {
    write('content/versions/1.0.0/index.md', '---\ndate: 2024-01-01\n---\n');
    write('content/versions/1.0.0/ges-1.md', '---\nid: GES-1\ntitle: First\ntype: technique\nmodules: core\n---\n');
    const summary = await writePlan(
      plan([
        entry(3, 'checklist.csv', 'A download'),
        entry(4, 'CON', 'A device'),
        entry(5, 'ges-1', 'Same ticket, other case'),
        entry(6, 'GES-2', 'Second'),
        entry(7, 'ges-2.', 'Second again'),
      ]),
      { root },
    );
    expect(summary.entries.map((e) => e.path)).toEqual(['content/versions/1.0.0/GES-2-second.md']);
    expect(summary.skipped).toEqual([
      {
        line: 3,
        what: 'checklist.csv',
        why: `the id is taken by the version's own "checklist.csv" on the site: its page would replace that file or be lost; give the entry another id`,
      },
      {
        line: 4,
        what: 'CON',
        why: 'the id is CON, a name Windows keeps for a device: no Windows server or share can hold its page; give the entry another id',
      },
      {
        line: 5,
        what: 'ges-1',
        why: 'the id differs only by case from "GES-1" (content/versions/1.0.0/ges-1.md), one name on a case-insensitive server or share',
      },
      {
        line: 7,
        what: 'ges-2.',
        why: 'the id differs only by case from "GES-2" (content/versions/1.0.0/GES-2-second.md), one name on a case-insensitive server or share',
      },
    ]);
    const { result } = await check();
    expect(result.errorCount).toBe(0);
  });

  it('never names a file after a Windows device or the version index', async () => {
    write('content/versions/1.0.0/index.md', '---\ndate: 2024-01-01\n---\n');
    const summary = await writePlan(plan([entry(3, null, 'Con'), entry(4, null, 'Index')]), { root });
    expect(summary.entries.map((e) => e.path)).toEqual([
      'content/versions/1.0.0/con-2.md',
      'content/versions/1.0.0/index-2.md',
    ]);
    const { result } = await check();
    expect(result.errorCount).toBe(0);
  });
});
