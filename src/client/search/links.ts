/**
 * Links the search page writes: result links and links to the static facet pages, from
 * site paths the build made (a result's path, a facet value's page from the build's list).
 * They follow the site's link design: relative to the current page and pointing at a real
 * file (`../papers/x/index.html`) so they work from file://; over http(s) the `index.html` is
 * dropped, as the site's pretty-links script does for the static links.
 */
import { facetPagesName, type FacetPageShards, type FacetPages } from '../../shared/facet-pages.ts';
import type { FacetName } from '../../shared/facets.ts';
import { shardOf } from '../../shared/shards.ts';

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

/** Loads one data script by name (src/client/load-data.ts bound to the site root). */
export type DataLoader = <T>(name: string) => Promise<T>;

/**
 * The site path of the page listing every paper with one facet value, when the site has one,
 * from the build's lists (src/shared/facet-pages.ts): `shards` says how many shards each
 * facet's list has.
 */
export async function facetPagePath(
  facet: FacetName,
  value: string,
  shards: FacetPageShards,
  load: DataLoader,
): Promise<string | undefined> {
  const count = shards[facet];
  if (!count) return undefined;
  const pages = await load<FacetPages>(facetPagesName(facet, shardOf(value, count)));
  return Object.hasOwn(pages, value) ? pages[value] : undefined;
}
