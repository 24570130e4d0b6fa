/**
 * One paper as search knows it: the search record. src/lib/search.ts makes one per paper,
 * once, from the paper's view; both indexes are written from it and from nothing else:
 * the Pagefind index (integrations/pagefind.ts, through `toPagefindRecord`) and the offline
 * index (src/lib/offline-index.ts). Both back ends give the browser the same SearchHit.
 *
 * To search one more text: add it to TEXT_FIELDS with its weight and to the record in
 * src/lib/search.ts (the group's reading notes are one). A new facet is one line in facets.ts.
 */
import type { FacetName } from './facets.ts';
import { pagefindQuery, segment, unsegment, unsegmentExcerpt } from './search-text.ts';

/**
 * The searched text of a paper, field by field, and how much a word in each counts: a title or
 * author match ranks above a keyword, which ranks above the abstract. The date fields weigh
 * nothing: they are searchable (a year or a month finds its papers) only because Pagefind
 * searches every field a result shows, and the offline index must find what Pagefind finds.
 */
export const TEXT_FIELDS = {
  title: 10,
  authors: 6,
  tags: 3,
  topic: 1,
  abstract: 1,
  notes: 1,
  dateLabel: 0,
  date: 0,
} as const;

export type TextField = keyof typeof TEXT_FIELDS;

export const TEXT_FIELD_NAMES = Object.keys(TEXT_FIELDS) as TextField[];

/**
 * The sort orders besides relevance, each with a key: the paper's position in that order
 * across the whole site (0 first), so ties and undated papers fall the same way everywhere.
 */
export const SORT_KEYS = { 'date-desc': 'newest', 'date-asc': 'oldest' } as const;

export type SortOrder = 'relevance' | keyof typeof SORT_KEYS;
export type SortKey = (typeof SORT_KEYS)[keyof typeof SORT_KEYS];

export interface SearchRecord {
  /** Site path of the paper page, base excluded: `/papers/<slug>/`. */
  path: string;
  /**
   * The searched text as the site shows it (plain, math as TeX). `authors` is the authors'
   * one display spelling each, joined with ", "; `date` is the date as far as known
   * (`2024`, `2024-03`, `2024-03-05`, or "" when undated); `tags` joined with ", "; `notes`
   * the text of the group's notes on the paper (src/lib/notes.ts), "" when it has none.
   */
  text: Record<TextField, string>;
  /** The source listed only the first authors: results show "et al.", which is not searched. */
  etAl: boolean;
  /** Facet values (display names: an author's one spelling, an affiliation's display name). */
  filters: Partial<Record<FacetName, string[]>>;
  /** Positions in each sort order. */
  sort: Record<SortKey, number>;
}

/** One search result as the search page shows it, from either back end. */
export interface SearchHit {
  /** Site path of the result page, base excluded, e.g. `/papers/some-slug/`. */
  path: string;
  title: string;
  /** Author names joined for display. */
  authors: string;
  /** The source listed only the first authors: the page writes its "et al." after them. */
  etAl: boolean;
  /** The date as far as known, for `<time datetime>` ("" when undated). */
  date: string;
  /** The date as the pages show it ("9 June 2022", "2022", "n.d."). */
  dateLabel: string;
  topic: string;
  /** Matching abstract text as HTML in which only `<mark>` is markup; "" when there is none. */
  excerpt: string;
  /** The paper's facet values, for counts the browser makes itself (reading-list filters). */
  filters: Partial<Record<FacetName, string[]>>;
}

/** What a search result shows of a record, with `excerpt` made by the back end. */
export function hitFromRecord(record: SearchRecord, excerpt: string): SearchHit {
  return {
    path: record.path,
    title: record.text.title,
    authors: record.text.authors,
    etAl: record.etAl,
    date: record.text.date,
    dateLabel: record.text.dateLabel,
    topic: record.text.topic,
    excerpt,
    filters: record.filters,
  };
}

