/**
 * The search record: one per paper, made by the loader from the paper's view, and the forms
 * both indexes take of it; the word rules both sides share; the data-script format.
 */
import { describe, expect, it } from 'vitest';
import { dataScript, readDataScript } from '../../src/shared/data-script.ts';
import {
  hitFromPagefind,
  hitFromRecord,
  pagefindMetaWeights,
  toPagefindRecord,
  type SearchRecord,
} from '../../src/shared/search-record.ts';
import {
  SEGMENT_MARK,
  excerptHtml,
  indexTokens,
  pagefindQuery,
  queryTerms,
  segment,
  unsegment,
  unsegmentExcerpt,
} from '../../src/shared/search-text.ts';
import { catalogOf, paperEntry } from './support/papers.ts';

describe('the search record of a paper', () => {
  const catalog = catalogOf([
    paperEntry(
      {
        title: 'Probing $\\alpha$ Circuits',
        authors: ['Fernanda Viegas', 'Martin Wattenberg'],
        authorsTruncated: true,
        affiliations: ['allen-ai', 'MIT'],
        date: '2023-03-01',
        datePrecision: 'month',
        category: 'cs.CL',
        hasCode: true,
        tags: ['interpretability', 'probing'],
      },
      'We *probe* circuits.',
      'probing',
    ),
    paperEntry({ authors: ['Fernanda Viégas'], date: '2024-06-01', category: 'cs.HC' }, '', 'newer'),
    paperEntry({ authors: ['Ada Lovelace'], date: '2019-01-01' }, 'Old.', 'oldest'),
  ]);
  const bySlug = (slug: string) => catalog.bySlug.get(slug)?.search as SearchRecord;

  it('holds the text as the site shows it, each author under their one spelling', () => {
    expect(bySlug('probing')).toEqual({
      path: '/papers/probing/',
      text: {
        title: 'Probing \\alpha Circuits',
        authors: 'Fernanda Viégas, Martin Wattenberg',
        tags: 'interpretability, probing',
        topic: 'Computation and Language',
        abstract: 'We probe circuits.',
        notes: '',
        dateLabel: 'March 2023',
        date: '2023-03',
      },
      etAl: true,
      filters: {
        topic: ['Computation and Language'],
        year: ['2023'],
        author: ['Fernanda Viégas', 'Martin Wattenberg'],
        affiliation: ['Allen Institute for AI', 'MIT'],
        tag: ['interpretability', 'probing'],
        code: ['yes'],
      },
      sort: { newest: 1, oldest: 1 },
    });
  });

  it('gives every paper its place newest first and oldest first', () => {
    expect(catalog.papers.map((paper) => [paper.slug, paper.search.sort])).toEqual([
      ['newer', { newest: 0, oldest: 2 }],
      ['probing', { newest: 1, oldest: 1 }],
      ['oldest', { newest: 2, oldest: 0 }],
    ]);
  });

  it('leaves out facets a paper has no value of', () => {
    expect(Object.keys(bySlug('newer').filters)).toEqual(['topic', 'year', 'author']);
  });
});

describe('Pagefind’s form of a record', () => {
  const record: SearchRecord = {
    path: '/papers/zh/',
    text: {
      title: 'Transformer模型の解析',
      authors: '张伟, Ana Pérez',
      tags: '',
      topic: 'Computation and Language',
      abstract: '本文提出一种基于深度学习的医学图像分割方法。',
      notes: '',
      dateLabel: '2024',
      date: '2024',
    },
    etAl: true,
    filters: { topic: ['Computation and Language'], year: ['2024'], tag: [] },
    sort: { newest: 4, oldest: 7 },
  };

  it('makes the abstract the page text and the other fields searchable metadata, cut into words', () => {
    const pagefind = toPagefindRecord(record, 'en');
    const M = SEGMENT_MARK;
    expect(pagefind).toEqual({
      url: '/papers/zh/',
      content: `本文${M}提出${M}一种${M}基于${M}深度${M}学习${M}的${M}医学${M}图像${M}分割${M}方法。`,
      language: 'en',
      meta: {
        title: `Transformer${M}模型${M}の${M}解析`,
        authors: `张${M}伟, Ana Pérez`,
        topic: 'Computation and Language',
        dateLabel: '2024',
        date: '2024',
        etAl: '…',
      },
      filters: { topic: ['Computation and Language'], year: ['2024'] },
      sort: { newest: '4' },
    });
  });

  it('marks an undated paper with the undated filter, and gives every paper its newest-first position only', () => {
    const undated = toPagefindRecord(
      { ...record, text: { ...record.text, date: '', dateLabel: 'n.d.' }, filters: {}, sort: { newest: 9, oldest: 9 } },
      'en',
    );
    expect(undated.filters).toEqual({ undated: ['yes'] });
    expect(undated.sort).toEqual({ newest: '9' });
  });

  it('reads a Pagefind result back into the hit the offline index gives for the same record', () => {
    const pagefind = toPagefindRecord(record, 'en');
    // Pagefind joins the words of its text and excerpt with plain spaces.
    const content = pagefind.content.replaceAll(SEGMENT_MARK, ' ');
    const hit = hitFromPagefind({
      url: pagefind.url,
      content,
      excerpt: content.replace('医学', '<mark>医学</mark>'),
      meta: pagefind.meta,
      filters: pagefind.filters,
    });
    expect(hit).toEqual({
      ...hitFromRecord(record, '本文提出一种基于深度学习的<mark>医学</mark>图像分割方法。'),
      filters: pagefind.filters,
    });
    expect(hit.authors).toBe('张伟, Ana Pérez');
    expect(hit.etAl).toBe(true);
  });

  it('finds a paper without an abstract by its title, and shows no excerpt for it', () => {
    const bare = { ...record, text: { ...record.text, title: 'A <Bare> Title', abstract: '' } };
    const pagefind = toPagefindRecord(bare, 'en');
    expect(pagefind.content).toBe('A <Bare> Title');
    const hit = hitFromPagefind({
      url: pagefind.url,
      // As Pagefind stores it: < and > escaped.
      content: 'A &lt;Bare&gt; Title',
      excerpt: 'A &lt;Bare&gt; <mark>Title</mark>',
      meta: pagefind.meta,
    });
    expect(hit.excerpt).toBe('');
  });

  it('weighs metadata fields as TEXT_FIELDS does, and the "et al." flag not at all', () => {
    expect(pagefindMetaWeights()).toEqual({
      etAl: 0,
      title: 10,
      authors: 6,
      tags: 3,
      topic: 1,
      notes: 1,
      dateLabel: 0,
      date: 0,
    });
  });
});

