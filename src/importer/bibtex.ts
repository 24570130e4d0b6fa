/**
 * The BibTeX importer's parser: a lab's `.bib` file → paper drafts, pure (no file system).
 *
 * `@retorquere/bibtex-parser` (the parser behind Zotero's Better BibTeX) reads the file:
 * `@string` macros, `#` concatenation, nested braces, `@comment`, `@preamble`, any entry
 * type, LaTeX → Unicode and BibTeX name splitting. `bibtex-blocks.ts` sets broken entries
 * aside first (one broken entry costs one entry), `bibtex-latex.ts` keeps math as `$…$`
 * around the parser, `bibtex-fields.ts` says which field goes where; this module maps the
 * parsed fields onto the paper schema.
 *
 * An entry is only an error when it has no title or cannot be read at all: a missing or
 * unreadable date makes it undated (or less precise), a missing author lets the editor,
 * organisation, institution or publisher stand in, and whatever is left out is named.
 */
import { parse, type Creator, type Entry, type Library } from '@retorquere/bibtex-parser';
import { CATEGORY_CODES, type CategoryCode } from '../lib/categories.ts';
import { isIsoDate, LINK_KINDS, paperSchema, type LinkKind, type PaperInput } from '../schema.ts';
import { SITE } from '../site.config.ts';
import { splitBlocks, withoutBroken } from './bibtex-blocks.ts';
import { BIBBASE_KINDS, isReadField, LINK_FIELDS, TEXT_FIELDS, VERBATIM_FIELDS } from './bibtex-fields.ts';
import {
  fieldSegments,
  plainText,
  shieldBibtex,
  texQuotes,
  tidyMathIn,
  type Segment,
  type ShieldedSource,
} from './bibtex-latex.ts';
import { displayNames } from './bibtex-names.ts';
import { findUrls, latexToMarkdown } from './latex.ts';
import type { Attachment, ImportIssue, NotPaper, PaperDraft, ParseOptions, ParseResult } from './types.ts';

