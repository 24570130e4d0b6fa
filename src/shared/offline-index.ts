/**
 * The offline search index: what the search page uses where Pagefind cannot run (a site
 * opened from disk, and `npm run dev`). The build writes it (src/lib/offline-index.ts, served
 * by src/pages/offline-search/[...file].js.ts); the offline back end reads it
 * (src/client/search/offline-backend.ts). Every file is a data script (data-script.ts), since
 * file:// allows no fetch, modules, WASM or workers but still runs `<script src>`:
 *
 *     offline-search/index.js      facets and sort positions of every paper, column by column
 *     offline-search/w/es.js       tokens starting "es" and the papers they occur in
 *     offline-search/r/3.js        the search records of papers 75–99, whole
 *
 * Only index.js and the word shards of the typed terms are loaded to search; record shards
 * only for the hits shown. The record shards hold the records exactly as the build made them,
 * so the Pagefind step (integrations/pagefind.ts) reads its records from them too.
 */
import type { FacetName } from './facets.ts';
import type { Language } from './i18n/languages.ts';
import type { SearchRecord, SortKey } from './search-record.ts';

/** Folder of the index inside the site. */
export const OFFLINE_INDEX_DIR = 'offline-search';

/** Version of the layout below; the reader refuses other versions rather than misread them. */
export const OFFLINE_INDEX_VERSION = 5;

/** Records per record shard. */
export const RECORD_SHARD_SIZE = 25;

/** The data-script name (site path without `.js`) of the main file. */
export const mainIndexName = (): string => `${OFFLINE_INDEX_DIR}/index`;

/** The data-script name of the word shard with key `key`. */
export const wordShardName = (key: string): string => `${OFFLINE_INDEX_DIR}/w/${key}`;

/** The data-script name of record shard `n`. */
export const recordShardName = (n: number): string => `${OFFLINE_INDEX_DIR}/r/${n}`;

/** `offline-search/index.js`: what ranking, filtering and sorting need of every paper. */
export interface MainIndex {
  version: number;
  /**
   * The language both indexes are in: the interface's (SITE.locale), which picks the
   * stemmer (stemmers.ts). The Pagefind step reads it here rather than work it out again.
   */
  language: Language;
  /** Number of papers; papers are numbered 0… in the site's newest-first order. */
  papers: number;
  /** Per facet: its values, each once, and per paper the positions of its values. */
  facets: Partial<Record<FacetName, { values: string[]; papers: number[][] }>>;
  /** Per sort key, each paper's position in that order. */
  sort: Record<SortKey, number[]>;
  /** Keys of the word shards that exist (`es`, `_e9_t`…), so no missing file is requested. */
  wordShards: string[];
  /** Number of record shards. */
  recordShards: number;
}

/**
 * A word shard: token → postings, a flat list `[paperDelta, weight, paperDelta, weight, …]`
 * where paper numbers are delta-encoded (ascending) and weight is the TEXT_FIELDS-weighted
 * count of occurrences (0 for a date match: found, but adding nothing to the score).
 */
export type WordShard = Record<string, number[]>;

/** A record shard: the records of RECORD_SHARD_SIZE consecutive papers. */
export type RecordShard = SearchRecord[];

/** One character spelled safely for a file name: itself for a–z and 0–9, else `_e9_` (hex code point). */
function spell(char: string): string {
  return /^[a-z0-9]$/.test(char) ? char : `_${char.codePointAt(0)?.toString(16)}_`;
}

/** The word shard a token belongs to: its first two characters, spelled for a file name. */
export function wordShardKey(token: string): string {
  return Array.from(token).slice(0, 2).map(spell).join('');
}

/** The word shards that can hold tokens starting with `term`. */
export function wordShardKeysFor(term: string, available: readonly string[]): string[] {
  const chars = Array.from(term);
  if (chars.length === 0) return [];
  if (chars.length >= 2) {
    const key = wordShardKey(term);
    return available.includes(key) ? [key] : [];
  }
  // A one-character term may continue with anything: every shard whose first character is it.
  const first = spell(chars[0]);
  return available.filter((key) => key.startsWith(first));
}
