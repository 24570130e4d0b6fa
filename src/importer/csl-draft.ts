/**
 * One CSL-JSON item (from a CSL-JSON file, or a RIS record as Citation.js reads it) as a
 * paper draft: the inverse of the site's mapping (src/lib/csl.ts), so a file the site
 * exported imports back as the same papers. Pure: no file system.
 */
import { CATEGORIES, type CategoryCode } from '../lib/categories.ts';
import { displayName, type CslName } from '../lib/csl.ts';
import { isIsoDate, paperSchema, type PaperInput } from '../schema.ts';
import { latexToMarkdown, latexToText } from './latex.ts';
import type { PaperDraft } from './types.ts';

/** A CSL item as read from a file: any variables, any value types (checked here). */
export type CslInput = Record<string, unknown>;

/**
 * What became of one item: a draft, or why there is none; `leftOut` names the variables the
 * frontmatter has no place for, `dropped` the values that could not be used (with why).
 */
export type CslDraftResult =
  | { ok: true; draft: PaperDraft; leftOut: string[]; dropped: string[] }
  | { ok: false; message: string; leftOut: string[]; dropped: string[] };

/** CSL variables this mapping reads (anything else is reported as left out). */
const READ = new Set([
  'id',
  'citation-key',
  'type',
  'title',
  'author',
  'editor',
  'issued',
  'container-title',
  'event-title',
  'event',
  'collection-title',
  'volume',
  'issue',
  'page',
  'number',
  'edition',
  'publisher',
  'publisher-place',
  'event-place',
  'authority',
  'genre',
  'ISBN',
  'ISSN',
  'DOI',
  'URL',
  'abstract',
  'keyword',
  'note',
]);
/** Variables that say nothing about the paper itself (tool bookkeeping): dropped silently. */
const BOOKKEEPING = new Set(['_graph', 'source', 'system_id', 'custom', 'version', 'accessed']);

/** The BibTeX type a CSL type is written as (the site's export maps them back the same way). */
const BIBTEX_TYPE: Record<string, string> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  'paper-conference': 'inproceedings',
  article: 'misc',
  thesis: 'phdthesis',
  report: 'techreport',
  patent: 'patent',
  book: 'book',
  chapter: 'incollection',
  'entry-encyclopedia': 'incollection',
  'entry-dictionary': 'incollection',
  webpage: 'online',
  'post-weblog': 'online',
  manuscript: 'unpublished',
  dataset: 'dataset',
  software: 'software',
};

/** Preprint servers: a CSL "article" published by one of these is a preprint and the server its venue. */
const PREPRINT_SERVER =
  /\b(?:arxiv|biorxiv|medrxiv|chemrxiv|psyarxiv|socarxiv|techrxiv|eartharxiv|ssrn|research square|preprints\.org|osf preprints)\b/i;

/** A modern (`2308.09124`, with version) or old-style (`hep-th/9901001`, `cs.CL/0101001`) arXiv id. */
const ARXIV_ID = /(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/;
const ARXIV_IN_TEXT = new RegExp(`^\\s*arxiv\\s*:\\s*(${ARXIV_ID.source})(?:\\s*\\[([\\w.-]+)\\])?\\s*$`, 'i');
const ARXIV_URL = new RegExp(
  `^https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/(${ARXIV_ID.source})(?:\\.pdf)?/?$`,
  'i',
);
const ARXIV_DOI = new RegExp(`^10\\.48550/arxiv\\.(${ARXIV_ID.source})$`, 'i');

/** A key BibTeX can carry (Zotero item URIs and EndNote record numbers are not keys). */
const KEY_LIKE = /^(?!\d+$)(?![a-z][a-z\d+.-]*:\/\/)[\p{L}\p{N}_:.+\-/!]{1,100}$/iu;

/** HTML and JATS markup in titles and abstracts (`<i>`, `<sup>`, `<jats:p>`): the text is kept. */
const MARKUP = /<\/?(?:[a-z]+:)?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of a rich-text CSL value: tags dropped (a paragraph end becomes a blank line), entities decoded. */
function richText(value: string): string {
  return value
    .replace(/<\/(?:jats:)?p>\s*/gi, '\n\n')
    .replace(MARKUP, '')
    .replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (all, dec?: string, hex?: string, name?: string) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return ENTITIES[name?.toLowerCase() ?? ''] ?? all;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  return value.trim() || undefined;
}

/** One-line text of a variable (titles, venues, publishers): markup dropped, spaces tidied. */
function oneLine(value: unknown): string | undefined {
  const text = str(value);
  return text === undefined ? undefined : richText(text).replace(/\s+/g, ' ') || undefined;
}

function names(value: unknown): { names: string[]; truncated: boolean } {
  if (!Array.isArray(value)) return { names: [], truncated: false };
  const all = value
    .filter((name): name is CslName => typeof name === 'object' && name !== null)
    .map((name) => displayName(name))
    .filter(Boolean);
  const truncated = all.some((name) => /^(?:others|et al\.?)$/i.test(name));
  return { names: all.filter((name) => !/^(?:others|et al\.?)$/i.test(name)), truncated };
}

/** CSL's months 13–16 are the seasons (citeproc-js reads them so). */
const SEASONS = ['spring', 'summer', 'autumn', 'winter'];

/**
 * `issued` as the frontmatter's date and precision; undefined when it names no year. A day
 * or month that cannot be kept is named in `dropped`.
 */
function dateOf(
  issued: unknown,
): { date: string; datePrecision: 'day' | 'month' | 'year'; dropped?: string } | undefined {
  if (typeof issued !== 'object' || issued === null) return undefined;
  const { 'date-parts': parts, raw, literal } = issued as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  let numbers: number[] = [];
  if (Array.isArray(parts) && Array.isArray(parts[0])) numbers = (parts[0] as unknown[]).map(Number);
  else {
    const text = str(raw) ?? str(literal);
    const match = text && /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?/.exec(text);
    if (match) numbers = match.slice(1).filter(Boolean).map(Number);
  }
  const [year, month, day] = numbers;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (Number.isInteger(month) && month >= 1 && month <= 12) {
    if (Number.isInteger(day) && isIsoDate(`${year}-${pad(month)}-${pad(day)}`)) {
      return { date: `${year}-${pad(month)}-${pad(day)}`, datePrecision: 'day' };
    }
    return {
      date: `${year}-${pad(month)}-01`,
      datePrecision: 'month',
      ...(day !== undefined && { dropped: `issued day ${day} (not a day of that month)` }),
    };
  }
  const season = SEASONS[month - 13];
  const dropped =
    month === undefined
      ? undefined
      : season
        ? `issued season ${season} (month ${month}; a date keeps months only)`
        : `issued month ${month} (not a month)`;
  return { date: `${year}-01-01`, datePrecision: 'year', ...(dropped && { dropped }) };
}

/** A DOI without a resolver or `doi:` prefix. */
function cleanDoi(value: string): string {
  return value.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '').trim();
}

