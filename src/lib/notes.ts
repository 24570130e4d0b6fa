/**
 * Reading notes (content/notes/*.md): what people of the group write about a paper. The one
 * loader (src/lib/papers.ts) renders the `notes` collection's Markdown through remark
 * (`renderNotes`, src/lib/markdown.ts), then `attachNotes` checks each note's paper and hangs
 * the notes on their papers and the sessions they name, before the search records are made.
 *
 * Notes are written by people and never by the importer, so a re-import cannot touch them.
 */
import { readFileSync } from 'node:fs';
import type { CollectionEntry } from 'astro:content';
import { closest } from 'fastest-levenshtein';
import { NOTE_RATING_MAX, type NOTE_STATUSES } from '../schema.ts';
import { SITE } from '../site.config.ts';
import { absoluteUrl } from './head.ts';
import { fillMessage, numberText, paperDate, t } from './i18n.ts';
import { createRemarkRenderer } from './markdown.ts';
import { normaliseName } from './names.ts';
import type { AuthorGroup, Catalog, PaperView } from './papers.ts';
import { buildSessions, type SessionClaim, type SessionRef } from './sessions.ts';
import { slugify } from './slug.ts';
import { url } from './urls.ts';
import { notePath } from '../shared/paths.ts';

export type NoteEntry = CollectionEntry<'notes'>;

/** A person named by a note (its author, a presenter): linked when they have an author page. */
export interface PersonRef {
  /** The person's display name: the author page's spelling when there is one. */
  name: string;
  /**
   * Who the person is: their slug (the one slug function), or their name when it has no
   * letters the slug keeps (Chinese, Korean…), so two such names stay two people.
   */
  key: string;
  /** Site path of their author page (which shows their profile), when they have one. */
  path?: string;
  isLabMember: boolean;
}

export type NoteStatus = (typeof NOTE_STATUSES)[number];

const STATUS_LABELS: Record<NoteStatus, string> = {
  'to-read': t.notes.status.toRead,
  skimmed: t.notes.status.skimmed,
  reading: t.notes.status.reading,
  read: t.notes.status.read,
  presented: t.notes.status.presented,
};

export interface NoteView {
  /** Content id: the file name without `.md`. */
  id: string;
  /** Element id of the note, on its paper's page and on /notes/. */
  anchor: string;
  /** Site path of the note: `/papers/<slug>/#note-<id>`. */
  path: string;
  /** The note's file, as error messages name it. */
  file: string;
  paper: PaperView;
  author: PersonRef;
  /** `YYYY-MM-DD`, when the note was written. */
  date: string;
  /** "1 December 2026". */
  dateLabel: string;
  /** The note's heading on its paper's page: its title, or "Note by <author>". */
  headingOnPaper: string;
  /** The note's heading among all notes: its title, or the paper's title. */
  headingInList: string;
  /** The note's own title, when it has one. */
  title?: string;
  rating?: { value: number; max: number; stars: string; label: string };
  status?: { value: NoteStatus; label: string };
  /** The session the note was written for. */
  session?: SessionRef;
  /** The note as HTML for pages (math as KaTeX HTML, links base-prefixed). */
  html: string;
  /** The note as HTML for feeds (math as MathML, links absolute). */
  feedHtml: string;
  /** The note as plain text (math as TeX), for search and feed summaries. */
  text: string;
}

/** Everything `attachNotes` needs besides the entries, from the loader. */
export interface NoteContext {
  /** Ids of every paper entry, drafts included (a note on a draft paper is hidden, not an error). */
  allPaperIds: ReadonlySet<string>;
  isLabMember: (slug: string) => boolean;
  /** Slug of another spelling of a lab member → slug of their page (people entries' `otherNames`). */
  aliasOf: ReadonlyMap<string, string>;
}

/** A note's Markdown rendered: page and feed HTML, and its text. */
export interface RenderedNote {
  html: string;
  feedHtml: string;
  text: string;
}

