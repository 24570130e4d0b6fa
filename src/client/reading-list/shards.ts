/**
 * Loads the catalogue shards the reading list page needs, as classic scripts next to
 * `/reading-list/catalog.js` (see catalog.ts), each at most once.
 */
import { BIBTEX_GLOBAL, PAPERS_GLOBAL, shardOf, type CatalogHeader, type CatalogPaper } from './catalog.ts';
import { addToIndex, type CatalogIndex } from './exchange.ts';
import { loadScript } from '../load-script.ts';

type ShardStore<T> = Record<number, T | undefined>;

function globalStore<T>(name: string): ShardStore<T> {
  const globals = window as unknown as Record<string, ShardStore<T> | undefined>;
  return globals[name] ?? {};
}

export interface ShardLoader {
  /** Adds the papers of the shards holding `slugs` to the index. */
  papersFor(slugs: Iterable<string>): Promise<void>;
  /** Adds every paper to the index (BibTeX import matches by key, which may be in any shard). */
  allPapers(): Promise<void>;
  /** The BibTeX entries of `slugs`, by slug. */
  bibtexFor(slugs: Iterable<string>): Promise<Record<string, string>>;
}

/** `catalogUrl` is the resolved address of catalog.js; shard files sit beside it. */
export function shardLoader(catalogUrl: string, header: CatalogHeader, index: CatalogIndex): ShardLoader {
  const loading = new Map<string, Promise<void>>();
  const load = (kind: 'papers' | 'bibtex', shard: number): Promise<void> => {
    const file = `${kind}/${shard}.js`;
    let promise = loading.get(file);
    if (!promise) {
      promise = loadScript(new URL(file, catalogUrl).href);
      // A failed load may be retried later (a flaky disk or connection).
      promise.catch(() => loading.delete(file));
      loading.set(file, promise);
    }
    return promise;
  };
  const shardsOf = (slugs: Iterable<string>) => new Set([...slugs].map((slug) => shardOf(slug, header.shards)));

  const papersOf = async (shards: Set<number>) => {
    await Promise.all([...shards].map((shard) => load('papers', shard)));
    const store = globalStore<CatalogPaper[]>(PAPERS_GLOBAL);
    for (const shard of shards) addToIndex(index, store[shard] ?? []);
  };

  return {
    papersFor: (slugs) => papersOf(shardsOf(slugs)),
    allPapers: () => papersOf(new Set(Array.from({ length: header.shards }, (_, shard) => shard))),
    async bibtexFor(slugs) {
      const shards = shardsOf(slugs);
      await Promise.all([...shards].map((shard) => load('bibtex', shard)));
      const store = globalStore<Record<string, string>>(BIBTEX_GLOBAL);
      return Object.assign({}, ...[...shards].map((shard) => store[shard] ?? {})) as Record<string, string>;
    },
  };
}
