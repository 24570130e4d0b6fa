/** Arabic (العربية): six plural forms; a count of one or two is said by the noun's form. */
import type { Dictionary } from './dictionary.ts';
import type { EnglishDictionary } from './en.ts';

export const ar: Dictionary<'ar', EnglishDictionary> = {
  frame: {
    skipToContent: 'انتقل إلى المحتوى',
    mainNav: 'القائمة الرئيسية',
    quickSearch: 'بحث سريع',
    searchPapers: 'ابحث في الأوراق',
    searchButton: 'بحث',
    darkTheme: 'المظهر الداكن',
    rssFeed: 'موجز RSS',
    allBibtex: 'جميع الأوراق بصيغة BibTeX',
    allJson: 'جميع الأوراق بصيغة JSON',
    sitemap: 'خريطة الموقع',
  },
  nav: {
    papers: 'الأوراق',
    publications: 'المنشورات',
    people: 'الأعضاء',
    authors: 'المؤلفون',
    topics: 'المواضيع',
    years: 'السنوات',
    affiliations: 'المؤسسات',
    tags: 'الكلمات المفتاحية',
    readingList: 'قائمة القراءة',
  },
  dates: {
    undated: 'د.ت.',
  },
  counts: {
    papers: {
      zero: 'لا أوراق',
      one: 'ورقة واحدة',
      two: 'ورقتان',
      few: '{count} أوراق',
      many: '{count} ورقة',
      other: '{count} ورقة',
    },
  },
};
