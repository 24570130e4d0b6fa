/**
 * What the site tells the reading list about its papers, and how that data is cut into
 * shards. The page loads it as classic scripts (fetch() and module scripts are blocked
 * for file:// pages, classic scripts are not):
 *
 * - `/reading-list/catalog.js` sets `self[CATALOG_GLOBAL]` to a small `CatalogHeader`;
 * - `/reading-list/papers/<n>.js` adds shard n's `CatalogPaper[]` to `self[PAPERS_GLOBAL]`;
 * - `/reading-list/bibtex/<n>.js` adds shard n's BibTeX entries to `self[BIBTEX_GLOBAL]`.
 *
 * A paper's shard follows from its slug, so the page loads only the shards of the papers
 * on the list: a few dozen kilobytes on a 10,000-paper site instead of megabytes.
 */

export const CATALOG_GLOBAL = 'paperlistReadingListCatalog';
export const PAPERS_GLOBAL = 'paperlistReadingListPapers';
export const BIBTEX_GLOBAL = 'paperlistReadingListBibtex';

/** Papers per shard: one shard on small sites, ~60 KB shards on large ones. */
export const PAPERS_PER_SHARD = 250;

/** One paper as the site describes it to the reading list. */
export interface CatalogPaper {
  slug: string;
  /** Plain title (math as bare TeX), for exports and as link text. */
  title: string;
  /**
   * The title as HTML with math rendered by KaTeX at build time, only for titles with
   * math (the page has KaTeX's CSS); built by the site, never from reader input.
   */
  titleHtml?: string;
  /** The first authors (at most three: what the list shows, to keep the files small). */
  authors: string[];
  /** More authors than `authors` names. */
  etAl?: boolean;
  /** `YYYY-MM-DD`; absent for an undated paper. */
  date?: string;
  /** BibTeX entry key of the paper's entry, so a .bib file can be imported back. */
  key: string;
}

/** The part of the catalogue every reading-list page loads. */
export interface CatalogHeader {
  /** The site's title, used as the heading of an exported list. */
  site: string;
  /**
   * Canonical absolute URL of the papers folder (site origin + base + `papers/`); a
   * paper's page is `<papersUrl><slug>/`, as in feeds and the sitemap.
   */
  papersUrl: string;
  /** Number of shards (at least 1). */
  shards: number;
}

/** Shard count for a site of `papers` papers. */
export function shardCount(papers: number): number {
  return Math.max(1, Math.ceil(papers / PAPERS_PER_SHARD));
}

/** The shard holding `slug` (32-bit FNV-1a of its UTF-16 code units). */
export function shardOf(slug: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i += 1) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}
