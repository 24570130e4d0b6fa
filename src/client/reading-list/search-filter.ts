/**
 * The search page's "Starred" / "Unread" filters (issue 8). The reading list lives in
 * the browser, so no search index can know it: the filter is applied to the hits the
 * index returns, by the slug in each hit's path. Only used when the reader ticks one of
 * the two boxes, so a plain search costs nothing extra.
 */
import type { FacetCounts, FacetName, SearchHit, SearchOutcome } from '../search/backend.ts';
import { markOf, type ReadingListState } from './model.ts';
import { slugOfPath } from './storage.ts';

/** The two reading-list filters; both ticked means "starred and not yet read". */
export type ListFilter = 'starred' | 'unread';

export const LIST_FILTERS: readonly ListFilter[] = ['starred', 'unread'];

/** Whether a hit passes the ticked filters; pages that are not papers never do. */
export function passesListFilters(
  state: ReadingListState,
  filters: readonly ListFilter[],
  hit: Pick<SearchHit, 'path'>,
): boolean {
  if (filters.length === 0) return true;
  const slug = slugOfPath(hit.path);
  if (slug === null) return false;
  const mark = markOf(state, slug);
  return (!filters.includes('starred') || mark.starred) && (!filters.includes('unread') || !mark.read);
}

/**
 * The outcome limited to the hits that pass `keep`. The whole result list is read (in
 * batches, in sort order) to count the kept hits exactly. Facet counts are recounted
 * from the facet values each kept hit carries, for the facets the outcome counted.
 */
export async function filterOutcome(
  outcome: SearchOutcome,
  keep: (hit: SearchHit) => boolean,
  batch = 50,
): Promise<SearchOutcome> {
  const kept: SearchHit[] = [];
  for (let start = 0; start < outcome.total; start += batch) {
    const hits = await outcome.hits(start, Math.min(batch, outcome.total - start));
    if (hits.length === 0) break;
    kept.push(...hits.filter(keep));
  }
  const facetCounts: FacetCounts = {};
  for (const facet of Object.keys(outcome.facetCounts) as FacetName[]) {
    const counts: Record<string, number> = {};
    for (const hit of kept) for (const value of hit.filters[facet] ?? []) counts[value] = (counts[value] ?? 0) + 1;
    facetCounts[facet] = counts;
  }
  return {
    total: kept.length,
    facetCounts,
    hits: async (start, count) => kept.slice(start, start + count),
  };
}
