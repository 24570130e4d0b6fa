/** The site's main navigation, in one place for the header of every page. */
import { loadCatalog } from './papers.ts';

export interface NavItem {
  /** Site path, passed to `url()`. */
  path: string;
  label: string;
}

const PAPERS: NavItem = { path: '/papers/', label: 'Papers' };
/** Pages a lab's site has (people entries or `SITE.labMembers` with papers). */
const LAB_NAV: readonly NavItem[] = [
  { path: '/publications/', label: 'Publications' },
  { path: '/people/', label: 'People' },
];
const BROWSE_NAV: readonly NavItem[] = [
  { path: '/authors/', label: 'Authors' },
  { path: '/topics/', label: 'Topics' },
  { path: '/years/', label: 'Years' },
  { path: '/affiliations/', label: 'Affiliations' },
  { path: '/tags/', label: 'Tags' },
  { path: '/reading-list/', label: 'Reading list' },
];

/** The header links: the lab's pages only on a lab's site. */
export async function mainNav(): Promise<NavItem[]> {
  const { people } = await loadCatalog();
  return [PAPERS, ...(people.length > 0 ? LAB_NAV : []), ...BROWSE_NAV];
}

/** Is `current` (a site path without base) inside the section at `path`? */
export function isCurrentSection(path: string, current: string): boolean {
  return current === path || current.startsWith(path);
}
