import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { papersDir } from '../integrations/paper-files.ts';
import { papersLoader } from './lib/papers-loader.ts';
import { paperSchema, personSchema } from './schema.ts';

const papers = defineCollection({
  // PAPERS_DIR lets the benchmark and round-trip tests build other content without touching content/.
  loader: papersLoader(papersDir()),
  schema: paperSchema,
});

/** Lab members, written by people; PEOPLE_DIR lets tests build an example lab. */
const people = defineCollection({
  loader: glob({ pattern: '*.md', base: process.env.PEOPLE_DIR ?? './content/people' }),
  schema: ({ image }) => personSchema(image()),
});

export const collections = { papers, people };
