/** `/search/facets/<facet>-<n>.js`: the pages of facet values (src/shared/facet-pages.ts), as data scripts. */
import type { APIRoute } from 'astro';
import { dataResponse, dataScriptPaths } from '../../../lib/data-files.ts';
import { facetPageFiles } from '../../../lib/search-files.ts';
import { FACET_PAGES_DIR } from '../../../shared/facet-pages.ts';

export const getStaticPaths = async () => dataScriptPaths(FACET_PAGES_DIR, await facetPageFiles());

export const GET: APIRoute = async ({ params }) =>
  dataResponse(`${FACET_PAGES_DIR}/${params.file}`, await facetPageFiles());
