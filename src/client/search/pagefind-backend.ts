/**
 * The hosted search back end: stock Pagefind through its JS API, loaded from
 * `<site root>/pagefind/pagefind.js` only when the reader first searches.
 *
 * Facet counts: Pagefind downloads a filter's data only when a search names that filter,
 * and reports counts only for filters it has loaded. Naming a facet with no values
 * selected constrains nothing and returns its counts; the query's `countFacets` says which.
 */
import type { FacetCounts, FacetName, SearchBackend, SearchHit, SearchOutcome, SearchQuery } from './backend.ts';
import { FACETS } from './state.ts';

/** The part of Pagefind's result data this back end reads. */
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Partial<Record<'title' | 'authors' | 'date' | 'dateLabel' | 'category', string>>;
}

interface PagefindResult {
  data(): Promise<PagefindData>;
}

interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

type PagefindFilters = Record<string, { any: string[] }>;

/** The part of Pagefind's module API used here (pagefind.js has no bundled types). */
interface PagefindApi {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(term: string, options: { filters: PagefindFilters; sort: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse | null>;
}

/** Words in a result's excerpt (Pagefind's default is 30). */
const EXCERPT_WORDS = 36;

function toHit(data: PagefindData): SearchHit {
  return {
    path: data.url,
    title: data.meta.title ?? data.url,
    authors: data.meta.authors ?? '',
    date: data.meta.date ?? '',
    dateLabel: data.meta.dateLabel,
    category: data.meta.category ?? '',
    excerpt: data.excerpt,
  };
}

function facetCounts(filters: PagefindResponse['filters']): FacetCounts {
  const counts: FacetCounts = {};
  for (const facet of FACETS) {
    if (filters[facet]) counts[facet] = filters[facet];
  }
  return counts;
}

/** Pagefind's sort option for a sort order. */
function pagefindSort(query: SearchQuery): Record<string, 'asc' | 'desc'> {
  if (query.sort === 'date-desc') return { date: 'desc' };
  if (query.sort === 'date-asc') return { date: 'asc' };
  return {};
}

/**
 * Values OR-ed within a facet (Pagefind ANDs a plain array), facets AND-ed. A facet to
 * count but with nothing selected is named with no values: that loads its counts and
 * constrains nothing.
 */
function pagefindFilters(query: SearchQuery): PagefindFilters {
  const filters: PagefindFilters = {};
  const counted = new Set<FacetName>(query.countFacets ?? FACETS);
  for (const facet of FACETS) {
    const selected = query.filters[facet] ?? [];
    if (selected.length > 0 || counted.has(facet)) filters[facet] = { any: selected };
  }
  return filters;
}

/** A back end over the Pagefind bundle in `<siteRoot>/pagefind/`. */
export function createPagefindBackend(siteRoot: URL): SearchBackend {
  let api: Promise<PagefindApi> | undefined;
  const load = async (): Promise<PagefindApi> => {
    const module = (await import(/* @vite-ignore */ new URL('pagefind/pagefind.js', siteRoot).href)) as PagefindApi;
    // Result URLs as site paths (`/papers/x/`), whatever sub-path the site is served under.
    await module.options({ baseUrl: '/', excerptLength: EXCERPT_WORDS });
    await module.init();
    return module;
  };

  return {
    async search(query: SearchQuery): Promise<SearchOutcome> {
      if (!query.term.trim()) {
        // A filter-only search downloads every fragment of the index; the UI never asks.
        throw new Error('Pagefind search needs a term');
      }
      // A failed load (offline, missing bundle) is retried by the next search.
      api ??= load().catch((error: unknown) => {
        api = undefined;
        throw error;
      });
      const pagefind = await api;
      const response = await pagefind.search(query.term, { filters: pagefindFilters(query), sort: pagefindSort(query) });
      if (!response) throw new Error(`Pagefind returned no response for “${query.term}”`);
      const { results } = response;
      return {
        total: results.length,
        facetCounts: facetCounts(response.filters),
        async hits(start, count) {
          const datas = await Promise.all(results.slice(start, start + count).map((result) => result.data()));
          return datas.map(toHit);
        },
      };
    },
  };
}
