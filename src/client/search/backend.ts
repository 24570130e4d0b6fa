/**
 * The contract between the search page UI and its two index back ends: stock Pagefind
 * when the site is served over HTTP, and the classic-script offline index when it is
 * opened from file:// (where Pagefind's module loader, fetch and WASM are blocked).
 * Both return the same shapes so the UI, filters, sort and URL state are shared.
 */

/** Facet names used by both indexes (Pagefind `data-pagefind-filter` keys). */
export type FacetName = 'topic' | 'year' | 'author' | 'affiliation' | 'code';

export type SortOrder = 'relevance' | 'date-desc' | 'date-asc';

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
  countFacets?: FacetName[];
}

export interface SearchHit {
  /** Site path of the result page, base excluded, e.g. `/papers/some-slug/`. */
  path: string;
  title: string;
  /** Author names joined for display. */
  authors: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /**
   * The date as far as it is known, as the pages show it ("9 June 2022", "2022").
   * Optional: without it the UI shows `date` as is.
   */
  dateLabel?: string;
  /** Readable category name, e.g. `Computation and Language`. */
  category: string;
  /** Excerpt as HTML in which only `<mark>` elements are markup. */
  excerpt: string;
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
}

/**
 * How the search page finds the offline back end from file://. The search UI (search.js)
 * injects `<script src="{site root}/scripts/offline-search.js">` (path below, relative to
 * the site root) unless the global is already set, waits for its `load` event, then reads
 * `window.__offlineSearchBackend`. The offline script must assign it synchronously while
 * it runs, and find its own index files relative to its own `document.currentScript.src`.
 * Over http(s) neither is used: hosted visitors get stock Pagefind.
 */
export const OFFLINE_BACKEND_GLOBAL = '__offlineSearchBackend';
export const OFFLINE_BACKEND_SCRIPT = 'scripts/offline-search.js';

declare global {
  interface Window {
    /** Set by `scripts/offline-search.js` (see OFFLINE_BACKEND_GLOBAL). */
    __offlineSearchBackend?: SearchBackend;
  }
}