/** The notes collection as the loader hands it to `buildCatalog`. */
export interface NotesInput {
  entries: readonly NoteEntry[];
  /** Each note with text, rendered, by id (`renderNotes`). */
  rendered: ReadonlyMap<string, RenderedNote>;
}

/** A note's highest heading: notes sit under an h2 section and their own h3 heading. */
const NOTE_TOP_HEADING = 4;

/**
 * The person called `name`, linked to their author page (which shows a lab member's profile)
 * when the slug of the name, or of another spelling a people entry gives, matches one.
 */
export function personRef(
  name: string,
  catalog: Pick<Catalog, 'authorsBySlug' | 'personGroups'>,
  context: NoteContext,
): PersonRef {
  const slug = slugify(name);
  const key = slug === '' ? '' : (context.aliasOf.get(slug) ?? slug);
  const group: AuthorGroup | undefined = key
    ? (catalog.authorsBySlug.get(key) ?? catalog.personGroups.get(key))
    : undefined;
  if (group) return { name: group.name, key, path: group.path, isLabMember: group.isLabMember };
  const display = normaliseName(name);
  return { name: display, key: key || display, isLabMember: key !== '' && context.isLabMember(key) };
}

/** 1-based line of the first `field:` line of a file's frontmatter, for error messages. */
function fieldLine(file: string, field: string): number | undefined {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const index = lines.findIndex((line) => line.startsWith(`${field}:`));
  return index >= 0 ? index + 1 : undefined;
}

/** The error for notes whose `paper` names no paper of the site, all of them at once. */
function missingPapersError(entries: readonly NoteEntry[], paperIds: readonly string[]): Error {
  const lines = entries.map((entry) => {
    const file = entry.filePath ?? `content/notes/${entry.id}.md`;
    const line = entry.filePath ? fieldLine(entry.filePath, 'paper') : undefined;
    const wanted = entry.data.paper.id;
    const suggestion = paperIds.length > 0 ? closest(wanted, [...paperIds]) : undefined;
    return (
      `${file}${line ? `:${line}` : ''}: paper "${wanted}" is not a paper of this site ` +
      `(expected the file name of a paper in content/papers/ without ".md"` +
      `${suggestion ? `, e.g. "${suggestion}"` : ''})`
    );
  });
  return new Error(
    `${lines.length === 1 ? 'A note names' : `${lines.length} notes name`} a missing paper:\n${lines.join('\n')}`,
  );
}

function compareNewestFirst(a: { date: string; id: string }, b: { date: string; id: string }): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A note's page and feed HTML and its text. */
async function renderNote(id: string, markdown: string): Promise<RenderedNote> {
  const common = {
    idPrefix: `note-${id}-`,
    topHeadingLevel: NOTE_TOP_HEADING,
    remarkPlugins: SITE.notes.remarkPlugins,
    rehypePlugins: SITE.notes.rehypePlugins,
  };
  const [page, feed] = await Promise.all([
    createRemarkRenderer({ ...common, sitePath: url })(markdown),
    createRemarkRenderer({ ...common, sitePath: absoluteUrl, math: 'mathml' })(markdown),
  ]);
  return { html: page.html, feedHtml: feed.html, text: page.text };
}

/** Renders every note that has text (a note without text only names a session). */
export async function renderNotes(entries: readonly NoteEntry[]): Promise<Map<string, RenderedNote>> {
  const withText = entries.filter((entry) => !entry.data.draft && entry.body?.trim());
  const rendered = await Promise.all(withText.map((entry) => renderNote(entry.id, entry.body ?? '')));
  return new Map(withText.map((entry, i) => [entry.id, rendered[i]]));
}

/**
 * Checks and attaches the notes: each paper's `notes` (newest first), the catalog's `notes`
 * (newest first) and `sessions` (oldest first, from notes and papers). Drafts, and notes on
 * draft papers, are left out. Throws, naming every file, when notes name papers that do not
 * exist.
 */
