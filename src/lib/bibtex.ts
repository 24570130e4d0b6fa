/**
 * BibTeX for `/papers.bib`, each paper page and the reading list. Entries keep a lab's own
 * key and type when the paper came from its `.bib` file; other papers get keys in the
 * usual `lastname2023firstword` form, made unique across the site.
 */
import { slugify } from './slug.ts';

/**
 * What a paper's BibTeX entry is made from: its frontmatter, field by field (a later CSL
 * mapping for other citation formats can read the same record).
 */
export interface BibtexSource {
  title: string;
  authors: readonly string[];
  authorsTruncated: boolean;
  /** `YYYY-MM-DD`; undefined when undated. */
  date?: string;
  datePrecision: 'day' | 'month' | 'year';
  category?: string;
  venue?: string;
  arxivId?: string;
  doi?: string;
  /** The paper's own `url`; papers imported from a listing get their arXiv page or DOI. */
  url?: string;
  bibtexKey?: string;
  bibtexType?: string;
  tags: readonly string[];
  editors?: readonly string[];
  /** Bibliographic text fields as the frontmatter holds them (`issue` is BibTeX's `number`). */
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  address?: string;
  series?: string;
  edition?: string;
  isbn?: string;
  issn?: string;
  school?: string;
  institution?: string;
  organization?: string;
  howpublished?: string;
  note?: string;
  /** As the source wrote them; without `eprint`, an arXiv id gives eprint and archivePrefix. */
  eprint?: string;
  archivePrefix?: string;
  primaryClass?: string;
  codeUrl?: string;
  /** Links by kind (absolute URLs), written back as al-folio's fields (`pdf`, `slides`…). */
  links?: readonly { url: string; kind?: string; label: string }[];
  /** al-folio's `selected`: true, or the paper's place among the selected papers. */
  selected?: boolean | number;
  abbr?: string;
  preview?: string;
  bibtexShow?: boolean;
  award?: string;
  additionalInfo?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Words skipped when a key takes the first word of a title. */
const KEY_SKIP = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'to',
  'for',
  'and',
  'is',
  'are',
  'how',
  'what',
  'why',
  'when',
  'do',
  'does',
]);

/** Name suffixes BibTeX wants in the "Last, Jr., First" slot. */
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv)$/i;

/**
 * Words that mark an organisation rather than a person ("BigScience Workshop", "Jamba
 * Team"); such names are braced whole so BibTeX does not split them into first and last.
 */
const ORGANISATION =
  /\b(workshop|team|consortium|collaboration|group|project|lab|labs|laboratory|institute|initiative|community|committee|society|association|inc\.?|ltd\.?|corporation)\b/i;

/** Is this author name an organisation ("BigScience Workshop") rather than a person? */
export function isOrganisationName(name: string): boolean {
  return ORGANISATION.test(name);
}

/**
 * Escapes text for a braced BibTeX field: the characters TeX treats as commands. `$…$`
 * math is kept as math, which is valid BibTeX.
 */
export function escapeBibtex(text: string): string {
  return text
    .split(/(\$(?=\S)(?:\\\$|[^$])+?(?<=\S)\$)/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return (
        part
          .replace(/[\\{}&%$#_~^]/g, (char) => {
            switch (char) {
              case '\\':
                return '\\textbackslash{}';
              case '~':
                return '\\textasciitilde{}';
              case '^':
                return '\\textasciicircum{}';
              default:
                return `\\${char}`;
            }
          })
          // `-{}-` keeps a literal double hyphen from becoming a TeX en dash.
          .replace(/-(?=-)/g, '-{}')
      );
    })
    .join('');
}

/** One author for an `author` field: organisations braced, suffixes in their slot. */
export function bibtexName(name: string): string {
  const clean = escapeBibtex(name.trim());
  const words = clean.split(/\s+/);
  if (ORGANISATION.test(name) || words.length === 1) return `{${clean}}`;
  // A lone lower-case "and" inside a name would split it into two authors.
  const safe = words.map((word) => (word.toLowerCase() === 'and' ? `{${word}}` : word));
  const last = safe[safe.length - 1];
  if (SUFFIX.test(last) && safe.length > 2) {
    return `${safe[safe.length - 2]}, ${last}, ${safe.slice(0, -2).join(' ')}`;
  }
  return safe.join(' ');
}