/** Month names, for `month` values the parser leaves as text (`Sept.`, `Mar`). */
const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/** New-style (`2206.04615`) and old-style (`hep-th/9901001`) arXiv identifiers, version optional. */
const ARXIV_ID = /(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/;

/** A DOI without resolver prefix, e.g. `10.18653/v1/N19-1423`. */
const DOI = /^10\.\d{4,9}\/\S+$/;

/** Hosts whose pages are code, so a link pointing there is the paper's code link. */
const CODE_HOSTS = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\//i;

/** A value that names a file, not a web page: no scheme, a file extension (`paper.pdf`, `assets/x.pptx`). */
const FILE_NAME = /^(?![a-z][a-z0-9+.-]*:)[^\s<>"]+\.[A-Za-z0-9]{1,5}$/i;

function isCategoryCode(code: string): code is CategoryCode {
  return (CATEGORY_CODES as readonly string[]).includes(code);
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value) && URL.canParse(value);
}

/** Everything known about one entry while it is mapped. */
interface EntryContext {
  entry: Entry;
  /** The key as the file writes it. */
  key: string;
  /** Offset of the entry in the shielded text. */
  offset: number;
  shielded: ShieldedSource;
  file: string;
}

/** What is told about the run as a whole, gathered while entries are mapped. */
interface Notes {
  /** Keys of entries given the configured default category. */
  defaulted: string[];
  /** Keys of entries with no category at all. */
  uncategorised: string[];
  /** Unread field name → keys of the entries that had it. */
  unreadFields: Map<string, string[]>;
  /** Per-entry messages printed as they are (dropped values, unknown LaTeX). */
  lines: string[];
}

/** Why this throws: the mapping stops at what an entry cannot do without (a title). */
class EntryError extends Error {
  line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

/** Line of `field = …` inside the entry (the entry's first line when it is not found). */
function fieldLine(ctx: EntryContext, field: string): number {
  const at = new RegExp(`[,{(\\s]${field}\\s*=`, 'i').exec(ctx.entry.input);
  return ctx.shielded.lineAt(ctx.offset + (at ? at.index + 1 : 0));
}

/**
 * A text field as the parser converted it (undefined when absent or empty). The parser
 * splits `publisher`, `institution`, `organization`, `location`… on "and" into lists;
 * they are joined back as written.
 */
function stringField(entry: Entry, field: string): string | undefined {
  const value: unknown = entry.fields[field];
  const text = Array.isArray(value) && value.every((item) => typeof item === 'string') ? value.join(' and ') : value;
  return typeof text === 'string' && text.trim() ? text : undefined;
}

/** `2`, `feb`, `February`, `Feb.` → 2; 0 when it is not a month. */
function monthNumber(text: string): number {
  const clean = text.trim().toLowerCase().replace(/\.$/, '');
  if (/^\d{1,2}$/.test(clean)) return Number(clean);
  if (clean.length < 3) return 0;
  return MONTHS.findIndex((name) => name.startsWith(clean)) + 1;
}

/**
 * A `month` value with the day some exporters glue to it: Google Scholar's patents give
 * `month = jul # "~10"` (`07 10` once the parser has read it), others `July 10` or `10 July`.
 */
function monthAndDay(text: string): { month: number; day?: number } {
  const parts = text
    .trim()
    .split(/[\s~,/-]+/)
    .filter(Boolean);
  if (parts.length === 2) {
    // Month first (`07 10`, `July 10`), else day first (`10 July`).
    for (const [m, d] of [parts, [parts[1], parts[0]]]) {
      const month = monthNumber(m);
      if (month >= 1 && month <= 12 && /^\d{1,2}$/.test(d)) return { month, day: Number(d) };
    }
  }
  return { month: monthNumber(text) };
}

type DatePrecision = 'day' | 'month' | 'year';
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `date` and how much of it is known, from biblatex `date` or BibTeX `year` + `month` (+
 * `day`). Never throws: what cannot be read is left out and said in `leftOut`, and an
 * entry with no readable year is undated.
 */
function entryDate(ctx: EntryContext, leftOut: string[]): { date?: string; datePrecision: DatePrecision } {
  const { entry } = ctx;
  const dateText = stringField(entry, 'date')?.trim();
  const yearText = stringField(entry, 'year')?.trim();
  if (dateText && !yearText) {
    // biblatex: `2021-02-03`, `2021-02`, `2021`, or a range `2021-02-03/2021-02-05` (its start).
    const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:\/|$)/.exec(dateText);
    if (match) {
      const [, y, m, d] = match;
      if (d && isIsoDate(`${y}-${m}-${d}`)) return { date: `${y}-${m}-${d}`, datePrecision: 'day' };
      if (m && Number(m) >= 1 && Number(m) <= 12) {
        if (d) leftOut.push(`date "${dateText}" names a day that does not exist; only the month was kept`);
        return { date: `${y}-${m}-01`, datePrecision: 'month' };
      }
      if (m) leftOut.push(`date "${dateText}" names no real month; only the year was kept`);
      return { date: `${y}-01-01`, datePrecision: 'year' };
    }
    leftOut.push(`date "${dateText}" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD); imported as undated`);
    return { datePrecision: 'year' };
  }
  if (!yearText) return { datePrecision: 'year' };
  const yearMatch = /(?<!\d)(\d{4})(?!\d)/.exec(yearText);
  if (!yearMatch) {
    leftOut.push(`year "${yearText}" is not a year; imported as undated (n.d.)`);
    return { datePrecision: 'year' };
  }
  const year = yearMatch[1];
  if (year !== yearText) leftOut.push(`year "${yearText}" was read as ${year}`);

  const monthText = stringField(entry, 'month')?.trim();
  if (!monthText) return { date: `${year}-01-01`, datePrecision: 'year' };
  const { month, day: gluedDay } = monthAndDay(monthText);
  if (month < 1 || month > 12) {
    leftOut.push(`month "${monthText}" is not a month (expected 1–12 or jan … dec); only the year was kept`);
    return { date: `${year}-01-01`, datePrecision: 'year' };
  }
  const dayText = stringField(entry, 'day')?.trim() ?? (gluedDay === undefined ? undefined : String(gluedDay));
  if (!dayText) return { date: `${year}-${pad(month)}-01`, datePrecision: 'month' };
  const date = `${year}-${pad(month)}-${pad(Number(dayText))}`;
  if (!/^\d{1,2}$/.test(dayText) || !isIsoDate(date)) {
    leftOut.push(`day "${dayText}" does not exist in ${year}-${pad(month)}; only the month was kept`);
    return { date: `${year}-${pad(month)}-01`, datePrecision: 'month' };
  }
  return { date, datePrecision: 'day' };
}

/** The arXiv id named by `eprint` (with `archivePrefix`/`eprinttype` arXiv), al-folio's `arxiv`, the URL, the DOI or the journal. */
function arxivIdOf(entry: Entry, unshield: (s: string) => string): string | undefined {
  const prefix = (stringField(entry, 'archiveprefix') ?? stringField(entry, 'eprinttype') ?? '').trim().toLowerCase();
  for (const [value, needsPrefix] of [
    [stringField(entry, 'eprint'), true],
    [stringField(entry, 'arxiv'), false],
  ] as const) {
    if (!value || (needsPrefix && prefix !== 'arxiv' && !/^arxiv:/i.test(value.trim()))) continue;
    const match = new RegExp(`^(?:arxiv:)?${ARXIV_ID.source}$`, 'i').exec(unshield(value).trim());
    if (match) return match[1];
  }
  const places = [
    [stringField(entry, 'url'), /arxiv\.org\/(?:abs|pdf)\//i],
    [stringField(entry, 'doi'), /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\./i],
    [stringField(entry, 'journal'), /\barxiv(?: preprint)?[: ]*(?:arxiv:|abs\/)?/i],
  ] as const;
  for (const [value, marker] of places) {
    if (!value) continue;
    const match = new RegExp(`${marker.source}${ARXIV_ID.source}`, 'i').exec(unshield(value));
    if (match) return match[1];
  }
  return undefined;
}

/** A DOI as the schema keeps it: no resolver prefix, no `doi:`. */
function cleanDoi(value: string): string {
  return value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/**
 * An abstract the parser converted (one built from `@string` macros; a braced or quoted
 * abstract is passed raw to `latexToMarkdown`, see `rawField`) written back as the LaTeX-lite
 * text the listing importer's `latexToMarkdown` reads
 * (`\emph`, `\textbf`, `\footnote`, `$…$`, blank lines between paragraphs), so one
 * Markdown escaper serves every format.
 */
function abstractLatex(segments: Segment[]): string {
  return segments
    .map((s) => {
      switch (s.type) {
        case 'text':
          // Converted text is literal: keep its backslashes, braces and dollars from reading as LaTeX.
          return s.text.replace(/[\\{}$]/g, (ch) => (ch === '\\' ? '\\textbackslash{}' : `\\${ch}`));
        case 'math':
          return s.tex;
        case 'break':
          return s.paragraph ? '\n\n' : '\n';
        case 'open':
          return { em: '\\emph{', strong: '\\textbf{', footnote: '\\footnote{' }[s.mark];
        case 'close':
          return '}';
      }
    })
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The names of the fields an entry's source gives, lower case, in order (the parser drops
 * the fields the shield emptied, and the report must still name them).
 */
function fieldNames(input: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === '\\') i++;
    else if (ch === '{' || (ch === '(' && depth === 0)) depth++;
    else if (ch === '}' || (ch === ')' && depth === 1 && !quoted)) depth--;
    else if (ch === '"' && depth === 1) quoted = !quoted;
    else if (ch === ',' && depth === 1 && !quoted) {
      const field = /^\s*([A-Za-z][\w:.+-]*)\s*=/.exec(input.slice(i + 1, i + 120));
      if (field) names.push(field[1].toLowerCase());
    }
  }
  return names;
}

/**
 * The files a reference manager's `file` field names: Zotero writes paths separated by
 * `;`, Mendeley and JabRef `description:path:type` with `\:` and `$\backslash$` escapes.
 * Each becomes an attachment by its base name, for `--files`.
 */
function attachedFiles(value: string | undefined): Attachment[] {
  if (!value) return [];
  return value
    .split(/;(?![^{]*})/)
    .map((part) =>
      part
        .replace(/\$\\backslash\$/g, '\\')
        .replace(/\\:/g, ':')
        .trim(),
    )
    .map((part) => /^[^:]*:(.+):[A-Za-z/.+-]*$/.exec(part)?.[1] ?? part)
    .map((path) => path.split(/[\\/]/).pop() ?? '')
    .filter((name) => /\.[A-Za-z0-9]{1,5}$/.test(name))
    .map((name) => {
      const pdf = /\.pdf$/i.test(name);
      return { field: 'file', name, kind: pdf ? ('pdf' as const) : ('other' as const), label: pdf ? 'PDF' : name };
    });
}

/** al-folio's `selected = {true}`, or a place among the selected papers (`selected = {2}`). */
function selectedOf(value: string | undefined): { selected?: true | number } {
  const text = value?.trim();
  if (text && /^[1-9]\d*$/.test(text)) return { selected: Number(text) };
  return isTrue(text) ? { selected: true } : {};
}

/** `true`, `yes`, `1` (al-folio writes `selected = {true}`). */
function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(?:true|yes|1)$/i.test(value.trim());
}

