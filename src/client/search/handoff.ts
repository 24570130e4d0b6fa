/**
 * The header box's search, handed to the search page it opens. While the reader types on
 * another page, the warm-up (src/client/search-warmup.ts) searches the typed words and keeps
 * the first results in sessionStorage; the search page paints them at once, before its own
 * engine has started, and its own search then puts the same results in their place. Only a
 * plain term in relevance order is handed over: that is all the header box sends.
 */
import type { SearchHit } from '../../shared/search-record.ts';

const KEY = 'paperlist:search-handoff';

/** Results per batch on the search page: each one costs a fragment download. */
export const RESULTS_PER_BATCH = 10;

export interface SearchHandoff {
  term: string;
  /** How many papers match. */
  total: number;
  /** The first results, at most RESULTS_PER_BATCH. */
  hits: SearchHit[];
}

export function keepHandoff(handoff: SearchHandoff): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(handoff));
  } catch (error) {
    // Storage full or blocked: the search page searches from scratch, as without a handoff.
    console.warn('search: could not keep the results for the search page', error);
  }
}

/** The results handed over for `term`, taken (each handoff is used once), if any. */
export function takeHandoff(term: string): SearchHandoff | undefined {
  let text: string | null = null;
  try {
    text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch (error) {
    console.warn('search: could not read the results handed over', error);
  }
  if (text === null) return undefined;
  const handoff = JSON.parse(text) as SearchHandoff;
  return handoff.term === term && Array.isArray(handoff.hits) && handoff.hits.length > 0 ? handoff : undefined;
}
