/**
 * The versions' data files and downloads made on worker threads have the bytes the site's
 * routes make in the build's own thread (the same VersionFiles), a build keeps none of
 * them when they are made apart, and a workbook it keeps is written there again with the new
 * build id.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildIdOf } from '../../../src/core/build-id.ts';
import { publishedData, VersionFiles } from '../../../src/core/build/version-files.ts';
import { makeVersionFiles } from '../../../src/core/build/version-files-pool.ts';
import { loadRoadBook } from '../../../src/core/read/road-book.ts';
import { PROJECT } from '../../cli/run-cli.ts';

const FIXTURE = join(PROJECT, 'tests/fixtures/site/gestan-fr');

async function fixture() {
  const { book } = await loadRoadBook(FIXTURE, { drafts: false, base: null });
  const data = publishedData(book);
  const buildId = buildIdOf(data);
  const files = new VersionFiles(data, buildId);
  // As `roadbook build` gives it: each job brings its version's entries.
  const input = { data: { ...data, entries: [] }, buildId, modules: files.modules };
  return { buildId, files, input };
}

/** Worker threads start by loading core and exceljs: slow on a busy machine. */
const WORKERS_TIMEOUT = 60_000;

describe('the versions’ files on worker threads', () => {
  it(
    'gives every file of every version, with the bytes made in this thread',
    async () => {
      const { buildId, files, input } = await fixture();
      const jobs = files.jobs(new Set());
      const made = new Map(await makeVersionFiles(input, jobs, 2));

      const expected = new Map(
        (await Promise.all(jobs.map((job) => files.filesOf(job.slug, new Set(job.paths))))).flat(),
      );
      expect([...made.keys()].sort()).toEqual([...expected.keys()].sort());
      expect(made.has('data/versions/1.0.0.json')).toBe(true);
      expect(made.has('versions/1.0.0/checklist.xlsx')).toBe(true);
      for (const [path, bytes] of expected)
        expect(Buffer.from(made.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);

      const workbook = unzipSync(made.get('versions/1.0.0/checklist.xlsx')!);
      expect(Object.values(workbook).some((part) => strFromU8(part).includes(buildId))).toBe(true);
    },
    WORKERS_TIMEOUT,
  );

  it(
    'leaves out the files a build keeps',
    async () => {
      const { files, input } = await fixture();
      const kept = new Set(['versions/1.0.0/checklist.xlsx', 'data/versions/1.0.0.json']);
      const made = await makeVersionFiles(input, files.jobs(kept), 1);
      const paths = made.map(([path]) => path);
      expect(paths).toContain('versions/1.0.0/checklist.csv');
      for (const path of kept) expect(paths).not.toContain(path);
    },
    WORKERS_TIMEOUT,
  );

  it(
    'writes a workbook kept from the last site again with the new build id: the bytes a new one would have',
    async () => {
      const { files, input } = await fixture();
      const last = await mkdtemp(join(tmpdir(), 'roadbook-kept-'));
      try {
        const path = 'versions/1.0.0/checklist.xlsx';
        const previous = new VersionFiles(
          publishedData((await loadRoadBook(FIXTURE, { drafts: false })).book),
          'b'.repeat(64),
        );
        const [[, before]] = (await previous.filesOf('1.0.0', new Set([path]))) as [[string, Uint8Array]];
        await mkdir(join(last, 'versions/1.0.0'), { recursive: true });
        await writeFile(join(last, path), before);
        const made = await makeVersionFiles(
          input,
          [{ kept: join(last, path), path, previousBuildId: 'b'.repeat(64) }],
          1,
        );
        const [[, fresh]] = (await files.filesOf('1.0.0', new Set([path]))) as [[string, Uint8Array]];
        expect(made.map(([p]) => p)).toEqual([path]);
        expect(Buffer.from(made[0]![1]).equals(Buffer.from(fresh))).toBe(true);
        expect(Buffer.from(before).equals(Buffer.from(fresh))).toBe(false);
      } finally {
        await rm(last, { recursive: true, force: true });
      }
    },
    WORKERS_TIMEOUT,
  );

  it(
    'fails with the version whose files could not be made',
    async () => {
      const { input } = await fixture();
      const run = makeVersionFiles(input, [{ slug: 'no-such-version', paths: ['x'], entries: [] }], 1);
      await expect(run).rejects.toThrow(/no-such-version/);
    },
    WORKERS_TIMEOUT,
  );
});
