/**
 * The BibTeX importer's parser: a lab's `.bib` file → paper drafts, pure (no file system).
 *
 * `@retorquere/bibtex-parser` (the parser behind Zotero's Better BibTeX) reads the file:
 * `@string` macros, `#` concatenation, nested braces, `@comment`, `@preamble`, any entry
 * type, LaTeX → Unicode and BibTeX name splitting. `bibtex-latex.ts` keeps math as `$…$`
 * around it; this module maps the parsed fields onto the paper schema.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { CATEGORY_CODES, type CategoryCode } from '../lib/categories.ts';
import { paperSchema, isIsoDate, type PaperInput } from '../schema.ts';
import { SITE } from '../site.config.ts';
import {
  fieldSegments,
  plainText,
  shieldBibtex,
  tidyMathIn,
  type Segment,
  type ShieldedSource,
} from './bibtex-latex.ts';
import { displayNames } from './bibtex-names.ts';
import { findUrls, latexToMarkdown } from './latex.ts';
import type { ImportIssue, PaperDraft, ParseOptions, ParseResult } from './types.ts';

/** Month names, for `month` values the parser leaves as text (`Sept.`, `Mar`). */
const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/** New-style (`2206.04615`) and old-style (`hep-th/9901001`) arXiv identifiers, version optional. */
const ARXIV_ID = /(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/;

/** A DOI without resolver prefix, e.g. `10.18653/v1/N19-1423`. */
const DOI = /^10\.\d{4,9}\/\S+$/;

function isCategoryCode(code: string): code is CategoryCode {
  return (CATEGORY_CODES as readonly string[]).includes(code);
}

/** Everything known about one entry while it is mapped. */
interface EntryContext {
  entry: Entry;
  /** Offset of the entry in the shielded text. */
  offset: number;
  shielded: ShieldedSource;
  file: string;
}

/** Line of `field = …` inside the entry (the entry's first line when it is not found). */
function fieldLine(ctx: EntryContext, field: string): number {
  const at = new RegExp(`[,{(\\s]${field}\\s*=`, 'i').exec(ctx.entry.input);
  return ctx.shielded.lineAt(ctx.offset + (at ? at.index + 1 : 0));
}

/** A string field as the parser converted it (undefined when absent or not a string). */
function stringField(entry: Entry, field: string): string | undefined {
  const value: unknown = entry.fields[field];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * Why this throws: the mapping below stops at the first thing an entry cannot do without
 * (a title, authors, a date), and the caller turns that into one issue for the entry.
 */
class EntryError extends Error {
  line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

/** `date` and how much of it is known, from biblatex `date` or BibTeX `year` + `month` (+ `day`). */
function entryDate(ctx: EntryContext): { date: string; datePrecision: 'day' | 'month' | 'year' } {
  const { entry } = ctx;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const isoDate = stringField(entry, 'date');
  if (isoDate && !stringField(entry, 'year')) {
    const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(isoDate.trim());
    if (!match || !isIsoDate(`${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`)) {
      throw new EntryError(
        fieldLine(ctx, 'date'),
        `date "${isoDate}" is not a date, expected YYYY, YYYY-MM or YYYY-MM-DD`,
      );
    }
    const [, y, m, d] = match;
    return { date: `${y}-${m ?? '01'}-${d ?? '01'}`, datePrecision: d ? 'day' : m ? 'month' : 'year' };
  }
  const yearText = stringField(entry, 'year');
  if (!yearText)
    throw new EntryError(ctx.shielded.lineAt(ctx.offset), 'no year, expected year = {YYYY} (or a biblatex date)');
  const year = yearText.trim();
  if (!/^\d{4}$/.test(year))
    throw new EntryError(fieldLine(ctx, 'year'), `year "${year}" is not a year, expected four digits such as 2023`);

  const monthText = stringField(entry, 'month')?.trim().toLowerCase().replace(/\.$/, '');
  if (!monthText) return { date: `${year}-01-01`, datePrecision: 'year' };
  const month = /^\d{1,2}$/.test(monthText)
    ? Number(monthText)
    : monthText.length >= 3
      ? MONTHS.findIndex((name) => name.startsWith(monthText)) + 1
      : 0;
  if (month < 1 || month > 12) {
    throw new EntryError(
      fieldLine(ctx, 'month'),
      `month "${stringField(entry, 'month')}" is not a month, expected 1–12 or jan … dec`,
    );
  }
  const dayText = stringField(entry, 'day')?.trim();
  if (!dayText) return { date: `${year}-${pad(month)}-01`, datePrecision: 'month' };
  const date = `${year}-${pad(month)}-${pad(Number(dayText))}`;
  if (!/^\d{1,2}$/.test(dayText) || !isIsoDate(date)) {
    throw new EntryError(
      fieldLine(ctx, 'day'),
      `day "${dayText}" does not exist in ${year}-${pad(month)}, expected a day of that month`,
    );
  }
  return { date, datePrecision: 'day' };
}

/** The arXiv id named by `eprint` (with `archivePrefix`/`eprinttype` arXiv), the URL, the DOI or the journal. */
function arxivIdOf(entry: Entry, unshield: (s: string) => string): string | undefined {
  const prefix = (stringField(entry, 'archiveprefix') ?? stringField(entry, 'eprinttype') ?? '').trim().toLowerCase();
  const eprint = stringField(entry, 'eprint');
  if (eprint && (prefix === 'arxiv' || /^arxiv:/i.test(eprint.trim()))) {
    const match = new RegExp(`^(?:arxiv:)?${ARXIV_ID.source}$`, 'i').exec(unshield(eprint).trim());
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

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value) && URL.canParse(value);
}

/** Hosts whose pages are code, so a `url` pointing there is the paper's code link. */
const CODE_HOSTS = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\//i;

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

/** Maps one parsed entry onto the paper schema; throws `EntryError` for what it cannot do without. */
function toDraft(ctx: EntryContext, category: CategoryCode | undefined, allNotes: Notes): PaperDraft {
  const { entry, shielded } = ctx;
  // Notes about this entry count only once it is imported (merged at the end).
  const notes: Notes = { defaulted: [], unknownClass: [], dropped: [], latex: [] };
  const line = shielded.lineAt(ctx.offset);
  const label = entry.key || `the entry at line ${line}`;
  const text = (field: string): string | undefined => {
    const value = stringField(entry, field);
    return value === undefined ? undefined : plainText(fieldSegments(value, shielded)) || undefined;
  };
  const verbatim = (field: string): string | undefined => {
    const value = stringField(entry, field);
    return value === undefined ? undefined : shielded.unshield(value).trim() || undefined;
  };

  const title = text('title');
  if (!title) throw new EntryError(line, 'no title, expected title = {…}');

  const creators = (entry.fields.author?.length ? entry.fields.author : entry.fields.editor) ?? ([] as Creator[]);
  const authors = displayNames(creators, (part) => plainText(fieldSegments(part, shielded)));
  if (!authors.names.length) throw new EntryError(line, 'no authors, expected author = {Last, First and …}');

  const { date, datePrecision } = entryDate(ctx);

  const arxivId = arxivIdOf(entry, shielded.unshield);
  const primaryClass = (text('primaryclass') ?? '').split(/[\s,]+/)[0];
  let paperCategory: CategoryCode | undefined;
  if (primaryClass && isCategoryCode(primaryClass)) {
    paperCategory = primaryClass;
  } else {
    if (primaryClass) notes.unknownClass.push(`${label} (${primaryClass})`);
    else notes.defaulted.push(label);
    paperCategory = category;
  }
  if (!paperCategory) {
    throw new EntryError(
      line,
      `no usable category, expected primaryClass = {cs.XX} (SITE.defaultCategory "${SITE.defaultCategory}" is not an arXiv code the site knows)`,
    );
  }

  const links: { label: string; url: string }[] = [];
  const addLink = (label: string, url: string): void => {
    if (!links.some((l) => l.url === url)) links.push({ label, url });
  };
  if (arxivId) addLink('arXiv', `https://arxiv.org/abs/${arxivId}`);

  let doi: string | undefined;
  const doiText = verbatim('doi');
  if (doiText) {
    doi = cleanDoi(doiText);
    if (!DOI.test(doi)) {
      notes.dropped.push(
        `${ctx.file}:${fieldLine(ctx, 'doi')}: ${label}: doi "${doiText}" is not a DOI (expected 10.xxxx/…); left out`,
      );
      doi = undefined;
    }
  }

  let codeUrl = verbatim('code');
  if (codeUrl && !isHttpUrl(codeUrl)) {
    notes.dropped.push(
      `${ctx.file}:${fieldLine(ctx, 'code')}: ${label}: code "${codeUrl}" is not a web address; left out`,
    );
    codeUrl = undefined;
  }
  for (const [field, linkLabel] of [
    ['pdf', 'PDF'],
    ['url', 'Web page'],
  ] as const) {
    const url = verbatim(field);
    if (!url) continue;
    if (!isHttpUrl(url)) {
      notes.dropped.push(
        `${ctx.file}:${fieldLine(ctx, field)}: ${label}: ${field} "${url}" is not a web address; left out`,
      );
    } else if (CODE_HOSTS.test(url) && !codeUrl) {
      codeUrl = url;
    } else if (doi && url.toLowerCase().endsWith(doi.toLowerCase()) && /doi\.org\//i.test(url)) {
      // The DOI is shown as its own link.
    } else if (!(arxivId && /arxiv\.org\//i.test(url))) {
      addLink(/\.pdf$/i.test(url) ? 'PDF' : linkLabel, url);
    }
  }

  const abstractValue = stringField(entry, 'abstract');
  const rawAbstract = abstractValue === undefined ? undefined : shielded.rawField(abstractValue);
  const abstract =
    rawAbstract !== undefined
      ? // `~` is LaTeX's unbreakable space; latexToMarkdown would show it as a tilde.
        tidyMathIn(rawAbstract.replace(/(?<!\\)~/g, ' ')).trim()
      : abstractValue
        ? abstractLatex(fieldSegments(abstractValue, shielded))
        : '';
  // Like the listing importer: a repository named in the abstract is the code link.
  codeUrl ??= findUrls(abstract).find((url) => CODE_HOSTS.test(url));

  const keywords: unknown = entry.fields.keywords;
  const tags = Array.isArray(keywords)
    ? [...new Set(keywords.map((k: string) => plainText(fieldSegments(k, shielded))).filter(Boolean))]
    : [];

  const venue = text('journal') ?? text('journaltitle') ?? text('booktitle');

  const data: PaperInput = {
    title,
    authors: authors.names,
    authorsTruncated: authors.truncated,
    date,
    datePrecision,
    category: paperCategory,
    hasCode: Boolean(codeUrl),
    ...(codeUrl ? { codeUrl } : {}),
    ...(arxivId ? { arxivId } : {}),
    ...(doi ? { doi } : {}),
    ...(venue ? { venue } : {}),
    ...(links.length ? { links } : {}),
    ...(tags.length ? { tags } : {}),
    // An entry without a key gets one from the site's exporter.
    ...(entry.key ? { bibtexKey: entry.key } : {}),
    bibtexType: entry.type,
  };

  const checked = paperSchema.safeParse(data);
  if (!checked.success) {
    const problem = checked.error.issues[0];
    throw new EntryError(line, `${problem.path.join('.')}: ${problem.message}`);
  }
  for (const kind of ['defaulted', 'unknownClass', 'dropped', 'latex'] as const) allNotes[kind].push(...notes[kind]);

  return { data, body: abstract ? latexToMarkdown(abstract) : '', line };
}

/** What is told to the user after the run, gathered while entries are mapped. */
interface Notes {
  defaulted: string[];
  unknownClass: string[];
  dropped: string[];
  latex: string[];
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
function readableError(message: string, shielded: ShieldedSource): string {
  const text = shielded.unshield(message);
  // The most common slip: a field starts where the parser expected the entry to end.
  const missingComma = /^Token mismatch, expected "[})]", found "\s*([A-Za-z][\w-]*)\s*=/.exec(text);
  const hint = missingComma ? ` (is the comma before "${missingComma[1]} =" missing?)` : '';
  return text
    .replace(/ in "[^"]*"$/, '')
    .replace(/ at line (\d+), column \d+/, (_, n: string) => {
      let offset = 0;
      for (let line = 1; line < Number(n) && offset !== -1; line++) offset = shielded.text.indexOf('\n', offset) + 1;
      return ` at line ${shielded.lineAt(Math.max(offset, 0))}`;
    })
    .concat(hint);
}

/** The key and type at the start of an entry's source text, for messages. */
function describeEntry(source: string): string {
  const match = /^@\s*([A-Za-z]+)\s*[{(]\s*([^,\s=]*)/.exec(source);
  if (!match) return 'an entry';
  return match[2] ? `entry "${match[2]}" (@${match[1].toLowerCase()})` : `an @${match[1].toLowerCase()} entry`;
}

/**
 * Parses a `.bib` file into paper drafts. Entries that cannot be read (broken syntax, no
 * title, authors or year, an impossible date) become issues with their `file:line`; the rest
 * are returned in source order. Entries without an arXiv `primaryClass` get
 * `options.defaultCategory` (else `SITE.defaultCategory`) and a notice says which.
 */
export function parseBibtex(text: string, options: ParseOptions): ParseResult {
  const file = options.file;
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const shielded = shieldBibtex(source);
  const notes: Notes = { defaulted: [], unknownClass: [], dropped: [], latex: [] };
  const issues: ImportIssue[] = [];
  const notices: string[] = [];

  const unknownCommands = new Map<string, Set<string>>();
  const library = parse(shielded.text, {
    // Keep titles as written: sentence-casing is for citation styles, not for a reading list.
    sentenceCase: false,
    // Rich text keeps paragraphs (`<p>`) so the abstract's paragraphs survive.
    fieldMode: { abstract: 'richtext' },
    // An unknown command is left out (its braced argument stays as text) and reported once per entry.
    unsupported: (_node, tex, entry) => {
      const seen = unknownCommands.get(entry.key) ?? new Set<string>();
      seen.add(tex.trim());
      unknownCommands.set(entry.key, seen);
      return '';
    },
  });

  // Where each entry starts: the parser keeps each entry's source text, in file order.
  const parsed: EntryContext[] = [];
  let cursor = 0;
  for (const entry of library.entries) {
    if (!entry.input) continue; // the parser keeps a stub of an entry it failed to read; its error says why
    const offset = shielded.text.indexOf(entry.input, cursor);
    if (offset === -1) continue;
    cursor = offset + entry.input.length;
    parsed.push({ entry, offset, shielded, file });
  }

  for (const error of library.errors) {
    const input = error.input ?? '';
    const offset = input.startsWith('@') ? shielded.text.indexOf(input) : -1;
    const message = readableError(error.error.split('\n')[0], shielded);
    if (offset !== -1) {
      issues.push({
        file,
        line: shielded.lineAt(offset),
        message: `${describeEntry(input)} could not be read: ${message}. The entry was skipped`,
      });
      continue;
    }
    const unresolved = /^Unresolved @string reference "(.*)"$/.exec(error.error);
    if (unresolved) {
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
  const fallback = options.defaultCategory ?? (isCategoryCode(SITE.defaultCategory) ? SITE.defaultCategory : undefined);

  const papers: PaperDraft[] = [];
  const containers: string[] = [];
  for (const ctx of parsed) {
    if (crossrefTargets.has(ctx.entry.key.toLowerCase())) {
      containers.push(ctx.entry.key);
      continue;
    }
    try {
      papers.push(toDraft(ctx, fallback, notes));
      const commands = unknownCommands.get(ctx.entry.key);
      if (commands) {
        notes.latex.push(
          `${file}:${ctx.shielded.lineAt(ctx.offset)}: ${ctx.entry.key || 'entry'}: unknown LaTeX ${[...commands].join(' ')} left out, its argument kept as text`,
        );
      }
    } catch (error) {
      if (!(error instanceof EntryError)) throw error;
      issues.push({
        file,
        line: error.line,
        message: `${describeEntry(ctx.entry.input)}: ${error.message}. The entry was skipped`,
      });
    }
  }

  if (!library.entries.length && !issues.length) {
    issues.push({
      file,
      line: 1,
      message: 'no BibTeX entries found, expected entries such as @article{key, title = {…}, author = {…}, year = {…}}',
    });
  }
  issues.sort((a, b) => a.line - b.line);
  if (notes.defaulted.length) {
    notices.push(
      `${notes.defaulted.length} ${notes.defaulted.length === 1 ? 'entry names' : 'entries name'} no arXiv primaryClass and ${notes.defaulted.length === 1 ? 'was' : 'were'} given the default category ${fallback} (defaultCategory in src/site.config.ts): ${keyList(notes.defaulted)}`,
    );
  }
  if (notes.unknownClass.length) {
    notices.push(
      `${notes.unknownClass.length} ${notes.unknownClass.length === 1 ? 'entry names' : 'entries name'} a primaryClass the site does not know and got the default category ${fallback}: ${keyList(notes.unknownClass)}`,
    );
  }
  if (containers.length) {
    notices.push(
      `${containers.length} ${containers.length === 1 ? 'entry is' : 'entries are'} only the crossref target of other entries (their venue) and ${containers.length === 1 ? 'was' : 'were'} not imported as a paper: ${keyList(containers)}`,
    );
  }
  notices.push(...notes.dropped, ...notes.latex);
  return { papers, issues, notices };
}
