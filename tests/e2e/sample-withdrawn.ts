import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The sample road book "republished with its target withdrawn", for the tests of a run whose
 * target is gone: a copy of content/ where version 15.3.0 is withdrawn and its entry
 * GES-5318 (Factur-X) removed (a result recorded for one of its items must be shown as no
 * longer in the road book, never dropped).
 */
export const SAMPLE_WITHDRAWN = {
  version: '15.3.0',
  index: 'versions/15.3.0/index.md',
  removedEntry: 'GES-5318',
  removedFile: 'versions/15.3.0/GES-5318-facturx-pdfa3.md',
} as const;

/** Copies `repo`/content into `dir`/content, withdraws 15.3.0 and removes GES-5318; returns `dir`. */
export async function writeWithdrawnSample(repo: string, dir: string): Promise<string> {
  await cp(join(repo, 'content'), join(dir, 'content'), { recursive: true });
  const index = join(dir, 'content', SAMPLE_WITHDRAWN.index);
  const text = await readFile(index, 'utf8');
  if (!text.startsWith('---\n') || /^status:/m.test(text)) {
    throw new Error(`${SAMPLE_WITHDRAWN.index} no longer reads as tests/e2e/sample-withdrawn.ts expects`);
  }
  await writeFile(index, text.replace('---\n', '---\nstatus: withdrawn\n'));
  await rm(join(dir, 'content', SAMPLE_WITHDRAWN.removedFile));
  return dir;
}
