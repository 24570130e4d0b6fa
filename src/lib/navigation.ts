/** The site's main navigation, in one place for the header of every page. */
export interface NavItem {
  /** Site path, passed to `url()`. */
  path: string;
  label: string;
}

export const MAIN_NAV: readonly NavItem[] = [
  { path: '/papers/', label: 'Papers' },
  { path: '/authors/', label: 'Authors' },
  { path: '/topics/', label: 'Topics' },
  { path: '/years/', label: 'Years' },
  { path: '/affiliations/', label: 'Affiliations' },
  { path: '/reading-list/', label: 'Reading list' },
];

/** Is `current` (a site path without base) inside the section at `path`? */
export function isCurrentSection(path: string, current: string): boolean {
  return current === path || current.startsWith(path);
}
