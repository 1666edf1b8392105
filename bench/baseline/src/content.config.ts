import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { pathToFileURL } from 'node:url';

/**
 * The road book's content/versions/ folder, given by bench/baseline/build.ts: the same files
 * roadbook builds from. Entries are `<version>/<id>.md`, versions `<version>/index.md`; only
 * the front matter the pages show is kept.
 */
const folder = process.env.BASELINE_VERSIONS;
if (!folder) throw new Error('BASELINE_VERSIONS (the content/versions folder to build) is not set');
const base = pathToFileURL(`${folder}/`);
const withoutExtension = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

export const collections = {
  entries: defineCollection({
    loader: glob({ pattern: ['*/*.md', '!*/index.md'], base, generateId: withoutExtension }),
    schema: z.object({ id: z.string(), title: z.string(), type: z.string() }),
  }),
  versions: defineCollection({
    loader: glob({ pattern: '*/index.md', base, generateId: ({ entry }) => entry.split('/')[0]! }),
    schema: z.object({ date: z.coerce.date() }),
  }),
};
