/**
 * The search back end where Pagefind cannot run: a site opened from disk (file://) and
 * `npm run dev`. It answers the same SearchQuery with the same SearchOutcome as the Pagefind
 * back end, from the offline index (src/shared/offline-index.ts) loaded as data scripts, and
 * only when the reader searches: the main file and the word shards of the typed terms first,
 * the records of the shown hits last.
 *
 * It finds what Pagefind finds: the same tokens and query terms (src/shared/search-text.ts),
 * a term matches every token it starts (or else the longest token that starts it), every
 * term must match — except a term that matches nothing anywhere, which Pagefind leaves out
 * of the search —, filters OR values within a
 * facet and AND across facets, and the date sorts follow the records' sort positions.
 * Relevance is its own score (field weights × rarity), close to Pagefind's but not the same.
 */
import type { FacetCounts, SearchBackend, SearchOutcome, SearchQuery } from './backend.ts';
import { FACET_NAMES, type FacetName } from '../../shared/facets.ts';
import {
  OFFLINE_INDEX_VERSION,
  RECORD_SHARD_SIZE,
  mainIndexName,
  recordShardName,
  wordShardKey,
  wordShardKeysFor,
  wordShardName,
  type MainIndex,
  type RecordShard,
  type WordShard,
} from '../../shared/offline-index.ts';
import { SORT_KEYS, hitFromRecord, type SearchHit } from '../../shared/search-record.ts';
import { excerptHtml, matches, queryTerms } from '../../shared/search-text.ts';

/** Loads one index file by its data-script name and resolves with its value. */
export type IndexLoader = <T>(name: string) => Promise<T>;

/** A token that only starts with the term counts a little less than the whole word. */
const PREFIX_STRENGTH = 0.6;

/**
 * The tokens a term matches, as Pagefind finds them: every token the term starts; when there
 * is none, the longest token that starts the term ("hallucinat" finds "hallucin", the stem
 * of "hallucination").
 */
function matchingTokens(term: string, shards: readonly WordShard[]): string[] {
  const extensions: string[] = [];
  let longestPrefix = '';
  for (const shard of shards) {
    for (const token of Object.keys(shard)) {
      if (matches(token, term)) extensions.push(token);
      else if (term.startsWith(token) && token.length > longestPrefix.length) longestPrefix = token;
    }
  }
  if (extensions.length > 0) return extensions;
  return longestPrefix ? [longestPrefix] : [];
}

/** The papers matching one term with their scores, or undefined when no token in the index matches it. */
function scoreTerm(term: string, shards: readonly WordShard[], paperCount: number): Map<number, number> | undefined {
  const tokens = matchingTokens(term, shards);
  if (tokens.length === 0) return undefined;
  const scores = new Map<number, number>();
  for (const token of tokens) {
    const postings = shards.find((shard) => Object.hasOwn(shard, token))?.[token] ?? [];
    const strength = token === term ? 1 : PREFIX_STRENGTH;
    const rarity = Math.log(1 + paperCount / (postings.length / 2)) * strength;
    let paper = 0;
    for (let i = 0; i < postings.length; i += 2) {
      paper += postings[i];
      // log damps repeats, so one title word outweighs a few abstract mentions.
      const score = rarity * Math.log(1 + postings[i + 1]);
      // Several tokens may match a term; the paper keeps its best one.
      scores.set(paper, Math.max(scores.get(paper) ?? 0, score));
    }
  }
  return scores;
}

/** The offline back end reading the index through `load` (in the browser: the data-script loader). */
export function createOfflineBackend(load: IndexLoader): SearchBackend {
  let mainIndex: Promise<MainIndex> | undefined;
  const loadMain = (): Promise<MainIndex> => {
    mainIndex ??= load<MainIndex>(mainIndexName()).then((index) => {
      if (index.version !== OFFLINE_INDEX_VERSION) {
        throw new Error(
          `offline search: index format ${index.version}, expected ${OFFLINE_INDEX_VERSION}; rebuild the site`,
        );
      }
      return index;
    });
    mainIndex.catch(() => (mainIndex = undefined));
    return mainIndex;
  };

  return {
    async search(query: SearchQuery): Promise<SearchOutcome> {
      const index = await loadMain();
      const terms = queryTerms(query.term, index.language);
      const perTerm = await Promise.all(
        terms.map(async (term) => {
          const keys = wordShardKeysFor(term, index.wordShards);
          // A one-character token that starts the term may stand in for it (matchingTokens).
          const first = wordShardKey(Array.from(term)[0] ?? '');
          if (index.wordShards.includes(first) && !keys.includes(first)) keys.push(first);
          const shards = await Promise.all(keys.map((key) => load<WordShard>(wordShardName(key))));
          return scoreTerm(term, shards, index.papers);
        }),
      );
      // Every known term must match; a term matching nothing at all is left out, as Pagefind does.
      let scores: Map<number, number> | undefined;
      for (const termScores of perTerm) {
        if (!termScores) continue;
        if (!scores) {
          scores = termScores;
          continue;
        }
        const both = new Map<number, number>();
        for (const [paper, score] of scores) {
          const other = termScores.get(paper);
          if (other !== undefined) both.set(paper, score + other);
        }
        scores = both;
      }

      const valuesOf = (paper: number, facet: FacetName): string[] => {
        const column = index.facets[facet];
        return column ? column.papers[paper].map((value) => column.values[value]) : [];
      };
      const selected = FACET_NAMES.filter((facet) => (query.filters[facet]?.length ?? 0) > 0);
      const matching = [...(scores ?? new Map<number, number>())].filter(([paper]) =>
        selected.every((facet) => valuesOf(paper, facet).some((value) => query.filters[facet]?.includes(value))),
      );

      const facetCounts: FacetCounts = {};
      for (const facet of query.countFacets ?? FACET_NAMES) {
        const counts: Record<string, number> = {};
        for (const [paper] of matching) {
          for (const value of valuesOf(paper, facet)) counts[value] = (counts[value] ?? 0) + 1;
        }
        facetCounts[facet] = counts;
      }

      if (query.sort === 'relevance') {
        const newest = index.sort.newest;
        matching.sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || newest[a] - newest[b]);
      } else {
        const position = index.sort[SORT_KEYS[query.sort]];
        matching.sort(([a], [b]) => position[a] - position[b]);
      }

      return {
        total: matching.length,
        facetCounts,
        async hits(start: number, count: number): Promise<SearchHit[]> {
          const papers = matching.slice(start, start + count).map(([paper]) => paper);
          const shardNumbers = [...new Set(papers.map((paper) => Math.floor(paper / RECORD_SHARD_SIZE)))];
          const shards = new Map<number, RecordShard>();
          await Promise.all(shardNumbers.map(async (n) => shards.set(n, await load<RecordShard>(recordShardName(n)))));
          return papers.map((paper) => {
            const record = shards.get(Math.floor(paper / RECORD_SHARD_SIZE))?.[paper % RECORD_SHARD_SIZE];
            if (!record) throw new Error(`offline search: no record for paper ${paper}`);
            return hitFromRecord(record, excerptHtml(record.text.abstract, terms, index.language));
          });
        },
      };
    },
  };
}
