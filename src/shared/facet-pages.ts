/**
 * Which page lists the papers of a facet value: `Allen Institute for AI` → `/affiliations/
 * allen-ai/`. The search page links these pages when the reader has picked filters but typed
 * nothing; the path is the one the build made the page at, never one the browser makes from a
 * display name (the display name of an affiliation, a transliterated author name or a tag is
 * not its slug).
 *
 * The lists are data scripts (data-script.ts), one set of shards per facet, a value's shard
 * found by hashing it (shards.ts); the search page's markup says how many shards each facet
 * has (`FacetPageShards`), so the one shard needed is loaded with no other request.
 */
import type { FacetName } from './facets.ts';

/** Values per shard. */
export const FACET_PAGES_PER_SHARD = 250;

/** Shards per facet that has pages. */
export type FacetPageShards = Partial<Record<FacetName, number>>;

/** One shard: value → site path. */
export type FacetPages = Record<string, string>;

/** Folder of the lists in the site. */
export const FACET_PAGES_DIR = 'search/facets';

/** The data-script name of one shard of a facet's pages. */
export const facetPagesName = (facet: FacetName, shard: number): string => `${FACET_PAGES_DIR}/${facet}-${shard}`;
