import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema } from '../../../src/schema.ts';

// The same content folder and schema as the full site: the baseline differs only in pages.
const papers = defineCollection({
  loader: glob({ pattern: '*.md', base: process.env.PAPERS_DIR ?? '../../content/papers' }),
  schema: paperSchema,
});

export const collections = { papers };
