/**
 * Link check over ALL of dist/: every internal href/src/action (and srcset, CSS url()) of every
 * HTML and CSS file resolves to a file, and every #fragment to an element id. Works on
 * both link forms — base-absolute pretty URLs and page-relative file links — and treats
 * absolute URLs on the site's own origin (canonical, og:url, sitemap, JSON-LD images) as
 * internal too. Run over the seed site and over the example lab (built under /lab/, with
 * photos: their `<img src>` and `<source srcset>` URLs are checked like any link).
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { SITE } from '../../src/site.config.ts';
import { attr, basePath, findAll, listFiles, parseFile, resolveLink } from './support/html.ts';

const lab = inject('labSite');

describe.each([
  { site: 'the seed site', dist: DIST, base: basePath() },
  { site: 'the example lab', dist: lab.dist, base: lab.base },
])('internal links of $site', ({ dist: DIST, base }) => {
  const files = listFiles(DIST);
  const htmlFiles = files.filter((file) => file.endsWith('.html')).map((file) => path.join(DIST, file));
  const cssFiles = files.filter((file) => file.endsWith('.css')).map((file) => path.join(DIST, file));
  const resolve = (fromFile: string, href: string) => resolveLink(fromFile, href, DIST, base);

  /** `https://example.org/base/x/` → `/base/x/` for links to the site's own origin. */
  function ownOrigin(href: string): string | undefined {
    const origin = new URL(SITE.site).origin;
    return href.startsWith(`${origin}/`) ? href.slice(origin.length) : undefined;
  }

  const idsCache = new Map<string, Set<string>>();
  function idsOf(file: string): Set<string> {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = new Set(
        findAll(parseFile(file), (element) => element.properties.id !== undefined).map((element) =>
          String(element.properties.id),
        ),
      );
      idsCache.set(file, ids);
    }
    return ids;
  }

  /** The problem with one link, or undefined when it resolves. */
  function check(fromFile: string, href: string): string | undefined {
    const resolved = resolve(fromFile, ownOrigin(href) ?? href);
    if (!resolved) return undefined;
    if (!resolved.file.startsWith(DIST + path.sep) || !existsSync(resolved.file))
      return `no file ${path.relative(DIST, resolved.file)}`;
    if (
      resolved.fragment &&
      resolved.file.endsWith('.html') &&
      !idsOf(resolved.file).has(decodeURIComponent(resolved.fragment))
    ) {
      return `no element #${resolved.fragment}`;
    }
    return undefined;
  }

  /** The `url` and `image` values anywhere in a JSON-LD document. */
  function jsonLdUrls(value: unknown): string[] {
    if (Array.isArray(value)) return value.flatMap(jsonLdUrls);
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).flatMap(([key, field]) =>
      (key === 'url' || key === 'image') && typeof field === 'string' ? [field] : jsonLdUrls(field),
    );
  }

  function cssUrls(css: string): string[] {
    return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)]
      .map((match) => match[2])
      .filter((href) => !href.startsWith('data:'));
  }

  it('finds a built site with pages and styles', () => {
    expect(htmlFiles.length).toBeGreaterThan(10);
    expect(cssFiles.length).toBeGreaterThan(0);
  });

  it('resolves every href and src of every page to a file in dist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlFiles) {
      const tree = parseFile(file);
      const links: string[] = [];
      for (const element of findAll(tree, () => true)) {
        for (const name of ['href', 'src', 'action', 'poster']) {
          const value = attr(element, name);
          if (value !== undefined) links.push(value);
        }
        const srcset = attr(element, 'srcSet');
        if (srcset) links.push(...srcset.split(',').map((part) => part.trim().split(/\s+/)[0]));
        if (element.tagName === 'style') {
          links.push(...cssUrls(element.children.map((child) => ('value' in child ? child.value : '')).join('')));
        }
        // Open Graph and JSON-LD point at the site's own pages and photos by absolute URL.
        const property = attr(element, 'property');
        if (element.tagName === 'meta' && (property === 'og:url' || property === 'og:image')) {
          links.push(attr(element, 'content') ?? '');
        }
        if (element.tagName === 'script' && attr(element, 'type') === 'application/ld+json') {
          const json: unknown = JSON.parse(
            element.children.map((child) => ('value' in child ? child.value : '')).join(''),
          );
          links.push(...jsonLdUrls(json).filter((url) => ownOrigin(url) !== undefined));
        }
      }
      for (const href of links) {
        checked++;
        const problem = check(file, href);
        if (problem) broken.push(`${path.relative(DIST, file)}: ${href} (${problem})`);
      }
    }
    expect(checked).toBeGreaterThan(htmlFiles.length * 10);
    expect(broken).toEqual([]);
  });

  it('reaches every page but the 404 by following links from the home page', () => {
    const reached = new Set<string>([path.join(DIST, 'index.html')]);
    const queue = [...reached];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      // Links, and forms (the header search box leads to the search page).
      for (const element of findAll(
        parseFile(file),
        (candidate) => candidate.tagName === 'a' || candidate.tagName === 'form',
      )) {
        const target = resolve(file, attr(element, element.tagName === 'a' ? 'href' : 'action') ?? '');
        if (target && target.file.endsWith('.html') && !reached.has(target.file) && existsSync(target.file)) {
          reached.add(target.file);
          queue.push(target.file);
        }
      }
    }
    const unreachable = htmlFiles.filter((file) => !reached.has(file) && path.basename(file) !== '404.html');
    expect(unreachable.map((file) => path.relative(DIST, file))).toEqual([]);
  });

  it('resolves every url() in the stylesheets (fonts) to a file', () => {
    const broken: string[] = [];
    for (const file of cssFiles) {
      for (const href of cssUrls(readFileSync(file, 'utf8'))) {
        const problem = check(file, href);
        if (problem) broken.push(`${path.relative(DIST, file)}: ${href} (${problem})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('lists every page but the 404 in the sitemap, under the site origin and base', () => {
    const index = readFileSync(path.join(DIST, 'sitemap-index.xml'), 'utf8');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(maps.length).toBeGreaterThan(0);
    const pages: string[] = [];
    for (const map of maps) {
      const local = ownOrigin(map);
      expect(local, map).toBeDefined();
      const xml = readFileSync(path.join(DIST, (local ?? '').slice(base.length)), 'utf8');
      pages.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]));
    }
    const listed = pages.map((page) => resolve(path.join(DIST, 'index.html'), ownOrigin(page) ?? page)?.file);
    const expected = htmlFiles.filter((file) => path.basename(file) !== '404.html');
    expect(listed.sort()).toEqual(expected.sort());
  });
});
