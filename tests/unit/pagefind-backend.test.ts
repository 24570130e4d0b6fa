/**
 * The hosted back end over a sharded Pagefind index, with fake shard modules standing in
 * for each shard's `pagefind.js`: every search goes to all shards, and the merged results,
 * totals, facet counts and pages of hits must be those of one index over all the papers.
 */
import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../src/client/search/backend.ts';
import {
  createPagefindBackend,
  mergeShardResults,
  type PagefindApi,
  type PagefindFilters,
  type PagefindLoader,
  type PagefindResponse,
} from '../../src/client/search/pagefind-backend.ts';

interface FakePage {
  slug: string;
  date: string;
  /** Position in the newest-first order of all papers (the record's sort position). */
  newest: number;
  /** Relevance for any matching term. */
  score: number;
  topic: string;
  words: string;
}

/**
 * A Pagefind-like module over `pages`: every word must match, except that words the shard
 * has no page for are left out (as Pagefind does); `any` filters, counts, date sort.
 */
function fakeShard(pages: FakePage[], loaded: string[], searched: string[] = []): PagefindApi {
  return {
    options: async () => {},
    init: async () => {},
    preload: async () => {},
    async search(
      term: string,
      { filters, sort }: { filters: PagefindFilters; sort: Record<string, 'asc' | 'desc'> },
    ): Promise<PagefindResponse> {
      searched.push(term);
      const has = (page: FakePage, word: string) => page.words.split(' ').includes(word);
      const known = term.split(' ').filter((word) => pages.some((page) => has(page, word)));
      // Like the records' filters: no year for an undated paper, which has the undated filter.
      const facetOf = (page: FakePage, facet: string) =>
        facet === 'year'
          ? page.date.slice(0, 4) || undefined
          : facet === 'topic'
            ? page.topic
            : facet === 'undated' && page.date === ''
              ? 'yes'
              : undefined;
      const matches = pages.filter(
        (page) =>
          known.length > 0 &&
          known.every((word) => has(page, word)) &&
          Object.entries(filters).every(
            ([facet, { any }]) => any.length === 0 || any.includes(facetOf(page, facet) ?? '\0'),
          ),
      );
      // The one sort key is the newest-first position: ascending, or its exact reverse.
      const ordered =
        sort.newest === 'asc'
          ? matches.toSorted((a, b) => a.newest - b.newest)
          : sort.newest === 'desc'
            ? matches.toSorted((a, b) => b.newest - a.newest)
            : matches.toSorted((a, b) => b.score - a.score);
      const counts: PagefindResponse['filters'] = {};
      for (const facet of Object.keys(filters)) {
        // Like Pagefind: every value the shard knows, 0 when no result has it; no counts for a
        // filter no page of the shard has.
        for (const page of pages) {
          const value = facetOf(page, facet);
          if (value !== undefined) (counts[facet] ??= {})[value] ??= 0;
        }
        for (const page of matches) {
          const value = facetOf(page, facet);
          if (value !== undefined) counts[facet][value] += 1;
        }
      }
      return {
        filters: counts,
        results: ordered.map((page) => ({
          score: page.score,
          data: async () => {
            loaded.push(page.slug);
            return {
              url: `/papers/${page.slug}/`,
              content: page.words,
              excerpt: page.words,
              meta: { title: page.slug, date: page.date },
            };
          },
        })),
      };
    },
  };
}

/** Papers newest first, with scores that interleave across the date-range shards. */
const PAPERS: FakePage[] = [
  { slug: 'p1', newest: 0, date: '2025-03-01', score: 2, topic: 'NLP', words: 'model circuit sparse' },
  { slug: 'p2', newest: 1, date: '2025-01-10', score: 9, topic: 'Vision', words: 'model' },
  { slug: 'p3', newest: 2, date: '2024-06-06', score: 5, topic: 'NLP', words: 'model' },
  { slug: 'p4', newest: 3, date: '2024-06-06', score: 7, topic: 'NLP', words: 'model circuit' },
  { slug: 'p5', newest: 4, date: '2024-06-06', score: 1, topic: 'Sound', words: 'model' },
  { slug: 'p6', newest: 5, date: '2023-02-02', score: 8, topic: 'Vision', words: 'model circuit' },
  { slug: 'p7', newest: 6, date: '2022-12-31', score: 3, topic: 'NLP', words: 'model' },
  { slug: 'p8', newest: 7, date: '2021-05-05', score: 6, topic: 'Robotics', words: 'circuit' },
];

/**
 * A loader serving `shards` (newest first) under `siteRoot`, recording what it loads; their
 * oldest-first order is the reverse unless given.
 */
