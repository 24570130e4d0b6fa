/** German (Deutsch). */
import type { Dictionary } from './dictionary.ts';
import type { EnglishDictionary } from './en.ts';

export const de: Dictionary<'de', EnglishDictionary> = {
  frame: {
    skipToContent: 'Zum Inhalt springen',
    mainNav: 'Hauptnavigation',
    quickSearch: 'Schnellsuche',
    searchPapers: 'Artikel durchsuchen',
    searchButton: 'Suchen',
    darkTheme: 'Dunkles Design',
    rssFeed: 'RSS-Feed',
    allBibtex: 'Alle Artikel als BibTeX',
    allJson: 'Alle Artikel als JSON',
    sitemap: 'Sitemap',
  },
  nav: {
    papers: 'Artikel',
    publications: 'Publikationen',
    people: 'Team',
    authors: 'Autor:innen',
    topics: 'Themen',
    years: 'Jahre',
    affiliations: 'Einrichtungen',
    tags: 'Schlagwörter',
    readingList: 'Leseliste',
  },
  dates: {
    undated: 'o. J.',
  },
  counts: {
    papers: { one: '{count} Artikel', other: '{count} Artikel' },
  },
};
