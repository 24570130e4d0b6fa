/**
 * The paper-listing parser. A listing has three lines per paper:
 *
 * ```
 * [score]<CAT><Mon D[, YYYY]>[Code]          93.0CLMay 17Code
 * <title><authors>[ et al.][ · affiliations]  Old Habits Die Hard: …LLMsAdi Simhi, Fazl Barez et al.
 * <abstract>
 * ```
 *
 * Blank lines, CRLF and trailing spaces are tolerated. A malformed entry becomes an
 * `ImportIssue` naming its line; the other entries are still parsed.
 */
// The subpath: the package root loads every date-fns function (seconds at start-up).
import { isExists } from 'date-fns/isExists';
import { CS_CATEGORIES, type CategoryCode } from '../lib/categories.ts';
import { isIsoDate, type PaperInput } from '../schema.ts';
import { findUrls, latexToMarkdown, latexToText } from './latex.ts';
import { splitTitleLine, wordsOf, type SplitEvidence } from './title-authors.ts';
import type { ImportIssue, PaperDraft, ParseOptions, ParseResult } from './types.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** `[score]<CAT><Month D[, YYYY]>[Code]`; the category is checked separately for a clear message. */
const META_LINE =
  /^(\d+(?:\.\d+)?)?([A-Za-z][A-Za-z.-]*?)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)([a-z]*)\.? (\d{1,2})(?:, ?(\d{4}))?(Code)?$/;
const META_EXAMPLE = '"CLJun 9, 2022" or "93.0CLMay 17Code"';
/** Hosts whose URLs are code rather than, say, a dataset card or a paper. */
const CODE_HOSTS =
  /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co|sourceforge\.net)\//;

interface RawEntry {
  line: number;
  meta: RegExpExecArray;
  titleLine?: { text: string; line: number };
  abstract?: { text: string; line: number };
}