export function attachNotes(catalog: Catalog, { entries, rendered }: NotesInput, context: NoteContext): void {
  const missing = entries.filter((entry) => !context.allPaperIds.has(entry.data.paper.id));
  if (missing.length > 0) throw missingPapersError(missing, [...context.allPaperIds]);

  const published = entries
    .filter((entry) => !entry.data.draft && catalog.bySlug.has(entry.data.paper.id))
    .sort((a, b) => compareNewestFirst({ date: a.data.date, id: a.id }, { date: b.data.date, id: b.id }));

  const person = (name: string) => personRef(name, catalog, context);
  // Sessions hear from the oldest note first: its presenter is named first, its time stands.
  const claims: SessionClaim[] = [];
  const notes: NoteView[] = [];
  published.forEach((entry) => {
    const data = entry.data;
    const paper = catalog.bySlug.get(data.paper.id) as PaperView;
    const file = entry.filePath ?? `content/notes/${entry.id}.md`;
    const body = rendered.get(entry.id);
    let note: NoteView | undefined;
    if (body) {
      const author = person(data.author);
      const anchor = `note-${entry.id}`;
      note = {
        id: entry.id,
        anchor,
        path: notePath(paper.slug, anchor),
        file,
        paper,
        author,
        date: data.date,
        dateLabel: paperDate(data.date, 'day'),
        headingOnPaper: data.title ?? fillMessage(t.notes.noteBy, { name: author.name }),
        headingInList: data.title ?? paper.titleText,
        title: data.title,
        rating:
          data.rating === undefined
            ? undefined
            : {
                value: data.rating,
                max: NOTE_RATING_MAX,
                stars: '★'.repeat(data.rating) + '☆'.repeat(NOTE_RATING_MAX - data.rating),
                label: fillMessage(t.notes.rated, {
                  rating: numberText(data.rating),
                  max: numberText(NOTE_RATING_MAX),
                }),
              },
        status: data.status && { value: data.status, label: STATUS_LABELS[data.status] },
        ...body,
      };
      notes.push(note);
      paper.notes.push(note);
    }
    if (data.session) {
      claims.unshift({
        date: data.session,
        time: data.time,
        place: data.place,
        paper,
        presenter: data.presenter === undefined ? undefined : person(data.presenter),
        note,
        file,
        written: data.date,
      });
    }
  });

  for (const paper of catalog.papers) {
    const data = paper.entry.data;
    if (!data.session) continue;
    claims.push({
      date: data.session,
      time: data.time,
      place: data.place,
      paper,
      presenter: data.presenter === undefined ? undefined : person(data.presenter),
      file: paper.entry.filePath ?? `content/papers/${paper.slug}.md`,
    });
  }

  const sessions = buildSessions(claims);
  for (const session of sessions) {
    for (const item of session.papers) {
      const ref: SessionRef = { path: session.path, dateLabel: session.dateLabel, presenters: item.presenters };
      item.paper.sessions.push(ref);
      for (const note of item.notes) note.session = ref;
    }
  }
  catalog.notes = notes;
  catalog.sessions = sessions;
}

/**
 * Does the site have a reading group: notes or sessions? Only then are /notes/ and /sessions/
 * built and linked (a bibliography without a group gets no empty pages).
 */
export function hasReadingGroup(catalog: Pick<Catalog, 'notes' | 'sessions'>): boolean {
  return catalog.notes.length > 0 || catalog.sessions.length > 0;
}

/** The notes of one month, for a listing's headings. */
export interface NotesMonth {
  /** Element id of the month's heading: `notes-2026-11`. */
  id: string;
  /** "November 2026". */
  label: string;
  notes: NoteView[];
}

/** Notes (newest first) in runs by the month they were written. */
export function notesByMonth(notes: readonly NoteView[]): NotesMonth[] {
  const months: NotesMonth[] = [];
  for (const note of notes) {
    const id = `notes-${note.date.slice(0, 7)}`;
    let month = months.at(-1);
    if (month?.id !== id) {
      month = { id, label: paperDate(note.date, 'month'), notes: [] };
      months.push(month);
    }
    month.notes.push(note);
  }
  return months;
}