function fakeSite(shards: FakePage[][], siteRoot = 'https://example.org/lab/', oldestFirst?: number[]) {
  const requested: string[] = [];
  const loaded: string[] = [];
  const searched: string[] = [];
  const folders = shards.map((_, k) => (k === 0 ? '' : `shard-${k}/`));
  const loader: PagefindLoader = {
    async manifest(url) {
      requested.push(url.href);
      return { shards: folders, oldestFirst: oldestFirst ?? folders.map((_, k) => k).reverse(), tag: 'en_1' };
    },
    async module(url) {
      requested.push(url.href);
      const k = folders.findIndex((folder) => url.href === `${siteRoot}pagefind/${folder}pagefind.js`);
      if (k < 0) throw new Error(`no shard at ${url.href}`);
      return fakeShard(shards[k], loaded, searched);
    },
  };
  return { backend: createPagefindBackend(new URL(siteRoot), loader), requested, loaded, searched };
}

const query = (term: string, sort: SearchQuery['sort'], filters: SearchQuery['filters'] = {}): SearchQuery => ({
  term,
  sort,
  filters,
  countFacets: ['topic', 'year'],
});

/** Every hit of a search, fetched a page of `size` at a time. */
async function allHits(outcome: Awaited<ReturnType<ReturnType<typeof fakeSite>['backend']['search']>>, size: number) {
  const hits = [];
  for (let start = 0; start < outcome.total; start += size) hits.push(...(await outcome.hits(start, size)));
  return hits;
}

// The same papers as one index and as three date-range shards whose boundaries fall
// inside a run of equal dates (p3–p5 share 2024-06-06 across shards 0 and 1).
const single = () => fakeSite([PAPERS]);
const sharded = () => fakeSite([PAPERS.slice(0, 3), PAPERS.slice(3, 6), PAPERS.slice(6)]);