describe('words, as Pagefind cuts them', () => {
  it('indexes a compound whole and by its parts, folded and stemmed', () => {
    expect(indexTokens('GPT-4 ThreeAntelopes HTMLParser Viégas’s models.', 'en')).toEqual([
      'gpt4',
      'gpt',
      'threeantelop',
      'three',
      'antelop',
      'htmlparser',
      'html',
      'parser',
      'viegass',
      'model',
    ]);
  });

  it('cuts Chinese and Japanese into words, leaves Korean and Latin text alone, and puts it back as written', () => {
    const title = 'Transformer模型の解析: 深度学习 and 딥러닝을 이용한 분할';
    expect(unsegment(segment(title))).toBe(title);
    expect(segment(title, ' ')).toBe('Transformer 模型 の 解析: 深度 学习 and 딥러닝을 이용한 분할');
    expect(indexTokens('基于深度学习', 'en')).toEqual(['基于', '深度', '学习']);
  });

  it('turns a query into Pagefind’s terms: segmented, without punctuation, folded, stemmed', () => {
    expect(queryTerms('GPT-4 “Language Models”', 'en')).toEqual(['gpt4', 'languag', 'model']);
    expect(queryTerms('医学图像', 'en')).toEqual(['医学', '图像']);
    expect(queryTerms('Viégas viegas', 'en')).toEqual(['viega']);
    expect(queryTerms(' -- ', 'en')).toEqual([]);
    expect(pagefindQuery('医学图像 GPT-4')).toBe('医学 图像 GPT-4');
  });

  it('stems as Pagefind does in the index’s language, and not at all where Pagefind has no stemmer', () => {
    expect(queryTerms('Netzwerke', 'de')).toEqual(queryTerms('Netzwerken', 'de'));
    expect(queryTerms('réseaux', 'fr')).toEqual(['reseau']);
    expect(queryTerms('redes neuronales', 'es')).toEqual(['red', 'neuronal']);
    expect(queryTerms('المعلومات', 'ar')).toEqual(queryTerms('بالمعلومات', 'ar'));
    expect(queryTerms('networks', 'ko')).toEqual(['networks']);
    expect(queryTerms('מאמרים', 'he')).toEqual(['מאמרים']);
  });

  it('folds accents, harakat and niqqud, but keeps the voicing marks of Japanese kana as Pagefind does', () => {
    expect(queryTerms('Viégas', 'ko')).toEqual(['viegas']);
    expect(queryTerms('الْمَعْلُومَات', 'he')).toEqual(['المعلومات']);
    expect(queryTerms('שָׁלוֹם', 'he')).toEqual(['שלום']);
    expect(queryTerms('ガイド', 'ja')).toEqual(['ガイド']);
  });

  it('takes out of an excerpt only the spaces put between Chinese or Japanese words', () => {
    expect(unsegmentExcerpt('本文 提出 <mark>医学</mark> 图像 and GPT 4 in English')).toBe(
      '本文提出<mark>医学</mark>图像 and GPT 4 in English',
    );
  });

  it('excerpts about thirty words from a little before the first match, as written', () => {
    const text = `${Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')}`.replace('w50', 'ESMFold,');
    const html = excerptHtml(text, queryTerms('esmfold', 'en'), 'en');
    expect(html.startsWith('w44 w45 w46 w47 w48 w49 <mark>ESMFold,</mark> w51')).toBe(true);
    expect(html.split(' ')).toHaveLength(30);
    expect(excerptHtml('A <b> & "c"', queryTerms('zzz', 'en'), 'en')).toBe('A &#60;b&#62; &#38; &#34;c&#34;');
  });
});

describe('data scripts', () => {
  it('are read back exactly as written, under their own name only', () => {
    const value = { text: 'line\u2028break </script>', list: [1, 2] };
    const script = dataScript('offline-search/w/es', value);
    expect(readDataScript(script, 'offline-search/w/es')).toEqual(value);
    expect(() => readDataScript(script, 'offline-search/w/ex')).toThrow(/not the data script "offline-search\/w\/ex"/);
  });

  it('store their value in the one registry when run as a script', () => {
    const self: Record<string, Record<string, unknown>> = {};
    new Function('self', dataScript('reading-list/catalog', { shards: 2 }))(self);
    expect(self.__paperShelfData).toEqual({ 'reading-list/catalog': { shards: 2 } });
  });
});
