/**
 * `/reading-list/bibtex.js`: every paper's BibTeX entry (the same string the paper page
 * and `/papers.bib` show), keyed by slug, as a classic script. The reading list page
 * loads it only when the reader exports BibTeX, since at 10,000 papers it is megabytes.
 */
import type { APIRoute } from 'astro';
import { BIBTEX_GLOBAL } from '../../client/reading-list/exchange.ts';
import { loadCatalog } from '../../lib/papers.ts';
import { classicScript } from '../../lib/reading-list.ts';

export const GET: APIRoute = async () => {
  const { papers } = await loadCatalog();
  return classicScript(BIBTEX_GLOBAL, Object.fromEntries(papers.map((paper) => [paper.slug, paper.bibtex])));
};
