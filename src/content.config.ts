import path from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { papersDir } from '../integrations/paper-files.ts';
import { papersLoader } from './lib/papers-loader.ts';
import { noteSchema, paperSchema, personSchema } from './schema.ts';

const papers = defineCollection({
  // PAPERS_DIR lets the benchmark and round-trip tests build other content without touching content/.
  loader: papersLoader(papersDir(), ['date', 'session']),
  schema: paperSchema,
});

/** Lab members, written by people; PEOPLE_DIR lets tests build an example lab. */
const people = defineCollection({
  loader: glob({ pattern: '*.md', base: process.env.PEOPLE_DIR ?? './content/people' }),
  schema: ({ image }) => personSchema(image()),
});

/** Reading notes, written by people: beside the papers (content/notes/, or <PAPERS_DIR>/../notes), or NOTES_DIR. */
const notes = defineCollection({
  // The papers' loader: dates read as written, errors naming the file and line.
  loader: papersLoader(process.env.NOTES_DIR ?? path.join(papersDir(), '..', 'notes'), ['date', 'session']),
  schema: noteSchema(reference('papers')),
});

export const collections = { papers, people, notes };
