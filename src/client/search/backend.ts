/**
 * The contract between the search page UI and its two index back ends: stock Pagefind
 * when the site is served, and the data-script offline index from file:// (where Pagefind's
 * module loader, fetch and WASM are blocked) and in `npm run dev` (where there is no Pagefind
 * bundle). Both answer with the same shapes, so the UI, filters, sort and URL state are shared.
 */
import type { FacetName } from '../../shared/facets.ts';
import type { SearchHit, SortOrder } from '../../shared/search-record.ts';

export type { FacetName } from '../../shared/facets.ts';
export type { SearchHit, SortOrder } from '../../shared/search-record.ts';

export interface SearchQuery {
  /** What the reader typed; never empty when sent to a back end. */
  term: string;
  /** Selected values per facet; values within a facet are OR-ed, facets AND-ed. */
  filters: Partial<Record<FacetName, string[]>>;
  sort: SortOrder;
  /**
   * Facets whose counts the UI will show (default: all). A back end may leave the others
   * out of `facetCounts`: Pagefind downloads a facet's whole filter file to count it
   * (the author filter alone is ~140 KB at 10,000 papers), so the UI asks for the big
   * facets only when the reader opens them. Selected facets are always applied.
   */
  countFacets?: readonly FacetName[];
}

export type FacetCounts = Partial<Record<FacetName, Record<string, number>>>;

export interface SearchOutcome {
  /** Number of matching pages. */
  total: number;
  /** Counts of each facet value among the matches (for the filter controls). */
  facetCounts: FacetCounts;
  /** Loads the hits at positions [start, start + count) in sort order. */
  hits(start: number, count: number): Promise<SearchHit[]>;
}

export interface SearchBackend {
  search(query: SearchQuery): Promise<SearchOutcome>;
  /**
   * Loads what searching `query` will need (the engine, the index parts of its words, the
   * counted facets' data) without searching, so a search made next is quick. With an empty
   * term, the engine alone.
   */
  preload?(query: SearchQuery): Promise<void>;
}

/**
 * How the search page finds the offline back end. The search UI (search.js) injects
 * `<script src="{site root}/scripts/offline-search.js">` (path below, relative to the site
 * root) unless the global is already set, waits for its `load` event, then reads
 * `window.__offlineSearchBackend`. The offline script assigns it synchronously while it runs
 * and finds the index through the site root it is given. Hosted visitors never load it.
 */
export const OFFLINE_BACKEND_GLOBAL = '__offlineSearchBackend';
export const OFFLINE_BACKEND_SCRIPT = 'scripts/offline-search.js';

declare global {
  interface Window {
    /** Set by `scripts/offline-search.js` (see OFFLINE_BACKEND_GLOBAL). */
    __offlineSearchBackend?: SearchBackend;
  }
}
