/**
 * `/reading-list/catalog.js`: the small header of the reading list's catalogue (site
 * title, canonical papers URL, shard count) as a classic script; the papers themselves
 * are in `/reading-list/papers/<n>.js`. See src/client/reading-list/catalog.ts.
 */
import type { APIRoute } from 'astro';
import { CATALOG_GLOBAL } from '../../client/reading-list/catalog.ts';
import { classicScript, readingListData } from '../../lib/reading-list.ts';

export const GET: APIRoute = async () => classicScript(CATALOG_GLOBAL, (await readingListData()).header);
