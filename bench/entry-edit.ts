import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RoadBook } from './road-books.ts';

/** An entry of the road book whose body the benchmark changes, and where its page is. */
export interface EditedEntry {
  file: string;
  /** The page's path in both the built site and the dev preview. */
  page: string;
  /** Adds a paragraph holding `word` at the start of the body. */
  change(word: string): Promise<void>;
  /** Puts the file back as generated. */
  restore(): Promise<void>;
}

/** The first entry of the middle version. */
export async function editedEntry(book: RoadBook): Promise<EditedEntry> {
  const version = book.versions[Math.floor(book.versions.length / 2)]!;
  const dir = join(book.root, 'content', 'versions', version);
  const name = (await readdir(dir)).filter((n) => n !== 'index.md').sort()[0]!;
  const file = join(dir, name);
  const original = await readFile(file, 'utf8');
  // The body starts after the closing line of the front matter.
  const bodyAt = original.indexOf('\n---\n', 4) + 5;
  return {
    file,
    page: `/versions/${version}/${name.replace(/\.md$/, '')}/`,
    change: (word) => writeFile(file, `${original.slice(0, bodyAt)}Note ${word}.\n\n${original.slice(bodyAt)}`),
    restore: () => writeFile(file, original),
  };
}
