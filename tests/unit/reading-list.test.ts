import { describe, expect, it } from 'vitest';
import { parse } from '@retorquere/bibtex-parser';
import {
  emptyState,
  markOf,
  parseState,
  serializeState,
  setRead,
  setStarred,
  starredInOrder,
  type ReadingListState,
} from '../../src/client/reading-list/model.ts';
import {
  applyImport,
  exportRecords,
  exportLinks,
  indexCatalog,
  citationFormatOf,
  linkedSlugs,
  parseImport,
} from '../../src/client/reading-list/exchange.ts';
import { PAPERS_PER_SHARD, type CatalogHeader, type CatalogPaper } from '../../src/shared/reading-list.ts';
import { shardCount as shardsFor, shardOf } from '../../src/shared/shards.ts';

const shardCount = (papers: number) => shardsFor(papers, PAPERS_PER_SHARD);
import { openStore, slugOfPath, STORAGE_KEY } from '../../src/client/reading-list/storage.ts';
import { DICTIONARIES } from '../../src/shared/i18n/dictionaries.ts';
import { plural } from '../../src/shared/i18n/format.ts';
import { resolveLocale } from '../../src/shared/i18n/languages.ts';

const header: CatalogHeader = { site: 'Paper Shelf', papersUrl: 'https://example.org/papers/', shards: 1 };
const papers: CatalogPaper[] = [
  {
    slug: 'esmfold-mechanisms',
    title: 'Mechanisms of AI Protein Folding in ESMFold',
    authors: ['Kevin Lu', 'Yonatan Belinkov'],
    date: '2025-11-03',
    key: 'lu2025esmfold',
  },
  {
    slug: 'brackets-paper',
    title: 'On [Bracketed] Titles and $x^2$',
    authors: ['Ada Lovelace'],
    date: '2024-01-02',
    key: 'lovelace2024brackets',
  },
  {
    slug: 'viegas-paper',
    title: 'Visualising Attention',
    authors: ['Fernanda Viégas'],
    date: '2023-05-06',
    key: 'viegas2023',
    notes: 2,
  },
];
const index = indexCatalog(header, papers);

function starAll(slugs: string[]): ReadingListState {
  // Later slugs are starred later, so they come first in the list.
  return slugs.reduce((state, slug, i) => setStarred(state, slug, true, 1000 + i), emptyState());
}

describe('the reading list state', () => {
  it('lists starred papers newest star first, with read papers after the unread ones', () => {
    let state = starAll(['esmfold-mechanisms', 'brackets-paper', 'viegas-paper']);
    expect(starredInOrder(state)).toEqual(['viegas-paper', 'brackets-paper', 'esmfold-mechanisms']);
    state = setRead(state, 'viegas-paper', true);
    expect(starredInOrder(state)).toEqual(['brackets-paper', 'esmfold-mechanisms', 'viegas-paper']);
    state = setRead(state, 'viegas-paper', false);
    expect(starredInOrder(state)[0]).toBe('viegas-paper');
  });

  it('keeps a paper marked read but not starred out of the list and remembers it is read', () => {
    const state = setRead(emptyState(), 'viegas-paper', true);
    expect(starredInOrder(state)).toEqual([]);
    expect(markOf(state, 'viegas-paper')).toMatchObject({ starred: false, read: true });
  });

  it('forgets a paper once it is neither starred nor read', () => {
    let state = setStarred(emptyState(), 'viegas-paper', true, 5);
    state = setStarred(state, 'viegas-paper', false, 6);
    expect(state.papers).toEqual({});
  });

  it('survives a round trip through its stored text', () => {
    const state = setRead(starAll(['esmfold-mechanisms', 'viegas-paper']), 'esmfold-mechanisms', true);
    expect(parseState(serializeState(state))).toEqual(state);
  });

  it('reads nothing stored, broken JSON and a foreign shape as an empty list', () => {
    expect(parseState(null)).toEqual(emptyState());
    expect(parseState('{not json')).toEqual(emptyState());
    expect(parseState('[1,2]')).toEqual(emptyState());
    expect(parseState(JSON.stringify({ version: 99, papers: { a: { starred: true } } }))).toEqual(emptyState());
  });

  it('skips malformed entries but keeps the valid ones', () => {
    const text = JSON.stringify({
      version: 1,
      papers: {
        good: { starred: true, read: false, starredAt: 7 },
        noTime: { starred: true, read: true, starredAt: 'yesterday' },
        junk: 'starred',
        nothing: { starred: false, read: false, starredAt: 1 },
      },
    });
    expect(parseState(text).papers).toEqual({
      good: { starred: true, read: false, starredAt: 7 },
      noTime: { starred: true, read: true, starredAt: 0 },
    });
  });
});