describe('the Pagefind back end over shards', () => {
  it('loads the first shard with the shard list, then the other shards’ own pagefind.js under the site root', async () => {
    const { backend, requested } = sharded();
    await backend.search(query('model', 'relevance'));
    expect(requested).toEqual([
      'https://example.org/lab/pagefind/pagefind.js',
      'https://example.org/lab/pagefind/shards.json',
      'https://example.org/lab/pagefind/shard-1/pagefind.js',
      'https://example.org/lab/pagefind/shard-2/pagefind.js',
    ]);
    await backend.search(query('circuit', 'relevance'));
    expect(requested).toHaveLength(4);
  });

  it('loads only pagefind/pagefind.js on a one-shard site, and searches it once per query', async () => {
    const { backend, requested, searched } = single();
    await backend.search(query('model', 'relevance'));
    await backend.search(query('model sparse', 'relevance'));
    expect(requested).toEqual([
      'https://example.org/lab/pagefind/pagefind.js',
      'https://example.org/lab/pagefind/shards.json',
    ]);
    expect(searched).toEqual(['model', 'model sparse']);
  });

  it('drops a shard’s results when it lacks a word other shards have, as one index would not ignore it', async () => {
    for (const [term, expected] of [
      // Only shard 0 has “sparse”: shards 1 and 2 would otherwise answer “model” alone.
      ['model sparse', ['p1']],
      ['sparse   model', ['p1']],
      // A word no shard has is ignored everywhere, by one index too.
      ['model zzz', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']],
      ['circuit model', ['p1', 'p4', 'p6']],
    ] as const) {
      const one = await single().backend.search(query(term, 'date-desc'));
      const many = await sharded().backend.search(query(term, 'date-desc'));
      const slugs = (await allHits(many, 10)).map((hit) => hit.path.split('/')[2]);
      expect(slugs.toSorted(), term).toEqual([...expected]);
      expect((await allHits(one, 10)).map((hit) => hit.path.split('/')[2]).toSorted(), term).toEqual([...expected]);
      expect(many.total, term).toBe(one.total);
      expect(many.facetCounts, term).toEqual(one.facetCounts);
    }
  });

  it('ranks by score across shards', async () => {
    const outcome = await sharded().backend.search(query('model', 'relevance'));
    expect((await allHits(outcome, 3)).map((hit) => hit.path)).toEqual(
      ['p2', 'p6', 'p4', 'p3', 'p7', 'p1', 'p5'].map((slug) => `/papers/${slug}/`),
    );
  });

  it('sorts newest first and oldest first across shards, as one index does', async () => {
    for (const sort of ['date-desc', 'date-asc'] as const) {
      const dates = (await allHits(await sharded().backend.search(query('model', sort)), 2)).map((hit) => hit.date);
      const expected = (await allHits(await single().backend.search(query('model', sort)), 100)).map((hit) => hit.date);
      expect(dates, sort).toEqual(expected);
      expect(dates, sort).toEqual(sort === 'date-desc' ? dates.toSorted().reverse() : dates.toSorted());
      expect(dates, sort).toHaveLength(7);
    }
  });

  it('lists undated papers last both newest and oldest first, in the site’s order, as one index does', async () => {
    const undated: FakePage[] = [
      { slug: 'u1', newest: 8, date: '', score: 4, topic: 'NLP', words: 'model' },
      { slug: 'u2', newest: 9, date: '', score: 10, topic: 'Sound', words: 'model circuit' },
    ];
    const papers = [...PAPERS, ...undated];
    // The build cuts the undated papers into a shard of their own, last in both orders.
    const shards = [papers.slice(0, 3), papers.slice(3, 6), papers.slice(6, 8), papers.slice(8)];
    for (const site of [fakeSite([papers]), fakeSite(shards, undefined, [2, 1, 0, 3])]) {
      const slugs = async (sort: SearchQuery['sort']) =>
        (await allHits(await site.backend.search(query('model', sort)), 3)).map((hit) => hit.path.split('/')[2]);
      await expect(slugs('date-desc')).resolves.toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'u1', 'u2']);
      await expect(slugs('date-asc')).resolves.toEqual(['p7', 'p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'u1', 'u2']);
      const filtered = await site.backend.search(query('circuit', 'date-asc', { topic: ['Sound'] }));
      expect((await allHits(filtered, 3)).map((hit) => hit.path)).toEqual(['/papers/u2/']);
    }
  });

  it('finds the same papers, totals and summed facet counts as one index, with filters', async () => {
    const cases: [string, SearchQuery['filters']][] = [
      ['model', {}],
      ['circuit', {}],
      ['model', { topic: ['NLP'] }],
      ['model', { topic: ['NLP', 'Vision'], year: ['2024'] }],
    ];
    for (const [term, filters] of cases) {
      const one = await single().backend.search(query(term, 'relevance', filters));
      const many = await sharded().backend.search(query(term, 'relevance', filters));
      const label = `${term} ${JSON.stringify(filters)}`;
      expect(many.total, label).toBe(one.total);
      expect(many.facetCounts, label).toEqual(one.facetCounts);
      expect((await allHits(many, 2)).map((hit) => hit.path).sort(), label).toEqual(
        (await allHits(one, 100)).map((hit) => hit.path).sort(),
      );
    }
    const counts = (await sharded().backend.search(query('model', 'relevance'))).facetCounts;
    expect(counts).toEqual({
      topic: { NLP: 4, Vision: 2, Sound: 1, Robotics: 0 },
      year: { '2025': 2, '2024': 3, '2023': 1, '2022': 1, '2021': 0 },
    });
  });

  it('pages across shard boundaries, loading only the hits asked for', async () => {
    const { backend, loaded } = sharded();
    const outcome = await backend.search(query('model', 'date-desc'));
    expect(outcome.total).toBe(7);
    expect(loaded).toEqual([]);
    // Positions 2–4 span shard 0's last hit and shard 1's first two.
    const hits = await outcome.hits(2, 3);
    expect(hits.map((hit) => hit.path)).toEqual(['/papers/p3/', '/papers/p4/', '/papers/p5/']);
    expect(loaded.toSorted()).toEqual(['p3', 'p4', 'p5']);
    const tail = await outcome.hits(5, 10);
    expect(tail.map((hit) => hit.path)).toEqual(['/papers/p6/', '/papers/p7/']);
    expect(loaded).toHaveLength(5);
  });

  it('fails on an unusable shard list, and tries again on the next search', async () => {
    let calls = 0;
    const loader: PagefindLoader = {
      manifest: async () =>
        [
          { shards: ['', '../evil/'], oldestFirst: [1, 0], tag: 'en_1' },
          { shards: ['shard-1/'], oldestFirst: [0], tag: 'en_1' },
          { shards: [''], tag: 'en_1' },
          { shards: [''], oldestFirst: [0] },
          { shards: [''], oldestFirst: [0], tag: 'en_1' },
        ][calls++],
      module: async () => fakeShard(PAPERS, []),
    };
    const backend = createPagefindBackend(new URL('https://example.org/'), loader);
    await expect(backend.search(query('model', 'relevance'))).rejects.toThrow(/names no usable shards/);
    await expect(backend.search(query('model', 'relevance'))).rejects.toThrow(/names no usable shards/);
    await expect(backend.search(query('model', 'relevance'))).rejects.toThrow(/has no oldest-first order/);
    await expect(backend.search(query('model', 'relevance'))).rejects.toThrow(/has no tag/);
    await expect(backend.search(query('model', 'relevance'))).resolves.toMatchObject({ total: 7 });
  });
});

describe('merging shard results', () => {
  const r = (id: string, score: number) => ({ id, score });
  const shards = [[r('a', 5), r('b', 1)], [r('c', 9), r('d', 5)], [r('e', 3)]];
  it('by score, equal scores in shard order', () => {
    expect(mergeShardResults(shards, 'relevance', [2, 1, 0]).map((x) => x.id)).toEqual(['c', 'a', 'd', 'e', 'b']);
  });
  it('newest first shard after shard, oldest first in the shard list’s oldest-first order', () => {
    expect(mergeShardResults(shards, 'date-desc', [2, 1, 0]).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(mergeShardResults(shards, 'date-asc', [2, 1, 0]).map((x) => x.id)).toEqual(['e', 'c', 'd', 'a', 'b']);
    // A last shard of undated papers stays last oldest first.
    expect(mergeShardResults(shards, 'date-asc', [1, 0, 2]).map((x) => x.id)).toEqual(['c', 'd', 'a', 'b', 'e']);
  });
});
