/**
 * The offline search index: its file layout, its data shapes and the text folding both
 * sides must agree on. The build step (integrations/offline-search.ts) writes it; the
 * offline back end (offline-backend.ts) reads it from file://, where fetch, ES modules,
 * WASM and workers are blocked but classic `<script src>` still loads. So every index file
 * is a script that hands its data to one global callback:
 *
 *     __offlineSearchIndex("index", {…})      offline-search/index.js     dates and facets of every paper
 *     __offlineSearchIndex("w/es", {…})       offline-search/w/es.js      words starting "es"
 *     __offlineSearchIndex("t/3", {…})        offline-search/t/3.js       paths, titles, date labels, abstracts of papers 75–99
 *
 * Only index.js and the word shards a query needs are loaded to search; the text shards
 * are loaded only for the hits being shown. Titles and paths sit in the text shards, not
 * in index.js, which keeps the first search's read small (index.js is ~0.6 MB at 10k papers).
 */

import porter2 from 'wink-porter2-stemmer';

/** The global callback every index file calls with its name and data. */
export const INDEX_CALLBACK = '__offlineSearchIndex';

/** Folder of the index inside dist. */
export const INDEX_DIR = 'offline-search';

/** Papers per text shard. */
export const TEXT_SHARD_SIZE = 25;

/** How much a word counts by where it occurs: titles and author names rank above abstract words. */
export const FIELD_WEIGHTS = { title: 10, authors: 6, abstract: 1 } as const;

/** Facet value a paper with code gets (same as the Pagefind `code` filter). */
export const HAS_CODE_VALUE = 'yes';

/** `MainIndex.topics` of a paper without an arXiv category (no topic facet value). */
export const NO_TOPIC = -1;

/** Version of the layout below; the reader refuses other versions rather than misread them. */
export const FORMAT_VERSION = 3;

/** `offline-search/index.js`: what ranking, sorting and filtering need of every paper, column by column. */
export interface MainIndex {
  version: number;
  /** Number of papers; papers are numbered 0… in the order of the columns. */
  papers: number;
  /** `YYYY-MM-DD` per paper, `''` for an undated one. */
  dates: string[];
  /** Author names, each once; papers refer to them by position. */
  authorNames: string[];
  /** Per paper, positions in `authorNames`, in the paper's order. */
  authors: number[][];
  /** Readable category names, each once. */
  topicNames: string[];
  /** Per paper, position in `topicNames`, or `NO_TOPIC` for a paper without a category. */
  topics: number[];
  affiliationNames: string[];
  /** Per paper, positions in `affiliationNames`. */
  affiliations: number[][];
  /** Per paper, 1 when it has code. */
  code: number[];
  /** Keys of the word shards that exist (`es`, `vi`, `u00e9`…), so no missing file is requested. */
  wordShards: string[];
  /** Number of text shards. */
  textShards: number;
}

/**
 * A word shard: folded word → postings, as a flat list of pairs
 * `[paperDelta, weight, paperDelta, weight, …]` where paper positions are delta-encoded
 * (ascending) and weight is the field-weighted number of occurrences.
 */
export type WordShard = Record<string, number[]>;

/** A text shard: what a shown hit needs of TEXT_SHARD_SIZE consecutive papers. */
export interface TextShard {
  /** Site paths without the surrounding slashes (`papers/x` for `/papers/x/`). */
  paths: string[];
  titles: string[];
  /** Dates as the pages show them ("9 June 2022", "2022" for a year-only date). */
  dateLabels: string[];
  /** Plain-text abstracts, for excerpts. */
  abstracts: string[];
}

/**
 * A query term and what it matches: an indexed word it starts ("hallucinat" →
 * "hallucination"), or a word with the same Porter2 stem prefix — the English stemmer
 * Pagefind uses — so "hallucination" also finds "hallucinated" as it does when hosted.
 */
export interface Term {
  /** The folded term as typed. */
  text: string;
  /** Its stem (at least two characters, else the term itself). */
  stem: string;
}

const stems = new Map<string, string>();

/** The Porter2 stem of a folded word, memoised (shards repeat words across searches). */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = porter2(word);
    stems.set(word, stem);
  }
  return stem;
}

/** The folded, de-duplicated terms of what the reader typed. */
export function queryTerms(query: string): Term[] {
  return [...new Set(words(query))].map((text) => {
    const stem = stemOf(text);
    return { text, stem: [...stem].length >= 2 ? stem : text };
  });
}

/** How well a folded word matches a term: 1 for the word or its stem, 0.6 for a longer word, 0 for none. */
export function matchStrength(word: string, term: Term): number {
  if (word === term.text) return 1;
  const stem = stemOf(word);
  if (stem === term.stem) return 1;
  return word.startsWith(term.text) || stem.startsWith(term.stem) ? PREFIX_STRENGTH : 0;
}

/** A term that only starts a word (or its stem) counts a little less than the whole word. */
const PREFIX_STRENGTH = 0.6;

/** Case and diacritic folding shared by the index and the queries: "Viégas" → "viegas". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Letters and digits form words; everything else separates them. */
export const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of `text`, in order. */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** One character spelled safely for a file name: itself for a–z and 0–9, else `_e9_` (hex code point). */
function spell(char: string): string {
  return /^[a-z0-9]$/.test(char) ? char : `_${char.codePointAt(0)?.toString(16)}_`;
}

/** The shard a folded word belongs to: its first two characters, spelled for a file name (`es`, `_e9_t`). */
export function shardKey(word: string): string {
  return [...word].slice(0, 2).map(spell).join('');
}

/** The shard keys that can hold words starting with `prefix` (a folded query term). */
export function shardKeysFor(prefix: string, available: readonly string[]): string[] {
  const chars = [...prefix];
  if (chars.length === 0) return [];
  if (chars.length >= 2) {
    const key = shardKey(prefix);
    return available.includes(key) ? [key] : [];
  }
  // A one-character term may continue with anything: every shard whose first character is it.
  const first = spell(chars[0]);
  return available.filter((key) => key === first || (key.startsWith(first) && key.length > first.length));
}
