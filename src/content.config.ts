import path from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { papersLoader } from './lib/papers-loader.ts';
import { noteSchema, paperSchema } from './schema.ts';

// PAPERS_DIR lets the benchmark and round-trip tests build other content without touching content/.
const papersDir = process.env.PAPERS_DIR ?? './content/papers';

const papers = defineCollection({
  loader: papersLoader(papersDir, ['date', 'session']),
  schema: paperSchema,
});

const notes = defineCollection({
  // The notes beside the papers (content/notes/, or <PAPERS_DIR>/../notes), or NOTES_DIR.
  // The same loader: dates read as written, errors naming the file and line.
  loader: papersLoader(process.env.NOTES_DIR ?? path.join(papersDir, '..', 'notes'), ['date', 'session']),
  schema: noteSchema(reference('papers')),
});

export const collections = { papers, notes };
