/**
 * Cutting keyed data into shard files, so the browser loads only the shard it needs: the
 * build and the browser compute the same shard for a key.
 */

/** How many shards `items` items need at `perShard` per shard (at least one). */
export function shardCount(items: number, perShard: number): number {
  return Math.max(1, Math.ceil(items / perShard));
}

/** The shard holding `key` (32-bit FNV-1a of its UTF-16 code units). */
export function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}
