/**
 * The hosted search back end: stock Pagefind through its JS API, loaded from
 * `<site root>/pagefind/pagefind.js` only when the reader first searches.
 *
 * Shards: a big site's index is several Pagefind bundles (integrations/pagefind.ts), listed
 * in `pagefind/shards.json` (src/shared/pagefind.ts; a single entry, the bundle in
 * `pagefind/`, on most sites). Each shard's own `pagefind.js` is a separate module instance
 * with its own index. A search runs on every shard with the same options and the results are
 * merged: by score for relevance; for the date orders by joining the shards' sorted lists in
 * the manifest's order, since each shard holds a run of papers in that order. Pagefind's own
 * mergeIndex is not used: it re-sorts merged results by score, which loses the date order.
 * Facet counts are summed, as the shards hold disjoint pages. Pagefind leaves out of a search
 * any word its index has nothing for (so one unknown word does not empty the results); a
 * shard may lack a word that other shards have, and would then return pages one index would
 * not, so such a shard's results are dropped.
 *
 * Facet counts: Pagefind downloads a filter's data only when a search names that filter,
 * and reports counts only for filters it has loaded. Naming a facet with no values
 * selected constrains nothing and returns its counts; the query's `countFacets` says which.
 */
import type { FacetCounts, FacetName, SearchBackend, SearchOutcome, SearchQuery } from './backend.ts';
import { FACET_NAMES } from '../../shared/facets.ts';
import { SHARDS_MANIFEST, type ShardManifest } from '../../shared/pagefind.ts';
import {
  PAGEFIND_SORTS,
  UNDATED_FILTER,
  hitFromPagefind,
  pagefindMetaWeights,
  pagefindQuery,
  type PagefindFragment,
} from '../../shared/search-record.ts';
import { EXCERPT_WORDS } from '../../shared/search-text.ts';

