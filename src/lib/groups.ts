/**
 * What a group page shows besides its papers: an author's co-authors, years and topics;
 * the counts on index pages. Computed per page from the catalog's groups, so the loader
 * does not hold these for every author of a 100k-paper site at once.
 */
import type { AuthorGroup, AuthorRef, PaperGroup, PaperView, TopicRef } from './papers.ts';
import { countText, fillMessage, t, yearRangeText, yearText } from './i18n.ts';
import { byName } from './names.ts';

export interface Counted<T> {
  item: T;
  count: number;
}

/**
 * Co-authors listed on an author page. A prolific author of a 100k-paper anthology has
 * thousands; the page names the most frequent and says how many more there are.
 */
export const COAUTHORS_SHOWN = 100;

export interface AuthorDetails {
  /** The most frequent co-authors (at most `COAUTHORS_SHOWN`), most shared first, then A–Z. */
  coauthors: Counted<AuthorRef>[];
  /** How many co-authors there are in all. */
  coauthorCount: number;
  /** Topics of the author's papers, most papers first. */
  topics: Counted<TopicRef>[];
  /** First and last year with a dated paper (undefined when every paper is undated). */
  firstYear?: number;
  lastYear?: number;
  /** Distinct years with a paper, newest first. */
  years: number[];
}

function countBy<T extends { slug: string }>(items: Iterable<T>): Counted<T>[] {
  const counts = new Map<string, Counted<T>>();
  for (const item of items) {
    const entry = counts.get(item.slug);
    if (entry) entry.count++;
    else counts.set(item.slug, { item, count: 1 });
  }
  return [...counts.values()];
}

function mostFirst<T extends { name: string }>(a: Counted<T>, b: Counted<T>): number {
  return b.count - a.count || byName.compare(a.item.name, b.item.name);
}

/** The years of papers that have one, in the papers' order. */
function yearsOf(papers: readonly PaperView[]): number[] {
  return papers.flatMap((paper) => (paper.year === undefined ? [] : [paper.year]));
}

/**
 * First and last year of a group's dated papers (which are sorted newest first, undated
 * last); undefined when none is dated.
 */
export function activeYears(group: PaperGroup): { first: number; last: number } | undefined {
  const years = yearsOf(group.papers);
  return years.length ? { first: years[years.length - 1], last: years[0] } : undefined;
}

/** Co-authors, topics and active years of one author. */
export function authorDetails(author: AuthorGroup): AuthorDetails {
  const allCoauthors = countBy(
    author.papers.flatMap((paper) => {
      const others = new Map(paper.authors.filter((a) => a.slug !== author.slug).map((a) => [a.slug, a]));
      return [...others.values()];
    }),
  ).sort(mostFirst);
  const topics = countBy(author.papers.flatMap((paper) => (paper.topic ? [paper.topic] : []))).sort(mostFirst);
  const years = [...new Set(yearsOf(author.papers))].sort((a, b) => b - a);
  return {
    coauthors: allCoauthors.slice(0, COAUTHORS_SHOWN),
    coauthorCount: allCoauthors.length,
    topics,
    firstYear: years[years.length - 1],
    lastYear: years[0],
    years,
  };
}

/** A run of papers of one year (or the undated ones: `year` undefined). */
export interface YearRun {
  year?: number;
  /** The heading: the year, or "n.d." */
  label: string;
  /** An id for the heading, unique on the page. */
  id: string;
  papers: PaperView[];
}

/** Papers split into runs of one year each, keeping their order (for listings by year). */
export function byYear(papers: readonly PaperView[]): YearRun[] {
  const runs: YearRun[] = [];
  for (const paper of papers) {
    const last = runs[runs.length - 1];
    if (last && last.year === paper.year) last.papers.push(paper);
    else
      runs.push({
        year: paper.year,
        label: paper.year === undefined ? t.dates.undated : yearText(paper.year),
        id: paper.year === undefined ? 'year-undated' : `year-${paper.year}`,
        papers: [paper],
      });
  }
  return runs;
}

/**
 * Index entries by first letter, for the A–Z pages' jump links and headings. Names that
 * do not start with a Latin letter share one "#" section, wherever the collator puts them.
 */
export function byInitial<G extends PaperGroup>(groups: readonly G[]): { letter: string; id: string; groups: G[] }[] {
  const sections = new Map<string, { letter: string; id: string; groups: G[] }>();
  for (const group of groups) {
    const first = group.name.normalize('NFD').charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    let section = sections.get(letter);
    if (!section) {
      section = { letter, id: letter === '#' ? 'other' : `letter-${letter.toLowerCase()}`, groups: [] };
      sections.set(letter, section);
    }
    section.groups.push(group);
  }
  return [...sections.values()];
}

/** A link with a paper count, as the index pages and side lists show it. */
export interface CountItem {
  path: string;
  name: string;
  count: number;
  strong?: boolean;
}

/** Index entries of groups: name, link and number of papers. */
export function countItems(groups: readonly PaperGroup[]): CountItem[] {
  return groups.map((group) => ({
    path: group.path,
    // A year is written in the interface's digits; other names as written.
    name: 'year' in group && typeof group.year === 'number' ? yearText(group.year) : group.name,
    count: group.papers.length,
    strong: 'isLabMember' in group && group.isLabMember === true,
  }));
}

/** "12 papers" / "1 paper" / "논문 12편", in the interface's language. */
export function papersCount(count: number): string {
  return countText(t.counts.papers, count);
}

/** "2019–2025", or "2023" for a single year; "" when no paper is dated. */
export function yearSpan(years: { first: number; last: number } | undefined): string {
  if (!years) return '';
  return yearRangeText(years.first, years.last);
}

/** Co-authors and topics of an author as count-list entries. */
export function authorSideLists(details: AuthorDetails): { coauthors: CountItem[]; topics: CountItem[] } {
  return {
    coauthors: details.coauthors.map(({ item, count }) => ({
      path: `/authors/${item.slug}/`,
      name: item.name,
      count,
      strong: item.isLabMember,
    })),
    topics: details.topics.map(({ item, count }) => ({ path: `/topics/${item.slug}/`, name: item.name, count })),
  };
}

/**
 * What an author page shows around its papers; topics and co-authors on the first page
 * only. A lab member with no paper yet has a page for their profile: no span, no lists.
 */
export function authorPageData(author: AuthorGroup, page: number) {
  const span = yearSpan(activeYears(author));
  const count = papersCount(author.papers.length);
  const hasPapers = author.papers.length > 0;
  const details = page === 1 && hasPapers ? authorDetails(author) : undefined;
  return {
    count,
    /** The page's meta description. */
    description: hasPapers
      ? fillMessage(span ? t.groups.authorDescriptionActive : t.groups.authorDescription, {
          papers: count,
          name: author.name,
          years: span,
        })
      : fillMessage(t.groups.authorNoPapers, { name: author.name }),
    /** The line under the heading; none for a lab member with no paper yet. */
    summary: hasPapers
      ? fillMessage(span ? t.groups.authorSummaryActive : t.groups.authorSummary, { papers: count, years: span })
      : undefined,
    topics: details ? authorSideLists(details).topics : [],
    coauthors: details ? authorSideLists(details).coauthors : [],
    /** Co-authors not listed because only the most frequent are. */
    moreCoauthors: details ? details.coauthorCount - details.coauthors.length : 0,
  };
}
