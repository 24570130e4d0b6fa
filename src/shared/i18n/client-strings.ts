/**
 * How browser scripts get their strings: the build writes the locale and the parts of the
 * dictionary a page's scripts need into the page, as one JSON script element; the scripts
 * read them there (src/client/common/ui-strings.ts). The browser never holds a whole
 * dictionary nor works out the locale again.
 */
import type { Strings } from './dictionary.ts';
import type { EnglishDictionary } from './en.ts';
import type { UiLocale } from './languages.ts';

/** The `id` of the `<script type="application/json">` holding a page's UiStrings. */
export const UI_STRINGS_ID = 'ui-strings';

/** A top-level part of the dictionary (`frame`, `search`, `readingList`…). */
export type Part = keyof EnglishDictionary;

/** What a page hands its scripts: the locale and the parts they read. */
export interface UiStrings<P extends Part = Part> {
  locale: UiLocale;
  strings: { [K in P]: Strings<EnglishDictionary[K]> };
}

/**
 * The parts of the dictionary each browser script reads: the page that loads the script
 * hands over these (`<BaseLayout uiStrings={SCRIPT_PARTS.search}>`), the script asks for the
 * same list (`uiStrings(SCRIPT_PARTS.search)`), so the two cannot drift apart.
 */
export const SCRIPT_PARTS = {
  /** src/client/search/page.ts (with the reading-list filters of src/client/reading-list/search-panel.ts). */
  search: ['search', 'facets', 'paper', 'readingListFilters'],
  /** src/client/reading-list/page.ts on /reading-list/. */
  readingListPage: ['dates', 'counts', 'paper', 'readingList', 'readingListButtons'],
  /** src/client/reading-list.ts on every page: what it says when the browser refuses storage. */
  readingListNotices: ['readingListNotices'],
  /** src/client/sessions.ts on /sessions/. */
  sessions: ['sessions'],
  /** src/client/copy.ts on paper pages. */
  copy: ['copy'],
} as const satisfies Record<string, readonly Part[]>;
