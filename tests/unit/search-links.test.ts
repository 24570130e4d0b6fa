import { describe, expect, it } from 'vitest';
import { facetPagePath, pageHref, pathToRoot, siteRootFromScript } from '../../src/client/search/links.ts';
import { searchParamsFromState, stateFromSearchParams, withFilter } from '../../src/client/search/state.ts';

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

  it('names the static page of a facet value with the site slug function', () => {
    expect(facetPagePath('author', 'Fernanda Viégas')).toBe('/authors/fernanda-viegas/');
    expect(facetPagePath('topic', 'Computation and Language')).toBe('/topics/cs-cl/');
    expect(facetPagePath('year', '2024')).toBe('/years/2024/');
    expect(facetPagePath('code', 'yes')).toBeUndefined();
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
