/**
 * What a rebuild keeps of the last good site: the very files (hard links) in the folders they
 * had, those that may name the build set apart to be written again, the missing ones left out.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkFiles, presentIn, sortKept } from '../../../src/core/build/reuse.ts';

const FILES = ['versions/1.0.0/A-1/index.html', 'versions/1.0.0/A-2/index.html', 'data/versions/1.0.0.json'];

describe('the files a rebuild keeps from the last site', () => {
  let work: string;
  let last: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'roadbook-reuse-'));
    last = join(work, 'last');
    for (const path of FILES) {
      await mkdir(dirname(join(last, path)), { recursive: true });
      await writeFile(join(last, path), `bytes of ${path}`);
    }
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('puts the very files into the new site, in their folders', async () => {
    const next = join(work, 'next');
    linkFiles(last, next, FILES);
    for (const path of FILES) {
      expect(await readFile(join(next, path), 'utf8')).toBe(`bytes of ${path}`);
      expect((await stat(join(next, path))).ino).toBe((await stat(join(last, path))).ino);
    }
  });

  it('names the files the last site holds, and only those', () => {
    expect(presentIn(last, [...FILES, 'versions/1.0.0/A-3/index.html', 'versions/1.0.0'])).toEqual(FILES);
  });

  it('sets apart the workbooks, which name the build, when the build id changed', () => {
    const paths = [...FILES, 'versions/1.0.0/checklist.xlsx', 'versions/1.0.0/checklist.csv'];
    expect(sortKept(paths, { previous: 'a', current: 'b' })).toEqual({
      linked: [...FILES, 'versions/1.0.0/checklist.csv'],
      rewritten: ['versions/1.0.0/checklist.xlsx'],
    });
    expect(sortKept(paths, { previous: 'a', current: 'a' })).toEqual({ linked: paths, rewritten: [] });
  });
});
