/** Korean (한국어). */
import type { Dictionary } from './dictionary.ts';
import type { EnglishDictionary } from './en.ts';

export const ko: Dictionary<'ko', EnglishDictionary> = {
  frame: {
    skipToContent: '본문 바로가기',

    mainNav: '주 메뉴',
    quickSearch: '빠른 검색',
    searchPapers: '논문 검색',
    searchButton: '검색',
    darkTheme: '어두운 테마',
    rssFeed: 'RSS 피드',
    allBibtex: '전체 논문 BibTeX',
    allJson: '전체 논문 JSON',
    sitemap: '사이트맵',
  },
  nav: {
    papers: '논문',
    publications: '연구 실적',
    people: '구성원',
    authors: '저자',
    topics: '주제',
    years: '연도',
    affiliations: '소속 기관',
    tags: '키워드',
    readingList: '읽기 목록',
  },
  dates: {
    undated: '날짜 미상',
  },
  counts: {
    papers: { other: '논문 {count}편' },
  },
};
