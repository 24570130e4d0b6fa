/**
 * The paper schema: the contract between the importers, people editing
 * `content/papers/*.md` by hand, and the site. `src/content.config.ts` uses it for the
 * collection and the importers validate every entry they write against it, so an
 * imported file cannot fail the build.
 *
 * Only add fields (optional or with a default); renaming one breaks users' files.
 */
import { z } from 'astro/zod';
import { CATEGORY_CODES } from './lib/categories.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is `YYYY-MM-DD` and names a real calendar day (no Feb 31). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date kept as `YYYY-MM-DD` text. YAML turns an unquoted `2022-06-09` into a
 * Date at UTC midnight, so hand-written files may hold either form.
 */
const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().refine(isIsoDate, { message: 'expected a real date as YYYY-MM-DD' }));

export const linkSchema = z.object({
  /** What the link is, shown as its text: "PDF", "Project page", "Slides"… */
  label: z.string().min(1),
  url: z.url(),
});

export const paperSchema = z.object({
  /** Typographic Unicode title (‘quotes’, en dashes); may hold `$…$` math. */
  title: z.string().min(1),
  /** Display names in the order the paper lists them. */
  authors: z.array(z.string().min(1)).min(1),
  /** The source said "et al." / "and others": the author list is incomplete. */
  authorsTruncated: z.boolean().default(false),
  affiliations: z.array(z.string().min(1)).default([]),
  /** Publication date, `YYYY-MM-DD`. */
  date: isoDate,
  /** How much of `date` is known: BibTeX entries often give only a year or a month. */
  datePrecision: z.enum(['day', 'month', 'year']).default('day'),
  /** arXiv subject class, e.g. `cs.CL`. */
  category: z.enum(CATEGORY_CODES),
  /** The listing flagged the paper as having code. */
  hasCode: z.boolean().default(false),
  /** Repository or project page named in the abstract or the source. */
  codeUrl: z.url().optional(),
  /** The listing's leading figure, e.g. `93.0`. */
  score: z.number().optional(),
  /** arXiv identifier such as `2206.04615`, when known. */
  arxivId: z.string().optional(),
  /** DOI such as `10.18653/v1/2023.acl-long.1`, without a resolver prefix. */
  doi: z.string().optional(),
  /** Journal or proceedings the paper appeared in. */
  venue: z.string().optional(),
  /** Other links shown on the paper page (PDF, slides, project page…). */
  links: z.array(linkSchema).default([]),
  /** Free keywords (BibTeX `keywords`, or added by hand). */
  tags: z.array(z.string().min(1)).default([]),
  /** Drafts are kept out of every page, feed and index. */
  draft: z.boolean().default(false),
  /** BibTeX entry key and type, kept so `/papers.bib` round-trips a lab's own file. */
  bibtexKey: z.string().optional(),
  bibtexType: z.string().optional(),
  /**
   * Written by the importer: where the entry came from and a hash of the file as it
   * was written, so a later import can tell a hand-edited file from its own output.
   */
  imported: z
    .object({
      from: z.string(),
      hash: z.string(),
    })
    .optional(),
});

/**
 * A paper's frontmatter as the importers write it (before defaults). Hand-written files
 * may also hold an unquoted YAML date, which the schema accepts; importers always write
 * `YYYY-MM-DD` text.
 */
export type PaperInput = Omit<z.input<typeof paperSchema>, 'date'> & { date: string };
/** A paper's frontmatter after validation (defaults applied). */
export type PaperData = z.output<typeof paperSchema>;
