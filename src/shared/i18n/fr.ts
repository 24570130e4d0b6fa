/** French (français). */
import type { Dictionary } from './dictionary.ts';
import type { EnglishDictionary } from './en.ts';

export const fr: Dictionary<'fr', EnglishDictionary> = {
  frame: {
    skipToContent: 'Aller au contenu',
    mainNav: 'Navigation principale',
    quickSearch: 'Recherche rapide',
    searchPapers: 'Rechercher des articles',
    searchButton: 'Rechercher',
    darkTheme: 'Thème sombre',
    rssFeed: 'Flux RSS',
    allBibtex: 'Tous les articles en BibTeX',
    allJson: 'Tous les articles en JSON',
    sitemap: 'Plan du site',
  },
  nav: {
    papers: 'Articles',
    publications: 'Publications',
    people: 'Membres',
    authors: 'Auteurs',
    topics: 'Thèmes',
    years: 'Années',
    affiliations: 'Institutions',
    tags: 'Mots-clés',
    readingList: 'Liste de lecture',
  },
  dates: {
    undated: 's. d.',
  },
  counts: {
    papers: { one: '{count} article', many: '{count} d’articles', other: '{count} articles' },
  },
};
