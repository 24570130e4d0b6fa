/**
 * Page navigation of paginated listings: which page numbers to link and the site paths
 * of a listing's pages. Pure, so routes and tests share it.
 */
import type { Page } from 'astro';

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
  // First, last and a window around the current page; O(window), not O(pages), since a
  // 100k-paper listing has thousands of pages, each with its own pager.
  const shown = new Set([1, last]);
  for (let n = Math.max(1, current - PAGER_WINDOW); n <= Math.min(last, current + PAGER_WINDOW); n++) shown.add(n);
  const items: PagerItem[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > previous + 1) items.push({ gap: true });
    items.push({ number: n, path: pathOf(n), current: n === current });
    previous = n;
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
