/** The site's main navigation, in one place for the header of every page. */
import { hasReadingGroup } from './notes.ts';
import { t } from './i18n.ts';
import { loadCatalog } from './papers.ts';
import { NOTES_PATH, SESSIONS_PATH } from '../shared/paths.ts';

export interface NavItem {
  /** Site path, passed to `url()`. */
  path: string;
  label: string;
  /** Other sections this item stands for in the header (marked current there too). */
  also?: readonly string[];
}

const PAPERS: NavItem = { path: '/papers/', label: t.nav.papers };
/** Pages a lab's site has (people entries or `SITE.labMembers` with papers). */
const LAB_NAV: readonly NavItem[] = [
  { path: '/publications/', label: t.nav.publications },
  { path: '/people/', label: t.nav.people },
];
const BROWSE_NAV: readonly NavItem[] = [
  { path: '/authors/', label: t.nav.authors },
  { path: '/topics/', label: t.nav.topics },
  { path: '/years/', label: t.nav.years },
  { path: '/affiliations/', label: t.nav.affiliations },
  { path: '/tags/', label: t.nav.tags },
];
/** The reading group's pages (its notes, and its sessions one link away: READING_GROUP_NAV). */
const READING_GROUP: NavItem = { path: NOTES_PATH, label: t.nav.notes, also: [SESSIONS_PATH] };
const READING_LIST: NavItem = { path: '/reading-list/', label: t.nav.readingList };

/** The header links: the lab's pages only on a lab's site, the reading group's only on a site with one. */
export async function mainNav(): Promise<NavItem[]> {
  const catalog = await loadCatalog();
  return [
    PAPERS,
    ...(catalog.people.length > 0 ? LAB_NAV : []),
    ...BROWSE_NAV,
    ...(hasReadingGroup(catalog) ? [READING_GROUP] : []),
    READING_LIST,
  ];
}

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
  { path: NOTES_PATH, label: t.nav.notes },
  { path: SESSIONS_PATH, label: t.readingGroup.sessions },
];
