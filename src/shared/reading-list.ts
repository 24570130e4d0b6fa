/**
 * The reading list's catalogue: what the site tells the reading list about its papers, as
 * data scripts (data-script.ts) next to the /reading-list/ page. The build writes them
 * (src/lib/reading-list.ts, src/pages/reading-list/); the browser loads only what it needs:
 *
 *     reading-list/catalog.js        a small CatalogHeader
 *     reading-list/papers/<n>.js     shard n's CatalogPaper[]
 *     reading-list/bibtex/<n>.js     shard n's BibTeX entries by slug, loaded to export BibTeX
 *     reading-list/ris/<n>.js        … RIS records, to export RIS
 *     reading-list/csl-json/<n>.js   … CSL-JSON items, to export CSL-JSON
 *
 * The records are the ones each paper's own downloads hold (src/lib/citations.ts): the
 * browser joins them (joinCitationRecords), it never writes a citation itself.
 *
 * A paper's shard follows from its slug (shards.ts), so the page loads only the shards of the
 * papers on the list: a few dozen kilobytes on a 10,000-paper site instead of megabytes.
 */

import type { CitationFormat } from './citation-formats.ts';

/** Papers per shard: one shard on small sites, ~60 KB shards on large ones. */
export const PAPERS_PER_SHARD = 250;

/** Folder of the catalogue in the site (the /reading-list/ page's own folder). */
export const READING_LIST_DIR = 'reading-list';

export const catalogName = (): string => `${READING_LIST_DIR}/catalog`;
export const papersShardName = (shard: number): string => `${READING_LIST_DIR}/papers/${shard}`;
/** Shard n's records in one citation format, by slug. */
export const citationShardName = (format: CitationFormat, shard: number): string =>
  `${READING_LIST_DIR}/${format}/${shard}`;

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
  /** Number of reading notes on the paper's page; absent when there are none. */
  notes?: number;
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
