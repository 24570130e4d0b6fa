/**
 * Internal links. Templates write every link as `url('/papers/x/')`, which gives the
 * base-prefixed path (`/lab/papers/papers/x/` under SITE_BASE=/lab/papers). After the
 * build, the relative-links integration turns these into page-relative links to real
 * files so the same dist/ works at a domain root, under a sub-path and from file://.
 */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Base-prefixed path for a site path such as `/papers/x/` or `papers.bib`. */
export function url(sitePath: string): string {
  return BASE + sitePath.replace(/^\//, '');
}
