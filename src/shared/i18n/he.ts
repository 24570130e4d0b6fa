/** Hebrew (עברית). */
import type { Dictionary } from './dictionary.ts';
import type { EnglishDictionary } from './en.ts';

export const he: Dictionary<'he', EnglishDictionary> = {
  frame: {
    skipToContent: 'דילוג לתוכן',
    mainNav: 'ניווט ראשי',
    quickSearch: 'חיפוש מהיר',
    searchPapers: 'חיפוש מאמרים',
    searchButton: 'חיפוש',
    darkTheme: 'ערכת נושא כהה',
    rssFeed: 'פיד RSS',
    allBibtex: 'כל המאמרים בפורמט BibTeX',
    allJson: 'כל המאמרים בפורמט JSON',
    sitemap: 'מפת האתר',
  },
  nav: {
    papers: 'מאמרים',
    publications: 'פרסומים',
    people: 'צוות',
    authors: 'מחברים',
    topics: 'נושאים',
    years: 'שנים',
    affiliations: 'מוסדות',
    tags: 'מילות מפתח',
    readingList: 'רשימת קריאה',
  },
  dates: {
    undated: 'ללא תאריך',
  },
  counts: {
    papers: { one: 'מאמר אחד', two: 'שני מאמרים', other: '{count} מאמרים' },
  },
};
