/** Japanese (日本語). */
import type { Dictionary } from './dictionary.ts';
import type { EnglishDictionary } from './en.ts';

export const ja: Dictionary<'ja', EnglishDictionary> = {
  frame: {
    skipToContent: '本文へ移動',
    mainNav: 'メインナビゲーション',
    quickSearch: 'クイック検索',
    searchPapers: '論文を検索',
    searchButton: '検索',
    darkTheme: 'ダークテーマ',
    rssFeed: 'RSSフィード',
    allBibtex: '全論文（BibTeX）',
    allJson: '全論文（JSON）',
    sitemap: 'サイトマップ',
  },
  nav: {
    papers: '論文',
    publications: '業績',
    people: 'メンバー',
    authors: '著者',
    topics: 'トピック',
    years: '年',
    affiliations: '所属機関',
    tags: 'キーワード',
    readingList: 'リーディングリスト',
  },
  dates: {
    undated: '日付不明',
  },
  counts: {
    papers: { other: '{count}本の論文' },
  },
};
