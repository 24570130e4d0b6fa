/**
 * What the build and the browser both know about reading notes (no DOM, no `node:`): the
 * fragment of a paper page's notes section. A count of notes reads as the dictionary's
 * `counts.notes` says, in the build and the browser alike.
 */

/** Element id of the notes section on a paper page: `/papers/<slug>/#notes`. */
export const NOTES_FRAGMENT = 'notes';
