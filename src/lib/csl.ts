/**
 * THE mapping from a paper's frontmatter to CSL-JSON, the record every citation comes
 * from: the formatted references on paper pages (citeproc), the RIS files and the
 * CSL-JSON files (`/papers.csl.json`, each paper's, the reading list's). A field added
 * here reaches every one of them. BibTeX keeps its own writer (src/lib/bibtex.ts: a lab's
 * own entry types, keys and eprint fields have no CSL place); tests/unit/csl-mapping.test.ts
 * holds the two to the same fields.
 *
 * Pure: no Citation.js here (that is src/lib/citation-js.ts), so the importers and tests
 * can use it freely.
 */
import { parse as parseName } from '@citation-js/name';
import type { PaperData } from '../schema.ts';
import type { BibliographicFields } from './papers.ts';
import { isOrganisationName } from './bibtex.ts';
import type { PublicationKind } from './publication-kind.ts';

/** A CSL name: a person in parts, or an organisation (or a name that has no parts) as `literal`. */
export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  literal?: string;
}

/** A CSL date: `date-parts` of one date, as far as it is known (year, month, day). */
export interface CslDate {
  'date-parts'?: [number, number?, number?][];
  raw?: string;
  literal?: string;
}

/** One CSL-JSON item (CSL 1.0.2), the variables this project writes and reads. */
export interface CslItem {
  id: string;
  type: string;
  'citation-key'?: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  'container-title'?: string;
  'collection-title'?: string;
  'event-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  number?: string;
  edition?: string;
  publisher?: string;
  'publisher-place'?: string;
  authority?: string;
  genre?: string;
  ISBN?: string;
  ISSN?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
  note?: string;
  language?: string;
}

/** The CSL type of each publication kind (books and "other" look at the BibTeX type too). */
const CSL_TYPE: Record<PublicationKind, string> = {
  journal: 'article-journal',
  conference: 'paper-conference',
  // CSL 1.0.2's "article": a preprint, working paper or other unpublished work (Zotero's preprint).
  preprint: 'article',
  thesis: 'thesis',
  patent: 'patent',
  book: 'book',
  report: 'report',
  other: 'document',
};

/** BibTeX types whose CSL type is more precise than their kind's. */
const CSL_TYPE_BY_BIBTEX: Record<string, string> = {
  inbook: 'chapter',
  incollection: 'chapter',
  bookinbook: 'chapter',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  unpublished: 'manuscript',
  dataset: 'dataset',
  software: 'software',
};

/** Name suffixes CSL keeps apart ("Martin Luther King Jr."). */
const NAME_SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv)$/i;

/** Scripts written without spaces between family and given name (Chinese, Japanese, Korean). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * A display name ("Ashish Vaswani", "Ludwig van Beethoven", "Martin Luther King Jr.")
 * as a CSL name, particles kept with the family name. Organisations, one-word names and names in scripts that do not put a
 * space between the parts stay whole (`literal`), so no style abbreviates them.
 */
export function cslName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  if (words.length === 1 || isOrganisationName(name) || CJK.test(name)) return { literal: name.trim() };
  const suffix = words.length > 2 && NAME_SUFFIX.test(words[words.length - 1]) ? words.pop() : undefined;
  const parsed = parseName(words.join(' '));
  if (!parsed.family) return { literal: name.trim() };
  // "von Luxburg" stays one family name: RIS and BibTeX writers drop a separate particle.
  const family = [parsed['dropping-particle'], parsed['non-dropping-particle'], parsed.family]
    .filter(Boolean)
    .join(' ');
  return { ...(parsed.given && { given: parsed.given }), family, ...(suffix && { suffix }) };
}

