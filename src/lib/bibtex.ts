/**
 * BibTeX for `/papers.bib`, each paper page and the reading list. Entries keep a lab's own
 * key and type when the paper came from its `.bib` file; other papers get keys in the
 * usual `lastname2023firstword` form, made unique across the site.
 */
import { slugify } from './slug.ts';

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
  /** Where the paper can be read: its arXiv page, DOI or first link. */
  url?: string;
  bibtexKey?: string;
  bibtexType?: string;
  tags: readonly string[];
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

/** The BibTeX entry of one paper. */
export function toBibtex(source: BibtexSource, key: string): string {
  const type = (source.bibtexType ?? 'misc').toLowerCase();
  const authors = source.authors.map(bibtexName);
  if (source.authorsTruncated) authors.push('others');
  const fields: [string, string][] = [
    // Double braces keep the title's capitalisation (BERT, LLMs) in every style.
    ['title', `{${escapeBibtex(source.title)}}`],
    ['author', authors.join(' and ')],
  ];
  if (source.date) {
    fields.push(['year', source.date.slice(0, 4)]);
    if (source.datePrecision !== 'year') fields.push(['month', MONTHS[Number(source.date.slice(5, 7)) - 1]]);
  }
  if (source.venue) {
    const venueField =
      type === 'article'
        ? 'journal'
        : /^(inproceedings|incollection|conference)$/.test(type)
          ? 'booktitle'
          : 'howpublished';
    fields.push([venueField, escapeBibtex(source.venue)]);
  }
  if (source.arxivId) {
    fields.push(['eprint', source.arxivId], ['archiveprefix', 'arXiv']);
    if (source.category) fields.push(['primaryclass', source.category]);
  }
  if (source.doi) fields.push(['doi', source.doi]);
  if (source.url) fields.push(['url', source.url]);
  if (source.tags.length > 0) fields.push(['keywords', escapeBibtex(source.tags.join(', '))]);

  const body = fields
    .map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`))
    .join(',\n');
  return `@${type}{${key},\n${body}\n}`;
}
