/**
 * The machine-readable outputs: /papers.bib read back by a real BibTeX parser,
 * /papers.json, the RSS feed, and each paper page's citation tags, JSON-LD, Open Graph
 * and canonical URL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { SITE } from '../../src/site.config.ts';
import { readPapers } from './support/content.ts';
import { attr, findAll, parsePage, text } from './support/html.ts';

const papers = readPapers();
const siteRoot = new URL(SITE.base.endsWith('/') ? SITE.base : `${SITE.base}/`, SITE.site).href;

/** Title without `$` math delimiters, as pages and citation tags show it. */
function plain(title: string): string {
  return title.replace(/\$([^$]+)\$/g, '$1');
}

/** Names as the site shows them: runs of spaces collapsed. */
function names(list: string[]): string[] {
  return list.map((name) => name.replace(/\s+/g, ' ').trim());
}

/**
 * Does a title read back from BibTeX equal the paper's? The parser turns math into
 * Unicode approximations (`$\alpha_1$` → α₁), so for math the text around it must match.
 */
function sameTitle(parsed: string, title: string): boolean {
  const parts = title.split(/\$[^$]+\$/);
  if (parts.length === 1) return parsed === title;
  let at = 0;
  for (const part of parts) {
    const found = parsed.indexOf(part, at);
    if (found < 0 || (at === 0 && found !== 0)) return false;
    at = found + part.length;
  }
  return parts[parts.length - 1] === '' || parsed.endsWith(parts[parts.length - 1]);
}

function fullName(creator: Creator): string {
  if (creator.name) return creator.name;
  return [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');
}

describe('/papers.bib', () => {
  const bib = readFileSync(path.join(DIST, 'papers.bib'), 'utf8');
  // english: false keeps titles as written (no sentence-casing), so they compare exactly;
  // math macros the parser has no Unicode for (\log) are kept as TeX instead of failing.
  const library = parseBibtex(bib, { english: false, unsupported: (_node, tex) => tex });

  it('parses without errors and holds one entry per paper with a unique key', () => {
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(papers.length);
    expect(new Set(library.entries.map((entry) => entry.key)).size).toBe(papers.length);
  });

  it('gives back every paper with the same title and authors', () => {
    for (const paper of papers) {
      const matches = library.entries.filter((entry) => sameTitle(entry.fields.title ?? '', paper.title));
      expect(matches, paper.title).toHaveLength(1);
      const [entry] = matches;
      if (!entry) continue;
      const authors = (entry.fields.author ?? []).map(fullName).filter((name) => name !== 'others');
      expect(authors, paper.title).toEqual(names(paper.authors));
      expect(entry.fields.year).toBe(paper.date.slice(0, 4));
    }
  });
});

describe('/papers.json and the RSS feed', () => {
  it('lists every paper in /papers.json with its absolute page URL', () => {
    const data = JSON.parse(readFileSync(path.join(DIST, 'papers.json'), 'utf8')) as {
      count: number;
      papers: { slug: string; url: string; title: string; authors: string[]; date: string; category: string }[];
    };
    expect(data.count).toBe(papers.length);
    const bySlug = new Map(data.papers.map((paper) => [paper.slug, paper]));
    for (const paper of papers) {
      const entry = bySlug.get(paper.slug);
      expect(entry?.title).toBe(paper.title);
      expect(entry?.authors).toEqual(names(paper.authors));
      expect(entry?.date).toBe(paper.date);
      expect(entry?.category).toBe(paper.category);
      expect(entry?.url).toBe(`${siteRoot}papers/${paper.slug}/`);
    }
  });

  it('has an RSS item for each of the newest papers, linking to its page', () => {
    const xml = readFileSync(path.join(DIST, 'rss.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml[^>]*\?><rss[^>]+version="2\.0"/);
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>[\s\S]*?<\/item>/g)].map((match) => match[1]);
    const newest = [...papers].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, links.length);
    expect(links.length).toBe(Math.min(papers.length, 50));
    expect(new Set(links)).toEqual(new Set(newest.map((paper) => `${siteRoot}papers/${paper.slug}/`)));
  });
});

describe('paper page head', () => {
  const paper = papers.find((candidate) => candidate.authors.length > 1) ?? papers[0];
  const tree = parsePage(`/papers/${paper.slug}/`);
  const meta = (key: 'name' | 'property', value: string) =>
    findAll(tree, (element) => element.tagName === 'meta' && attr(element, key) === value).map((element) =>
      attr(element, 'content'),
    );
  const pageUrl = `${siteRoot}papers/${paper.slug}/`;

  it('has an absolute canonical URL and Open Graph tags', () => {
    const canonical = findAll(tree, (element) => element.tagName === 'link' && attr(element, 'rel') === 'canonical');
    expect(canonical.map((element) => attr(element, 'href'))).toEqual([pageUrl]);
    expect(meta('property', 'og:url')).toEqual([pageUrl]);
    expect(meta('property', 'og:type')).toEqual(['article']);
    expect(meta('property', 'og:title')).toEqual([plain(paper.title)]);
  });

  it('has Google Scholar citation tags naming every author in order', () => {
    expect(meta('name', 'citation_title')).toEqual([plain(paper.title)]);
    expect(meta('name', 'citation_author')).toEqual(names(paper.authors));
    expect(meta('name', 'citation_publication_date')).toEqual([paper.date.replace(/-/g, '/')]);
  });

  it('has a schema.org ScholarlyArticle in JSON-LD', () => {
    const script = findAll(
      tree,
      (element) => element.tagName === 'script' && attr(element, 'type') === 'application/ld+json',
    );
    expect(script).toHaveLength(1);
    const data = JSON.parse(text(script[0])) as {
      '@type': string;
      headline: string;
      url: string;
      datePublished: string;
      author: { name: string }[];
    };
    expect(data['@type']).toBe('ScholarlyArticle');
    expect(data.headline).toBe(plain(paper.title));
    expect(data.url).toBe(pageUrl);
    expect(data.datePublished).toBe(paper.date);
    expect(data.author.map((author) => author.name)).toEqual(names(paper.authors));
  });
});
