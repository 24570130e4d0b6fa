/**
 * What kind of publication a paper is, for filters and citation metadata. Derived once,
 * here, from the BibTeX entry type and the venue (and, for Google Scholar's patents, the
 * fields that name the patent office), so the search facet, the citation formats and the
 * paper page all agree.
 */
import type { PaperInput } from '../schema.ts';
import { t } from './i18n.ts';

export const PUBLICATION_KINDS = [
  'journal',
  'conference',
  'preprint',
  'thesis',
  'patent',
  'book',
  'report',
  'other',
] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** Readable name of each kind, singular. */
export const PUBLICATION_KIND_NAMES: Record<PublicationKind, string> = t.kinds;

/** Venues that are preprint servers, whatever entry type the exporter chose. */
const PREPRINT_VENUE =
  /\b(?:arxiv|biorxiv|medrxiv|chemrxiv|psyarxiv|socarxiv|osf preprints|ssrn|research square|preprints\.org|techrxiv|eartharxiv)\b|\bpreprint\b/i;

/** Google Scholar exports patents as `@misc` with "US Patent 9,123,456" or publisher "Google Patents". */
const PATENT_TEXT = /\bpatent/i;

/** BibTeX and biblatex entry types, lower case, and the kind each stands for. */
const BY_TYPE: Record<string, PublicationKind> = {
  article: 'journal',
  periodical: 'journal',
  inproceedings: 'conference',
  conference: 'conference',
  proceedings: 'conference',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  patent: 'patent',
  book: 'book',
  mvbook: 'book',
  inbook: 'book',
  bookinbook: 'book',
  incollection: 'book',
  collection: 'book',
  booklet: 'book',
  techreport: 'report',
  report: 'report',
  manual: 'report',
};

/** The fields `publicationKind` reads: a paper's frontmatter (or a draft of it). */
export type PublicationKindSource = Pick<
  PaperInput,
  'bibtexType' | 'venue' | 'arxivId' | 'note' | 'howpublished' | 'publisher'
>;

/**
 * The kind of a paper: its BibTeX type where that says it, except that an "article" in a
 * preprint server is a preprint; an `@article`, a `@misc` or a paper from a listing is a
 * patent when its note, `howpublished` or publisher says so, a preprint when it has an
 * arXiv id or a preprint venue, else other.
 */
export function publicationKind(paper: PublicationKindSource): PublicationKind {
  const type = paper.bibtexType?.toLowerCase();
  const venue = paper.venue ?? '';
  const byType = type ? BY_TYPE[type] : undefined;
  const namesPatent = [paper.note, paper.howpublished, paper.publisher].some(
    (field) => field && PATENT_TEXT.test(field),
  );
  // Google Scholar exports patents as @misc, or as @article with publisher "Google Patents".
  if (byType === 'patent' || (namesPatent && (!byType || byType === 'journal'))) return 'patent';
  if (byType === 'journal') return PREPRINT_VENUE.test(venue) ? 'preprint' : 'journal';
  if (byType) return byType;
  if (PREPRINT_VENUE.test(venue) || (paper.arxivId && !venue)) return 'preprint';
  return 'other';
}
