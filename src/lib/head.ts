/**
 * What goes in each page's `<head>`: title, description, canonical URL, Open Graph, and on
 * paper pages the Google Scholar `citation_*` tags and a schema.org ScholarlyArticle.
 * Canonical and shared URLs are absolute (site origin + base), even though every link
 * inside the site becomes page-relative after the build.
 */
import { SITE } from '../site.config.ts';
import { isOrganisationName } from './bibtex.ts';
import type { PaperView } from './papers.ts';
import type { PersonView } from './people.ts';
import { truncate } from './text.ts';
import { url } from './urls.ts';
import { OG_LOCALE, countText, fillMessage, t } from './i18n.ts';

/** One `<meta>` tag: `name` for ordinary and citation tags, `property` for Open Graph. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

export interface PageHead {
  /** The full `<title>`. */
  title: string;
  description: string;
  /** Absolute URL of the page. */
  canonical: string;
  meta: MetaTag[];
  /** A JSON-LD document, already safe to put inside `<script>`. */
  jsonLd?: string;
  /** Feeds of this page besides the site's RSS feed (`<link rel="alternate">`). */
  alternates?: Alternate[];
}

/** A feed or calendar a page offers: `<link rel="alternate" type=… title=… href=…>`. */
export interface Alternate {
  type: 'application/rss+xml' | 'text/calendar';
  title: string;
  /** Site path, passed to `url()`. */
  path: string;
}

/** Length of a meta description: what search engines show. */
const DESCRIPTION_LENGTH = 200;

/** The absolute, pretty URL of a site path: `/papers/x/` → `https://example.org/lab/papers/x/`. */
export function absoluteUrl(sitePath: string): string {
  return new URL(url(sitePath), SITE.site).href;
}

/** JSON for a `<script>` element: `<` escaped so text such as `</script>` cannot end it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The head of an ordinary page. `title` is the page's own title; the site title is added. */
export function pageHead(title: string | undefined, sitePath: string, description = SITE.description): PageHead {
  const fullTitle = title ? `${title} · ${SITE.title}` : SITE.title;
  const canonical = absoluteUrl(sitePath);
  return {
    title: fullTitle,
    description,
    canonical,
    meta: [
      { property: 'og:type', content: 'website' },
      { property: 'og:site_name', content: SITE.title },
      { property: 'og:locale', content: OG_LOCALE },
      { property: 'og:title', content: title ?? SITE.title },
      { property: 'og:description', content: description },
      { property: 'og:url', content: canonical },
    ],
  };
}

/** `2022-06-09` → `2022/06/09` as Google Scholar asks; year-only dates stay `2022`. */
function scholarDate(dateMachine: string): string {
  return dateMachine.replace(/-/g, '/');
}

/** First and last page of a CSL page range: `436-444` → 436, 444; `e1002` → e1002 alone. */
export function pageRange(page: string | undefined): { first?: string; last?: string } {
  if (!page) return {};
  const [first, last] = page.split(/\s*[-–—]+\s*/);
  return { first: first || undefined, last: last || undefined };
}

/**
 * The absolute address of the paper's PDF, when it has one of its own: a link of kind
 * `pdf` (or labelled PDF). A site path (a PDF the site hosts) becomes absolute. Never
 * made up from an arXiv id: Google Scholar wants the PDF this page describes.
 */
export function pdfUrl(paper: Pick<PaperView, 'links'>): string | undefined {
  const pdf =
    paper.links.find((link) => link.kind === 'pdf') ?? paper.links.find((link) => /\bpdf\b/i.test(link.label));
  if (!pdf) return undefined;
  return /^[a-z][a-z\d+.-]*:/i.test(pdf.url) ? pdf.url : absoluteUrl(pdf.url);
}

/**
 * The `citation_*` tags Google Scholar's inclusion guidelines ask for (and Zotero's
 * Embedded Metadata translator reads), chosen by the kind of paper: a journal article
 * names its journal, volume, issue and pages; a conference paper its proceedings; a thesis
 * its institution; a report its institution and number; a book chapter its book. All
 * values come from the paper's CSL-JSON item, the one mapping every citation shares.
 */
