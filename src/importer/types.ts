/**
 * Types shared by every importer format (the paper listing, BibTeX) and by the CLI.
 *
 * A parser is a pure function `text → { papers, issues, notices }`: it never touches the
 * file system, so the same drafts can be produced in tests, in the benchmark and in the CLI.
 */
import type { CategoryCode } from '../lib/categories.ts';
import type { LinkKind, PaperInput } from '../schema.ts';

/**
 * One paper as a parser produced it, before it is validated and written.
 * `toMarkdown` (src/importer/markdown.ts) turns it into the file's text.
 */
export interface PaperDraft {
  /**
   * The frontmatter as it will be written, without `imported` (the writer adds
   * `{ from, hash }`). Validated with `paperSchema` before anything is written.
   */
  data: PaperInput;
  /**
   * The abstract as Markdown: plain text escaped so that it never turns into markup,
   * LaTeX text macros converted (`\emph{x}` → `*x*`), math kept as `$…$`,
   * footnotes as Markdown footnotes. May be empty.
   */
  body: string;
  /** 1-based line in the source where the entry starts (for messages). */
  line: number;
  /** The entry's key in its source (BibTeX), for the import report. */
  key?: string;
  /**
   * What of the entry was not imported, one sentence each (`pdf "x.pdf" is a file name…`,
   * `fields left out: file, urldate`): the import report lists them under the entry.
   */
  leftOut?: string[];
  /** Things about the entry worth a warning that did not stop it (a key used twice…). */
  warnings?: string[];
  /**
   * Files the entry names by a relative name (al-folio's `pdf = {paper.pdf}`): the CLI
   * looks for them in `--files DIR`, copies them in and links them, or reports them.
   */
  attachments?: Attachment[];
}

/** A file an entry names by a relative file name, and the link it would become. */
export interface Attachment {
  /** The field that names it, e.g. `pdf`. */
  field: string;
  /** The name as written, e.g. `paper.pdf` or `assets/pdf/paper.pdf`. */
  name: string;
  kind: LinkKind;
  label: string;
}

/**
 * Something wrong with one entry of the source. The entry is left out; the others are
 * still imported and the CLI exits non-zero.
 */
export interface ImportIssue {
  /** The source file as the user named it (or the path written into `imported.from`). */
  file: string;
  /** 1-based line of the problem. */
  line: number;
  /** "what was wrong, what was expected", e.g. `unknown category "XY", expected an arXiv cs code such as CL, CV or LG`. */
  message: string;
  /** The entry's key, when it could be read. */
  key?: string;
  /** The problem is with the whole source (no entries at all), not with one entry of it. */
  wholeSource?: boolean;
}

/** Formats `file:line: message`, the one way an issue is shown to users. */
export function formatIssue(issue: ImportIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** What every parser returns. */
export interface ParseResult {
  /** Entries that parsed, in source order. */
  papers: PaperDraft[];
  /** Entries that were left out, with where and why. */
  issues: ImportIssue[];
  /** Things worth telling the user that are not errors (e.g. "2 entries had no abstract"). */
  notices: string[];
  /** Entries that are not papers (a `@proceedings` only named by other entries' `crossref`). */
  notPapers?: NotPaper[];
}

/** An entry of the source that was read but is not a paper of its own. */
export interface NotPaper {
  line: number;
  key: string;
  /** Why, as a sentence. */
  reason: string;
}

/** The source formats the importer reads. */
export const SOURCE_FORMATS = ['listing', 'bibtex', 'ris', 'csl-json'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Options every parser receives. */
export interface ParseOptions {
  /** The source file name, used in issues and in `imported.from`. */
  file: string;
  /**
   * `YYYY-MM-DD`: a listing date without a year is the most recent such date on or
   * before this day. Defaults to today (UTC).
   */
  asOf?: string;
  /**
   * Category for entries whose source names none (BibTeX without `primaryClass`); by
   * default such entries get no category (`SITE.defaultCategory` can set one).
   */
  defaultCategory?: CategoryCode;
}

/** A pure parser for one format. */
export type SourceParser = (text: string, options: ParseOptions) => ParseResult;

/** Options of `parseSource`: a parser's options plus an optional forced format. */
export interface ParseSourceOptions extends ParseOptions {
  /** Force a format; otherwise it is detected from the file extension, then the content. */
  format?: SourceFormat;
}
