/**
 * The search back end for a site opened from disk (file://). It answers the same
 * SearchQuery with the same SearchOutcome shapes as the Pagefind back end, from the
 * classic-script index written by integrations/offline-search.ts (layout in
 * offline-format.ts). Index files are loaded with `<script src>` — the one loader file://
 * allows — and only when the reader searches: the main table and the word shards of the
 * typed terms first, the titles, paths and abstracts of the shown hits last.
 *
 * Matching follows Pagefind's behaviour: case and diacritics are folded, each term matches
 * words it starts ("hallucinat" → "hallucination") and words sharing its English stem
 * ("hallucination" → "hallucinated"), every term must match, titles and
 * author names weigh more than abstract words, and filters OR values within a facet and
 * AND across facets.
 */
import { loadScript } from '../load-script.ts';
import type { FacetCounts, FacetName, SearchBackend, SearchHit, SearchOutcome, SearchQuery } from './backend.ts';
import {
  FORMAT_VERSION,
  HAS_CODE_VALUE,
  INDEX_CALLBACK,
  NO_TOPIC,
  TEXT_SHARD_SIZE,
  fold,
  matchStrength,
  queryTerms,
  shardKeysFor,
  type Term,
  type MainIndex,
  type TextShard,
  type WordShard,
} from './offline-format.ts';

declare global {
  interface Window {
    /** Receives the data of each offline index file (see offline-format.ts). */
    [INDEX_CALLBACK]?: (name: string, data: unknown) => void;
  }
}

/** Words around the first match shown as the excerpt (Pagefind's default length). */
const EXCERPT_WORDS = 30;
/** Words shown before the first match, so it reads in context. */
const EXCERPT_LEAD = 6;

interface Waiting {
  resolve(data: unknown): void;
  reject(error: Error): void;
}

/** Loads one index file by name (`index`, `w/es`, `t/3`) and resolves with its data. */
export type IndexLoader = <T>(name: string) => Promise<T>;

/**
 * Loads index files under `root` (the `offline-search/` folder URL) as classic scripts, each
 * once; every file calls INDEX_CALLBACK with its name and data.
 */
export function scriptLoader(root: URL): IndexLoader {
  const loader = new ScriptLoader(root);
  return (name) => loader.load(name);
}

class ScriptLoader {
  private readonly waiting = new Map<string, Waiting>();
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly root: URL;

  constructor(root: URL) {
    this.root = root;
    window[INDEX_CALLBACK] = (name, data) => {
      this.waiting.get(name)?.resolve(data);
      this.waiting.delete(name);
    };
  }