// Pagefind's form of a record. Pagefind searches its page text ("content", where excerpts
// come from) and every metadata field; its ranking weighs metadata by `metaWeights`. So the
// abstract is the content and the other text fields are metadata, weighted as above, which
// keeps excerpts to the abstract. A metadata value with no letters or digits is not searched:
// the "et al." flag rides as "…".

/**
 * Pagefind keeps each sort key as a list of all its pages in the index metadata every search
 * loads first (about 20 KB at 10,000 papers), so it has one: `newest`. Ascending, it is
 * newest first; descending, its exact reverse, which puts the undated papers (last in the
 * site's order) first and reversed. The filter below marks them, so a search counts how many
 * it found and the back end moves them back to the end (src/client/search/pagefind-backend.ts).
 */
export const PAGEFIND_SORTS = {
  'date-desc': { newest: 'asc' },
  'date-asc': { newest: 'desc' },
} as const satisfies Record<keyof typeof SORT_KEYS, Partial<Record<SortKey, 'asc' | 'desc'>>>;

/** The Pagefind filter that marks undated papers, with its one value. */
export const UNDATED_FILTER = { name: 'undated', value: 'yes' } as const;

/** The Pagefind metadata field carrying the "et al." flag. */
const ET_AL_FIELD = 'etAl';
const ET_AL_VALUE = '…';

/** A record as Pagefind's Node API `addCustomRecord` takes it. */
export interface PagefindCustomRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** The Pagefind record of a search record. */
export function toPagefindRecord(record: SearchRecord, language: string): PagefindCustomRecord {
  const meta: Record<string, string> = {};
  for (const field of TEXT_FIELD_NAMES) {
    if (field !== 'abstract' && record.text[field] !== '') meta[field] = segment(record.text[field]);
  }
  if (record.etAl) meta[ET_AL_FIELD] = ET_AL_VALUE;
  const filters: Record<string, string[]> = {};
  for (const [facet, values] of Object.entries(record.filters)) if (values.length > 0) filters[facet] = values;
  if (record.text.date === '') filters[UNDATED_FILTER.name] = [UNDATED_FILTER.value];
  return {
    url: record.path,
    // Pagefind drops a record without content; a paper without an abstract is found by its
    // title, which the hit then does not repeat as an excerpt.
    content: segment(record.text.abstract || record.text.title),
    language,
    meta,
    filters,
    sort: { newest: String(record.sort.newest) },
  };
}

/** Pagefind's ranking option: the metadata weights from TEXT_FIELDS (the abstract is the page text). */
export function pagefindMetaWeights(): Record<string, number> {
  const weights: Record<string, number> = { [ET_AL_FIELD]: 0 };
  for (const field of TEXT_FIELD_NAMES) if (field !== 'abstract') weights[field] = TEXT_FIELDS[field];
  return weights;
}

/** The part of a Pagefind result's data (a fragment) a hit is made from. */
export interface PagefindFragment {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}

/** The search hit of a Pagefind result: the record's display fields read back. */
export function hitFromPagefind(data: PagefindFragment): SearchHit {
  const text = (field: TextField): string => unsegment(data.meta[field] ?? '');
  const title = text('title') || data.url;
  // Content equal to the title is a paper without an abstract: no excerpt then. Pagefind
  // keeps content with its words joined by single spaces and `<`, `>` escaped.
  const titleAsContent = (data.meta.title ?? '')
    .trim()
    .replace(/\s+/gu, ' ')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
  const noAbstract = data.content === titleAsContent;
  return {
    path: data.url,
    title,
    authors: text('authors'),
    etAl: Boolean(data.meta[ET_AL_FIELD]),
    date: text('date'),
    dateLabel: text('dateLabel'),
    topic: text('topic'),
    excerpt: noAbstract ? '' : unsegmentExcerpt(data.excerpt),
    filters: (data.filters ?? {}) as SearchHit['filters'],
  };
}

/** The query as Pagefind must be given it (segmented like the index). */
export { pagefindQuery };