function isWebAddress(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value) && URL.canParse(value);
}

/** The arXiv id and class a item names: in its number, URL, DOI or a note line. */
function arxivOf(item: CslInput, noteLines: string[]): { id?: string; category?: string } {
  const number = str(item.number);
  const fromNumber = number && ARXIV_IN_TEXT.exec(number);
  if (fromNumber) return { id: fromNumber[1], category: fromNumber[2] };
  const fromNote = noteLines.map((noteLine) => ARXIV_IN_TEXT.exec(noteLine)).find(Boolean);
  if (fromNote) return { id: fromNote[1], category: fromNote[2] };
  const server = `${str(item.publisher) ?? ''} ${str(item['container-title']) ?? ''}`;
  if (number && /arxiv/i.test(server) && new RegExp(`^${ARXIV_ID.source}$`).test(number)) return { id: number };
  const fromUrl = ARXIV_URL.exec(str(item.URL) ?? '');
  if (fromUrl) return { id: fromUrl[1] };
  const fromDoi = ARXIV_DOI.exec(cleanDoi(str(item.DOI) ?? ''));
  return fromDoi ? { id: fromDoi[1] } : {};
}

function isCategory(code: string | undefined): code is CategoryCode {
  return code !== undefined && Object.hasOwn(CATEGORIES, code);
}