function asciiWord(text: string): string {
  return slugify(text).replace(/-/g, '');
}

/** `Yonatan Belinkov`, 2023, "Linearity of Relation…" → `belinkov2023linearity`. */
export function baseKey(source: BibtexSource): string {
  const first = source.authors[0] ?? 'anon';
  const words = first
    .trim()
    .split(/\s+/)
    .filter((word) => !SUFFIX.test(word));
  const family = ORGANISATION.test(first) ? words[0] : words[words.length - 1];
  const titleWord =
    source.title
      .replace(/\$[^$]*\$/g, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .find((word) => word.length > 1 && !KEY_SKIP.has(word.toLowerCase())) ?? '';
  return `${asciiWord(family ?? '') || 'anon'}${source.date?.slice(0, 4) ?? ''}${asciiWord(titleWord)}`;
}

/**
 * Unique keys for papers in site order. A paper's own `bibtexKey` wins; later papers
 * whose key is already taken get a letter suffix (`…b`, `…c`, …).
 */
export function assignKeys(sources: readonly BibtexSource[]): string[] {
  const taken = new Set<string>();
  const wanted = sources.map((source) => source.bibtexKey ?? baseKey(source));
  // Keys from a lab's own file are claimed first, so a generated key never steals one.
  sources.forEach((source, i) => {
    if (source.bibtexKey) taken.add(wanted[i]);
  });
  const seenOwn = new Set<string>();
  return sources.map((source, i) => {
    const base = wanted[i];
    if (source.bibtexKey && !seenOwn.has(base)) {
      seenOwn.add(base);
      return base;
    }
    let key = base;
    for (let n = 1; taken.has(key); n++) key = base + suffixLetters(n);
    taken.add(key);
    return key;
  });
}

/** 1 → "b", 25 → "z", 26 → "ba": letters after the implicit "a" of the first paper. */
function suffixLetters(n: number): string {
  let out = '';
  let value = n;
  do {
    out = String.fromCharCode(97 + (value % 26)) + out;
    value = Math.floor(value / 26);
  } while (value > 0);
  return out;
}

/** The BibTeX field each link kind is written back as (al-folio's names). */
const LINK_FIELD: Record<string, string> = {
  pdf: 'pdf',
  html: 'html',
  slides: 'slides',
  video: 'video',
  poster: 'poster',
  website: 'website',
  supplement: 'supp',
  blog: 'blog',
  code: 'code',
};

/** Text fields written as they are (escaped), in this order, with their BibTeX names. */
const TEXT_FIELDS: [keyof BibtexSource, string][] = [
  ['volume', 'volume'],
  ['issue', 'number'],
  ['pages', 'pages'],
  ['publisher', 'publisher'],
  ['address', 'address'],
  ['series', 'series'],
  ['edition', 'edition'],
  ['school', 'school'],
  ['institution', 'institution'],
  ['organization', 'organization'],
  ['howpublished', 'howpublished'],
  ['note', 'note'],
];

/** True when `authors` only repeats who stood in for a missing author (editors, organisation…). */
function standInAuthors(source: BibtexSource): boolean {
  const same = (names: readonly string[] | undefined) =>
    names !== undefined && names.length === source.authors.length && names.every((n, i) => n === source.authors[i]);
  return (
    source.authors.length > 0 &&
    (same(source.editors) ||
      [source.organization, source.institution, source.publisher].some((name) => name !== undefined && same([name])))
  );
}

/**
 * The BibTeX entry of one paper: every field the frontmatter holds, so a lab gets back
 * what it imported (volume, number, pages, publisher…, eprint / archivePrefix /
 * primaryClass as written, al-folio's own fields and links).
 */
export function toBibtex(source: BibtexSource, key: string): string {
  const type = (source.bibtexType ?? 'misc').toLowerCase();
  const names = (list: readonly string[]) => list.map(bibtexName);
  const fields: [string, string][] = [
    // Double braces keep the title's capitalisation (BERT, LLMs) in every style.
    ['title', `{${escapeBibtex(source.title)}}`],
  ];
  if (source.authors.length > 0 && !standInAuthors(source)) {
    fields.push(['author', [...names(source.authors), ...(source.authorsTruncated ? ['others'] : [])].join(' and ')]);
  }
  if (source.editors?.length) fields.push(['editor', names(source.editors).join(' and ')]);
  if (source.venue) {
    const inBook = /^(?:in|conference$|proceedings$|book$|thesis$|phdthesis$|mastersthesis$|techreport$|report$)/.test(
      type,
    );
    fields.push([inBook ? 'booktitle' : 'journal', escapeBibtex(source.venue)]);
  }
  if (source.date) {
    fields.push(['year', source.date.slice(0, 4)]);
    if (source.datePrecision !== 'year') fields.push(['month', MONTHS[Number(source.date.slice(5, 7)) - 1]]);
    if (source.datePrecision === 'day') fields.push(['day', String(Number(source.date.slice(8, 10)))]);
  }
  for (const [field, name] of TEXT_FIELDS) {
    const value = source[field];
    if (typeof value === 'string') fields.push([name, escapeBibtex(value)]);
  }
  if (source.isbn) fields.push(['isbn', source.isbn]);
  if (source.issn) fields.push(['issn', source.issn]);
  if (source.bibtexType === undefined) {
    // A listing's paper: its arXiv id, and its category is arXiv's own class of the paper.
    if (source.arxivId) fields.push(['eprint', source.arxivId], ['archiveprefix', 'arXiv']);
    if (source.arxivId && source.category) fields.push(['primaryclass', source.category]);
  } else {
    // A .bib entry's eprint fields exactly as it had them, never invented.
    if (source.eprint) fields.push(['eprint', source.eprint]);
    if (source.archivePrefix) fields.push(['archiveprefix', source.archivePrefix]);
    if (source.primaryClass) fields.push(['primaryclass', source.primaryClass]);
    // An arXiv id the entry names nowhere else (al-folio's `arxiv` field, a hand edit) is
    // written the way every BibTeX tool reads it.
    const elsewhere = [source.eprint, source.venue, source.url, source.doi].some((value) =>
      value?.toLowerCase().includes(source.arxivId?.toLowerCase() ?? '\u0000'),
    );
    if (source.arxivId && !elsewhere) fields.push(['eprint', source.arxivId], ['archiveprefix', 'arXiv']);
  }
  if (source.doi) fields.push(['doi', source.doi]);
  if (source.url) fields.push(['url', source.url]);
  if (source.tags.length > 0) {
    // Keywords holding commas ("Image Processing, Computer-Assisted") go one per line, as EndNote writes them.
    const perLine = source.tags.some((tag) => /[,;]/.test(tag));
    fields.push(['keywords', escapeBibtex(source.tags.join(perLine ? '\n' : ', '))]);
  }
  if (source.codeUrl && source.codeUrl !== source.url) fields.push(['code', source.codeUrl]);
  for (const link of source.links ?? []) {
    const field = (link.kind && LINK_FIELD[link.kind]) ?? `url_${slugify(link.label).replace(/-/g, '_') || 'link'}`;
    if (!fields.some(([name]) => name === field)) fields.push([field, link.url]);
  }
  if (source.abbr) fields.push(['abbr', escapeBibtex(source.abbr)]);
  if (source.selected) fields.push(['selected', String(source.selected)]);
  if (source.bibtexShow) fields.push(['bibtex_show', 'true']);
  if (source.preview) fields.push(['preview', source.preview]);
  if (source.award) fields.push(['award', escapeBibtex(source.award)]);
  if (source.additionalInfo) fields.push(['additional_info', escapeBibtex(source.additionalInfo)]);

  const body = fields
    .map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`))
    .join(',\n');
  return `@${type}{${key},\n${body}\n}`;
}