  load<T>(name: string): Promise<T> {
    let file = this.files.get(name);
    if (!file) {
      file = new Promise<unknown>((resolve, reject) => {
        this.waiting.set(name, { resolve, reject });
        const src = new URL(`${name}.js`, this.root).href;
        loadScript(src).then(
          () => {
            if (!this.waiting.has(name)) return;
            this.waiting.delete(name);
            reject(new Error(`offline search: ${src} did not contain the index part "${name}"`));
          },
          () => {
            this.waiting.delete(name);
            reject(new Error(`offline search: could not load ${src}`));
          },
        );
      });
      // A failed file may be retried by a later search.
      file.catch(() => this.files.delete(name));
      this.files.set(name, file);
    }
    return file as Promise<T>;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Words of the original text with their positions; marks are kept so "Vie\u0301gas" stays one word. */
const ORIGINAL_WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * About EXCERPT_WORDS words of `text` around the first word a term matches, as HTML in
 * which every matching word is wrapped in `<mark>`.
 */
export function excerpt(text: string, terms: readonly Term[]): string {
  const found = [...text.matchAll(ORIGINAL_WORD)].map((match) => {
    const folded = fold(match[0]);
    return {
      start: match.index,
      end: match.index + match[0].length,
      hit: terms.some((term) => matchStrength(folded, term) > 0),
    };
  });
  if (found.length === 0) return escapeHtml(text);
  const first = Math.max(
    0,
    found.findIndex((word) => word.hit),
  );
  const from = Math.max(0, Math.min(first - EXCERPT_LEAD, found.length - EXCERPT_WORDS));
  const shown = found.slice(from, from + EXCERPT_WORDS);
  let html = '';
  let cursor = shown[0].start;
  for (const word of shown) {
    html += escapeHtml(text.slice(cursor, word.start));
    const body = escapeHtml(text.slice(word.start, word.end));
    html += word.hit ? `<mark>${body}</mark>` : body;
    cursor = word.end;
  }
  // Keep the punctuation that closes the last shown word ("…folding.").
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(cursor))?.[0] ?? '';
  return html + escapeHtml(tail);
}

/** The facet values of the paper at `position`. */
function facetValues(index: MainIndex, position: number, facet: FacetName): string[] {
  switch (facet) {
    case 'topic':
      return index.topics[position] === NO_TOPIC ? [] : [index.topicNames[index.topics[position]]];
    case 'year':
      return index.dates[position] ? [index.dates[position].slice(0, 4)] : [];
    case 'author':
      return index.authors[position].map((author) => index.authorNames[author]);
    case 'affiliation':
      return index.affiliations[position].map((affiliation) => index.affiliationNames[affiliation]);
    case 'code':
      return index.code[position] ? [HAS_CODE_VALUE] : [];
  }
}

const FACETS: readonly FacetName[] = ['topic', 'year', 'author', 'affiliation', 'code'];

/** Scores of the papers matching one term: match strength × rarity × damped weight. */
function scoreTerm(term: Term, shards: readonly WordShard[], paperCount: number): Map<number, number> {
  const scores = new Map<number, number>();
  for (const shard of shards) {
    for (const [word, postings] of Object.entries(shard)) {
      const strength = matchStrength(word, term);
      if (strength === 0) continue;
      const documents = postings.length / 2;
      const rarity = Math.log(1 + paperCount / documents) * strength;
      let position = 0;
      for (let i = 0; i < postings.length; i += 2) {
        position += postings[i];
        // log damps repeats, so one title word outweighs a few abstract mentions.
        const score = rarity * Math.log(1 + postings[i + 1]);
        // Several words may match a term; the paper keeps its best one.
        scores.set(position, Math.max(scores.get(position) ?? 0, score));
      }
    }
  }
  return scores;
}

/** The offline back end reading the index through `load` (in the browser: scriptLoader). */
export function createOfflineBackend(load: IndexLoader): SearchBackend {
  let mainIndex: Promise<MainIndex> | undefined;
  const loadMain = (): Promise<MainIndex> => {
    mainIndex ??= load<MainIndex>('index').then((index) => {
      if (index.version !== FORMAT_VERSION) {
        throw new Error(`offline search: index format ${index.version}, expected ${FORMAT_VERSION}; rebuild the site`);
      }
      return index;
    });
    mainIndex.catch(() => (mainIndex = undefined));
    return mainIndex;
  };

  return {
    async search(query: SearchQuery): Promise<SearchOutcome> {
      const index = await loadMain();
      const terms = queryTerms(query.term);
      const paperCount = index.papers;

      let scores: Map<number, number> | undefined;
      for (const term of terms) {
        const shards = await Promise.all(
          shardKeysFor(term.text, index.wordShards).map((key) => load<WordShard>(`w/${key}`)),
        );
        const termScores = scoreTerm(term, shards, paperCount);
        if (!scores) {
          scores = termScores;
          continue;
        }
        // Every term must match: keep the papers both have, adding their scores.
        const both = new Map<number, number>();
        for (const [position, score] of scores) {
          const other = termScores.get(position);
          if (other !== undefined) both.set(position, score + other);
        }
        scores = both;
      }

      const selected = FACETS.filter((facet) => (query.filters[facet]?.length ?? 0) > 0);
      const matches = [...(scores ?? new Map<number, number>())].filter(([position]) =>
        selected.every((facet) => {
          const wanted = query.filters[facet] ?? [];
          return facetValues(index, position, facet).some((value) => wanted.includes(value));
        }),
      );

      const facetCounts: FacetCounts = {};
      for (const facet of FACETS) {
        const counts: Record<string, number> = {};
        for (const [position] of matches) {
          for (const value of facetValues(index, position, facet)) counts[value] = (counts[value] ?? 0) + 1;
        }
        facetCounts[facet] = counts;
      }

      const byDate = (a: number, b: number): number => index.dates[a].localeCompare(index.dates[b]);
      matches.sort(([a, scoreA], [b, scoreB]) => {
        if (query.sort === 'date-desc') return byDate(b, a) || scoreB - scoreA;
        if (query.sort === 'date-asc') return byDate(a, b) || scoreB - scoreA;
        return scoreB - scoreA || byDate(b, a);
      });

      return {
        total: matches.length,
        facetCounts,
        async hits(start: number, count: number): Promise<SearchHit[]> {
          const positions = matches.slice(start, start + count).map(([position]) => position);
          const shardNumbers = [...new Set(positions.map((position) => Math.floor(position / TEXT_SHARD_SIZE)))];
          const texts = new Map<number, TextShard>();
          await Promise.all(shardNumbers.map(async (shard) => texts.set(shard, await load<TextShard>(`t/${shard}`))));
          return positions.map((position) => {
            const shard = texts.get(Math.floor(position / TEXT_SHARD_SIZE));
            const offset = position % TEXT_SHARD_SIZE;
            if (!shard) throw new Error(`offline search: no text shard for paper ${position}`);
            const sitePath = shard.paths[offset];
            const title = shard.titles[offset];
            return {
              path: sitePath === '' ? '/' : `/${sitePath}/`,
              title,
              authors: index.authors[position].map((author) => index.authorNames[author]).join(', '),
              date: index.dates[position],
              dateLabel: shard.dateLabels[offset],
              category: index.topics[position] === NO_TOPIC ? '' : index.topicNames[index.topics[position]],
              excerpt: excerpt(shard.abstracts[offset] || title, terms),
            };
          });
        },
      };
    },
  };
}
