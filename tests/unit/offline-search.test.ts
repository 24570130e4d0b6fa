import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOfflineIndex, readPapersJson, type OfflinePaper } from '../../integrations/offline-search.ts';
import type { SearchQuery } from '../../src/client/search/backend.ts';
import { createOfflineBackend, excerpt, type IndexLoader } from '../../src/client/search/offline-backend.ts';
import { INDEX_CALLBACK, queryTerms, shardKey, shardKeysFor, words } from '../../src/client/search/offline-format.ts';

const papers: OfflinePaper[] = [
  {
    path: '/papers/esmfold/',
    title: 'Mechanisms of AI Protein Folding in ESMFold',
    authors: ['Kevin Lu', 'Yonatan Belinkov'],
    date: '2025-03-10',
    dateLabel: '10 March 2025',
    topic: 'Machine Learning',
    affiliations: ['MIT'],
    hasCode: true,
    metaText: 'Machine Learning 10 March 2025 2025-03-10',
    abstract: 'We probe how the protein language model folds sequences, using <b>activation patching</b> on ESMFold.',
  },
  {
    path: '/papers/hallucination-survey/',
    title: 'A Survey of Hallucination in Large Language Models',
    authors: ['Ana Pérez'],
    date: '2024-05-01',
    dateLabel: 'May 2024',
    topic: 'Computation and Language',
    affiliations: [],
    hasCode: false,
    metaText: 'Computation and Language 1 May 2024 2024-05-01',
    abstract: 'Models hallucinate facts. We review detection and mitigation of hallucinations in language models.',
  },
  {
    path: '/papers/hallucination-probes/',
    title: 'Probing Hallucinations with Linear Classifiers',
    authors: ['Fernanda Viégas', 'Martin Wattenberg'],
    date: '2023-01-20',
    dateLabel: '20 January 2023',
    topic: 'Computation and Language',
    affiliations: ['Harvard University', 'MIT'],
    hasCode: true,
    metaText: 'Computation and Language 20 January 2023 2023-01-20',
    abstract: 'Linear probes on hidden states detect when a model hallucinates, before it writes the answer.',
  },
  {
    path: '/papers/visual-attention/',
    title: 'Visualising Attention',
    authors: ['Fernanda Viégas'],
    date: '2024-11-30',
    dateLabel: '30 November 2024',
    topic: 'Human-Computer Interaction',
    affiliations: ['Harvard University'],
    hasCode: false,
    metaText: 'Human-Computer Interaction 30 November 2024 2024-11-30',
    abstract: 'An interactive tool shows attention heads; users found hallucination patterns quickly.',
  },
];

/** Serves the built index files the way the browser would: each script calls the callback. */
function loaderFor(files: ReturnType<typeof buildOfflineIndex>, loaded: string[]): IndexLoader {
  const byName = new Map(files.map((file) => [file.file.replace(/\.js$/, ''), file.text]));
  return async <T>(name: string): Promise<T> => {
    loaded.push(name);
    const text = byName.get(name);
    if (text === undefined) throw new Error(`no index file ${name}`);
    let data: unknown;
    new Function(INDEX_CALLBACK, text)((fileName: string, fileData: unknown) => {
      expect(fileName).toBe(name);
      data = fileData;
    });
    return data as T;
  };
}

