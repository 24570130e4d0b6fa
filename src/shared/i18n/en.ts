/**
 * English: the dictionary that defines every key and its shape (dictionary.ts). Every other
 * language provides the same keys; `astro check` fails until it does.
 *
 * `{name}` is a placeholder; an object with `one`/`other` (and in other languages `zero`,
 * `two`, `few`, `many`) is a plural message whose `{count}` is the number.
 */
export const en = {
  /** The frame of every page. */
  frame: {
    skipToContent: 'Skip to content',
    mainNav: 'Main',
    quickSearch: 'Quick search',
    searchPapers: 'Search papers',
    searchButton: 'Search',
    darkTheme: 'Dark theme',
    rssFeed: 'RSS feed',
    allBibtex: 'All papers as BibTeX',
    allJson: 'All papers as JSON',
    sitemap: 'Sitemap',
  },
  /** The header's links. */
  nav: {
    papers: 'Papers',
    publications: 'Publications',
    people: 'People',
    authors: 'Authors',
    topics: 'Topics',
    years: 'Years',
    affiliations: 'Affiliations',
    tags: 'Tags',
    readingList: 'Reading list',
  },
  /** Dates and counts. */
  dates: {
    /** An undated paper's date, as citation styles write it. */
    undated: 'n.d.',
  },
  counts: {
    papers: { one: '{count} paper', other: '{count} papers' },
  },
};

/** The shape every dictionary has. */
export type EnglishDictionary = typeof en;
