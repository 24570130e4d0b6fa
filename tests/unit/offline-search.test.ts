/**
 * The offline back end over an index built from search records, read through the real
 * data-script format: what it finds, how it filters, sorts, pages and excerpts, and which
 * files it loads.
 */
import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../src/client/search/backend.ts';
import { createOfflineBackend, type IndexLoader } from '../../src/client/search/offline-backend.ts';
import { buildOfflineIndex } from '../../src/lib/offline-index.ts';
import { dataScript, readDataScript } from '../../src/shared/data-script.ts';
import { wordShardKey, wordShardKeysFor } from '../../src/shared/offline-index.ts';
import type { SearchRecord } from '../../src/shared/search-record.ts';

/** A record as src/lib/search.ts makes one; `newest` is the paper's place in the list below. */
function record(
  newest: number,
  fields: Partial<SearchRecord['text']> & { path: string; title: string },
  filters: SearchRecord['filters'] = {},
  etAl = false,
): SearchRecord {
  const { path, ...text } = fields;
  return {
    path,
    text: { authors: '', tags: '', topic: '', abstract: '', notes: '', dateLabel: '', date: '', ...text },
    etAl,
    filters,
    sort: { newest, oldest: 3 - newest },
  };
}

/** Newest first, as the site orders them. */
const records: SearchRecord[] = [
  record(
    0,
    {
      path: '/papers/esmfold/',
      title: 'Mechanisms of AI Protein Folding in ESMFold',
      authors: 'Kevin Lu, Yonatan Belinkov',
      topic: 'Machine Learning',
      dateLabel: '10 March 2025',
      date: '2025-03-10',
      abstract: 'We probe how the protein language model folds sequences, using <b>activation patching</b> on ESMFold.',
    },
    {
      topic: ['Machine Learning'],
      year: ['2025'],
      author: ['Kevin Lu', 'Yonatan Belinkov'],
      affiliation: ['MIT'],
      code: ['yes'],
    },
    true,
  ),
  record(
    1,
    {
      path: '/papers/visual-attention/',
      title: 'Visualising Attention',
      authors: 'Fernanda Viégas',
      topic: 'Human-Computer Interaction',
      dateLabel: '30 November 2024',
      date: '2024-11-30',
      abstract: 'An interactive tool shows attention heads; users found hallucination patterns quickly.',
    },
    {
      topic: ['Human-Computer Interaction'],
      year: ['2024'],
      author: ['Fernanda Viégas'],
      affiliation: ['Harvard University'],
    },
  ),
  record(
    2,
    {
      path: '/papers/hallucination-survey/',
      title: 'A Survey of Hallucination in Large Language Models',
      authors: 'Ana Pérez',
      topic: 'Computation and Language',
      dateLabel: 'May 2024',
      date: '2024-05',
      tags: 'GPT-4, survey',
      abstract: 'Models hallucinate facts. We review detection and mitigation of hallucinations in language models.',
    },
    { topic: ['Computation and Language'], year: ['2024'], author: ['Ana Pérez'], tag: ['GPT-4', 'survey'] },
  ),
  record(
    3,
    {
      path: '/papers/hallucination-probes/',
      title: 'Probing Hallucinations with Linear Classifiers',
      authors: 'Fernanda Viégas, Martin Wattenberg',
      topic: 'Computation and Language',
      dateLabel: '20 January 2023',
      date: '2023-01-20',
      abstract: 'Linear probes on hidden states detect when a model hallucinates, before it writes the answer.',
    },
    {
      topic: ['Computation and Language'],
      year: ['2023'],
      author: ['Fernanda Viégas', 'Martin Wattenberg'],
      affiliation: ['Harvard University', 'MIT'],
      code: ['yes'],
    },
  ),
];

/** Serves the index files as the browser would get them: written as data scripts, read back. */
function loaderFor(list: readonly SearchRecord[], loaded: string[]): IndexLoader {
  const texts = new Map(buildOfflineIndex(list, 'en').map((file) => [file.name, dataScript(file.name, file.value)]));
  return async <T>(name: string): Promise<T> => {
    loaded.push(name.replace('offline-search/', ''));
    const text = texts.get(name);
    if (text === undefined) throw new Error(`no index file ${name}`);
    return readDataScript<T>(text, name);
  };
}

function backend(loaded: string[] = [], list: readonly SearchRecord[] = records) {
  return createOfflineBackend(loaderFor(list, loaded));
}

