/**
 * Loads the catalogue shards the reading list page needs (src/shared/reading-list.ts), as
 * data scripts, each at most once.
 */
import type { CitationFormat } from '../../shared/citation-formats.ts';
import {
  citationShardName,
  papersShardName,
  type CatalogHeader,
  type CatalogPaper,
} from '../../shared/reading-list.ts';
import { shardOf } from '../../shared/shards.ts';
import type { DataLoader } from '../search/links.ts';
import { addToIndex, type CatalogIndex } from './exchange.ts';

export interface ShardLoader {
  /** Adds the papers of the shards holding `slugs` to the index. */
  papersFor(slugs: Iterable<string>): Promise<void>;
  /** Adds every paper to the index (a citation file is matched by keys, which may be in any shard). */
  allPapers(): Promise<void>;
  /** The records of `slugs` in one citation format (the site's own), by slug. */
  recordsFor(format: CitationFormat, slugs: Iterable<string>): Promise<Record<string, string>>;
}

/** Shards of the catalogue described by `header`, loaded through `load`, added to `index`. */
export function shardLoader(load: DataLoader, header: CatalogHeader, index: CatalogIndex): ShardLoader {
  const shardsOf = (slugs: Iterable<string>) => new Set([...slugs].map((slug) => shardOf(slug, header.shards)));

  const papersOf = async (shards: Set<number>) => {
    const loaded = await Promise.all([...shards].map((shard) => load<CatalogPaper[]>(papersShardName(shard))));
    for (const papers of loaded) addToIndex(index, papers);
  };

  return {
    papersFor: (slugs) => papersOf(shardsOf(slugs)),
    allPapers: () => papersOf(new Set(Array.from({ length: header.shards }, (_, shard) => shard))),
    async recordsFor(format, slugs) {
      const shards = shardsOf(slugs);
      const loaded = await Promise.all(
        [...shards].map((shard) => load<Record<string, string>>(citationShardName(format, shard))),
      );
      return Object.assign({}, ...loaded) as Record<string, string>;
    },
  };
}