/** The entry key, when the item has one a BibTeX file could carry. */
function keyOf(item: CslInput): string | undefined {
  for (const candidate of [str(item['citation-key']), str(item.id)]) {
    if (candidate && KEY_LIKE.test(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The draft of one item. `line` is where the item starts in its file (for messages),
 * `expectedTitle` how that file names a title. An item without a title cannot be a paper; everything else is optional, and what the
 * frontmatter has no place for is named in `leftOut`, a value that cannot be used in `dropped`.
 */
export function draftFromCsl(item: CslInput, line: number, expectedTitle = 'a "title"'): CslDraftResult {
  const leftOut = Object.keys(item).filter((key) => !READ.has(key) && !BOOKKEEPING.has(key) && item[key] !== '');
  const title = oneLine(item.title);
  const dropped: string[] = [];
  if (!title) return { ok: false, message: `no title, expected ${expectedTitle}`, leftOut, dropped };

  const type = str(item.type) ?? 'document';
  const noteLines = (str(item.note) ?? '').split(/\r?\n/);
  const arxiv = arxivOf(item, noteLines);
  // A note line that only names the arXiv id (Zotero's "arXiv:2308.09124 [cs]") is the id, not a note.
  const note =
    noteLines
      .filter((noteLine) => !(arxiv.id && ARXIV_IN_TEXT.exec(noteLine)?.[1] === arxiv.id))
      .join('\n')
      .trim() || undefined;

  const authors = names(item.author);
  const editors = names(item.editor);
  // No author: the editors stand in (as for BibTeX entries), else the paper has no authors.
  const shownAuthors = authors.names.length > 0 ? authors : editors;
  const dated = dateOf(item.issued);
  if (item.issued !== undefined && !dated) dropped.push('issued (not a date)');
  if (dated?.dropped) dropped.push(dated.dropped);
  const date = dated && { date: dated.date, datePrecision: dated.datePrecision };

  const genre = oneLine(item.genre);
  let bibtexType = BIBTEX_TYPE[type] ?? 'misc';
  if (type === 'thesis' && genre && /master|\bM\.?\s?(?:Sc|S|A|Phil)\b/i.test(genre)) bibtexType = 'mastersthesis';

  const isWebPage = type === 'webpage' || type === 'post-weblog';
  // RIS readers put a web page's site (T2) in collection-title; it is the page's venue.
  const series = oneLine(item['collection-title']);
  const container =
    oneLine(item['container-title']) ??
    oneLine(item['event-title']) ??
    oneLine(item.event) ??
    (isWebPage ? series : undefined);
  const publisherText = oneLine(item.publisher);
  const doi = str(item.DOI) && cleanDoi(String(item.DOI));
  const url = str(item.URL);
  const number = str(item.number);
  // An article with no journal, on a preprint server or with an arXiv id, is a preprint (Zotero
  // writes them as CSL "article", Mendeley and EndNote as journal articles): its server is its
  // venue, unless arXiv (the arXiv id already says so).
  const articleLike = type === 'article' || type === 'article-journal';
  const server =
    articleLike && !container && publisherText && PREPRINT_SERVER.test(publisherText) ? publisherText : undefined;
  const publisher = server ? undefined : publisherText;
  if (articleLike && !container && (server || arxiv.id)) bibtexType = 'misc';
  const numberIsArxiv = number !== undefined && arxiv.id !== undefined && number.includes(arxiv.id);

  const tags = [
    ...new Set(
      (str(item.keyword) ?? '')
        .split(/\s*[,;\n]\s*/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
  const derivedUrl = (value: string) =>
    (arxiv.id && ARXIV_URL.test(value) && value.includes(arxiv.id)) ||
    (doi && /doi\.org\//i.test(value) && value.toLowerCase().endsWith(doi.toLowerCase()));

  const data: PaperInput = {
    title: latexToText(title),
    authors: shownAuthors.names,
    authorsTruncated: shownAuthors.truncated,
    ...(date ?? {}),
    ...(isCategory(arxiv.category) && { category: arxiv.category }),
    ...(arxiv.id && { arxivId: arxiv.id.replace(/v\d+$/, '') }),
    ...(doi && { doi }),
    ...((container ?? (server && !/arxiv/i.test(server) ? server : undefined)) && {
      venue: container ?? server,
    }),
    ...(tags.length > 0 && { tags }),
    ...(str(item.volume) && { volume: str(item.volume) }),
    ...((str(item.issue) ?? (number && !numberIsArxiv && ['report', 'patent'].includes(type) ? number : undefined)) && {
      issue: str(item.issue) ?? number,
    }),
    ...(str(item.page) && { pages: str(item.page) }),
    ...(type === 'thesis' && publisher ? { school: publisher } : {}),
    ...(type === 'report' && publisher ? { institution: publisher } : {}),
    ...(type !== 'thesis' && type !== 'report' && publisher ? { publisher } : {}),
    ...(type === 'patent' && oneLine(item.authority) ? { organization: oneLine(item.authority) } : {}),
    ...((oneLine(item['publisher-place']) ?? oneLine(item['event-place'])) && {
      address: oneLine(item['publisher-place']) ?? oneLine(item['event-place']),
    }),
    ...(editors.names.length > 0 && authors.names.length > 0 && { editors: editors.names }),
    ...(series && !(isWebPage && container === series) && { series }),
    ...(str(item.edition) && { edition: str(item.edition) }),
    ...(str(item.ISBN) && { isbn: str(item.ISBN) }),
    ...(str(item.ISSN) && { issn: str(item.ISSN) }),
    ...(note && { note }),
    ...(url && isWebAddress(url) && !derivedUrl(url) && { url }),
    ...(keyOf(item) && { bibtexKey: keyOf(item) }),
    bibtexType,
  };
  if (url && !isWebAddress(url)) dropped.push(`URL "${url}" (not a web address)`);
  if (type === 'thesis' && genre && bibtexType === 'phdthesis' && !/ph\.?\s?d|doctor|dissertation/i.test(genre)) {
    dropped.push(`genre "${genre}"`);
  }
  if (number && !numberIsArxiv && !['report', 'patent'].includes(type) && !str(item.issue)) {
    dropped.push(`number "${number}"`);
  }

  const checked = paperSchema.safeParse(data);
  if (!checked.success) {
    const problem = checked.error.issues[0];
    return { ok: false, message: `${problem.path.join('.')}: ${problem.message}`, leftOut, dropped };
  }
  const abstract = str(item.abstract);
  // What the import report lists under the entry.
  const notKept = [
    ...dropped.map((value) => `${value} left out`),
    ...(leftOut.length > 0 ? [`fields left out: ${leftOut.join(', ')}`] : []),
  ];
  const key = keyOf(item);
  return {
    ok: true,
    draft: {
      data,
      body: abstract ? latexToMarkdown(richText(abstract)) : '',
      line,
      ...(key && { key }),
      ...(notKept.length > 0 && { leftOut: notKept }),
    },
    leftOut,
    dropped,
  };
}
