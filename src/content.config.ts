import { defineCollection } from 'astro:content';
import { papersLoader } from './lib/papers-loader.ts';
import { paperSchema } from './schema.ts';

const papers = defineCollection({
  // PAPERS_DIR lets the benchmark and round-trip tests build other content without touching content/.
  loader: papersLoader(process.env.PAPERS_DIR ?? './content/papers'),
  schema: paperSchema,
});

export const collections = { papers };
