/**
 * The built site against its content: a page for every paper, author, topic, year and
 * affiliation, each listing exactly its papers; index counts; math; author names.
 * Reads dist/ (or DIST_DIR) built from content/papers (or PAPERS_DIR).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';
import { SITE } from '../../src/site.config.ts';
import { papersByName, readPapers, type SourcePaper } from './support/content.ts';
import { attr, byClass, findAll, linkSlug, pageFile, parseFile, parsePage, resolveLink, text } from './support/html.ts';

const papers = readPapers();
const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
const newestFirst = [...papers].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

/** Slugs of the papers a listing shows, following its "Next" page links to the end. */
function listedPapers(sitePath: string): string[] {
  const slugs: string[] = [];
  let file: string | undefined = pageFile(sitePath);
  for (let guard = 0; file && guard < 1000; guard++) {
    expect(existsSync(file), `listing page ${file}`).toBe(true);
    const tree = parseFile(file);
    for (const heading of byClass(tree, 'paper-row-title')) {
      const link = findAll(heading, (element) => element.tagName === 'a')[0];
      slugs.push(linkSlug(attr(link, 'href') ?? ''));
    }
    const next: Element | undefined = findAll(
      tree,
      (element) => element.tagName === 'a' && attr(element, 'rel') === 'next',
    )[0];
    const current: string = file;
    file = next ? resolveLink(current, attr(next, 'href') ?? '')?.file : undefined;
  }
  return slugs;
}

/** Slug of each linked entry → the count shown beside it, on a count list such as /topics/. */
function countsOn(file: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of byClass(parseFile(file), 'count-list')) {
    for (const item of findAll(list, (element) => element.tagName === 'li')) {
      const link = findAll(item, (element) => element.tagName === 'a')[0];
      const count = byClass(item, 'count')[0];
      counts.set(linkSlug(attr(link, 'href') ?? ''), Number.parseInt(text(count), 10));
    }
  }
  return counts;
}

function sizes(groups: Map<string, Set<string>>): Map<string, number> {
  return new Map([...groups].map(([slug, set]) => [slug, set.size]));
}

const authors = papersByName(papers, (paper) => paper.authors);
const affiliations = papersByName(papers, (paper) => paper.affiliations);
const topics = papersByName(papers, (paper) => [paper.category]);
const years = papersByName(papers, (paper) => [paper.date.slice(0, 4)]);

