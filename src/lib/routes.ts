/**
 * The paths of every page, computed here so route files stay thin: each route's
 * `getStaticPaths` returns one of these functions' results and renders one layout.
 */
import type { PaginateFunction, Page } from 'astro';
import { SITE } from '../site.config.ts';
import { loadCatalog, type AuthorGroup, type PaperGroup, type PaperView, type TopicGroup, type YearGroup } from './papers.ts';

/** One link of a pager: a page number or a gap ("…") between far-apart numbers. */
export type PagerItem = { number: number; path: string; current: boolean } | { gap: true };

/** Page navigation of a paginated listing, with site paths ready for `url()`. */
export interface Pager {
  /** Site path of this page. */
  path: string;
  current: number;
  last: number;
  /** Number of entries in the whole listing. */
  total: number;
  /** 1-based positions of the first and last entry on this page. */
  from: number;
  to: number;
  prev?: string;
  next?: string;
  items: PagerItem[];
}

/** Numbered pages shown on each side of the current one before a gap. */
const PAGER_WINDOW = 2;

/** Page n of a listing whose first page is at `firstPath`: `/topics/x/` → `/topics/x/2/`. */
export type PagePath = (n: number) => string;

export function nestedPages(firstPath: string): PagePath {
  return (n) => (n === 1 ? firstPath : `${firstPath}${n}/`);
}

/**
 * The all-papers listing pages: `/papers/`, then `/papers/page/2/`… A bare number under
 * `/papers/` could collide with a paper whose title is a number ("1984").
 */
export const allPapersPages: PagePath = (n) => (n === 1 ? '/papers/' : `/papers/page/${n}/`);

/** The pager of one page of a listing. */
export function pager<T>(page: Page<T>, pathOf: PagePath): Pager {
  const { currentPage: current, lastPage: last } = page;
  const items: PagerItem[] = [];
  for (let n = 1; n <= last; n++) {
    const near = Math.abs(n - current) <= PAGER_WINDOW;
    if (n === 1 || n === last || near) items.push({ number: n, path: pathOf(n), current: n === current });
    else if (!('gap' in (items[items.length - 1] ?? {}))) items.push({ gap: true });
  }
  return {
    path: pathOf(current),
    current,
    last,
    total: page.total,
    from: page.start + 1,
    to: page.end + 1,
    prev: current > 1 ? pathOf(current - 1) : undefined,
    next: current < last ? pathOf(current + 1) : undefined,
    items,
  };
}

/** `/papers/<slug>/` for every published paper. */
export async function paperPaths() {
  const { papers } = await loadCatalog();
  return papers.map((paper) => ({ params: { slug: paper.slug }, props: { paper } }));
}

/** `/papers/`, `/papers/page/2/`… (route `papers/[...page].astro`). */
export async function allPapersPaths(paginate: PaginateFunction) {
  const { papers } = await loadCatalog();
  return paginate(papers, { pageSize: SITE.pageSize }).map(({ params, props }) => ({
    params: { page: params.page === undefined ? undefined : `page/${params.page}` },
    props: { pager: pager(props.page, allPapersPages), papers: props.page.data },
  }));
}

/** Props of one page of a group (author, topic, year, affiliation). */
export interface GroupPageProps<G extends PaperGroup> {
  group: G;
  papers: PaperView[];
  pager: Pager;
}

function groupPaths<G extends PaperGroup>(paginate: PaginateFunction, groups: readonly G[]) {
  return groups.flatMap((group) =>
    paginate(group.papers, { pageSize: SITE.pageSize, params: { slug: group.slug } }).map(({ params, props }) => ({
      params,
      props: { group, papers: props.page.data, pager: pager(props.page, nestedPages(group.path)) } satisfies GroupPageProps<G>,
    })),
  );
}

/** `/authors/<slug>/`, `/authors/<slug>/2/`… */
export async function authorPaths(paginate: PaginateFunction) {
  return groupPaths<AuthorGroup>(paginate, (await loadCatalog()).authors);
}

/** `/topics/<slug>/`… */
export async function topicPaths(paginate: PaginateFunction) {
  return groupPaths<TopicGroup>(paginate, (await loadCatalog()).topics);
}

/** `/years/<year>/`… */
export async function yearPaths(paginate: PaginateFunction) {
  return groupPaths<YearGroup>(paginate, (await loadCatalog()).years);
}

/** `/affiliations/<slug>/`… */
export async function affiliationPaths(paginate: PaginateFunction) {
  return groupPaths<PaperGroup>(paginate, (await loadCatalog()).affiliations);
}

/**
 * `/authors/`, `/authors/2/`…: the A–Z index, in pages of `SITE.indexPageSize` names so
 * a 100k-paper site does not make one page of every author. No author slug is a bare
 * number, so these cannot collide with author pages.
 */
export async function authorIndexPaths(paginate: PaginateFunction) {
  const { authors } = await loadCatalog();
  return paginate(authors, { pageSize: SITE.indexPageSize }).map(({ params, props }) => ({
    params,
    props: { authors: props.page.data, pager: pager(props.page, nestedPages('/authors/')) },
  }));
}
