/** `/reading-list/papers/<n>.js`: one shard of the reading list's catalogue (titles, authors, dates, keys). */
import type { APIRoute } from 'astro';
import { PAPERS_GLOBAL } from '../../../client/reading-list/catalog.ts';
import { classicScript, readingListData, shardPaths } from '../../../lib/reading-list.ts';

export const getStaticPaths = shardPaths;

export const GET: APIRoute = async ({ params }) => {
  const shard = Number(params.shard);
  return classicScript(PAPERS_GLOBAL, (await readingListData()).papers[shard], shard);
};
