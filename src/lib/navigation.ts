/** The site's main navigation, in one place for the header of every page. */
import { NOTES_PATH, SESSIONS_PATH } from '../shared/paths.ts';

export interface NavItem {
  /** Site path, passed to `url()`. */
  path: string;
  label: string;
  /** Other sections this item stands for in the header (marked current there too). */
  also?: readonly string[];
}

export const MAIN_NAV: readonly NavItem[] = [
  { path: '/papers/', label: 'Papers' },
  { path: '/authors/', label: 'Authors' },
  { path: '/topics/', label: 'Topics' },
  { path: '/years/', label: 'Years' },
  { path: '/affiliations/', label: 'Affiliations' },
  // The reading group's pages: its notes, and its sessions one link away (NotesNav).
  { path: NOTES_PATH, label: 'Notes', also: [SESSIONS_PATH] },
  { path: '/reading-list/', label: 'Reading list' },
];

/** Is `current` (a site path without base) inside the section at `path`? */
export function isCurrentSection(path: string, current: string): boolean {
  return current === path || current.startsWith(path);
}

/** Is `current` inside the section of `item`, or of a section it stands for? */
export function isCurrentItem(item: NavItem, current: string): boolean {
  return [item.path, ...(item.also ?? [])].some((path) => isCurrentSection(path, current));
}

/** The reading group's two pages, linked from each other. */
export const READING_GROUP_NAV: readonly NavItem[] = [
  { path: NOTES_PATH, label: 'Notes' },
  { path: SESSIONS_PATH, label: 'Sessions' },
];
