import { defineCollection } from 'astro:content';
import { roadbookLoader } from './astro/loader.ts';

export const collections = {
  site: defineCollection({ loader: roadbookLoader('site') }),
  versions: defineCollection({ loader: roadbookLoader('versions') }),
  entries: defineCollection({ loader: roadbookLoader('entries') }),
  problems: defineCollection({ loader: roadbookLoader('problems') }),
  build: defineCollection({ loader: roadbookLoader('build') }),
};
