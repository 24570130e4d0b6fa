/**
 * What the build and the browser both say about reading notes (no DOM, no `node:`): the
 * fragment of a paper page's notes section and how a count of notes reads.
 */

/** Element id of the notes section on a paper page: `/papers/<slug>/#notes`. */
export const NOTES_FRAGMENT = 'notes';

/** "1 note", "3 notes". */
export function notesCount(count: number): string {
  return `${count} ${count === 1 ? 'note' : 'notes'}`;
}