/** Title case of a bibbase `url_<name>` suffix for its label: `url_talk` → "Talk". */
function labelOf(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What an entry's link fields become. */
interface EntryLinks {
  links: { label: string; url: string; kind: LinkKind }[];
  codeUrl?: string;
  url?: string;
  attachments: Attachment[];
}

/**
 * Every link field of an entry: `url`, al-folio's `pdf`, `html`, `code`, `slides`,
 * `video`, `poster`, `website`, `supp`, `blog`, bibbase's `url_*` and `howpublished =
 * {\url{…}}`. A value that is a file name becomes an attachment (for `--files`); one that
 * is neither a web address nor a file name is named in `leftOut`. None is dropped silently.
 */
function entryLinks(
  ctx: EntryContext,
  verbatim: (field: string) => string | undefined,
  ids: { arxivId?: string; doi?: string },
  howpublished: string | undefined,
  leftOut: string[],
): EntryLinks {
  const result: EntryLinks = { links: [], attachments: [] };
  const fields: { field: string; kind: LinkKind; label: string }[] = [
    { field: 'url', kind: 'website', label: 'Web page' },
    { field: 'code', kind: 'code', label: 'Code' },
    ...Object.entries(LINK_FIELDS).map(([field, { kind, label }]) => ({ field, kind, label })),
    ...Object.keys(ctx.entry.fields)
      .filter((field) => field.startsWith('url_'))
      .map((field) => {
        const name = field.slice(4);
        const kind = BIBBASE_KINDS[name] ?? 'other';
        return { field, kind, label: LINK_FIELDS[name]?.label ?? (kind === 'code' ? 'Code' : labelOf(name)) };
      }),
  ];
  for (const { field, kind, label } of fields) {
    let value = verbatim(field);
    if (field === 'url' && !value && howpublished) value = findUrls(howpublished)[0];
    if (!value) continue;
    value = value.replace(/^\\url\{(.*)\}$/, '$1').trim();
    if (/^www\./i.test(value)) value = `https://${value}`;
    if (!isHttpUrl(value)) {
      if (FILE_NAME.test(value)) {
        result.attachments.push({ field, name: value, kind: kind === 'website' ? 'other' : kind, label });
      } else {
        leftOut.push(`${field} "${value}" is neither a web address nor a file name; left out`);
      }
      continue;
    }
    if (field === 'url') {
      result.url = value;
      if (CODE_HOSTS.test(value)) result.codeUrl ??= value;
      continue;
    }
    if (kind === 'code' || CODE_HOSTS.test(value)) {
      if (!result.codeUrl) {
        result.codeUrl = value;
        continue;
      }
    }
    // The arXiv page and the DOI have links of their own.
    if (ids.arxivId && /arxiv\.org\/abs\//i.test(value)) continue;
    if (ids.doi && /doi\.org\//i.test(value) && value.toLowerCase().endsWith(ids.doi.toLowerCase())) continue;
    if (result.links.some((link) => link.url === value)) continue;
    result.links.push({ label, url: value, kind: kind === 'website' && /\.pdf$/i.test(value) ? 'pdf' : kind });
  }
  // One order for every source (the order of kinds), which is also the order they are exported in.
  result.links.sort((a, b) => LINK_KINDS.indexOf(a.kind) - LINK_KINDS.indexOf(b.kind));
  return result;
}

/** Maps one parsed entry onto the paper schema; throws `EntryError` when it has no title. */
function toDraft(ctx: EntryContext, category: CategoryCode | undefined, notes: Notes): PaperDraft {
  const { entry, shielded, key } = ctx;
  const line = shielded.lineAt(ctx.offset);
  const label = key || `the entry at line ${line}`;
  /** What was left out, each message starting with its field's name (for its line). */
  const leftOut: string[] = [];
  const warnings: string[] = [];
  const text = (field: string): string | undefined => {
    const value = stringField(entry, field);
    return value === undefined ? undefined : plainText(fieldSegments(value, shielded)) || undefined;
  };
  const verbatim = (field: string): string | undefined => {
    const value = stringField(entry, field);
    return value === undefined ? undefined : shielded.unshield(value).trim() || undefined;
  };
  const names = (field: 'author' | 'editor') =>
    displayNames(entry.fields[field] ?? ([] as Creator[]), (part) => plainText(fieldSegments(part, shielded)));

  const title = text('title');
  if (!title) throw new EntryError(line, 'no title, expected title = {…}');

  const authorNames = names('author');
  const editors = names('editor').names;
  let authors = authorNames.names;
  if (!authors.length) {
    // Who stands in for a missing author, as citation styles do.
    const standIn = editors.length
      ? { who: 'the editors', names: editors }
      : (['organization', 'institution', 'publisher'] as const)
          .map((field) => ({ who: `the ${field}`, names: text(field) ? [text(field) as string] : [] }))
          .find((candidate) => candidate.names.length);
    if (standIn) {
      authors = standIn.names;
      warnings.push(`no author: ${standIn.who} stand${standIn.who === 'the editors' ? '' : 's'} in`);
    } else {
      warnings.push('no author, editor, organization, institution or publisher: the paper has no authors');
    }
  }

  const { date, datePrecision } = entryDate(ctx, leftOut);

  const arxivId = arxivIdOf(entry, shielded.unshield);
  const primaryClass = text('primaryclass') ?? text('eprintclass');
  const classCode = (primaryClass ?? '').split(/[\s,;]+/)[0];
  let paperCategory: CategoryCode | undefined;
  if (classCode && isCategoryCode(classCode)) {
    paperCategory = classCode;
  } else if (classCode) {
    leftOut.push(`primaryClass "${classCode}" is not an arXiv category; the paper has no topic`);
  } else if (category) {
    paperCategory = category;
    notes.defaulted.push(label);
  } else {
    notes.uncategorised.push(label);
  }

  let doi: string | undefined;
  const doiText = verbatim('doi');
  if (doiText) {
    doi = cleanDoi(doiText);
    if (!DOI.test(doi)) {
      leftOut.push(`doi "${doiText}" is not a DOI (expected 10.xxxx/…); left out`);
      doi = undefined;
    }
  }

  const howpublished = text('howpublished');
  const linked = entryLinks(ctx, verbatim, { arxivId, doi }, verbatim('howpublished'), leftOut);
  linked.attachments.push(...attachedFiles(verbatim('file')));

  const abstractValue = stringField(entry, 'abstract');
  const rawAbstract = abstractValue === undefined ? undefined : shielded.rawField(abstractValue);
  const abstract =
    rawAbstract !== undefined
      ? // `~` is LaTeX's unbreakable space; latexToMarkdown would show it as a tilde.
        texQuotes(tidyMathIn(rawAbstract.replace(/(?<!\\)~/g, ' '))).trim()
      : abstractValue
        ? abstractLatex(fieldSegments(abstractValue, shielded))
        : '';
  // Like the listing importer: a repository named in the abstract is the code link.
  const codeUrl = linked.codeUrl ?? findUrls(abstract).find((url) => CODE_HOSTS.test(url));

  const keywords: unknown = entry.fields.keywords;
  const tags: string[] = [];
  if (Array.isArray(keywords)) {
    for (const keyword of keywords as string[]) {
      const tag = plainText(fieldSegments(keyword, shielded));
      // "cameras, Cameras": one tag, spelled as it first came.
      if (tag && !tags.some((other) => other.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    }
  }

  const venue = text('journal') ?? text('journaltitle') ?? text('booktitle');
  const bibliographic: Record<string, string> = {};
  for (const [field, target] of Object.entries(TEXT_FIELDS)) {
    const value = text(field);
    if (value && bibliographic[target] === undefined) bibliographic[target] = value;
  }
  if (howpublished) bibliographic.howpublished = howpublished;
  const awardName = text('award_name');
  if (!bibliographic.award && awardName) bibliographic.award = awardName;
  for (const field of VERBATIM_FIELDS) {
    const value = verbatim(field);
    if (value) bibliographic[field] = value;
  }
  // As the source wrote them: an export gives them back, never an invented primaryClass.
  const eprint = verbatim('eprint');
  const archivePrefix = text('archiveprefix') ?? text('eprinttype');

  const given = fieldNames(entry.input);
  const unread = [
    ...new Set(
      given
        .filter((field, i) => !isReadField(field) || given.indexOf(field) !== i)
        .map((field) => (isReadField(field) ? `${field} (given twice, the first kept)` : field)),
    ),
  ];
  if (unread.length) leftOut.push(`fields not imported: ${unread.join(', ')}`);
  for (const field of unread) {
    const list = notes.unreadFields.get(field) ?? [];
    list.push(label);
    notes.unreadFields.set(field, list);
  }

  const data: PaperInput = {
    title,
    authors,
    authorsTruncated: authorNames.truncated,
    ...(date ? { date } : {}),
    datePrecision,
    ...(paperCategory ? { category: paperCategory } : {}),
    hasCode: Boolean(codeUrl),
    ...(codeUrl ? { codeUrl } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(doi ? { doi } : {}),
    ...(venue ? { venue } : {}),
    ...(linked.links.length ? { links: linked.links } : {}),
    ...(tags.length ? { tags } : {}),
    ...bibliographic,
    ...(editors.length ? { editors } : {}),
    ...(eprint ? { eprint } : {}),
    ...(archivePrefix ? { archivePrefix } : {}),
    ...(primaryClass ? { primaryClass } : {}),
    ...(linked.url ? { url: linked.url } : {}),
    ...selectedOf(text('selected')),
    ...(isTrue(text('bibtex_show')) ? { bibtexShow: true } : {}),
    // An entry without a key gets one from the site's exporter.
    ...(key ? { bibtexKey: key } : {}),
    bibtexType: entry.type,
  };

  const checked = paperSchema.safeParse(data);
  if (!checked.success) {
    const problem = checked.error.issues[0];
    throw new EntryError(line, `${problem.path.join('.')}: ${problem.message}`);
  }
  for (const message of leftOut.filter((m) => !m.startsWith('fields not imported'))) {
    const field = /^(\w+) /.exec(message)?.[1] ?? '';
    notes.lines.push(`${ctx.file}:${field ? fieldLine(ctx, field) : line}: ${label}: ${message}`);
  }

  return {
    data,
    body: abstract ? latexToMarkdown(abstract) : '',
    line,
    ...(key ? { key } : {}),
    ...(leftOut.length ? { leftOut } : {}),
    ...(warnings.length ? { warnings } : {}),
    ...(linked.attachments.length ? { attachments: linked.attachments } : {}),
  };
}

/** `key1, key2, … and 12 more`: keeps a notice about a large file readable. */
function keyList(keys: string[]): string {
  const shown = keys.slice(0, 8).join(', ');
  return keys.length > 8 ? `${shown} and ${keys.length - 8} more` : shown;
}

/**
 * The parser's error message with its position given as a line of the original file (the
 * shielded text can have fewer lines) and without its internal state (`in "misc"`).
 */
function readableError(message: string, shielded: ShieldedSource, base = 0): string {
  const text = shielded.unshield(message);
  // The most common slip: a field starts where the parser expected the entry to end.
  const missingComma = /^Token mismatch, expected "[})]", found "\s*([A-Za-z][\w-]*)\s*=/.exec(text);
  const hint = missingComma ? ` (is the comma before "${missingComma[1]} =" missing?)` : '';
  return text
    .replace(/ in "[^"]*"$/, '')
    .replace(/ at line (\d+), column \d+/, (_, n: string) => {
      let offset = base;
      for (let line = 1; line < Number(n) && offset !== -1; line++) offset = shielded.text.indexOf('\n', offset) + 1;
      return ` at line ${shielded.lineAt(Math.max(offset, 0))}`;
    })
    .concat(hint);
}

/** The key and type at the start of an entry's source text, for messages. */
function describeEntry(source: string, keyOf: (key: string) => string = (key) => key): string {
  const match = /^@\s*([A-Za-z]+)\s*[{(]\s*([^,\s=]*)/.exec(source);
  if (!match) return 'an entry';
  const key = keyOf(match[2]);
  return key ? `entry "${key}" (@${match[1].toLowerCase()})` : `an @${match[1].toLowerCase()} entry`;
}

/** A parsed library and, per entry, where in the shielded text its source starts. */
interface ReadLibrary {
  entries: { entry: Entry; offset: number }[];
  errors: { error: string; input?: string; offset?: number }[];
}

/** Options given to the parser (see `readLibrary`). */
function parserOptions(unknownCommands: Map<string, Set<string>>) {
  return {
    // Keep titles as written: sentence-casing is for citation styles, not for a reading list.
    sentenceCase: false as const,
    // Rich text keeps paragraphs (`<p>`) so the abstract's paragraphs survive.
    fieldMode: { abstract: 'richtext' as const },
    // An unknown command is left out (its braced argument stays as text) and reported once per entry.
    unsupported: (_node: unknown, tex: string, entry: Entry | undefined) => {
      // Inside an @string there is no entry yet: the command is reported with no key.
      const key = entry?.key ?? '';
      const seen = unknownCommands.get(key) ?? new Set<string>();
      seen.add(tex.trim());
      unknownCommands.set(key, seen);
      return '';
    },
  };
}

/** Where each entry of a parsed text starts in `text` (the parser keeps each entry's source, in order). */
function locate(library: Library, text: string, base: number): ReadLibrary {
  const entries: ReadLibrary['entries'] = [];
  let cursor = 0;
  for (const entry of library.entries) {
    if (!entry.input) continue; // a stub of an entry the parser failed to read; its error says why
    const at = text.indexOf(entry.input, cursor);
    if (at === -1) continue;
    cursor = at + entry.input.length;
    entries.push({ entry, offset: base + at });
  }
  const errors = library.errors.map((error) => {
    const input = error.input ?? '';
    const at = input.startsWith('@') ? text.indexOf(input) : -1;
    return { error: error.error, input, ...(at === -1 ? {} : { offset: base + at }) };
  });
  return { entries, errors };
}

/**
 * Parses the shielded text. Should the parser itself fail on something in the file (it
 * throws, rather than reporting an error), each block is parsed on its own after the
 * file's `@string` definitions, so the rest of the file is still read.
 */
function readLibrary(shielded: ShieldedSource, unknownCommands: Map<string, Set<string>>): ReadLibrary {
  const options = parserOptions(unknownCommands);
  try {
    return locate(parse(shielded.text, options), shielded.text, 0);
  } catch (failure) {
    const starts = [...shielded.text.matchAll(/^[ \t]*@/gm)].map((match) => match.index);
    const blocks = starts.map((start, i) => ({ start, text: shielded.text.slice(start, starts[i + 1]) }));
    const strings = blocks.filter((block) => /^\s*@\s*string\b/i.test(block.text)).map((block) => block.text);
    const result: ReadLibrary = { entries: [], errors: [] };
    for (const block of blocks) {
      if (/^\s*@\s*(?:string|comment|preamble)\b/i.test(block.text)) continue;
      // The file's macros, on one line before the block.
      const prefix = strings.length ? `${strings.join(' ').replace(/\n/g, ' ')}\n` : '';
      try {
        const read = locate(parse(prefix + block.text, options), block.text, block.start);
        result.entries.push(...read.entries);
        result.errors.push(...read.errors.filter((error) => error.offset !== undefined || !error.input));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        result.errors.push({ error: reason.split('\n')[0], input: block.text, offset: block.start });
      }
    }
    if (!result.entries.length && !result.errors.length) {
      result.errors.push({ error: failure instanceof Error ? failure.message : String(failure) });
    }
    return result;
  }
}

/**
 * Parses a `.bib` file into paper drafts. An entry is an issue (with its `file:line`) only
 * when it cannot be read or has no title; the rest are returned in source order, with
 * whatever of them was left out named on each draft. Entries without an arXiv
 * `primaryClass` get no category unless `options.defaultCategory` (or
 * `SITE.defaultCategory`) names one, and a notice says which.
 */
export function parseBibtex(text: string, options: ParseOptions): ParseResult {
  const file = options.file;
  const original = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blocks = splitBlocks(original);
  const shielded = shieldBibtex(withoutBroken(original, blocks));
  const notes: Notes = { defaulted: [], uncategorised: [], unreadFields: new Map(), lines: [] };
  const issues: ImportIssue[] = [];
  const notices: string[] = [];

  const unknownCommands = new Map<string, Set<string>>();
  const library = readLibrary(shielded, unknownCommands);
  const parsed: EntryContext[] = library.entries.map(({ entry, offset }) => ({
    entry,
    key: shielded.keyOf(entry.key ?? ''),
    offset,
    shielded,
    file,
  }));

  const undefinedStrings = new Set<string>();
  for (const error of library.errors) {
    const message = readableError(error.error.split('\n')[0], shielded);
    if (error.offset !== undefined) {
      const key = shielded.keyOf(/^@\s*[A-Za-z]+\s*[{(]\s*([^,\s=]*)/.exec(error.input ?? '')?.[1] ?? '');
      issues.push({
        file,
        line: shielded.lineAt(error.offset),
        ...(key ? { key } : {}),
        message: `${describeEntry(error.input ?? '', shielded.keyOf)} could not be read: ${message}. The entry was skipped`,
      });
      continue;
    }
    const unresolved = /^Unresolved @string reference "(.*)"$/.exec(error.error);
    if (unresolved) {
      // BibTeX macros ignore case: `jmlr` and `JMLR` are one macro, reported once.
      if (undefinedStrings.has(unresolved[1].toLowerCase())) continue;
      undefinedStrings.add(unresolved[1].toLowerCase());
      const use = new RegExp(`[=#]\\s*${unresolved[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').exec(
        shielded.text,
      );
      const where = use ? `${file}:${shielded.lineAt(use.index)}` : file;
      notices.push(`${where}: @string "${unresolved[1]}" is not defined; its name was kept as the text`);
    } else {
      notices.push(`${file}: ${message}`);
    }
  }

  // A @proceedings or @book only named by other entries' crossref is their venue, not a paper.
  const crossrefTargets = new Set(
    parsed.map((p) => stringField(p.entry, 'crossref')?.trim().toLowerCase()).filter((k): k is string => Boolean(k)),
  );
  const configured = SITE.defaultCategory;
  const fallback =
    options.defaultCategory ?? (configured !== undefined && isCategoryCode(configured) ? configured : undefined);

  const papers: PaperDraft[] = [];
  const notPapers: NotPaper[] = [];
  /** Line of the first entry with each key (keys are compared as BibTeX does: ignoring case). */
  const firstWithKey = new Map<string, number>();
  for (const ctx of parsed) {
    const line = shielded.lineAt(ctx.offset);
    if (ctx.key && crossrefTargets.has(ctx.key.toLowerCase())) {
      notPapers.push({ line, key: ctx.key, reason: 'only the crossref target of other entries (their venue)' });
      continue;
    }
    try {
      const draft = toDraft(ctx, fallback, notes);
      const earlier = ctx.key ? firstWithKey.get(ctx.key.toLowerCase()) : undefined;
      if (earlier !== undefined) {
        const warning = `the key ${ctx.key} is also the key of the entry at line ${earlier}; both were imported (the site's BibTeX gives this one another key)`;
        draft.warnings = [...(draft.warnings ?? []), warning];
        notes.lines.push(`${file}:${line}: ${warning}`);
      } else if (ctx.key) {
        firstWithKey.set(ctx.key.toLowerCase(), line);
      }
      papers.push(draft);
      const commands = unknownCommands.get(ctx.entry.key);
      if (commands) {
        notes.lines.push(
          `${file}:${line}: ${ctx.key || 'entry'}: unknown LaTeX ${[...commands].join(' ')} left out, its argument kept as text`,
        );
      }
    } catch (error) {
      if (!(error instanceof EntryError)) throw error;
      issues.push({
        file,
        line: error.line,
        ...(ctx.key ? { key: ctx.key } : {}),
        message: `${describeEntry(ctx.entry.input, shielded.keyOf)}: ${error.message}. The entry was skipped`,
      });
    }
  }

  for (const block of blocks) {
    if (!block.broken) continue;
    const what = block.key ? `entry "${block.key}" (@${block.type})` : `an @${block.type} entry`;
    issues.push({
      file,
      line: block.line,
      ...(block.key ? { key: block.key } : {}),
      message: `${what} could not be read: ${block.broken}. The entry was skipped`,
    });
  }

  if (!papers.length && !issues.length && !notPapers.length) {
    issues.push({
      file,
      line: 1,
      wholeSource: true,
      message: 'no BibTeX entries found, expected entries such as @article{key, title = {…}, author = {…}, year = {…}}',
    });
  }
  issues.sort((a, b) => a.line - b.line);
  if (notes.defaulted.length) {
    notices.push(
      `${notes.defaulted.length} ${notes.defaulted.length === 1 ? 'entry names' : 'entries name'} no arXiv primaryClass and ${notes.defaulted.length === 1 ? 'was' : 'were'} given the default category ${fallback} (defaultCategory in src/site.config.ts): ${keyList(notes.defaulted)}`,
    );
  }
  if (notes.uncategorised.length) {
    notices.push(
      `${notes.uncategorised.length} ${notes.uncategorised.length === 1 ? 'entry names' : 'entries name'} no arXiv primaryClass and ${notes.uncategorised.length === 1 ? 'has' : 'have'} no topic: ${keyList(notes.uncategorised)}`,
    );
  }
  if (notPapers.length) {
    notices.push(
      `${notPapers.length} ${notPapers.length === 1 ? 'entry is' : 'entries are'} only the crossref target of other entries (their venue) and ${notPapers.length === 1 ? 'was' : 'were'} not imported as a paper: ${keyList(notPapers.map((entry) => entry.key))}`,
    );
  }
  if (notes.unreadFields.size) {
    const fields = [...notes.unreadFields].map(([field, keys]) => `${field} (${keys.length})`).join(', ');
    notices.push(`fields not imported (the report names them per entry): ${fields}`);
  }
  notices.push(...notes.lines);
  return { papers, issues, notices, ...(notPapers.length ? { notPapers } : {}) };
}
