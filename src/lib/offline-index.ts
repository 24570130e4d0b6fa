/**
 * Builds the offline search index (layout in src/shared/offline-index.ts) from the search
 * records, for src/pages/offline-search/[...file].js.ts to serve (through search-files.ts): each file is a name and a
 * value, written as a data script by that route.
 */
import { FACET_NAMES } from '../shared/facets.ts';
import {
  OFFLINE_INDEX_VERSION,
  RECORD_SHARD_SIZE,
  mainIndexName,
  recordShardName,
  wordShardKey,
  wordShardName,
  type MainIndex,
  type RecordShard,
  type WordShard,
} from '../shared/offline-index.ts';
import { TEXT_FIELD_NAMES, TEXT_FIELDS, type SearchRecord } from '../shared/search-record.ts';
import type { Language } from '../shared/i18n/languages.ts';
import { indexTokens } from '../shared/search-text.ts';

/** One file of the index: its data-script name and its value. */
export interface IndexFile {
  name: string;
  value: unknown;
}

/** Positions of distinct values, in first-seen order. */
class ValueTable {
  readonly values: string[] = [];
  private readonly positions = new Map<string, number>();

  position(value: string): number {
    let position = this.positions.get(value);
    if (position === undefined) {
      position = this.values.length;
      this.values.push(value);
      this.positions.set(value, position);
    }
    return position;
  }
}

/** Every file of the offline index of `records` (in the site's newest-first order), in `language`. */
export function buildOfflineIndex(records: readonly SearchRecord[], language: Language): IndexFile[] {
  // token → flat [paperDelta, weight, …], the shard format itself. Papers are visited in
  // order, so a token's last entry is the current paper's or an earlier one's: appending is
  // enough, and flat number arrays keep 100k papers' postings compact in memory.
  const postings = new Map<string, { flat: number[]; last: number }>();
  records.forEach((record, paper) => {
    for (const field of TEXT_FIELD_NAMES) {
      const weight = TEXT_FIELDS[field];
      for (const token of indexTokens(record.text[field], language)) {
        const list = postings.get(token);
        if (!list) postings.set(token, { flat: [paper, weight], last: paper });
        else if (list.last === paper) list.flat[list.flat.length - 1] += weight;
        else {
          list.flat.push(paper - list.last, weight);
          list.last = paper;
        }
      }
    }
  });

  const shards = new Map<string, WordShard>();
  for (const token of [...postings.keys()].sort()) {
    const key = wordShardKey(token);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = {}));
    shard[token] = postings.get(token)?.flat ?? [];
  }

  const facets: MainIndex['facets'] = {};
  for (const facet of FACET_NAMES) {
    const table = new ValueTable();
    const papers = records.map((record) => (record.filters[facet] ?? []).map((value) => table.position(value)));
    if (table.values.length > 0) facets[facet] = { values: table.values, papers };
  }

  const main: MainIndex = {
    version: OFFLINE_INDEX_VERSION,
    language,
    papers: records.length,
    facets,
    sort: {
      newest: records.map((record) => record.sort.newest),
      oldest: records.map((record) => record.sort.oldest),
    },
    wordShards: [...shards.keys()],
    recordShards: Math.ceil(records.length / RECORD_SHARD_SIZE),
  };

  const files: IndexFile[] = [{ name: mainIndexName(), value: main }];
  for (const [key, shard] of shards) files.push({ name: wordShardName(key), value: shard });
  for (let shard = 0; shard < main.recordShards; shard += 1) {
    const value: RecordShard = records.slice(shard * RECORD_SHARD_SIZE, (shard + 1) * RECORD_SHARD_SIZE);
    files.push({ name: recordShardName(shard), value });
  }
  return files;
}