export function citationTags(paper: PaperView, canonical: string): MetaTag[] {
  const csl = paper.csl;
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | undefined) => {
    if (content) tags.push({ name, content });
  };
  add('citation_title', paper.titleText);
  for (const author of paper.authors) add('citation_author', author.asWritten);
  if (paper.dateMachine) add('citation_publication_date', scholarDate(paper.dateMachine));
  // A preprint's date is the day it went online (arXiv's listing date).
  if (paper.kind === 'preprint' && paper.dateMachine) add('citation_online_date', scholarDate(paper.dateMachine));
  const container = csl['container-title'];
  switch (paper.kind) {
    case 'journal':
      add('citation_journal_title', container);
      break;
    case 'conference':
      add('citation_conference_title', container);
      break;
    case 'book':
      if (csl.type === 'chapter') add('citation_inbook_title', container);
      break;
    case 'thesis':
      add('citation_dissertation_institution', csl.publisher);
      break;
    case 'report':
      add('citation_technical_report_institution', csl.publisher);
      add('citation_technical_report_number', csl.number);
      break;
  }
  add('citation_volume', csl.volume);
  add('citation_issue', csl.issue);
  const pages = pageRange(csl.page);
  add('citation_firstpage', pages.first);
  add('citation_lastpage', pages.last);
  if (paper.kind !== 'thesis' && paper.kind !== 'report') add('citation_publisher', csl.publisher);
  add('citation_issn', csl.ISSN);
  add('citation_isbn', csl.ISBN);
  add('citation_doi', csl.DOI);
  add('citation_arxiv_id', paper.arxivId);
  add('citation_pdf_url', pdfUrl(paper));
  if (paper.tags.length > 0) add('citation_keywords', paper.tags.map((tag) => tag.name).join('; '));
  add('citation_abstract_html_url', canonical);
  return tags;
}

/** A name as a schema.org Person or Organization (a publisher is always an organisation). */
function jsonLdAgent(name: string, page?: string, organisation = isOrganisationName(name)) {
  return {
    '@type': organisation ? 'Organization' : 'Person',
    name,
    ...(page && { url: page }),
  };
}

/**
 * What the paper is part of, for schema.org: a journal article's issue of a volume of a
 * periodical (each level only when known), a conference paper's proceedings, a chapter's
 * book.
 */
function jsonLdIsPartOf(paper: PaperView): Record<string, unknown> | undefined {
  const csl = paper.csl;
  const container = csl['container-title'];
  if (!container) return undefined;
  if (paper.kind === 'journal') {
    let part: Record<string, unknown> = {
      '@type': 'Periodical',
      name: container,
      ...(csl.ISSN && { issn: csl.ISSN }),
      ...(csl.publisher && { publisher: jsonLdAgent(csl.publisher, undefined, true) }),
    };
    if (csl.volume) part = { '@type': 'PublicationVolume', volumeNumber: csl.volume, isPartOf: part };
    if (csl.issue) part = { '@type': 'PublicationIssue', issueNumber: csl.issue, isPartOf: part };
    return part;
  }
  return {
    '@type': 'Book',
    name: container,
    ...(csl.ISBN && { isbn: csl.ISBN }),
    ...(csl.volume && { volumeNumber: csl.volume }),
    ...(csl.publisher && { publisher: jsonLdAgent(csl.publisher, undefined, true) }),
  };
}

/** The schema.org ScholarlyArticle of a paper page. */
export function paperJsonLd(paper: PaperView, canonical: string): Record<string, unknown> {
  const csl = paper.csl;
  const pages = pageRange(csl.page);
  const identifiers = [
    ...(paper.doi ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: paper.doi }] : []),
    ...(paper.arxivId ? [{ '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxivId }] : []),
  ];
  const sameAs = [...new Set([paper.doiUrl, paper.arxivUrl, paper.url].filter((link) => link !== undefined))];
  const isPartOf = jsonLdIsPartOf(paper);
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': canonical,
    url: canonical,
    headline: paper.titleText,
    name: paper.titleText,
    author: paper.authors.map((author) => jsonLdAgent(author.asWritten, absoluteUrl(`/authors/${author.slug}/`))),
    ...(paper.editors.length > 0 && { editor: paper.editors.map((name) => jsonLdAgent(name)) }),
    ...(paper.dateMachine && { datePublished: paper.dateMachine }),
    ...(paper.abstractText && { abstract: paper.abstractText }),
    ...(paper.topic && { about: { '@type': 'Thing', name: paper.topic.name, identifier: paper.topic.code } }),
    ...(isPartOf && { isPartOf }),
    ...(paper.kind === 'conference' &&
      csl['container-title'] && {
        publication: {
          '@type': 'PublicationEvent',
          name: csl['container-title'],
          ...(csl['publisher-place'] && { location: { '@type': 'Place', name: csl['publisher-place'] } }),
        },
      }),
    ...(!isPartOf && csl.publisher && { publisher: jsonLdAgent(csl.publisher, undefined, true) }),
    ...(csl.page && { pagination: csl.page }),
    ...(pages.first && { pageStart: pages.first }),
    ...(pages.last && { pageEnd: pages.last }),
    ...(identifiers.length > 0 && { identifier: identifiers }),
    ...(sameAs.length > 0 && { sameAs }),
    ...(paper.tags.length > 0 && { keywords: paper.tags.map((tag) => tag.name).join(', ') }),
  };
}

