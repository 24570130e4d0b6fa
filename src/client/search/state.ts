/**
 * The search page's state (term, filters, sort) and its URL form, so a search can be
 * shared, reloaded and walked back through: `?q=hallucination&year=2024&sort=date-desc`.
 * A facet with several values repeats its parameter (`year=2023&year=2024`).
 */
import type { SearchQuery } from './backend.ts';
import { FACET_NAMES, type FacetName } from '../../shared/facets.ts';
import { SEARCH_TERM_PARAM } from '../../shared/paths.ts';
import type { SortOrder } from '../../shared/search-record.ts';
import { LIST_FILTERS, type ListFilter } from '../reading-list/search-filter.ts';

export const SORTS: readonly SortOrder[] = ['relevance', 'date-desc', 'date-asc'];

/**
 * What the reader asked for; `term` may be empty (then nothing is searched). `lists` are
 * the reading-list filters (issue 8, `list=starred&list=unread` in the URL): applied in
 * the browser to the hits, never sent to a back end.
 */
export type SearchState = SearchQuery & { lists?: ListFilter[] };

export function emptyState(): SearchState {
  return { term: '', filters: {}, sort: 'relevance' };
}

/** Is `value` one of the sort orders (from the URL or the sort control)? */
export function isSort(value: string | null): value is SortOrder {
  return value !== null && (SORTS as readonly string[]).includes(value);
}

/** Reads the state from a query string such as `location.search`. */
export function stateFromSearchParams(search: string): SearchState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.term = (params.get(SEARCH_TERM_PARAM) ?? '').trim();
  for (const facet of FACET_NAMES) {
    const values = [...new Set(params.getAll(facet).filter((value) => value !== ''))];
    if (values.length > 0) state.filters[facet] = values;
  }
  const sort = params.get('sort');
  if (isSort(sort)) state.sort = sort;
  const lists = LIST_FILTERS.filter((list) => params.getAll('list').includes(list));
  if (lists.length > 0) state.lists = lists;
  return state;
}

/** The query string for a state (`?…`, or `''` for the empty state). Defaults are left out. */
export function searchParamsFromState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.term) params.set(SEARCH_TERM_PARAM, state.term);
  for (const facet of FACET_NAMES) {
    for (const value of state.filters[facet] ?? []) params.append(facet, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const list of state.lists ?? []) params.append('list', list);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Every selected filter value as `[facet, value]` pairs, in panel order. */
export function selectedFilters(state: SearchState): [FacetName, string][] {
  return FACET_NAMES.flatMap((facet) =>
    (state.filters[facet] ?? []).map((value): [FacetName, string] => [facet, value]),
  );
}

/** A copy of `state` with `value` of `facet` switched on or off. */
export function withFilter(state: SearchState, facet: FacetName, value: string, on: boolean): SearchState {
  const current = state.filters[facet] ?? [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters = { ...state.filters };
  if (next.length > 0) filters[facet] = next;
  else delete filters[facet];
  return { ...state, filters };
}
