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
import { PROFILE_KINDS, profileExpected, profileUrl, type ProfileKind } from './lib/profiles.ts';

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
  .pipe(
    z.string().refine(isIsoDate, {
      error: (issue) => `"${String(issue.input)}" is not a real date, expected YYYY-MM-DD (a day that exists)`,
    }),
  );

/** What a link is, so pages can label it ("PDF", "Code") and exports can map it. */
export const LINK_KINDS = [
  'pdf',
  'code',
  'slides',
  'video',
  'poster',
  'website',
  'supplement',
  'blog',
  'html',
  'other',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The site path of a file copied in by the importer (`--files`). */
export const SITE_FILE = /^\/files\/[^\s?#]+$/;

/** `HH:MM` on the 24-hour clock. */
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The reading-group session a note or a paper names: the day it is discussed, and
 * optionally who presents it, when and where. Every entry naming the same day is one
 * session (src/lib/sessions.ts); a time or place given twice must agree.
 */
export const sessionFields = {
  /** Day of the session, `YYYY-MM-DD`. */
  session: isoDate.optional(),
  /** Who presents the paper in that session: a person of the lab or any name. */
  presenter: z.string().trim().min(1).optional(),
  /** Start time, `HH:MM` (24-hour) in the time zone of `SITE.sessions`; without it the session is all day. */
  time: z
    .string()
    .regex(CLOCK_TIME, { message: 'expected a time as HH:MM on the 24-hour clock, e.g. "16:00"' })
    .optional(),
  /** Where the group meets: a room, an address or a video-call link. */
  place: z.string().trim().min(1).optional(),
};

export const linkSchema = z.object({
  /** What the link is, shown as its text: "PDF", "Project page", "Slides"… */
  label: z.string().min(1),
  /**
   * A web address, or the site path of a file the importer copied in with `--files`
   * (`/files/<hash>/paper.pdf`, served next to the pages).
   */
  url: z.union([z.url(), z.string().regex(SITE_FILE, 'expected a web address or a site file path /files/…')]),
  /** The kind of resource; a link without one is shown by its label only. */
  kind: z.enum(LINK_KINDS).optional(),
});

const SELECTED_ERROR = 'expected true, false or a whole number from 1 (the paper’s place among the selected papers)';

/** A field a source may leave out; when present it is never empty. */
const text = z.string().min(1);

export const paperSchema = z.object({
  /** Typographic Unicode title (‘quotes’, en dashes); may hold `$…$` math. */
  title: z.string().min(1),
  /**
   * Display names in the order the paper lists them. May be empty: an entry with no
   * author, editor, organisation, institution or publisher has none.
   */
  authors: z.array(text).default([]),
  /** The source said "et al." / "and others": the author list is incomplete. */
  authorsTruncated: z.boolean().default(false),
  affiliations: z.array(z.string().min(1)).default([]),
  /**
   * Publication date, `YYYY-MM-DD`. Absent for undated papers ("in press", a web page),
   * which show as "n.d.", sort after every dated paper and have no year page.
   */
  date: isoDate.optional(),
  /** How much of `date` is known: BibTeX entries often give only a year or a month. */
  datePrecision: z.enum(['day', 'month', 'year']).default('day'),
  /** arXiv subject class, e.g. `cs.CL`; absent when the source names none (no topic page). */
  category: z.enum(CATEGORY_CODES).optional(),
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
  /** Free keywords (BibTeX `keywords`, or added by hand): the lab's own taxonomy, a page per tag. */
  tags: z.array(z.string().min(1)).default([]),

  // Bibliographic fields, kept as the source wrote them so every export gives them back.
  volume: text.optional(),
  /** BibTeX `number`: the issue of a journal volume (or a report's number). */
  issue: text.optional(),
  /** Page range as written, e.g. `123--145` or `e1002`. */
  pages: text.optional(),
  publisher: text.optional(),
  /** Where the publisher or conference is (BibTeX `address`). */
  address: text.optional(),
  /** Editors' display names, in order. */
  editors: z.array(text).default([]),
  series: text.optional(),
  edition: text.optional(),
  isbn: text.optional(),
  issn: text.optional(),
  /** A thesis's university. */
  school: text.optional(),
  /** A report's institution. */
  institution: text.optional(),
  /** The organisation behind a manual, standard or conference. */
  organization: text.optional(),
  howpublished: text.optional(),
  note: text.optional(),
  /** BibTeX `eprint`, `archivePrefix`, `primaryClass` exactly as the source had them. */
  eprint: text.optional(),
  archivePrefix: text.optional(),
  primaryClass: text.optional(),
  /** The paper's own web address (BibTeX `url`). */
  url: z.url().optional(),

  // al-folio's own fields, read from its `_bibliography/papers.bib`.
  /**
   * Featured in "Selected papers" on the home page: `true` (al-folio's form; such papers
   * come newest first), or a place in the lab's own order, `1` first, ahead of the `true`s.
   */
  selected: z
    .union([z.boolean(), z.number().int({ error: SELECTED_ERROR }).positive({ error: SELECTED_ERROR })], {
      error: SELECTED_ERROR,
    })
    .default(false),
  /** Venue badge, e.g. `NeurIPS`. */
  abbr: text.optional(),
  /** Preview image: a file name or a web address. */
  preview: text.optional(),
  /** al-folio's `bibtex_show`: the lab shows the BibTeX on its own site. */
  bibtexShow: z.boolean().default(false),
  /** An award the paper received, e.g. "Best Paper Award". */
  award: text.optional(),
  /** al-folio's `additional_info`: a line shown after the venue. */
  additionalInfo: text.optional(),
  /** Drafts are kept out of every page, feed and index. */
  draft: z.boolean().default(false),
  /** BibTeX entry key and type, kept so `/papers.bib` round-trips a lab's own file. */
  bibtexKey: z.string().optional(),
  bibtexType: z.string().optional(),
  ...sessionFields,
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
export type PaperInput = Omit<z.input<typeof paperSchema>, 'date'> & { date?: string };
/** A paper's frontmatter after validation (defaults applied). */
export type PaperData = z.output<typeof paperSchema>;

/** Where the note's author is with the paper; shown next to the note. */
export const NOTE_STATUSES = ['to-read', 'skimmed', 'reading', 'read', 'presented'] as const;

/** Ratings go from 1 to this. */
export const NOTE_RATING_MAX = 5;

/**
 * A reading note (`content/notes/<paper-slug>[-n].md`): what a person of the group says
 * about one paper, written by hand and never touched by the importer. The Markdown body is
 * the note; a note with an empty body only names a session (see `sessionFields`).
 *
 * `paper` is passed in: the site's collection uses Astro's `reference('papers')`, which the
 * importer and unit tests (outside Astro) cannot import.
 */
export function noteSchema<Paper extends z.ZodType>(paper: Paper) {
  return z.object({
    /** The paper the note is about: its file name in content/papers/ without `.md`. */
    paper,
    /** Who wrote the note: a person of the lab (linked to their page when the name matches) or any name. */
    author: z.string().trim().min(1),
    /** When the note was written, `YYYY-MM-DD`. Notes list newest first. */
    date: isoDate,
    /** A heading for the note; without one it is "Note by <author>" (or the paper's title among all notes). */
    title: z.string().trim().min(1).optional(),
    /** How much the author recommends the paper, 1 to NOTE_RATING_MAX. */
    rating: z.number().int().min(1).max(NOTE_RATING_MAX).optional(),
    status: z.enum(NOTE_STATUSES).optional(),
    /** Drafts are kept out of every page, feed and index. */
    draft: z.boolean().default(false),
    ...sessionFields,
  });
}

/**
 * A person's links, each written as a full URL or the short form the service is known by
 * (`@name@mastodon.social`, an ORCID iD…); src/lib/profiles.ts reads them.
 */
const profileLinksSchema = z
  .object(
    Object.fromEntries(
      PROFILE_KINDS.map((kind) => [
        kind,
        z
          .string()
          .trim()
          .refine((value) => profileUrl(kind, value) !== undefined, {
            message: `expected ${profileExpected(kind)}`,
          })
          .optional(),
      ]),
    ) as Record<ProfileKind, z.ZodOptional<z.ZodString>>,
  )
  .strict();

const year = z.number().int().min(1900).max(2200);

/**
 * A lab member, `content/people/<slug>.md`, written by people (never by the importer). The
 * Markdown body is the short bio. `photo` is an image next to the entry, passed in by the
 * collection (`image()` from `astro:content`), so this module stays importable without Astro.
 */
export function personSchema<Photo extends z.ZodType>(photo: Photo) {
  return z
    .object({
      /** The name as it appears on papers; the profile attaches to this author's page. */
      name: z.string().trim().min(1),
      /**
       * Other spellings on papers ("Y. Belinkov", a former surname, a name in another script):
       * papers written with any of them join the one author page of `name`.
       */
      otherNames: z.array(z.string().trim().min(1)).default([]),
      /**
       * "Principal investigator", "Postdoc", "PhD student", "Master's student",
       * "Undergraduate", "Staff" (common variants such as "PhD candidate" group with these),
       * or any other text, which becomes its own group on /people/.
       */
      role: z.string().trim().min(1),
      /** Year the person joined the lab. */
      joined: year.optional(),
      /** Year the person left; setting it makes them an alumnus. */
      left: year.optional(),
      /** An alumnus whose leaving year is not given. */
      alumni: z.boolean().default(false),
      /** Where an alumnus went: "Google DeepMind", "Assistant Professor at ETH Zürich". */
      nowAt: z.string().trim().min(1).optional(),
      /** A photo next to the entry (`./jane.jpg`); without one the site draws initials. */
      photo: photo.optional(),
      /** "she/her", "they/them"… shown after the name. */
      pronouns: z.string().trim().min(1).optional(),
      /** Research interests, shown on /people/ and the profile. */
      interests: z.array(z.string().trim().min(1)).default([]),
      links: profileLinksSchema.default({}),
      /** Position within the person's group on /people/ (lower first); A–Z by name otherwise. */
      order: z.number().optional(),
    })
    .strict()
    .refine((person) => person.joined === undefined || person.left === undefined || person.left >= person.joined, {
      message: '`left` is before `joined`',
      path: ['left'],
    });
}
