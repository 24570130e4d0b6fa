/**
 * Links the search page writes: result links and links to the static facet pages. They
 * follow the site's link design: relative to the current page and pointing at a real file
 * (`../papers/x/index.html`) so they work from file://; over http(s) the `index.html` is
 * dropped, as the site's pretty-links script does for the static links.
 */
import { CATEGORIES, type CategoryCode } from '../../lib/categories.ts';
import { slugify } from '../../lib/slug.ts';
import type { FacetName } from './backend.ts';

/**
 * The site root, from the URL of a script that sits at `<root>/scripts/<name>.js`. After
 * the build every link is page-relative, so the script's resolved `src` is the one place
 * that knows where the site starts (it may be under a sub-path, or a folder on disk).
 */
export function siteRootFromScript(scriptSrc: string): URL {
  return new URL('../', scriptSrc);
}

/** `../` repeated once per folder between the site root and the current page. */
export function pathToRoot(siteRoot: URL, page: URL): string {
  const rootPath = siteRoot.pathname;
  const pagePath = page.pathname;
  if (!pagePath.startsWith(rootPath)) return siteRoot.href;
  const depth = pagePath.slice(rootPath.length).split('/').length - 1;
  return '../'.repeat(depth);
}

/**
 * The link from the current page to a site path (`/papers/x/`, base excluded): relative,
 * to the real `index.html` from file://, pretty when served.
 */
export function pageHref(sitePath: string, toRoot: string, protocol: string): string {
  const inside = sitePath.replace(/^\//, '');
  const file = /^https?:$/.test(protocol) ? inside : inside.replace(/(^|\/)$/, '$1index.html');
  return toRoot + file || './';
}

const TOPIC_PATHS = new Map(
  (Object.entries(CATEGORIES) as [CategoryCode, string][]).map(([code, name]) => [name, `/topics/${slugify(code)}/`]),
);

/**
 * The static page listing every paper with one facet value, where the site has one
 * (topic, year, author, affiliation pages are made from the same slug function).
 */
export function facetPagePath(facet: FacetName, value: string): string | undefined {
  switch (facet) {
    case 'topic':
      return TOPIC_PATHS.get(value);
    case 'year':
      return /^\d{4}$/.test(value) ? `/years/${value}/` : undefined;
    case 'author':
      return `/authors/${slugify(value)}/`;
    case 'affiliation':
      return `/affiliations/${slugify(value)}/`;
    case 'code':
      return undefined;
  }
}
