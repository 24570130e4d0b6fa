/** Chinese, simplified script (简体中文). */
import type { Dictionary } from './dictionary.ts';
import type { EnglishDictionary } from './en.ts';

export const zh: Dictionary<'zh', EnglishDictionary> = {
  frame: {
    skipToContent: '跳到主要内容',
    mainNav: '主导航',
    quickSearch: '快速搜索',
    searchPapers: '搜索论文',
    searchButton: '搜索',
    darkTheme: '深色主题',
    rssFeed: 'RSS 订阅',
    allBibtex: '全部论文（BibTeX）',
    allJson: '全部论文（JSON）',
    sitemap: '网站地图',
  },
  nav: {
    papers: '论文',
    publications: '发表论文',
    people: '成员',
    authors: '作者',
    topics: '主题',
    years: '年份',
    affiliations: '机构',
    tags: '关键词',
    readingList: '阅读列表',
  },
  dates: {
    undated: '日期不详',
  },
  counts: {
    papers: { other: '{count} 篇论文' },
  },
};
