/**
 * The search page's "Starred" / "Unread" filters (issue 8). The reading list lives in
 * the browser, so no search index can know it: the filter is applied to the hits the
 * index returns, by the slug in each hit's path. Only used when the reader ticks one of
 * the two boxes, so a plain search costs nothing extra.
 */
import type { FacetCounts, SearchHit, SearchOutcome } from '../search/backend.ts';
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
 * from the kept hits for the facets a hit carries (topic = its category name, year =
 * its date's year); the others are left out rather than shown with counts of the
 * unfiltered search.
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
  const topic: Record<string, number> = {};
  const year: Record<string, number> = {};
  for (const hit of kept) {
    if (hit.category) topic[hit.category] = (topic[hit.category] ?? 0) + 1;
    const y = hit.date.slice(0, 4);
    if (y) year[y] = (year[y] ?? 0) + 1;
  }
  const facetCounts: FacetCounts = { topic, year };
  return {
    total: kept.length,
    facetCounts,
    hits: async (start, count) => kept.slice(start, start + count),
  };
}

/** How the filters read in the panel and in the search summary. */
export const LIST_FILTER_LABELS: Record<ListFilter, string> = { starred: 'Starred', unread: 'Unread' };