/** The words of an English site's export. */
const english = {
  heading: 'Reading list: Paper Shelf',
  notes: (count: number) => plural(DICTIONARIES.en.counts.notes, count, resolveLocale('en')),
};

describe('exporting the list', () => {
  it('writes a Markdown task list of absolute links with read papers ticked, in list order', () => {
    const state = setRead(starAll(['esmfold-mechanisms', 'brackets-paper']), 'esmfold-mechanisms', true);
    const text = exportLinks(state, starredInOrder(state), index, english);
    expect(text).toBe(
      [
        '# Reading list: Paper Shelf',
        '',
        '- [ ] [On \\[Bracketed\\] Titles and $x^2$](https://example.org/papers/brackets-paper/)',
        '- [x] [Mechanisms of AI Protein Folding in ESMFold](https://example.org/papers/esmfold-mechanisms/)',
        '',
      ].join('\n'),
    );
  });

  it('links a paper’s notes after its title, and the list imports back with each paper once', () => {
    const state = setRead(starAll(['viegas-paper', 'esmfold-mechanisms']), 'viegas-paper', true);
    const text = exportLinks(state, starredInOrder(state), index, english);
    expect(text.split('\n')).toContain(
      '- [x] [Visualising Attention](https://example.org/papers/viegas-paper/) · [2 notes](https://example.org/papers/viegas-paper/#notes)',
    );
    expect(text).toContain(
      '- [ ] [Mechanisms of AI Protein Folding in ESMFold](https://example.org/papers/esmfold-mechanisms/)\n',
    );
    expect(parseImport(text, index)).toEqual({
      entries: [
        { slug: 'esmfold-mechanisms', read: false },
        { slug: 'viegas-paper', read: true },
      ],
      unmatched: [],
    });
  });

  it('joins the site’s BibTeX entries into a file a BibTeX parser reads back', () => {
    const bibtex = {
      'esmfold-mechanisms':
        '@article{lu2025esmfold,\n  title = {Mechanisms of {AI} Protein Folding in {ESMFold}},\n  author = {Lu, Kevin and Belinkov, Yonatan},\n  year = {2025}\n}\n',
      'viegas-paper':
        "@article{viegas2023,\n  title = {Visualising Attention},\n  author = {Vi{\\'e}gas, Fernanda},\n  year = {2023}\n}",
    };
    const { text, missing } = exportRecords('bibtex', ['viegas-paper', 'brackets-paper', 'esmfold-mechanisms'], bibtex);
    expect(missing).toEqual(['brackets-paper']);
    const parsed = parse(text, { sentenceCase: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((entry) => entry.fields.title)).toEqual([
      'Visualising Attention',
      'Mechanisms of AI Protein Folding in ESMFold',
    ]);
  });
});

describe('importing a list', () => {
  it('reads its own export back with the same order and read marks', () => {
    const state = setRead(starAll(['esmfold-mechanisms', 'brackets-paper', 'viegas-paper']), 'viegas-paper', true);
    const text = exportLinks(state, starredInOrder(state), index, english);
    const result = parseImport(text, index);
    expect(result).toEqual({
      entries: [
        { slug: 'brackets-paper', read: false },
        { slug: 'esmfold-mechanisms', read: false },
        { slug: 'viegas-paper', read: true },
      ],
      unmatched: [],
    });
    const imported = applyImport(emptyState(), result.entries, 50_000);
    expect(starredInOrder(imported.state)).toEqual(starredInOrder(state));
    expect(imported).toMatchObject({ added: 3, markedRead: 1 });
  });

  it('recognises hosted, sub-path, file:// and relative links and reports links to other pages', () => {
    const text = [
      'https://example.org/lab/papers/papers/esmfold-mechanisms/',
      'see file:///home/me/site/papers/brackets-paper/index.html, then',
      '../papers/viegas-paper/index.html',
      'https://arxiv.org/abs/2206.04615',
      'https://example.org/papers/not-on-this-site/',
      'plain words and a papers/ mention',
    ].join('\n');
    expect(parseImport(text, index)).toEqual({
      entries: [
        { slug: 'esmfold-mechanisms', read: false },
        { slug: 'brackets-paper', read: false },
        { slug: 'viegas-paper', read: false },
      ],
      unmatched: ['https://arxiv.org/abs/2206.04615', 'https://example.org/papers/not-on-this-site/'],
    });
  });

  it('names each paper once even when several lines link it, read if any line says so', () => {
    const text = '- [ ] <https://example.org/papers/viegas-paper/>\n* [X] https://example.org/papers/viegas-paper/';
    expect(parseImport(text, index).entries).toEqual([{ slug: 'viegas-paper', read: true }]);
  });

  it('matches a BibTeX file’s entries by key or by a link to the paper page', () => {
    const text = [
      '% my exported papers',
      '@string{acl = {ACL}}',
      '@article{lu2025esmfold,',
      '  title = {Mechanisms of {AI} Protein Folding in {ESMFold}},',
      '}',
      '@misc{renamed,',
      '  title = {Visualising Attention},',
      '  url = {https://example.org/papers/viegas-paper/}',
      '}',
      '@inproceedings{someone2020other, title = {Other}}',
    ].join('\n');
    expect(parseImport(text, index)).toEqual({
      entries: [
        { slug: 'esmfold-mechanisms', read: false },
        { slug: 'viegas-paper', read: false },
      ],
      unmatched: ['someone2020other'],
    });
  });

  it('matches RIS records by their ID and CSL-JSON items by their id, as the site exports them', () => {
    const ris = [
      'TY  - JOUR',
      'ID  - lu2025esmfold',
      'TI  - Mechanisms of AI Protein Folding in ESMFold',
      'ER  - ',
      '',
      'TY  - GEN',
      'TI  - Visualising Attention',
      'UR  - https://example.org/papers/viegas-paper/',
      'ER  - ',
      '',
      'TY  - JOUR',
      'ID  - someone2020other',
      'ER  - ',
    ].join('\n');
    expect(parseImport(ris, index)).toEqual({
      entries: [
        { slug: 'esmfold-mechanisms', read: false },
        { slug: 'viegas-paper', read: false },
      ],
      unmatched: ['someone2020other'],
    });
    const csl = JSON.stringify([
      { id: 'viegas2023', type: 'article', title: 'Visualising Attention' },
      { id: 'x', 'citation-key': 'lovelace2024brackets', type: 'article' },
      { id: 'elsewhere2021', type: 'book' },
    ]);
    expect(parseImport(csl, index)).toEqual({
      entries: [
        { slug: 'viegas-paper', read: false },
        { slug: 'brackets-paper', read: false },
      ],
      unmatched: ['elsewhere2021'],
    });
  });

  it('joins RIS records and CSL-JSON items into files their readers take', () => {
    const ris = exportRecords('ris', ['viegas-paper', 'esmfold-mechanisms'], {
      'viegas-paper': 'TY  - JOUR\nID  - viegas2023\nER  - \n',
      'esmfold-mechanisms': 'TY  - JOUR\nID  - lu2025esmfold\nER  - \n',
    });
    expect(ris).toEqual({
      text: 'TY  - JOUR\nID  - viegas2023\nER  - \n\nTY  - JOUR\nID  - lu2025esmfold\nER  - \n',
      missing: [],
    });
    const csl = exportRecords('csl-json', ['viegas-paper', 'brackets-paper'], {
      'viegas-paper': '{\n  "id": "viegas2023"\n}',
    });
    expect(JSON.parse(csl.text)).toEqual([{ id: 'viegas2023' }]);
    expect(csl.missing).toEqual(['brackets-paper']);
  });

  it('adds to the list without moving starred papers or unmarking read ones', () => {
    let state = setStarred(emptyState(), 'viegas-paper', true, 10);
    state = setRead(state, 'viegas-paper', true);
    const outcome = applyImport(
      state,
      [
        { slug: 'viegas-paper', read: false },
        { slug: 'esmfold-mechanisms', read: true },
      ],
      20,
    );
    expect(outcome.added).toBe(1);
    expect(outcome.markedRead).toBe(1);
    expect(outcome.state.papers['viegas-paper']).toEqual({ starred: true, read: true, starredAt: 10 });
    expect(outcome.state.papers['esmfold-mechanisms']).toEqual({ starred: true, read: true, starredAt: 19 });
  });
});

/** An in-memory Storage, optionally failing the way browsers do. */
function memoryStorage(fail?: 'write'): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    removeItem: (key: string) => void data.delete(key),
    setItem: (key: string, value: string) => {
      if (fail === 'write') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
  };
}

