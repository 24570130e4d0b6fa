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

/** The head of a paper page, with citation tags, Open Graph and JSON-LD. */
export function paperHead(paper: PaperView): PageHead {
  const description = truncate(paper.abstractText, DESCRIPTION_LENGTH) || SITE.description;
  const head = pageHead(paper.titleText, paper.path, description);
  const canonical = head.canonical;
  const citation: MetaTag[] = [
    { name: 'citation_title', content: paper.titleText },
    ...paper.authors.map((author) => ({ name: 'citation_author', content: author.asWritten })),
    ...(paper.dateMachine ? [{ name: 'citation_publication_date', content: scholarDate(paper.dateMachine) }] : []),
    { name: 'citation_abstract_html_url', content: canonical },
  ];
  if (paper.venue) {
    const type = paper.entry.data.bibtexType?.toLowerCase();
    citation.push({
      name: type === 'article' ? 'citation_journal_title' : 'citation_conference_title',
      content: paper.venue,
    });
  }
  if (paper.doi) citation.push({ name: 'citation_doi', content: paper.doi });
  if (paper.arxivId) citation.push({ name: 'citation_arxiv_id', content: paper.arxivId });
  const pdf = paper.links.find((link) => link.kind === 'pdf' || /\bpdf\b/i.test(link.label));
  if (pdf) citation.push({ name: 'citation_pdf_url', content: pdf.url });
  if (paper.tags.length > 0) {
    citation.push({ name: 'citation_keywords', content: paper.tags.map((tag) => tag.name).join('; ') });
  }

  const og: MetaTag[] = head.meta.map((tag) =>
    'property' in tag && tag.property === 'og:type' ? { property: 'og:type', content: 'article' } : tag,
  );
  if (paper.dateMachine) og.push({ property: 'article:published_time', content: paper.dateMachine });

  const sameAs = [paper.arxivUrl, paper.doiUrl].filter((link): link is string => link !== undefined);
  const article = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': canonical,
    url: canonical,
    headline: paper.titleText,
    name: paper.titleText,
    author: paper.authors.map((author) => ({
      '@type': isOrganisationName(author.asWritten) ? 'Organization' : 'Person',
      name: author.asWritten,
      url: absoluteUrl(`/authors/${author.slug}/`),
    })),
    ...(paper.dateMachine ? { datePublished: paper.dateMachine } : {}),
    abstract: paper.abstractText,
    ...(paper.topic ? { about: { '@type': 'Thing', name: paper.topic.name, identifier: paper.topic.code } } : {}),
    ...(paper.venue ? { isPartOf: { '@type': 'CreativeWork', name: paper.venue } } : {}),
    ...(paper.doi ? { identifier: `doi:${paper.doi}` } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(paper.tags.length > 0 ? { keywords: paper.tags.map((tag) => tag.name).join(', ') } : {}),
  };
  return { ...head, meta: [...citation, ...og], jsonLd: scriptJson(article) };
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
