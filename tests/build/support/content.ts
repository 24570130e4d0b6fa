/**
 * The content the built site was made from, read straight from the Markdown files (not
 * through src/lib), so the build tests compare the site with its source independently.
 * Uses the same folder the build used: PAPERS_DIR or content/papers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { slugify } from '../../../src/lib/slug.ts';

export const PAPERS_DIR = path.resolve(process.env.PAPERS_DIR ?? 'content/papers');

export interface SourcePaper {
  /** File name without `.md`: the paper's slug. */
  slug: string;
  title: string;
  authors: string[];
  affiliations: string[];
  date: string;
  /** How much of `date` is known (default `day`). */
  datePrecision: 'day' | 'month' | 'year';
  category: string;
  body: string;
}

function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** Every published (non-draft) paper of the content folder. */
export function readPapers(dir = PAPERS_DIR): SourcePaper[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .flatMap((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter`);
      const data = parse(match[1]) as Record<string, unknown>;
      if (data.draft === true) return [];
      return [
        {
          slug: file.replace(/\.md$/, ''),
          title: String(data.title),
          authors: (data.authors as string[]).map(String),
          affiliations: ((data.affiliations as string[] | undefined) ?? []).map(String),
          date: isoDate(data.date),
          datePrecision: (data.datePrecision as SourcePaper['datePrecision'] | undefined) ?? 'day',
          category: String(data.category),
          body: match[2],
        },
      ];
    });
}

/** Papers per slug of a name (author or affiliation): one person, one slug, one page. */
export function papersByName(papers: SourcePaper[], names: (paper: SourcePaper) => string[]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const paper of papers) {
    for (const name of names(paper)) {
      const slug = slugify(name.replace(/\s+/g, ' ').trim());
      if (!groups.has(slug)) groups.set(slug, new Set());
      groups.get(slug)?.add(paper.slug);
    }
  }
  return groups;
}