function backend(loaded: string[] = []) {
  return createOfflineBackend(loaderFor(buildOfflineIndex(papers), loaded));
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
  it('finds the ESMFold paper for "ESMFold" with its display fields and a marked excerpt', async () => {
    const outcome = await backend().search(query('ESMFold'));
    expect(outcome.total).toBe(1);
    expect(await outcome.hits(0, 10)).toEqual([
      {
        path: '/papers/esmfold/',
        title: 'Mechanisms of AI Protein Folding in ESMFold',
        authors: 'Kevin Lu, Yonatan Belinkov',
        date: '2025-03-10',
        dateLabel: '10 March 2025',
        category: 'Machine Learning',
        excerpt:
          'We probe how the protein language model folds sequences, using &#60;b&#62;activation patching&#60;/b&#62; on <mark>ESMFold</mark>.',
      },
    ]);
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
    // No indexed word starts with "hallucinated"; all three share the stem "hallucin".
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

  it('searches the category name and date label as Pagefind searches page meta', async () => {
    expect(await titles('interaction')).toEqual(['Visualising Attention']);
    expect(await titles('november')).toEqual(['Visualising Attention']);
    // "Computation and Language", and "Human-Computer Interaction" by its stem "comput".
    expect((await titles('computation')).sort()).toEqual([
      'A Survey of Hallucination in Large Language Models',
      'Probing Hallucinations with Linear Classifiers',
      'Visualising Attention',
    ]);
  });

  it('returns only papers that match every term', async () => {
    expect(await titles('hallucination linear')).toEqual(['Probing Hallucinations with Linear Classifiers']);
    expect(await titles('hallucination esmfold')).toEqual([]);
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
  });

  it('sorts by date both ways', async () => {
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
    expect(loaded).toEqual(['index', 'w/es', 't/0']);
    expect(await outcome.hits(1, 5)).toEqual([]);
  });

  it('finds nothing, without error, for a word no paper has', async () => {
    const outcome = await backend().search(query('zebrafish'));
    expect(outcome.total).toBe(0);
    expect(await outcome.hits(0, 10)).toEqual([]);
  });
});

describe('excerpt', () => {
  it('shows thirty words ending at the text end when the match is near it, marking every matching word', () => {
    const text = `${Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')} Hallucinations end here; hallucinated twice.`;
    const html = excerpt(text, queryTerms('hallucinat'));
    expect(html.startsWith('w15 w16')).toBe(true);
    expect(html).toContain('<mark>Hallucinations</mark> end here; <mark>hallucinated</mark> twice.');
    expect(html.split(' ').length).toBe(30);
  });

  it('starts a few words before a match in the middle of a long text', () => {
    const text = `${Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')}`.replace('w50', 'ESMFold');
    expect(excerpt(text, queryTerms('ESMFold')).startsWith('w44 w45 w46 w47 w48 w49 <mark>ESMFold</mark> w51')).toBe(
      true,
    );
  });
});

describe('index format', () => {
  it('folds words the same way for the index and the query', () => {
    expect(words('Fernanda Vie\u0301gas, ESMFold-2!')).toEqual(['fernanda', 'viegas', 'esmfold', '2']);
  });

  it('names shards by the first two characters, spelled safely for file names', () => {
    expect(shardKey('esmfold')).toBe('es');
    expect(shardKey('ßa')).toBe('_df_a');
    expect(shardKeysFor('e', ['es', 'e', 'ex', '_df_a', 'a'])).toEqual(['es', 'e', 'ex']);
    expect(shardKeysFor('ß', ['es', '_df_a', '_df_'])).toEqual(['_df_a', '_df_']);
    expect(shardKeysFor('esm', ['es', 'ex'])).toEqual(['es']);
    expect(shardKeysFor('zz', ['es'])).toEqual([]);
  });
});

describe('reading papers.json', () => {
  const entry = {
    slug: 'x',
    url: 'https://example.org/lab/papers/papers/x/',
    title: 'Scaling $\\alpha$ Laws',
    authors: ['Ada Lovelace'],
    date: '2023-03-01',
    datePrecision: 'month',
    category: 'cs.CL',
    categoryName: 'Computation and Language',
    affiliations: ['MIT'],
    hasCode: false,
    abstract: 'Text.',
  };

  async function read(json: unknown, base: string): Promise<OfflinePaper[]> {
    const dir = await mkdtemp(path.join(tmpdir(), 'offline-papers-json-'));
    try {
      await writeFile(path.join(dir, 'papers.json'), JSON.stringify(json));
      return await readPapersJson(path.join(dir, 'papers.json'), base);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('turns absolute URLs under a sub-path into site paths and adds the searchable meta', async () => {
    expect(await read({ papers: [entry] }, '/lab/papers/')).toEqual([
      {
        path: '/papers/x/',
        title: 'Scaling \\alpha Laws',
        authors: ['Ada Lovelace'],
        date: '2023-03-01',
        dateLabel: 'March 2023',
        topic: 'Computation and Language',
        affiliations: ['MIT'],
        hasCode: false,
        abstract: 'Text.',
        metaText: 'Computation and Language March 2023 2023-03-01',
      },
    ]);
  });

  it('fails the build, naming the file, when papers.json lost a field the index needs', async () => {
    const { abstract: _dropped, ...withoutAbstract } = entry;
    await expect(read({ papers: [withoutAbstract] }, '/lab/papers/')).rejects.toThrow(
      /papers\.json does not have the fields the offline index needs/,
    );
  });

  it('fails the build when a paper URL is not under the site base', async () => {
    await expect(read({ papers: [entry] }, '/other/')).rejects.toThrow(/is not under the site base \/other\//);
  });
});
