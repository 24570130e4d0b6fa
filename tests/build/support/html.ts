/**
 * Reading built pages in tests: parse with hast and query elements by a predicate, so
 * assertions look at what a reader gets rather than at raw strings.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { DIST } from '../../helpers/dist.ts';
import { SITE } from '../../../src/site.config.ts';

/** Every file under `dir` (default: the built site), as paths relative to it with `/`. */
export function listFiles(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The built page of a site path such as `/authors/x/` (or `404.html`). */
export function pageFile(sitePath: string, root = DIST): string {
  const rel = sitePath.replace(/^\//, '');
  return path.join(root, rel.endsWith('.html') ? rel : path.join(rel, 'index.html'));
}

export function parsePage(sitePath: string, root = DIST): Root {
  return fromHtml(readFileSync(pageFile(sitePath, root), 'utf8'));
}

export function parseFile(file: string): Root {
  return fromHtml(readFileSync(file, 'utf8'));
}

/** All elements of a tree, in document order, that satisfy `test`. */
export function findAll(node: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (child: Root | RootContent) => {
    if (child.type === 'element') {
      if (test(child)) found.push(child);
      child.children.forEach(visit);
      if (child.content) visit(child.content);
    } else if (child.type === 'root') {
      child.children.forEach(visit);
    }
  };
  visit(node);
  return found;
}

export function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

export function byClass(node: Root | Element, name: string): Element[] {
  return findAll(node, (element) => hasClass(element, name));
}

export function attr(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** The text a reader sees (whitespace collapsed). */
export function text(node: Root | Element): string {
  return toText(node).replace(/\s+/g, ' ').trim();
}

/** The last path segment of an internal link, whatever form the link has. */
export function linkSlug(href: string): string {
  return (
    href
      .replace(/index\.html$/, '')
      .replace(/\/$/, '')
      .split('/')
      .pop() ?? ''
  );
}

/** The base path the site was built under (`SITE_BASE` or the config), always ending in `/`. */
export function basePath(): string {
  const base = SITE.base;
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The file an internal link of `fromFile` (absolute path in dist) points at, or
 * undefined for links to other hosts, `mailto:` and the like. Handles both link forms the
 * site may have: base-absolute pretty URLs (`/base/papers/x/`) before the relative-links
 * step, page-relative file links (`../x/index.html`) after it. A link that escapes the
 * site resolves to a path outside dist, which no test will find. `root` and `base` name
 * another built site (the example lab).
 */
export function resolveLink(
  fromFile: string,
  href: string,
  root = DIST,
  base = basePath(),
): { file: string; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  const [withoutHash, fragment = ''] = href.split('#', 2);
  const target = withoutHash.split('?')[0];
  if (target === '') return { file: fromFile, fragment };
  let file: string;
  if (target.startsWith('/')) {
    const inside = target.startsWith(base) ? target.slice(base.length) : `../outside-base${target}`;
    file = path.join(root, decodeURIComponent(inside));
  } else {
    file = path.resolve(path.dirname(fromFile), decodeURIComponent(target));
  }
  if (target.endsWith('/') || (statSafe(file)?.isDirectory() ?? false)) file = path.join(file, 'index.html');
  return { file, fragment };
}

function statSafe(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