/** A CSL name back as a display name: "Given von Family Jr.", or family then given in CJK scripts. */
export function displayName(name: CslName): string {
  if (name.literal) return name.literal.trim();
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  if (name.given && CJK.test(name.given + family) && !/\s/.test(name.given + family)) return `${family}${name.given}`;
  return [name.given, name['dropping-particle'], family, name.suffix]
    .filter((part) => part && part.trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `2023-03-05` with its precision as CSL `date-parts`. */
export function cslDate(date: string, precision: 'day' | 'month' | 'year'): CslDate {
  const [y, m, d] = date.split('-').map(Number);
  return { 'date-parts': [precision === 'year' ? [y] : precision === 'month' ? [y, m] : [y, m, d]] };
}

/** BibTeX's `123--145` as CSL's `123-145` (citeproc makes the en dash). */
function cslPages(pages: string): string {
  return pages.replace(/\s*(?:--+|–|—)\s*/g, '-');
}

/** True when the venue only names arXiv ("arXiv", "arXiv preprint arXiv:2101.00001", "CoRR"). */
function venueIsArxiv(venue: string): boolean {
  return /^(?:arxiv\b.*|corr(?:\s+abs\/\S+)?)$/i.test(venue.trim());
}

/**
 * A patent's office and number in the text Google Scholar's exports put in `note` or
 * `howpublished`: "US Patent 9,037,464", "U.S. Patent No. 9,037,464 B2", "EP Patent 1234567".
 */
const PATENT_NUMBER = /\b(U\.\s?S\.|[A-Z]{2})\s+Patent(?:\s+(?:No\.?|Number))?\s*:?\s*(\d[\d,. /]*\d(?:\s?[A-Z]\d?)?)/;

/** The office (`authority`) and `number` of a patent, from its number field or its note. */
function patentNumber(source: CitationSource): { authority?: string; number?: string } {
  if (source.issue) return { authority: source.organization, number: source.issue };
  for (const text of [source.note, source.howpublished]) {
    const match = text ? PATENT_NUMBER.exec(text) : null;
    if (match) {
      const office = match[1].replace(/\s/g, '');
      return { authority: source.organization ?? (office === 'US' ? 'U.S.' : office), number: match[2] };
    }
  }
  return { authority: source.organization };
}

/** What the mapping reads: the frontmatter fields, plus what the loader derived from them. */
export type CitationSource = Omit<BibliographicFields, 'eprint' | 'archivePrefix' | 'primaryClass'> &
  Pick<PaperData, 'bibtexType' | 'arxivId' | 'doi' | 'venue'> & {
    /** The site's key of the paper, the item's `id` and `citation-key`. */
    key: string;
    /** Plain title (math as TeX). */
    title: string;
    /** Names as the paper's file writes them. */
    authors: readonly string[];
    date?: string;
    datePrecision: 'day' | 'month' | 'year';
    kind: PublicationKind;
    /** The abstract as plain text; empty when the paper has none. */
    abstract: string;
    tags: readonly string[];
    /** The paper's own links, for a URL when the frontmatter has no `url`. */
    links: readonly { url: string; kind?: string }[];
  };

/** The CSL type of a paper: its kind, refined by its BibTeX type (chapters, web pages…). */
export function cslType(source: Pick<CitationSource, 'kind' | 'bibtexType'>): string {
  const byBibtex = source.bibtexType ? CSL_TYPE_BY_BIBTEX[source.bibtexType.toLowerCase()] : undefined;
  if (byBibtex && (source.kind === 'book' || source.kind === 'other')) return byBibtex;
  return CSL_TYPE[source.kind];
}

/** A thesis's genre as the styles print it. */
function thesisGenre(bibtexType: string | undefined): string | undefined {
  const type = bibtexType?.toLowerCase();
  if (type === 'phdthesis') return 'PhD thesis';
  if (type === 'mastersthesis') return 'Master’s thesis';
  return undefined;
}

/**
 * Who published the paper, in CSL's one `publisher`: a thesis's school, a report's
 * institution, else the publisher or the organisation behind it; a preprint's server
 * (arXiv, or a venue such as bioRxiv).
 */
function cslPublisher(source: CitationSource, venue: string | undefined): string | undefined {
  switch (source.kind) {
    case 'thesis':
      return source.school ?? source.publisher;
    case 'report':
      return source.institution ?? source.publisher ?? source.organization;
    case 'patent':
      return source.publisher;
    case 'preprint':
      return (
        source.publisher ?? (venue && !venueIsArxiv(venue) ? venue : source.arxivId || venue ? 'arXiv' : undefined)
      );
    default:
      return source.publisher ?? source.organization ?? source.institution ?? source.school;
  }
}

/**
 * The CSL-JSON item of one paper. Every bibliographic field the paper has goes somewhere
 * a reference manager reads it: the arXiv id of a preprint is its `number`
 * (`arXiv:2101.00001`, as Zotero writes it) with arXiv as publisher; the arXiv id of a
 * paper published elsewhere goes in `note` as `arXiv: 2101.00001`, the line Zotero and
 * Better BibTeX read back.
 */
export function toCsl(source: CitationSource): CslItem {
  const type = cslType(source);
  const preprint = source.kind === 'preprint';
  const arxivNumber = source.arxivId ? `arXiv:${source.arxivId}` : undefined;
  const venue = source.venue?.trim() || undefined;
  const publisher = cslPublisher(source, venue);
  const patent = type === 'patent' ? patentNumber(source) : {};
  const notes = [
    source.note,
    source.howpublished,
    !preprint && source.arxivId ? `arXiv: ${source.arxivId}` : undefined,
  ];
  const url =
    source.url ??
    (source.arxivId ? `https://arxiv.org/abs/${source.arxivId}` : undefined) ??
    (source.doi ? undefined : source.links[0]?.url);
  const item: CslItem = {
    id: source.key,
    type,
    'citation-key': source.key,
    title: source.title,
    ...(source.authors.length > 0 && { author: source.authors.map(cslName) }),
    ...(source.editors.length > 0 && { editor: source.editors.map(cslName) }),
    ...(source.date && { issued: cslDate(source.date, source.datePrecision) }),
    ...(venue && !preprint && { 'container-title': venue }),
    ...(venue && preprint && !venueIsArxiv(venue) && publisher !== venue && { 'container-title': venue }),
    ...(source.series && { 'collection-title': source.series }),
    ...(source.volume && { volume: source.volume }),
    // A report's `number` is its own number, not an issue of a journal.
    ...(source.issue && type !== 'patent' && (type === 'report' ? { number: source.issue } : { issue: source.issue })),
    ...(type === 'patent' && patent.number && { number: patent.number }),
    ...(type === 'patent' && patent.authority && { authority: patent.authority }),
    ...(preprint && arxivNumber && !(source.issue && type === 'report') && { number: arxivNumber }),
    ...(source.pages && { page: cslPages(source.pages) }),
    ...(source.edition && { edition: source.edition }),
    ...(publisher && { publisher }),
    ...(source.address && { 'publisher-place': source.address }),
    ...(source.kind === 'thesis' && thesisGenre(source.bibtexType) && { genre: thesisGenre(source.bibtexType) }),
    ...(source.isbn && { ISBN: source.isbn }),
    ...(source.issn && { ISSN: source.issn }),
    ...(source.doi && { DOI: source.doi }),
    ...(url && { URL: url }),
    ...(source.abstract && { abstract: source.abstract }),
    // CSL-JSON's keywords are one comma-separated string; RIS writers split it on commas.
    ...(source.tags.length > 0 && { keyword: source.tags.join(',') }),
  };
  const note = notes.filter(Boolean).join('\n');
  if (note) item.note = note;
  return item;
}