/** The head of a paper page, with citation tags, Open Graph and JSON-LD. */
export function paperHead(paper: PaperView): PageHead {
  const description = truncate(paper.abstractText, DESCRIPTION_LENGTH) || SITE.description;
  const head = pageHead(paper.titleText, paper.path, description);
  const canonical = head.canonical;
  const og: MetaTag[] = head.meta.map((tag) =>
    'property' in tag && tag.property === 'og:type' ? { property: 'og:type', content: 'article' } : tag,
  );
  if (paper.dateMachine) og.push({ property: 'article:published_time', content: paper.dateMachine });
  return {
    ...head,
    meta: [...citationTags(paper, canonical), ...og],
    jsonLd: scriptJson(paperJsonLd(paper, canonical)),
  };
}

/** The `@id` of the lab's Organization, so each Person can point at the one node. */
const labId = () => `${absoluteUrl('/')}#organization`;
/** The `@id` of a person's Person node: their profile page's URL with `#person`. */
const personId = (person: PersonView) => `${absoluteUrl(person.path)}#person`;

/** A member as the lab's Organization lists them. */
function memberNode(person: PersonView) {
  return { '@type': 'Person', '@id': personId(person), name: person.name, url: absoluteUrl(person.path) };
}

/**
 * The head of the home page. When the site is a lab's (it has people), a schema.org
 * Organization with its current members and alumni, each pointing at their profile.
 */
export function homeHead(people: readonly PersonView[]): PageHead {
  const head = pageHead(undefined, '/');
  if (people.length === 0) return head;
  const current = people.filter((person) => !person.alumni);
  const alumni = people.filter((person) => person.alumni);
  const organization = {
    '@context': 'https://schema.org',
    '@type': 'ResearchOrganization',
    '@id': labId(),
    name: SITE.title,
    url: absoluteUrl('/'),
    description: SITE.description,
    ...(current.length > 0 ? { member: current.map(memberNode) } : {}),
    ...(alumni.length > 0 ? { alumni: alumni.map(memberNode) } : {}),
  };
  return { ...head, jsonLd: scriptJson(organization) };
}

/**
 * The head of a lab member's author page: a ProfilePage whose main entity is the Person,
 * with `sameAs` their own profiles elsewhere (ORCID, Scholar, GitHub…) and the photo
 * (an absolute URL, made by `photoUrl`) as `image` and Open Graph image.
 */
export function profileHead(person: PersonView, paperCount: number, photoUrl?: string): PageHead {
  const summary = fillMessage(person.alumni ? t.people.profileDescriptionAlumni : t.people.profileDescription, {
    name: person.name,
    role: person.role,
    lab: SITE.title,
    papers: countText(t.counts.papers, paperCount),
  });
  const description = truncate(person.bioText, DESCRIPTION_LENGTH) || summary;
  const head = pageHead(person.name, person.path, description);
  const email = person.links.find((link) => link.kind === 'email');
  const sameAs = person.links.filter((link) => link.kind !== 'email').map((link) => link.url);
  const lab = { '@type': 'ResearchOrganization', '@id': labId(), name: SITE.title, url: absoluteUrl('/') };
  const personNode = {
    '@type': 'Person',
    '@id': personId(person),
    name: person.name,
    ...(person.otherNames.length > 0 ? { alternateName: person.otherNames } : {}),
    url: head.canonical,
    jobTitle: person.role,
    ...(person.alumni ? { alumniOf: lab } : { memberOf: lab }),
    ...(person.bioText ? { description: person.bioText } : {}),
    ...(person.interests.length > 0 ? { knowsAbout: person.interests } : {}),
    ...(photoUrl ? { image: photoUrl } : {}),
    ...(email ? { email: email.url } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
  };
  const page = {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: head.canonical,
    name: `${person.name} · ${SITE.title}`,
    mainEntity: personNode,
  };
  const meta: MetaTag[] = head.meta.map((tag) =>
    'property' in tag && tag.property === 'og:type' ? { property: 'og:type', content: 'profile' } : tag,
  );
  if (photoUrl) meta.push({ property: 'og:image', content: photoUrl });
  return { ...head, meta, jsonLd: scriptJson(page) };
}
