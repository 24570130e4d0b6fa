/**
 * `/reading-list/catalog.js`, `/reading-list/papers/<n>.js`, and each citation format's
 * `/reading-list/<format>/<n>.js`: the reading list's catalogue (src/shared/reading-list.ts),
 * as data scripts.
 */
import type { APIRoute } from 'astro';
import { dataResponse, dataScriptPaths } from '../../lib/data-files.ts';
import { readingListFiles } from '../../lib/reading-list.ts';
import { READING_LIST_DIR } from '../../shared/reading-list.ts';

export const getStaticPaths = async () => dataScriptPaths(READING_LIST_DIR, await readingListFiles());

export const GET: APIRoute = async ({ params }) =>
  dataResponse(`${READING_LIST_DIR}/${params.file}`, await readingListFiles());