describe('the storage', () => {
  it('saves the list and reads it back in a new session', () => {
    const storage = memoryStorage();
    const first = openStore(() => storage);
    if (!first.available) throw new Error(first.reason);
    expect(first.write(starAll(['viegas-paper']))).toBe(true);
    const second = openStore(() => storage);
    expect(second.available && starredInOrder(second.read())).toEqual(['viegas-paper']);
    expect(storage.getItem(STORAGE_KEY)).toContain('viegas-paper');
  });

  it('reports storage the browser refuses to hand out, with the reason', () => {
    const store = openStore(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(store).toEqual({ available: false, reason: 'SecurityError: Access is denied for this document.' });
  });

  it('reports storage that exists but refuses writes', () => {
    const store = openStore(() => memoryStorage('write'));
    expect(store.available).toBe(false);
  });
});

describe('the catalogue shards', () => {
  it('keep small sites in one shard and cut large ones into shards of about 250 papers', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(50)).toBe(1);
    expect(shardCount(10_000)).toBe(40);
  });

  it('put every slug in one stable shard and spread slugs evenly', () => {
    const slugs = Array.from({ length: 4000 }, (_, i) => `paper-number-${i}`);
    const sizes = new Array(16).fill(0);
    for (const slug of slugs) sizes[shardOf(slug, 16)] += 1;
    expect(shardOf('viegas-paper', 16)).toBe(shardOf('viegas-paper', 16));
    expect(Math.min(...sizes)).toBeGreaterThan(150);
    expect(Math.max(...sizes)).toBeLessThan(350);
    expect(shardOf('anything', 1)).toBe(0);
  });

  it('know which slugs a text links to before the catalogue is loaded', () => {
    const text =
      '- [x] [A](https://example.org/papers/a-paper/)\n../papers/b%C3%A9/index.html and https://arxiv.org/abs/1';
    expect(linkedSlugs(text)).toEqual(['a-paper', 'bé']);
    expect(citationFormatOf(text)).toBeUndefined();
    expect(citationFormatOf('% refs\n@article{k, title = {T}}')).toBe('bibtex');
    expect(citationFormatOf('TY  - JOUR\nID  - k\nER  - ')).toBe('ris');
    expect(citationFormatOf(' [{"id": "k", "type": "article"}]')).toBe('csl-json');
  });
});

describe('paper paths', () => {
  it('gives the slug of a paper page path and nothing for other pages', () => {
    expect(slugOfPath('/papers/viegas-paper/')).toBe('viegas-paper');
    expect(slugOfPath('/lab/papers/papers/viegas-paper/index.html')).toBe('viegas-paper');
    expect(slugOfPath('/authors/fernanda-viegas/')).toBeNull();
    expect(slugOfPath('/papers/')).toBeNull();
  });
});
