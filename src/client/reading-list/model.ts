/**
 * The reading list's state model: which papers a reader starred and which they have
 * read. Pure functions over plain data, so the browser glue stays thin and all the
 * rules (what is kept, how the list is ordered, how stored text is read back) are
 * unit-tested without a browser.
 */

/** What the reader did with one paper. A paper may be read without being starred. */
export interface PaperMark {
  starred: boolean;
  read: boolean;
  /** When the paper was (last) starred, in ms since the epoch; orders the list. */
  starredAt: number;
}

/** The whole reading list, keyed by paper slug. */
export interface ReadingListState {
  papers: Record<string, PaperMark>;
}

/** Version of the stored JSON; bump it (and read the old one) if the shape ever changes. */
export const STATE_VERSION = 1;

/** A reading list with nothing in it. */
export function emptyState(): ReadingListState {
  return { papers: {} };
}

/** The marks of one paper (unstarred and unread when the list does not know it). */
export function markOf(state: ReadingListState, slug: string): PaperMark {
  return state.papers[slug] ?? { starred: false, read: false, starredAt: 0 };
}

function withMark(state: ReadingListState, slug: string, mark: PaperMark): ReadingListState {
  const papers = { ...state.papers };
  // A paper neither starred nor read carries no information: drop it to keep storage small.
  if (mark.starred || mark.read) papers[slug] = mark;
  else delete papers[slug];
  return { papers };
}

/** Stars or unstars a paper; starring puts it at the top of its group. */
export function setStarred(state: ReadingListState, slug: string, starred: boolean, now: number): ReadingListState {
  const mark = markOf(state, slug);
  if (mark.starred === starred) return state;
  return withMark(state, slug, { ...mark, starred, starredAt: starred ? now : 0 });
}

/** Marks a paper read or unread. */
export function setRead(state: ReadingListState, slug: string, read: boolean): ReadingListState {
  const mark = markOf(state, slug);
  if (mark.read === read) return state;
  return withMark(state, slug, { ...mark, read });
}

/**
 * Slugs of the starred papers in reading order: unread papers first, then read ones;
 * within each group the most recently starred first (ties by slug, so the order is stable).
 */
export function starredInOrder(state: ReadingListState): string[] {
  return Object.entries(state.papers)
    .filter(([, mark]) => mark.starred)
    .sort(
      ([slugA, a], [slugB, b]) =>
        Number(a.read) - Number(b.read) || b.starredAt - a.starredAt || (slugA < slugB ? -1 : slugA > slugB ? 1 : 0),
    )
    .map(([slug]) => slug);
}

/** Serialises the state for localStorage. */
export function serializeState(state: ReadingListState): string {
  return JSON.stringify({ version: STATE_VERSION, papers: state.papers });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads stored text back. Storage is shared with whatever else runs on the origin (all
 * file:// pages share one), so anything malformed is skipped rather than trusted:
 * a broken entry costs that entry, never the whole list. `null` (nothing stored) gives
 * an empty list.
 */
export function parseState(text: string | null): ReadingListState {
  if (text === null) return emptyState();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return emptyState();
  }
  if (!isRecord(data) || data.version !== STATE_VERSION || !isRecord(data.papers)) {
    return emptyState();
  }
  let state = emptyState();
  for (const [slug, value] of Object.entries(data.papers)) {
    if (!isRecord(value) || slug === '') continue;
    const starredAt = typeof value.starredAt === 'number' && Number.isFinite(value.starredAt) ? value.starredAt : 0;
    state = withMark(state, slug, {
      starred: value.starred === true,
      read: value.read === true,
      starredAt,
    });
  }
  return state;
}
