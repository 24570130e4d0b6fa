import { describe, expect, it } from 'vitest';
import { facetPagePath, pageHref, pathToRoot, siteRootFromScript } from '../../src/client/search/links.ts';
import { searchParamsFromState, stateFromSearchParams, withFilter } from '../../src/client/search/state.ts';
import { facetPages } from '../../src/lib/search.ts';
import { catalogOf, paperEntry } from './support/papers.ts';

describe('search page links', () => {
  it('finds the site root from the search script, under a sub-path and on disk', () => {
    expect(siteRootFromScript('https://example.org/lab/papers/scripts/search.js').href).toBe(
      'https://example.org/lab/papers/',
    );
    expect(siteRootFromScript('file:///media/usb/dist/scripts/search.js').href).toBe('file:///media/usb/dist/');
  });

  it('climbs one folder from the search page, with or without index.html in its URL', () => {
    const root = new URL('https://example.org/lab/papers/');
    expect(pathToRoot(root, new URL('https://example.org/lab/papers/search/?q=x'))).toBe('../');
    expect(pathToRoot(root, new URL('https://example.org/lab/papers/search/index.html'))).toBe('../');
    expect(pathToRoot(new URL('file:///d/'), new URL('file:///d/search/index.html?q=x'))).toBe('../');
  });

  it('links the real index.html from file:// and the pretty folder when served', () => {
    expect(pageHref('/papers/x/', '../', 'file:')).toBe('../papers/x/index.html');
    expect(pageHref('/papers/x/', '../', 'https:')).toBe('../papers/x/');
    expect(pageHref('/', '', 'http:')).toBe('./');
  });

  it('takes the page of a facet value from the build’s list, loading only the value’s shard', async () => {
    const { papers } = catalogOf([
      paperEntry({ authors: ['Fernanda Viégas'], affiliations: ['allen-ai'] }),
      ...Array.from({ length: 300 }, (_, i) => paperEntry({ authors: [`Author Number ${i}`] })),
    ]);
    const pages = facetPages(papers);
    expect(pages.shards.author).toBe(2);
    const loaded: string[] = [];
    const load = async <T>(name: string): Promise<T> => {
      loaded.push(name);
      const [, facet, shard] = /^search\/facets\/(\w+)-(\d+)$/.exec(name) ?? [];
      return pages.pages[facet as 'author']?.[Number(shard)] as T;
    };
    // The display name of an affiliation is not its slug: the path is the one the build made.
    expect(await facetPagePath('affiliation', 'Allen Institute for AI', pages.shards, load)).toBe(
      '/affiliations/allen-ai/',
    );
    expect(await facetPagePath('author', 'Fernanda Viégas', pages.shards, load)).toBe('/authors/fernanda-viegas/');
    expect(await facetPagePath('author', 'Nobody Here', pages.shards, load)).toBeUndefined();
    expect(await facetPagePath('code', 'yes', pages.shards, load)).toBeUndefined();
    expect(loaded).toHaveLength(3);
  });
});

describe('search state in the URL', () => {
  it('round-trips a term, several values of a facet and a sort', () => {
    const query = '?q=hallucination&year=2023&year=2024&author=Fernanda+Vi%C3%A9gas&sort=date-desc';
    const state = stateFromSearchParams(query);
    expect(state).toEqual({
      term: 'hallucination',
      filters: { year: ['2023', '2024'], author: ['Fernanda Viégas'] },
      sort: 'date-desc',
    });
    expect(stateFromSearchParams(searchParamsFromState(state))).toEqual(state);
  });

  it('ignores an unknown sort and leaves defaults out of the URL', () => {
    const state = stateFromSearchParams('?q=x&sort=random&colour=red');
    expect(state.sort).toBe('relevance');
    expect(searchParamsFromState(state)).toBe('?q=x');
  });

  it('drops a facet from the state when its last value is switched off', () => {
    const on = withFilter(stateFromSearchParams('?q=x'), 'year', '2024', true);
    expect(on.filters).toEqual({ year: ['2024'] });
    expect(withFilter(on, 'year', '2024', false).filters).toEqual({});
  });
});
