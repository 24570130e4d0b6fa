/**
 * `/reading-list/bibtex/<n>.js`: the BibTeX entries of one shard's papers (the strings
 * the paper pages and /papers.bib show), loaded only when the reader exports BibTeX.
 */
import type { APIRoute } from 'astro';
import { BIBTEX_GLOBAL } from '../../../client/reading-list/catalog.ts';
import { classicScript, readingListData, shardPaths } from '../../../lib/reading-list.ts';

export const getStaticPaths = shardPaths;

export const GET: APIRoute = async ({ params }) => {
  const shard = Number(params.shard);
  return classicScript(BIBTEX_GLOBAL, (await readingListData()).bibtex[shard], shard);
};