describe('pages for every paper and group', () => {
  it('has content to test', () => {
    expect(papers.length).toBeGreaterThan(0);
  });

  it('gives every paper a page with its title, authors in order and date', () => {
    for (const paper of papers) {
      const tree = parsePage(`/papers/${paper.slug}/`);
      const heading = byClass(tree, 'paper-title')[0];
      if (!paper.title.includes('$')) expect(text(heading), paper.slug).toBe(paper.title);
      const authorLinks = byClass(byClass(tree, 'paper-authors')[0], 'author');
      expect(
        authorLinks.map((link) => linkSlug(attr(link, 'href') ?? '')),
        paper.slug,
      ).toEqual(paper.authors.map((name) => slugify(name.replace(/\s+/g, ' ').trim())));
      const time = findAll(byClass(tree, 'paper-kicker')[0], (element) => element.tagName === 'time')[0];
      // Only as much of the date as is known: "9 June 2022", "June 2022" or "2022".
      const shown = { day: /^\d{1,2} [A-Z][a-z]+ \d{4}$/, month: /^[A-Z][a-z]+ \d{4}$/, year: /^\d{4}$/ }[
        paper.datePrecision
      ];
      const machine = { day: paper.date, month: paper.date.slice(0, 7), year: paper.date.slice(0, 4) }[
        paper.datePrecision
      ];
      expect(attr(time, 'dateTime'), paper.slug).toBe(machine);
      expect(text(time), paper.slug).toMatch(shown);
      expect(text(time)).toContain(paper.date.slice(0, 4));
    }
  });

  it('keeps the commas and spaces between linked author names', () => {
    const paper = papers.find((candidate) => candidate.authors.length >= 3);
    expect(paper).toBeDefined();
    if (!paper) return;
    const line = text(byClass(parsePage(`/papers/${paper.slug}/`), 'paper-authors')[0]);
    expect(line.replace(/ et al\.$/, '')).toBe(paper.authors.join(', '));
    const row = byClass(parsePage('/papers/'), 'paper-row-meta')[0];
    expect(text(row)).toMatch(/^[^,]+(, [^,]+)*( et al\.)? · /);
  });

  it.each([
    ['author', '/authors/', authors],
    ['topic', '/topics/', topics],
    ['year', '/years/', years],
    ['affiliation', '/affiliations/', affiliations],
  ] as const)('gives every %s a page listing exactly its papers', (_kind, prefix, groups) => {
    expect(groups.size).toBeGreaterThan(0);
    for (const [slug, expected] of groups) {
      const listed = listedPapers(`${prefix}${slug}/`);
      expect(listed.length, `${prefix}${slug}/ lists each paper once`).toBe(new Set(listed).size);
      expect(new Set(listed), `${prefix}${slug}/`).toEqual(expected);
    }
  });

  it('lists all papers newest first, one page per page size, each paper once', () => {
    const listed = listedPapers('/papers/');
    expect(listed).toHaveLength(papers.length);
    expect(listed.map((slug) => bySlug.get(slug)?.date)).toEqual(newestFirst.map((paper) => paper.date));
    const firstPage = byClass(parsePage('/papers/'), 'paper-row');
    expect(firstPage).toHaveLength(Math.min(SITE.pageSize, papers.length));
  });

  it('lists every seed paper naming Yonatan Belinkov on his author page', () => {
    // From the listing itself, independently of the importer: the second line of each
    // three-line entry holds the title glued to the author list.
    const listing = readFileSync('content/listings/seed-2026-11.txt', 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim());
    const namingHim = listing.filter((line, i) => i % 3 === 1 && line.includes('Yonatan Belinkov'));
    expect(namingHim.length).toBeGreaterThan(10);
    const listed = listedPapers('/authors/yonatan-belinkov/').map((slug) => bySlug.get(slug) as SourcePaper);
    expect(listed).toHaveLength(namingHim.length);
    // Letters and digits only: the site shows typographic quotes and dashes for `x' and --.
    const bare = (value: string) => value.replace(/[^\p{L}\p{N}]/gu, '');
    for (const line of namingHim) {
      expect(
        listed.filter((paper) => bare(line).startsWith(bare(paper.title))),
        line,
      ).toHaveLength(1);
    }
    const heading = parsePage('/authors/yonatan-belinkov/');
    expect(text(findAll(heading, (element) => element.tagName === 'h1')[0])).toBe('Yonatan Belinkov');
  });

  it("lists an author's co-authors with the number of papers shared, and their topics and years", () => {
    const slug = 'yonatan-belinkov';
    const own = papers.filter((paper) => paper.authors.some((name) => slugify(name) === slug));
    const shared = new Map<string, number>();
    for (const paper of own) {
      for (const other of new Set(paper.authors.map((name) => slugify(name)))) {
        if (other !== slug) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const tree = parsePage(`/authors/${slug}/`);
    const section = (id: string) =>
      findAll(tree, (element) => element.tagName === 'section' && attr(element, 'ariaLabelledBy') === id)[0];
    const shown = new Map<string, number>();
    for (const item of findAll(section('coauthors-heading'), (element) => element.tagName === 'li')) {
      const link = findAll(item, (element) => element.tagName === 'a')[0];
      shown.set(linkSlug(attr(link, 'href') ?? ''), Number.parseInt(text(byClass(item, 'count')[0]), 10));
    }
    expect(shown).toEqual(shared);
    const topicLinks = findAll(section('topics-heading'), (element) => element.tagName === 'a').map((link) =>
      linkSlug(attr(link, 'href') ?? ''),
    );
    expect(new Set(topicLinks)).toEqual(new Set(own.map((paper) => slugify(paper.category))));
    const years = own.map((paper) => Number(paper.date.slice(0, 4)));
    expect(text(byClass(tree, 'summary')[0])).toContain(`Active ${Math.min(...years)}–${Math.max(...years)}`);
  });

  it('links each paper to the next older one, visiting every paper in date order', () => {
    const visited: string[] = [];
    let file: string | undefined = pageFile(`/papers/${newestFirst[0].slug}/`);
    while (file && visited.length <= papers.length) {
      visited.push(path.basename(path.dirname(file)));
      const older: Element | undefined = byClass(parseFile(file), 'older')[0];
      const link: Element | undefined = older && findAll(older, (element) => element.tagName === 'a')[0];
      const current: string = file;
      file = link ? resolveLink(current, attr(link, 'href') ?? '')?.file : undefined;
    }
    expect(visited.map((slug) => bySlug.get(slug)?.date)).toEqual(newestFirst.map((paper) => paper.date));
    expect(new Set(visited).size).toBe(papers.length);
  });

  it('shows up to five related papers on each paper page, never the paper itself', () => {
    for (const paper of papers) {
      const related = byClass(parsePage(`/papers/${paper.slug}/`), 'related')[0];
      const links = findAll(related, (element) => element.tagName === 'a').map((link) =>
        linkSlug(attr(link, 'href') ?? ''),
      );
      expect(links.length, paper.slug).toBe(Math.min(SITE.relatedCount, papers.length - 1));
      expect(links).not.toContain(paper.slug);
      for (const slug of links) expect(bySlug.has(slug), slug).toBe(true);
    }
  });
});

describe('index pages and counts', () => {
  it('shows each author on the A–Z index with their number of papers', () => {
    const shown = new Map<string, number>();
    let file: string | undefined = pageFile('/authors/');
    while (file) {
      for (const [slug, count] of countsOn(file)) shown.set(slug, count);
      const next: Element | undefined = findAll(
        parseFile(file),
        (element) => element.tagName === 'a' && attr(element, 'rel') === 'next',
      )[0];
      const current: string = file;
      file = next ? resolveLink(current, attr(next, 'href') ?? '')?.file : undefined;
    }
    expect(shown).toEqual(sizes(authors));
  });

  it.each([
    ['/topics/', topics],
    ['/years/', years],
    ['/affiliations/', affiliations],
  ] as const)('shows the paper count of every entry on %s', (sitePath, groups) => {
    expect(countsOn(pageFile(sitePath))).toEqual(sizes(groups));
  });

  it('gives the topic pages readable category names', () => {
    const cl = byClass(parsePage('/topics/'), 'count-list')[0];
    if (topics.has('cs-cl')) expect(text(cl)).toContain('Computation and Language');
  });

  it('shows the site totals on the home page', () => {
    const stats = text(byClass(parsePage('/'), 'stats')[0]);
    expect(stats).toContain(`${papers.length} papers`);
    expect(stats).toContain(`${authors.size} authors`);
    expect(stats).toContain(`${topics.size} topics`);
    expect(stats).toContain(`${affiliations.size} affiliations`);
    expect(stats).toContain(`${years.size} years`);
    const tree = parsePage('/');
    expect(text(tree)).toContain(SITE.intro);
    const bars = findAll(tree, (element) => element.tagName === 'rect' && attr(element, 'className') === 'bar');
    const first = Math.min(...[...years.keys()].map(Number));
    const last = Math.max(...[...years.keys()].map(Number));
    expect(bars).toHaveLength(last - first + 1);
  });
});

describe('math', () => {
  it('renders $…$ math in an abstract as KaTeX markup at build time', () => {
    const withMath = papers.filter((paper) => /\$[^$\s][^$]*\$/.test(paper.body));
    expect(withMath.length).toBeGreaterThan(0);
    for (const paper of withMath) {
      const abstract = byClass(parsePage(`/papers/${paper.slug}/`), 'abstract-text')[0];
      const annotations = findAll(abstract, (element) => element.tagName === 'annotation').map(text);
      const sources = [...paper.body.matchAll(/\$([^$]+)\$/g)].map((match) => match[1].trim());
      expect(annotations, paper.slug).toEqual(sources);
      expect(byClass(abstract, 'katex').length).toBe(sources.length);
      expect(findAll(abstract, (element) => element.tagName === 'math').length).toBe(sources.length);
    }
  });
});
