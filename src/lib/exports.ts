/**
 * The machine-readable files: `/papers.bib`, `/papers.json` and the RSS feed items.
 * Shared URLs are absolute and pretty (site origin + base), as feeds and other tools
 * expect; only links inside HTML pages become page-relative.
 */
import { SITE } from '../site.config.ts';
import { absoluteUrl } from './head.ts';
import { fillMessage, t } from './i18n.ts';
import type { Catalog, PaperView } from './papers.ts';
import { escapeHtml } from './text.ts';

/** Newest papers in the RSS feed: a feed is a "what's new", not an archive. */
export const FEED_LENGTH = 50;

/** Every paper's BibTeX entry, newest first, under a comment naming the site. */
export function papersBib(catalog: Catalog): string {
  const header = `@comment{${SITE.title}: ${catalog.papers.length} papers, ${absoluteUrl('/')}}`;
  return `${[header, ...catalog.papers.map((paper) => paper.bibtex)].join('\n\n')}\n`;
}

/** One paper as `/papers.json` lists it. */
export interface PaperJson {
  slug: string;
  url: string;
  title: string;
  authors: string[];
  authorsTruncated: boolean;
  /** Absent for an undated paper. */
  date?: string;
  datePrecision: PaperView['datePrecision'];
  /** Absent when the paper has no arXiv category. */
  category?: string;
  categoryName?: string;
  kind: PaperView['kind'];
  affiliations: string[];
  venue?: string;
  hasCode: boolean;
  codeUrl?: string;
  arxivId?: string;
  doi?: string;
  links: { label: string; url: string; kind?: string }[];
  tags: string[];
  bibtexKey: string;
  abstract: string;
}

export function paperJson(paper: PaperView): PaperJson {
  return {
    slug: paper.slug,
    url: absoluteUrl(paper.path),
    title: paper.title,
    authors: paper.authors.map((author) => author.asWritten),
    authorsTruncated: paper.authorsTruncated,
    date: paper.date,
    datePrecision: paper.datePrecision,
    category: paper.topic?.code,
    categoryName: paper.topic?.name,
    kind: paper.kind,
    affiliations: paper.affiliations.map((affiliation) => affiliation.name),
    venue: paper.venue,
    hasCode: paper.hasCode,
    codeUrl: paper.codeUrl,
    arxivId: paper.arxivId,
    doi: paper.doi,
    links: paper.links.map(({ label, url, kind }) => ({ label, url, ...(kind ? { kind } : {}) })),
    tags: paper.tags.map((tag) => tag.name),
    bibtexKey: paper.bibtexKey,
    abstract: paper.abstractText,
  };
}

/** `/papers.json`: the site, then every paper newest first. */
export function papersJson(catalog: Catalog): string {
  return JSON.stringify({
    title: SITE.title,
    description: SITE.description,
    url: absoluteUrl('/'),
    count: catalog.papers.length,
    papers: catalog.papers.map(paperJson),
  });
}

/** RSS items for `@astrojs/rss`: the newest papers. */
export function feedItems(catalog: Catalog) {
  return catalog.papers.slice(0, FEED_LENGTH).map((paper) => ({
    title: paper.titleText,
    link: absoluteUrl(paper.path),
    pubDate: paper.date === undefined ? undefined : new Date(`${paper.date}T00:00:00Z`),
    // RSS's <author> must be an e-mail address, so the names open the description instead.
    description: `${paper.authors.map((author) => author.name).join(t.paper.listSeparator)}${paper.authorsTruncated ? t.paper.etAl : ''}. ${paper.abstractText}`,
    categories: [...(paper.topic ? [paper.topic.name] : []), ...paper.tags.map((tag) => tag.name)],
  }));
}

/** Namespaces the notes feed uses (Dublin Core for each note's author). */
export const NOTES_FEED_XMLNS = { dc: 'http://purl.org/dc/elements/1.1/' };

/**
 * RSS items for `@astrojs/rss`: the newest notes, each with its full text as HTML (math as
 * MathML, links absolute, since feed readers have neither the site's CSS nor its base).
 */
export function noteFeedItems(catalog: Catalog) {
  return catalog.notes.slice(0, FEED_LENGTH).map((note) => ({
    title: note.title
      ? fillMessage(t.notes.feedItemTitled, { title: note.title, paper: note.paper.titleText })
      : fillMessage(t.notes.feedItemBy, { name: note.author.name, paper: note.paper.titleText }),
    link: absoluteUrl(note.path),
    pubDate: new Date(`${note.date}T00:00:00Z`),
    description: note.text,
    content: note.feedHtml,
    categories: note.paper.topic ? [note.paper.topic.name] : [],
    // RSS's <author> must be an e-mail address; Dublin Core's creator takes a name.
    customData: `<dc:creator>${escapeHtml(note.author.name)}</dc:creator>`,
  }));
}
