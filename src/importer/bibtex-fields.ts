/**
 * Which BibTeX fields the importer reads, and into what: one table, used by the shield
 * (which empties every other field before the slow LaTeX conversion), by the mapping onto
 * the paper schema, and by the import report (which names every field left out).
 */
import type { LinkKind } from '../schema.ts';

/**
 * Text fields copied onto the frontmatter as written (LaTeX turned into Unicode), keyed by
 * BibTeX field name. biblatex names (`location`, `issue`) map onto the same fields.
 */
export const TEXT_FIELDS = {
  volume: 'volume',
  number: 'issue',
  issue: 'issue',
  pages: 'pages',
  publisher: 'publisher',
  address: 'address',
  location: 'address',
  series: 'series',
  edition: 'edition',
  school: 'school',
  institution: 'institution',
  organization: 'organization',
  howpublished: 'howpublished',
  note: 'note',
  abbr: 'abbr',
  award: 'award',
  additional_info: 'additionalInfo',
} as const;

/** Fields kept character for character (identifiers, file names). */
export const VERBATIM_FIELDS = ['isbn', 'issn', 'preview'] as const;

/** Link fields (al-folio, JabRef and bibbase's `url_*`) and the kind and label each gives. */
export const LINK_FIELDS: Record<string, { kind: LinkKind; label: string }> = {
  pdf: { kind: 'pdf', label: 'PDF' },
  html: { kind: 'html', label: 'HTML' },
  slides: { kind: 'slides', label: 'Slides' },
  video: { kind: 'video', label: 'Video' },
  poster: { kind: 'poster', label: 'Poster' },
  website: { kind: 'website', label: 'Website' },
  supp: { kind: 'supplement', label: 'Supplement' },
  supplement: { kind: 'supplement', label: 'Supplement' },
  blog: { kind: 'blog', label: 'Blog' },
};

/** bibbase's `url_<name>` fields: the kind of each name it documents; others are "other". */
export const BIBBASE_KINDS: Record<string, LinkKind> = {
  pdf: 'pdf',
  paper: 'pdf',
  slides: 'slides',
  video: 'video',
  poster: 'poster',
  code: 'code',
  html: 'html',
  link: 'website',
  website: 'website',
  project: 'website',
  supplementary: 'supplement',
  supp: 'supplement',
  blog: 'blog',
};

/** Fields read for a purpose of their own (names, dates, identifiers, venue…). */
const OWN_FIELDS = [
  'title',
  'author',
  'editor',
  'year',
  'month',
  'day',
  'date',
  'journal',
  'journaltitle',
  'booktitle',
  'eprint',
  'archiveprefix',
  'eprinttype',
  'primaryclass',
  'eprintclass',
  'arxiv',
  'doi',
  'url',
  'code',
  'keywords',
  'crossref',
  'selected',
  'bibtex_show',
  'award_name',
  'file',
];

/** Fields set aside raw and converted apart (see bibtex-latex.ts). */
export const RAW_FIELDS = new Set(['abstract']);

const READ = new Set([...OWN_FIELDS, ...Object.keys(TEXT_FIELDS), ...VERBATIM_FIELDS, ...Object.keys(LINK_FIELDS)]);

/** True when the importer reads `field` (lower case); every other field is left out and reported. */
export function isReadField(field: string): boolean {
  return READ.has(field) || RAW_FIELDS.has(field) || field.startsWith('url_');
}
