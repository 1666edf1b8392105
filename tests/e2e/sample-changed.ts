import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The sample road book "republished with one entry changed", for the checklist tests: a copy
 * of content/ where GES-5318 (15.3.0, Factur-X) has the expected result of its item
 * `logo-png-transparent` reworded (same item id, so a result recorded before keeps its item
 * and is flagged "changed since") and its item `profil-couleur` removed (a result recorded
 * for it must be listed as no longer in the road book, never dropped).
 */
export const SAMPLE_CHANGE = {
  entry: 'GES-5318',
  file: 'versions/15.3.0/GES-5318-facturx-pdfa3.md',
  changedItem: 'GES-5318#logo-png-transparent',
  removedItem: 'GES-5318#profil-couleur',
  oldExpect: 'Le validateur Factur-X déclare le PDF conforme PDF/A-3 et le logo est net',
  newExpect: 'Le validateur Factur-X déclare le PDF conforme PDF/A-3b et le logo garde sa transparence',
} as const;

/** Copies `repo`/content into `dir`/content and changes GES-5318; returns `dir`, the new project root. */
export async function writeChangedSample(repo: string, dir: string): Promise<string> {
  await cp(join(repo, 'content'), join(dir, 'content'), { recursive: true });
  const path = join(dir, 'content', SAMPLE_CHANGE.file);
  const text = await readFile(path, 'utf8');
  const removed = /  - id: profil-couleur\n(?: {4}.*\n)+/;
  if (!text.includes(SAMPLE_CHANGE.oldExpect) || !removed.test(text)) {
    throw new Error(
      `${SAMPLE_CHANGE.file} no longer reads as tests/e2e/sample-changed.ts expects: update SAMPLE_CHANGE`,
    );
  }
  await writeFile(path, text.replace(SAMPLE_CHANGE.oldExpect, SAMPLE_CHANGE.newExpect).replace(removed, ''));
  return dir;
}