const query = (term: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({
  term,
  filters: {},
  sort: 'relevance',
  ...extra,
});

async function titles(term: string, extra: Partial<SearchQuery> = {}): Promise<string[]> {
  const outcome = await backend().search(query(term, extra));
  return (await outcome.hits(0, 50)).map((hit) => hit.title);
}

describe('offline search', () => {
  it('finds the ESMFold paper for "ESMFold" with its display fields and an excerpt of its abstract', async () => {
    const outcome = await backend().search(query('ESMFold'));
    expect(outcome.total).toBe(1);
    expect(await outcome.hits(0, 10)).toEqual([
      {
        path: '/papers/esmfold/',
        title: 'Mechanisms of AI Protein Folding in ESMFold',
        authors: 'Kevin Lu, Yonatan Belinkov',
        etAl: true,
        date: '2025-03-10',
        dateLabel: '10 March 2025',
        topic: 'Machine Learning',
        excerpt:
          'We probe how the protein language model folds sequences, using &#60;b&#62;activation patching&#60;/b&#62; on <mark>ESMFold.</mark>',
        filters: records[0].filters,
      },
    ]);
  });

  it('shows the start of the abstract, not the title again, when only the title or an author matches', async () => {
    const outcome = await backend().search(query('belinkov'));
    const [hit] = await outcome.hits(0, 1);
    expect(hit.excerpt).toBe(
      'We probe how the protein language model folds sequences, using &#60;b&#62;activation patching&#60;/b&#62; on ESMFold.',
    );
  });

  it('does not search the "et al." that follows an incomplete author list', async () => {
    // Other papers may match "al" through a word "a" (Pagefind's longest-prefix rule); ESMFold has none.
    expect(await titles('al')).not.toContain('Mechanisms of AI Protein Folding in ESMFold');
    expect(await titles('et al')).not.toContain('Mechanisms of AI Protein Folding in ESMFold');
  });

  it('ignores case and diacritics in both the query and the index', async () => {
    // Equal scores (an author match each): the newer paper first.
    expect(await titles('viegas')).toEqual(['Visualising Attention', 'Probing Hallucinations with Linear Classifiers']);
    expect(await titles('PÉREZ')).toEqual(['A Survey of Hallucination in Large Language Models']);
  });

  it('matches words a term starts and ranks title matches above abstract matches', async () => {
    expect(await titles('hallucinat')).toEqual([
      'A Survey of Hallucination in Large Language Models',
      'Probing Hallucinations with Linear Classifiers',
      'Visualising Attention',
    ]);
  });

  it('finds other forms of a word through its English stem, as Pagefind does', async () => {
    expect(await titles('hallucinated')).toEqual([
      'A Survey of Hallucination in Large Language Models',
      'Probing Hallucinations with Linear Classifiers',
      'Visualising Attention',
    ]);
    const outcome = await backend().search(query('hallucinations'));
    const [survey] = await outcome.hits(0, 1);
    expect(survey.excerpt).toBe(
      'Models <mark>hallucinate</mark> facts. We review detection and mitigation of <mark>hallucinations</mark> in language models.',
    );
  });

  it('finds a compound word whole and by its parts, as Pagefind indexes it', async () => {
    for (const term of ['gpt-4', 'gpt4', 'GPT']) {
      expect(await titles(term), term).toEqual(['A Survey of Hallucination in Large Language Models']);
    }
  });

  it('searches keywords, the topic name and the date as Pagefind searches a result’s fields', async () => {
    expect(await titles('survey')).toEqual(['A Survey of Hallucination in Large Language Models']);
    expect(await titles('interaction')).toEqual(['Visualising Attention']);
    expect(await titles('november')).toEqual(['Visualising Attention']);
    expect(await titles('2023')).toEqual(['Probing Hallucinations with Linear Classifiers']);
  });

  it('returns only papers that match every term, leaving out a term that matches nothing at all', async () => {
    expect(await titles('hallucination linear')).toEqual(['Probing Hallucinations with Linear Classifiers']);
    expect(await titles('hallucination esmfold')).toEqual([]);
    // Pagefind searches "linear" alone when no paper has a word starting "zebrafish".
    expect(await titles('linear zebrafish')).toEqual(['Probing Hallucinations with Linear Classifiers']);
  });

  it('ORs values within a facet, ANDs facets and counts facet values among the filtered matches', async () => {
    const outcome = await backend().search(
      query('hallucinat', { filters: { year: ['2024', '2023'], affiliation: ['Harvard University'] } }),
    );
    expect(outcome.total).toBe(2);
    expect((await outcome.hits(0, 10)).map((hit) => hit.path).sort()).toEqual([
      '/papers/hallucination-probes/',
      '/papers/visual-attention/',
    ]);
    expect(outcome.facetCounts.year).toEqual({ '2023': 1, '2024': 1 });
    expect(outcome.facetCounts.author).toEqual({ 'Fernanda Viégas': 2, 'Martin Wattenberg': 1 });
    expect(outcome.facetCounts.code).toEqual({ yes: 1 });
    expect(outcome.facetCounts.tag).toEqual({});
  });

  it('filters and counts keywords like any other facet', async () => {
    const outcome = await backend().search(query('models', { filters: { tag: ['survey'] } }));
    expect((await outcome.hits(0, 10)).map((hit) => hit.title)).toEqual([
      'A Survey of Hallucination in Large Language Models',
    ]);
    expect(outcome.facetCounts.tag).toEqual({ 'GPT-4': 1, survey: 1 });
  });

  it('counts only the facets asked for', async () => {
    const outcome = await backend().search(query('hallucinat', { countFacets: ['topic', 'year'] }));
    expect(Object.keys(outcome.facetCounts).sort()).toEqual(['topic', 'year']);
  });

  it('sorts by the records’ positions in each date order', async () => {
    const newest = await titles('hallucinat', { sort: 'date-desc' });
    expect(newest).toEqual([
      'Visualising Attention',
      'A Survey of Hallucination in Large Language Models',
      'Probing Hallucinations with Linear Classifiers',
    ]);
    expect(await titles('hallucinat', { sort: 'date-asc' })).toEqual([...newest].reverse());
  });

  it('pages through hits and loads only the index parts a search needs', async () => {
    const loaded: string[] = [];
    const outcome = await backend(loaded).search(query('esmfold'));
    expect(loaded).toEqual(['index', 'w/es']);
    await outcome.hits(0, 1);
    expect(loaded).toEqual(['index', 'w/es', 'r/0']);
    expect(await outcome.hits(1, 5)).toEqual([]);
  });

  it('finds nothing, without error, for a word no paper has', async () => {
    const outcome = await backend().search(query('zebrafish'));
    expect(outcome.total).toBe(0);
    expect(await outcome.hits(0, 10)).toEqual([]);
  });

  it('gives a paper without an abstract no excerpt', async () => {
    const bare = record(0, { path: '/papers/bare/', title: 'Bare Title', date: '2020', dateLabel: '2020' });
    const outcome = await backend([], [bare]).search(query('bare'));
    expect((await outcome.hits(0, 1))[0].excerpt).toBe('');
  });
});

describe('words written without spaces', () => {
  const cjk = [
    record(0, {
      path: '/papers/zh/',
      title: '基于深度学习的医学图像分割方法研究',
      authors: '张伟, 李娜',
      abstract: '本文提出一种基于深度学习的医学图像分割方法。',
    }),
    record(1, { path: '/papers/ja/', title: '深層学習による医用画像のセグメンテーション', authors: '山田太郎' }),
    record(2, {
      path: '/papers/ko/',
      title: '딥러닝을 이용한 의료 영상 분할',
      authors: '김민수',
      abstract: '의료 영상 분할을 위한 딥러닝 방법을 제안한다.',
    }),
  ];
  const found = async (term: string) => {
    const outcome = await backend([], cjk).search(query(term));
    return (await outcome.hits(0, 10)).map((hit) => hit.path);
  };

  it('finds a Chinese, Japanese or Korean title by one of its words', async () => {
    expect(await found('医学')).toEqual(['/papers/zh/']);
    expect(await found('分割')).toEqual(['/papers/zh/']);
    expect(await found('医学图像')).toEqual(['/papers/zh/']);
    expect(await found('医用')).toEqual(['/papers/ja/']);
    expect(await found('セグメンテーション')).toEqual(['/papers/ja/']);
    expect(await found('의료')).toEqual(['/papers/ko/']);
    expect(await found('딥러닝')).toEqual(['/papers/ko/']);
    expect(await found('张伟')).toEqual(['/papers/zh/']);
  });

  it('marks the matching word in a Chinese excerpt and shows the text as written', async () => {
    const outcome = await backend([], cjk).search(query('医学'));
    const [hit] = await outcome.hits(0, 1);
    expect(hit.excerpt).toBe('本文提出一种基于深度学习的<mark>医学</mark>图像分割方法。');
    expect(hit.title).toBe('基于深度学习的医学图像分割方法研究');
  });
});

describe('index format', () => {
  it('names word shards by the first two characters, spelled safely for file names', () => {
    expect(wordShardKey('esmfold')).toBe('es');
    expect(wordShardKey('ßa')).toBe('_df_a');
    expect(wordShardKeysFor('e', ['es', 'e', 'ex', '_df_a', 'a'])).toEqual(['es', 'e', 'ex']);
    expect(wordShardKeysFor('ß', ['es', '_df_a', '_df_'])).toEqual(['_df_a', '_df_']);
    expect(wordShardKeysFor('esm', ['es', 'ex'])).toEqual(['es']);
    expect(wordShardKeysFor('zz', ['es'])).toEqual([]);
  });

  it('keeps every record whole in the record shards, so the Pagefind step can read them back', () => {
    const files = buildOfflineIndex(records, 'en');
    const shard = files.find((file) => file.name === 'offline-search/r/0');
    expect(shard?.value).toEqual(records);
  });
});