/** Today as `YYYY-MM-DD` in UTC. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Month number (1–12) of `Jun`/`June`/`Sept`, or undefined. */
function monthOf(abbreviation: string, tail: string): number | undefined {
  const index = MONTHS.indexOf(abbreviation.toLowerCase());
  const word = (abbreviation + tail).toLowerCase();
  if (tail && word !== MONTH_NAMES[index] && word !== 'sept') return undefined;
  return index + 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The ISO date of a listing date. Without a year it is the most recent such day on or
 * before `asOf` (a `Feb 29` looks back to the last leap year).
 */
export function resolveDate(month: number, day: number, year: number | undefined, asOf: string): string | undefined {
  if (year !== undefined) return isExists(year, month - 1, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
  const asOfYear = Number(asOf.slice(0, 4));
  for (let y = asOfYear; y > asOfYear - 8; y--) {
    const iso = `${pad(y, 4)}-${pad(month)}-${pad(day)}`;
    if (isExists(y, month - 1, day) && iso <= asOf) return iso;
  }
  return undefined;
}

/** The category code of a listing's bare code (`CL` → `cs.CL`), or undefined. */
function categoryOf(code: string): CategoryCode | undefined {
  const full = code.startsWith('cs.') ? code : `cs.${code}`;
  return full in CS_CATEGORIES ? (full as CategoryCode) : undefined;
}

/** Groups the non-blank lines into entries (pass 1); stray lines become issues. */
function readEntries(text: string, file: string, issues: ImportIssue[]): RawEntry[] {
  const entries: RawEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let current: RawEntry | undefined;
  let skipping = false;
  for (let index = 0; index < lines.length; index++) {
    const content = lines[index].trim().normalize('NFC');
    if (!content) continue;
    const lineNumber = index + 1;
    const meta = META_LINE.exec(content);
    if (meta) {
      current = { line: lineNumber, meta };
      entries.push(current);
      skipping = false;
    } else if (current && !current.titleLine) {
      current.titleLine = { text: content, line: lineNumber };
    } else if (current && !current.abstract) {
      current.abstract = { text: content, line: lineNumber };
    } else {
      current = undefined;
      // One message per run of stray lines: the lines after the first are most likely
      // the rest of the same broken entry.
      if (!skipping) {
        issues.push({
          file,
          line: lineNumber,
          message: `expected a metadata line such as ${META_EXAMPLE} (score, category, date, Code), found "${truncate(content)}"`,
        });
      }
      skipping = true;
    }
  }
  return entries;
}

function truncate(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The listing's lines that can be read without the split, for the split's evidence. */
function collectEvidence(entries: RawEntry[]): { listingWords: Set<string>; knownAuthors: Set<string> } {
  const listingWords = new Set<string>();
  const knownAuthors = new Set<string>();
  for (const entry of entries) {
    if (entry.titleLine) {
      // Title lines, not abstracts: they hold the title vocabulary and are a tenth of the text.
      for (const word of wordsOf(entry.titleLine.text)) listingWords.add(word);
      const authorPart = entry.titleLine.text.replace(/ · .*$/, '').replace(/,?\s+et\s+al\.?$/, '');
      // Segments after the first comma are whole names (or, if the title has a comma,
      // title fragments, which never match a candidate name).
      for (const name of authorPart.split(/\s*,\s*/).slice(1)) knownAuthors.add(name);
    }
  }
  return { listingWords, knownAuthors };
}

/**
 * Parses a paper listing into drafts (pure: no file system). Entries that are malformed
 * are reported in `issues` with their line and left out.
 */
export function parseListing(text: string, options: ParseOptions): ParseResult {
  const { file } = options;
  const asOf = options.asOf ?? today();
  const issues: ImportIssue[] = [];
  const papers: PaperDraft[] = [];
  const notices: string[] = [];
  if (!isIsoDate(asOf)) {
    issues.push({ file, line: 1, wholeSource: true, message: `--as-of "${asOf}" is not a date, expected YYYY-MM-DD` });
    return { papers, issues, notices };
  }

  const entries = readEntries(text, file, issues);
  let listingEvidence: ReturnType<typeof collectEvidence> | undefined;
  const listing = () => (listingEvidence ??= collectEvidence(entries));

  for (const entry of entries) {
    const issue = (message: string, line = entry.line) => issues.push({ file, line, message });
    const [, scoreText, code = '', monthAbbr, monthTail, dayText, yearText, codeFlag] = entry.meta;

    const category = categoryOf(code);
    if (!code) {
      issue(`missing category before the date, expected an arXiv cs code such as CL, CV, LG, AI, IR or RO`);
      continue;
    }
    if (!category) {
      issue(`unknown category "${code}", expected an arXiv cs code such as CL, CV, LG, AI, IR or RO`);
      continue;
    }
    const month = monthOf(monthAbbr, monthTail);
    const dateText = `${monthAbbr}${monthTail} ${dayText}${yearText ? `, ${yearText}` : ''}`;
    const date = month && resolveDate(month, Number(dayText), yearText ? Number(yearText) : undefined, asOf);
    if (!date) {
      issue(`impossible date "${dateText}", expected a real calendar day such as "Feb 28, 2024" or "May 17"`);
      continue;
    }
    if (!entry.titleLine) {
      issue('entry has no title line, expected the title with its authors on the line after the metadata');
      continue;
    }

    const abstractText = entry.abstract?.text ?? '';
    let abstractWords: Set<string> | undefined;
    const evidence: SplitEvidence = {
      get abstractWords() {
        return (abstractWords ??= new Set(wordsOf(abstractText)));
      },
      get listingWords() {
        return listing().listingWords;
      },
      get knownAuthors() {
        return listing().knownAuthors;
      },
    };
    const split = splitTitleLine(entry.titleLine.text, evidence);
    if (!split.ok) {
      issue(split.message, entry.titleLine.line);
      continue;
    }
    if (!entry.abstract)
      notices.push(`${file}:${entry.titleLine.line}: no abstract after the title line, imported without one`);

    const urls = findUrls(abstractText);
    const codeUrl = urls.find((url) => CODE_HOSTS.test(url)) ?? urls[0];
    const data: PaperInput = {
      title: latexToText(split.value.title),
      authors: split.value.authors.map((author) => latexToText(author)),
      authorsTruncated: split.value.authorsTruncated,
      affiliations: split.value.affiliations.map((affiliation) => latexToText(affiliation)),
      date,
      category,
      hasCode: codeFlag === 'Code',
      ...(codeUrl ? { codeUrl } : {}),
      ...(scoreText ? { score: Number(scoreText) } : {}),
    };
    papers.push({ data, body: latexToMarkdown(abstractText), line: entry.line });
  }
  if (!papers.length && !issues.length) {
    issues.push({
      file,
      line: 1,
      wholeSource: true,
      message: 'no papers found, expected a listing (three lines per paper: metadata, title and authors, abstract)',
    });
  }
  return { papers, issues, notices };
}
