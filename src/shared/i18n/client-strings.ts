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
