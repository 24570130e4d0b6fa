/** `/offline-search/<file>.js`: the offline search index (src/shared/offline-index.ts), as data scripts. */
import type { APIRoute } from 'astro';
import { offlineIndexFiles } from '../../lib/search-files.ts';
import { dataResponse, dataScriptPaths } from '../../lib/data-files.ts';
import { OFFLINE_INDEX_DIR } from '../../shared/offline-index.ts';

export const getStaticPaths = async () => dataScriptPaths(OFFLINE_INDEX_DIR, await offlineIndexFiles());

export const GET: APIRoute = async ({ params }) =>
  dataResponse(`${OFFLINE_INDEX_DIR}/${params.file}`, await offlineIndexFiles());
