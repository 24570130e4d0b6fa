/**
 * The search data files of the site, each computed once per build (and per content change in
 * `npm run dev`) from the loader's records: the offline index and the facet-value pages.
 */
import { facetPagesName, type FacetPageShards } from '../shared/facet-pages.ts';
import type { FacetName } from '../shared/facets.ts';
import { LOCALE } from './i18n.ts';
import { buildOfflineIndex } from './offline-index.ts';
import { loadCatalog, type Catalog } from './papers.ts';
import { facetPages } from './search.ts';

/** Data-script name → value. */
export type DataFiles = Map<string, unknown>;

const cache = new WeakMap<Catalog, { offline?: DataFiles; facets?: ReturnType<typeof facetPages> }>();

function entry(catalog: Catalog) {
  let cached = cache.get(catalog);
  if (!cached) cache.set(catalog, (cached = {}));
  return cached;
}

/** The offline index of the site by file name. */
export async function offlineIndexFiles(): Promise<DataFiles> {
  const catalog = await loadCatalog();
  const cached = entry(catalog);
  cached.offline ??= new Map(
    buildOfflineIndex(
      catalog.papers.map((paper) => paper.search),
      LOCALE.language,
    ).map((file) => [file.name, file.value]),
  );
  return cached.offline;
}

function pagesOf(catalog: Catalog) {
  const cached = entry(catalog);
  cached.facets ??= facetPages(catalog.papers);
  return cached.facets;
}

/** The facet-value page lists by file name. */
export async function facetPageFiles(): Promise<DataFiles> {
  const { pages } = pagesOf(await loadCatalog());
  const files: DataFiles = new Map();
  for (const [facet, shards] of Object.entries(pages) as [FacetName, Record<string, string>[]][]) {
    shards.forEach((shard, n) => files.set(facetPagesName(facet, n), shard));
  }
  return files;
}

/** How many shards each facet's page list has, for the search page's markup. */
export async function facetPageShards(): Promise<FacetPageShards> {
  return pagesOf(await loadCatalog()).shards;
}
