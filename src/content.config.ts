import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { paperSchema } from './schema.ts';

const papers = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/papers' }),
  schema: paperSchema,
});

export const collections = { papers };
