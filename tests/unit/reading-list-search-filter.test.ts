import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchOutcome } from '../../src/client/search/backend.ts';
import { emptyState, setRead, setStarred } from '../../src/client/reading-list/model.ts';
import { filterOutcome, passesListFilters } from '../../src/client/reading-list/search-filter.ts';

function hit(path: string, date = '2024-01-01', topic = 'Machine Learning'): SearchHit {
  return {
    path,
    title: path,
    authors: '',
    etAl: false,
    date,
    dateLabel: date,
    topic,
    excerpt: '',
    filters: { topic: [topic], year: [date.slice(0, 4)] },
  };
}

/** An outcome over fixed hits that records which ranges were asked for. */
function outcomeOf(hits: SearchHit[]): SearchOutcome & { asked: [number, number][] } {
  const asked: [number, number][] = [];
  return {
    asked,
    total: hits.length,
    facetCounts: { topic: { 'Machine Learning': hits.length }, year: { '2024': hits.length } },
    hits: async (start, count) => {
      asked.push([start, count]);
      return hits.slice(start, start + count);
    },
  };
}

let state = setStarred(emptyState(), 'starred-unread', true, 1);
state = setStarred(state, 'starred-read', true, 2);
state = setRead(state, 'starred-read', true);
state = setRead(state, 'read-only', true);

describe('the search page’s reading-list filters', () => {
  it('keep starred papers, unread papers, or starred papers not yet read', () => {
    const paths = ['/papers/starred-unread/', '/papers/starred-read/', '/papers/read-only/', '/papers/untouched/'];
    const kept = (filters: ('starred' | 'unread')[]) =>
      paths.filter((path) => passesListFilters(state, filters, { path }));
    expect(kept([])).toEqual(paths);
    expect(kept(['starred'])).toEqual(['/papers/starred-unread/', '/papers/starred-read/']);
    expect(kept(['unread'])).toEqual(['/papers/starred-unread/', '/papers/untouched/']);
    expect(kept(['starred', 'unread'])).toEqual(['/papers/starred-unread/']);
  });

  it('drop pages that are not papers once a filter is on', () => {
    expect(passesListFilters(state, ['unread'], { path: '/authors/someone/' })).toBe(false);
    expect(passesListFilters(state, [], { path: '/authors/someone/' })).toBe(true);
  });

  it('count the kept hits exactly, recount the counted facets, and page through them in the original order', async () => {
    const hits = Array.from({ length: 7 }, (_, i) =>
      hit(`/papers/p${i}/`, i < 3 ? '2023-05-01' : '2024-02-02', i % 4 === 0 ? 'Robotics' : 'Machine Learning'),
    );
    const source = outcomeOf(hits);
    const filtered = await filterOutcome(source, (h) => /p[0246]/.test(h.path), 3);
    expect(filtered.total).toBe(4);
    expect(source.asked).toEqual([
      [0, 3],
      [3, 3],
      [6, 1],
    ]);
    expect((await filtered.hits(0, 2)).map((h) => h.path)).toEqual(['/papers/p0/', '/papers/p2/']);
    expect((await filtered.hits(2, 5)).map((h) => h.path)).toEqual(['/papers/p4/', '/papers/p6/']);
    // p0 (2023, Robotics), p2 (2023), p4 (2024, Robotics), p6 (2024): recounted from the hits' facet values.
    expect(filtered.facetCounts).toEqual({
      topic: { Robotics: 2, 'Machine Learning': 2 },
      year: { '2023': 2, '2024': 2 },
    });
  });
});
