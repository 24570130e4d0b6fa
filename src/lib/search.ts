/**
 * The search record of every paper (src/shared/search-record.ts), made once from the paper's
 * view by the loader, and the pages that list each facet value. Both indexes and the search
 * page's browse links are written from these and nothing else.
 */
import { FACET_NAMES, FLAG_VALUE, type FacetName } from '../shared/facets.ts';
import { FACET_PAGES_PER_SHARD, type FacetPageShards, type FacetPages } from '../shared/facet-pages.ts';
import { affiliationPath, authorPath, tagPath, topicPath, yearPath } from '../shared/paths.ts';
import type { SearchRecord } from '../shared/search-record.ts';
import { shardCount, shardOf } from '../shared/shards.ts';
import type { PaperView } from './papers.ts';
import { t } from './i18n.ts';

/** A facet value of a paper, with the page listing its papers when the site has one. */
export interface FacetRef {
  name: string;
  path?: string;
}

/**
 * Each facet's values for a paper. `astro check` fails until a facet added to
 * src/shared/facets.ts has its line here.
 */
const FACET_VALUES: { [F in FacetName]: (paper: PaperView) => FacetRef[] } = {
  topic: (paper) => (paper.topic ? [{ name: paper.topic.name, path: topicPath(paper.topic.slug) }] : []),
  year: (paper) => (paper.year === undefined ? [] : [{ name: String(paper.year), path: yearPath(paper.year) }]),
  author: (paper) => paper.authors.map((author) => ({ name: author.name, path: authorPath(author.slug) })),
  affiliation: (paper) => paper.affiliations.map((place) => ({ name: place.name, path: affiliationPath(place.slug) })),
  tag: (paper) => paper.tags.map((tag) => ({ name: tag.name, path: tagPath(tag.slug) })),
  code: (paper) => (paper.hasCode ? [{ name: FLAG_VALUE }] : []),
  notes: (paper) => (paper.notes.length > 0 ? [{ name: FLAG_VALUE }] : []),
};

/** A paper's values of one facet, each once, in the paper's order. */
function facetRefs(paper: PaperView, facet: FacetName): FacetRef[] {
  const seen = new Set<string>();
  return FACET_VALUES[facet](paper).filter((ref) => !seen.has(ref.name) && seen.add(ref.name));
}

/** Is the paper's date known? (Undated papers sort last in both date orders.) */
function isDated(paper: PaperView): boolean {
  return paper.date !== undefined;
}

/**
 * Positions in the oldest-first order of papers given newest first: the dated papers in
 * exactly the reverse order, undated papers still last (in the site's order). Being the exact
 * reverse, any run of the newest-first order is a run of the oldest-first order too, which
 * lets a sharded Pagefind index join its shards' sorted results (src/shared/pagefind.ts).
 */
function oldestFirstPositions(papers: readonly PaperView[]): number[] {
  const dated = papers.filter(isDated).length;
  let datedSeen = 0;
  let undatedSeen = 0;
  return papers.map((paper) => (isDated(paper) ? dated - 1 - datedSeen++ : dated + undatedSeen++));
}

/** The search record of each paper of `papers` (the site's newest-first order). */
export function searchRecords(papers: readonly PaperView[]): SearchRecord[] {
  const oldest = oldestFirstPositions(papers);
  return papers.map((paper, position) => {
    const filters: SearchRecord['filters'] = {};
    for (const facet of FACET_NAMES) {
      const values = facetRefs(paper, facet).map((ref) => ref.name);
      if (values.length > 0) filters[facet] = values;
    }
    return {
      path: paper.path,
      text: {
        title: paper.titleText,
        authors: paper.authors.map((author) => author.name).join(t.paper.listSeparator),
        tags: paper.tags.map((tag) => tag.name).join(', '),
        topic: paper.topic?.name ?? '',
        abstract: paper.abstractText,
        notes: paper.notes.map((note) => note.text).join('\n'),
        dateLabel: paper.dateLabel,
        date: paper.dateMachine ?? '',
      },
      etAl: paper.authorsTruncated,
      filters,
      sort: { newest: position, oldest: oldest[position] },
    };
  });
}

/** The facet-value pages of the whole site, cut into shards (src/shared/facet-pages.ts). */
export interface FacetPagesData {
  /** Shards per facet that has pages. */
  shards: FacetPageShards;
  /** Per facet, its shards. */
  pages: Partial<Record<FacetName, FacetPages[]>>;
}

/** Every facet value that has a page, with that page's path. */
export function facetPages(papers: readonly PaperView[]): FacetPagesData {
  const data: FacetPagesData = { shards: {}, pages: {} };
  for (const facet of FACET_NAMES) {
    const paths = new Map<string, string>();
    for (const paper of papers) {
      for (const ref of facetRefs(paper, facet)) if (ref.path) paths.set(ref.name, ref.path);
    }
    if (paths.size === 0) continue;
    const shards = shardCount(paths.size, FACET_PAGES_PER_SHARD);
    const pages: FacetPages[] = Array.from({ length: shards }, () => ({}));
    for (const [name, path] of paths) pages[shardOf(name, shards)][name] = path;
    data.shards[facet] = shards;
    data.pages[facet] = pages;
  }
  return data;
}