export interface PagefindResult {
  /** Relevance, higher first; the shards score with the same formula. */
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

export type PagefindFilters = Record<string, { any: string[] }>;

/** The part of Pagefind's module API used here (pagefind.js has no bundled types). */
export interface PagefindApi {
  options(options: {
    /** Run in the page instead of Pagefind's web worker (set before `init`). */
    noWorker?: boolean;
    baseUrl?: string;
    excerptLength?: number;
    metaCacheTag?: string;
    ranking?: { metaWeights?: Record<string, number> };
  }): Promise<void>;
  init(): Promise<void>;
  search(
    term: string,
    options: { filters: PagefindFilters; sort: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindResponse | null>;
  /** Loads what a search for `term` with these filters needs, without searching. */
  preload(term: string, options: { filters: PagefindFilters }): Promise<void>;
}

/** How the back end gets the shard list and each shard's module; unit tests pass fakes. */
export interface PagefindLoader {
  /** The parsed JSON at `url` (the shard list). */
  manifest(url: URL): Promise<unknown>;
  /** The ES module at `url` (a shard's `pagefind.js`). */
  module(url: URL): Promise<PagefindApi>;
}

const browserLoader: PagefindLoader = {
  async manifest(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`search index list ${url.href}: HTTP ${response.status}`);
    return response.json();
  },
  module: async (url) => (await import(/* @vite-ignore */ url.href)) as PagefindApi,
};

/** Counts per facet value over all shards' responses (each counts its own pages). */
export function sumFacetCounts(responses: readonly Pick<PagefindResponse, 'filters'>[]): FacetCounts {
  const counts: FacetCounts = {};
  for (const facet of FACET_NAMES) {
    for (const { filters } of responses) {
      if (!filters[facet]) continue;
      const summed = (counts[facet] ??= {});
      for (const [value, count] of Object.entries(filters[facet])) summed[value] = (summed[value] ?? 0) + count;
    }
  }
  return counts;
}

/**
 * The shards' results (in manifest order, each list as Pagefind sorted it) as one list in
 * the query's order. Relevance: by score, equal scores in shard order (a stable sort).
 * Newest first: the shards' lists one after another; oldest first: the shards' lists in
 * the manifest's `oldestFirst` order.
 */
export function mergeShardResults<T extends { score: number }>(
  perShard: readonly (readonly T[])[],
  sort: SearchQuery['sort'],
  oldestFirst: readonly number[],
): T[] {
  if (sort === 'date-desc') return perShard.flat();
  if (sort === 'date-asc') return oldestFirst.flatMap((k) => perShard[k] ?? []);
  return perShard.flat().sort((a, b) => b.score - a.score);
}

/**
 * The words of a query Pagefind searches one by one (space-separated; a quoted phrase is
 * searched as a whole and needs no check), when there are at least two.
 */
export function separateWords(term: string): string[] {
  if (/^\s*".+"\s*$/.test(term)) return [];
  const words = [...new Set(term.trim().split(/\s+/))];
  return words.length > 1 ? words : [];
}

/** Which of `words` each shard has anything for: a one-word search finds some page. */
async function wordsPerShard(shards: readonly PagefindApi[], words: readonly string[]): Promise<boolean[][]> {
  return Promise.all(
    shards.map((shard) =>
      Promise.all(
        words.map(async (word) => ((await shard.search(word, { filters: {}, sort: {} }))?.results.length ?? 0) > 0),
      ),
    ),
  );
}

/**
 * The shards whose results one index over all pages would also return: every shard, less
 * those lacking a word some other shard has (Pagefind ignored that word in them).
 */
export function shardsInAgreement(found: readonly (readonly boolean[])[]): boolean[] {
  const anywhere = found[0]?.map((_, w) => found.some((shard) => shard[w])) ?? [];
  return found.map((shard) => anywhere.every((somewhere, w) => !somewhere || shard[w]));
}

/** Pagefind's sort option for a sort order (PAGEFIND_SORTS). */
function pagefindSort(query: SearchQuery): Record<string, 'asc' | 'desc'> {
  return query.sort === 'relevance' ? {} : PAGEFIND_SORTS[query.sort];
}

/**
 * A shard's results in the query's order: oldest first comes from Pagefind newest-first
 * reversed, which starts with the undated papers, reversed; they go back to the end, in the
 * site's order (PAGEFIND_SORTS). The undated filter's count says how many there are.
 */
export function undatedLast(response: PagefindResponse, sort: SearchQuery['sort']): PagefindResponse {
  if (sort !== 'date-asc') return response;
  const undated = response.filters[UNDATED_FILTER.name]?.[UNDATED_FILTER.value] ?? 0;
  const { results } = response;
  return { ...response, results: [...results.slice(undated), ...results.slice(0, undated).reverse()] };
}

/**
 * Values OR-ed within a facet (Pagefind ANDs a plain array), facets AND-ed. A facet to
 * count but with nothing selected is named with no values: that loads its counts and
 * constrains nothing. Oldest first also counts the undated papers (undatedLast).
 */
function pagefindFilters(query: SearchQuery): PagefindFilters {
  const filters: PagefindFilters = {};
  const counted = new Set<FacetName>(query.countFacets ?? FACET_NAMES);
  for (const facet of FACET_NAMES) {
    const selected = query.filters[facet] ?? [];
    if (selected.length > 0 || counted.has(facet)) filters[facet] = { any: selected };
  }
  if (query.sort === 'date-asc') filters[UNDATED_FILTER.name] = { any: [] };
  return filters;
}

/** The shard list checked: "" (the bundle in `pagefind/`) first, then `name/`s, and an order of them all. */
export function shardList(manifest: unknown, url: URL): ShardManifest {
  const { shards, oldestFirst } = (manifest ?? {}) as Partial<Record<keyof ShardManifest, unknown>>;
  const { tag, files } = (manifest ?? {}) as { tag?: unknown; files?: unknown };
  const usable = (shard: unknown, k: number) =>
    typeof shard === 'string' && (k === 0 ? shard === '' : /^[\w-]+\/$/.test(shard));
  if (!Array.isArray(shards) || shards.length === 0 || !shards.every(usable)) {
    throw new Error(`search index list ${url.href} names no usable shards`);
  }
  const order = Array.isArray(oldestFirst) ? oldestFirst : [];
  if (order.length !== shards.length || !shards.every((_, k) => order.includes(k))) {
    throw new Error(`search index list ${url.href} has no oldest-first order of its shards`);
  }
  if (typeof tag !== 'string' || tag === '') throw new Error(`search index list ${url.href} has no tag`);
  const fixed = Array.isArray(files) ? files.filter((file): file is string => typeof file === 'string') : [];
  return { shards, oldestFirst: order, tag, files: fixed };
}

/** A back end over the Pagefind bundle (or bundles, see above) in `<siteRoot>/pagefind/`. */
export function createPagefindBackend(siteRoot: URL, loader: PagefindLoader = browserLoader): Required<SearchBackend> {
  let api: Promise<{ shards: PagefindApi[]; oldestFirst: number[] }> | undefined;
  const startShard = async (module: Promise<PagefindApi>, tag: string): Promise<PagefindApi> => {
    const shard = await module;
    // Result URLs as site paths (`/papers/x/`), whatever sub-path the site is served under.
    await shard.options({
      // Pagefind's worker sends every result of a search to the page, and posts one release
      // message per result when they are collected: with thousands of hits that costs more
      // than the ranking it moves off the page (bench/search-speed.ts), and the worker's
      // script is one more download and round trip before the first search.
      noWorker: true,
      baseUrl: '/',
      excerptLength: EXCERPT_WORDS,
      metaCacheTag: tag,
      ranking: { metaWeights: pagefindMetaWeights() },
    });
    await shard.init();
    return shard;
  };
  const moduleOf = (folder: string) => loader.module(new URL(`pagefind/${folder}pagefind.js`, siteRoot));
  const load = async () => {
    const manifestUrl = new URL(SHARDS_MANIFEST, siteRoot);
    // The first shard is always `pagefind/` (on most sites the only one): its script loads
    // while the list is fetched, so a one-shard site waits one round trip for both.
    const first = moduleOf('');
    first.catch(() => {});
    const list = shardList(await loader.manifest(manifestUrl), manifestUrl);
    const shards = await Promise.all([
      startShard(first, list.tag),
      ...list.shards.slice(1).map((folder) => startShard(moduleOf(folder), list.tag)),
    ]);
    return { shards, oldestFirst: list.oldestFirst };
  };
  const loaded = () =>
    // A failed load (offline, missing bundle) is retried by the next search.
    (api ??= load().catch((error: unknown) => {
      api = undefined;
      throw error;
    }));

  return {
    async preload(query: SearchQuery): Promise<void> {
      const { shards } = await loaded();
      const term = pagefindQuery(query.term);
      if (term) await Promise.all(shards.map((shard) => shard.preload(term, { filters: pagefindFilters(query) })));
    },
    async search(query: SearchQuery): Promise<SearchOutcome> {
      if (!query.term.trim()) {
        // A filter-only search downloads every fragment of the index; the UI never asks.
        throw new Error('Pagefind search needs a term');
      }
      const { shards, oldestFirst } = await loaded();
      const options = { filters: pagefindFilters(query), sort: pagefindSort(query) };
      const term = pagefindQuery(query.term);
      const words = shards.length > 1 ? separateWords(term) : [];
      const [answers, found] = await Promise.all([
        Promise.all(
          shards.map(async (shard) => {
            const response = await shard.search(term, options);
            if (!response) throw new Error(`Pagefind returned no response for “${query.term}”`);
            return undatedLast(response, query.sort);
          }),
        ),
        wordsPerShard(shards, words),
      ]);
      const agreeing = shardsInAgreement(found);
      // A shard out of agreement gives no results; its facet values still count, as 0, as
      // one index lists every value it has.
      const responses = answers.map((response, k): PagefindResponse =>
        agreeing[k] === false
          ? {
              results: [],
              filters: Object.fromEntries(
                Object.entries(response.filters).map(([facet, values]) => [
                  facet,
                  Object.fromEntries(Object.keys(values).map((value) => [value, 0])),
                ]),
              ),
            }
          : response,
      );
      const results = mergeShardResults(
        responses.map((response) => response.results),
        query.sort,
        oldestFirst,
      );
      return {
        total: results.length,
        facetCounts: sumFacetCounts(responses),
        async hits(start, count) {
          // Only the hits shown are loaded: each data() fetches that page's fragment.
          const datas = await Promise.all(results.slice(start, start + count).map((result) => result.data()));
          return datas.map(hitFromPagefind);
        },
      };
    },
  };
}
