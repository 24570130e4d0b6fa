import type { Strings } from './i18n/dictionary.ts';
import type { EnglishDictionary } from './i18n/en.ts';
import { fill, formatYear } from './i18n/format.ts';
import type { UiLocale } from './i18n/languages.ts';

/**
 * The search facets, in the order the filter panel shows them. Adding a facet is one line
 * here and its heading in every dictionary's `facets` (src/shared/i18n/); the type below then
 * makes `astro check` ask for its values in src/lib/search.ts
 * (`FACET_VALUES`), and everything else — the Pagefind filters, the offline index, the URL
 * (`?<name>=<value>`), the panel, the browse links — follows from the list.
 */
export interface FacetSpec {
  /**
   * A yes/no facet: papers have the one value `FLAG_VALUE` or none, and the panel shows this
   * text of the dictionary's `facets` ("Has code") instead of the value.
   */
  flag?: FacetWord;
  /**
   * A facet with many values (every author of the site) is counted only when the reader asks:
   * Pagefind downloads a facet's whole filter file to count it. The button's text, from the
   * dictionary's `facets`.
   */
  onRequest?: FacetWord;
  /** Values newest first (years) instead of most papers first. */
  descending?: boolean;
  /** The values are years, written in the interface's digits. */
  years?: boolean;
}

/**
 * The facets' words in the interface's language: the dictionary's `facets` part, which names
 * every facet by its name (its heading) besides the flag and button texts.
 */
export type FacetWords = Strings<EnglishDictionary['facets']>;
type FacetWord = keyof FacetWords;

export const FACETS = {
  topic: {},
  year: { descending: true, years: true },
  author: { onRequest: 'showAuthors' },
  affiliation: { onRequest: 'showAffiliations' },
  tag: { onRequest: 'showTags' },
  code: { flag: 'hasCode' },
  notes: { flag: 'hasNotes' },
} as const satisfies Record<string, FacetSpec>;

export type FacetName = keyof typeof FACETS;

/** Facet names in panel order. */
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];

/** The value a paper has in a yes/no facet (`code=yes` in the URL). */
export const FLAG_VALUE = 'yes';

/** Is `name` one of the facets (from a URL parameter, say)? */
export function isFacet(name: string): name is FacetName {
  return Object.hasOwn(FACETS, name);
}

/** The spec of a facet, typed as the general shape. */
export function facetSpec(facet: FacetName): FacetSpec {
  return FACETS[facet];
}

/** A facet's heading in the panel: "Topic", "주제". Every facet has its word in the dictionary. */
export function facetLabel(facet: FacetName, words: FacetWords): string {
  return words[facet];
}

/** How a facet value reads in the panel: the flag text for yes/no facets, a year in the locale's digits, else the value. */
export function facetValueLabel(facet: FacetName, value: string, words: FacetWords, locale: UiLocale): string {
  const spec = facetSpec(facet);
  if (spec.flag) return words[spec.flag];
  return spec.years ? formatYear(value, locale) : value;
}

/** How a selected value reads in the summary and on its chip: "Topic: Robotics", "Has code". */
export function facetFilterLabel(facet: FacetName, value: string, words: FacetWords, locale: UiLocale): string {
  const spec = facetSpec(facet);
  if (spec.flag) return words[spec.flag];
  return fill(
    words.filterLabel,
    { facet: facetLabel(facet, words), value: facetValueLabel(facet, value, words, locale) },
    locale,
  );
}
