/**
 * The site path (base excluded, e.g. `/authors/ada-lovelace/`) of every kind of page. The
 * build makes its pages and its links with these functions and hands the resulting paths to
 * the browser; the browser never builds a path from a display name.
 *
 * A route file in `src/pages` and its function here must agree; the link check over the
 * built site (tests/build/links.test.ts) fails when they do not.
 */

/** `/papers/<slug>/`: one paper. */
export const paperPath = (slug: string): string => `/papers/${slug}/`;

/** `/authors/<slug>/`: one person's papers. */
export const authorPath = (slug: string): string => `/authors/${slug}/`;

/** `/topics/<slug>/`: one arXiv category's papers. */
export const topicPath = (slug: string): string => `/topics/${slug}/`;

/** `/years/<year>/`: one year's papers. */
export const yearPath = (year: number | string): string => `/years/${year}/`;

/** `/affiliations/<slug>/`: one institution's papers. */
export const affiliationPath = (slug: string): string => `/affiliations/${slug}/`;

/** `/tags/<slug>/`: one keyword's papers. */
export const tagPath = (slug: string): string => `/tags/${slug}/`;

/** The search page. */
export const SEARCH_PATH = '/search/';

/** The search page's query parameter for the typed words (`/search/?q=…`), named by every search form. */
export const SEARCH_TERM_PARAM = 'q';

/** `/notes/`: every reading note, newest first (then `/notes/2/`…). */
export const NOTES_PATH = '/notes/';

/** The notes' RSS feed. */
export const NOTES_FEED_PATH = '/notes/rss.xml';

/** One note, on its paper's page: `/papers/<slug>/#note-<id>`. */
export const notePath = (paperSlug: string, anchor: string): string => `${paperPath(paperSlug)}#${anchor}`;

/** `/sessions/`: the reading group's sessions. */
export const SESSIONS_PATH = '/sessions/';

/** One session, on the sessions page: `/sessions/#session-2026-12-08`. */
export const sessionPath = (id: string): string => `${SESSIONS_PATH}#${id}`;

/** The sessions as an iCalendar feed. */
export const CALENDAR_PATH = '/sessions.ics';
