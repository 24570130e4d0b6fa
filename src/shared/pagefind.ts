/**
 * Where the hosted search index lives and how it is cut, shared by the Pagefind step
 * (integrations/pagefind.ts) and the search page (src/client/search/pagefind-backend.ts).
 *
 * A big site's index is several Pagefind bundles ("shards"): shard 0 in `pagefind/`, shard k
 * in `pagefind/shard-<k>/`. Each holds a run of papers in newest-first order, so newest-first
 * results are the shards' results one after another; `oldestFirst` gives the shard order for
 * oldest-first results (the dated shards reversed, a shard of undated papers still last).
 */

/** Folder of the Pagefind bundle in the site. */
export const PAGEFIND_DIR = 'pagefind';

/** The shard list, relative to the site root. */
export const SHARDS_MANIFEST = `${PAGEFIND_DIR}/shards.json`;

/** The shard list as written to SHARDS_MANIFEST. */
export interface ShardManifest {
  /** Each shard's folder relative to `pagefind/` ("" for the first), in newest-first order. */
  shards: string[];
  /** Shard numbers in the order their oldest-first results follow each other. */
  oldestFirst: number[];
  /**
   * Changes whenever any shard's index does (their index hashes): Pagefind's `metaCacheTag`,
   * so its entry file is fetched under one stable URL per build, which caches (and can be
   * loaded ahead, src/client/search-warmup.ts) instead of a new URL on every visit.
   */
  tag: string;
  /**
   * What every search loads before it can search, whatever the words: each shard's script,
   * WebAssembly, entry file (under the tag) and index metadata, as paths relative to
   * the site root. The search warm-up (src/client/search-warmup.ts) fetches them all at once.
   */
  files: string[];
}

/** The folder (relative to `pagefind/`, "" or ending in `/`) of shard `k`. */
export function shardFolder(k: number): string {
  return k === 0 ? '' : `shard-${k}/`;
}
