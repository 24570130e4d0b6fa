/**
 * Builds the hosted search index with Pagefind's Node API once the site is written. Pagefind
 * does not read the pages: it gets each paper's search record (src/shared/search-record.ts)
 * as a custom record, read from the record shards of the offline index the build has just
 * written (src/shared/offline-index.ts). So both indexes come from the one record the data
 * layer made, and nothing is re-derived here.
 *
 * Sharding: Pagefind holds the whole index in memory while it builds (~0.1 GiB per 1,000
 * papers), so a big site is indexed as several independent bundles ("shards") of at most
 * PAGEFIND_SHARD_PAGES papers (default 25,000), one after another, each in a Pagefind
 * process that exits before the next starts. A shard is a run of papers in newest-first
 * order; shard 0 is written to `pagefind/` (where a one-shard site's whole index is), shard
 * k ≥ 1 to `pagefind/shard-<k>/`, and `pagefind/shards.json` lists them for the search page
 * (src/shared/pagefind.ts), which searches every shard and merges the results.
 *
 * Pagefind reports most problems as `errors: string[]` instead of throwing; each one is
 * re-thrown here with the Pagefind messages as `cause`, so a broken index fails the build
 * instead of shipping a site whose search silently finds nothing.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { dataScriptFile, readDataScript } from '../src/shared/data-script.ts';
import {
  RECORD_SHARD_SIZE,
  mainIndexName,
  recordShardName,
  type MainIndex,
  type RecordShard,
} from '../src/shared/offline-index.ts';
import type { Language } from '../src/shared/i18n/languages.ts';
import { PAGEFIND_DIR, SHARDS_MANIFEST, shardFolder, type ShardManifest } from '../src/shared/pagefind.ts';
import { toPagefindRecord } from '../src/shared/search-record.ts';

/** Papers per shard unless PAGEFIND_SHARD_PAGES says otherwise (~3 GiB of Pagefind memory). */
export const DEFAULT_SHARD_PAGES = 25_000;

/** Throws when a Pagefind step reported errors, with the messages kept as `cause`. */
function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new Error(`Pagefind failed while ${step}: ${errors.join('; ')}`, { cause: errors });
  }
}

/** PAGEFIND_SHARD_PAGES as a positive integer, or the default. */
export function shardPagesFromEnv(value = process.env.PAGEFIND_SHARD_PAGES): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SHARD_PAGES;
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 1) {
    throw new Error(`PAGEFIND_SHARD_PAGES must be a positive whole number, not “${value}”`);
  }
  return pages;
}

/** A shard: papers `[start, end)` of the newest-first order. */
export interface ShardPlan {
  start: number;
  end: number;
}

/**
 * Cuts papers (given by their oldest-first positions, in newest-first order) into runs of at
 * most `size`, also cutting where the dated papers end: there the oldest-first position stops
 * falling (undated papers come last in both orders). Returns the runs and the order in which
 * their oldest-first results follow each other.
 */
export function planShards(oldest: readonly number[], size: number): { shards: ShardPlan[]; oldestFirst: number[] } {
  if (!Number.isInteger(size) || size < 1) throw new Error(`shard size must be a positive whole number, not ${size}`);
  const shards: ShardPlan[] = [];
  let start = 0;
  for (let paper = 1; paper < oldest.length; paper += 1) {
    const full = paper - start >= size;
    const turns = paper >= 2 && oldest[paper] > oldest[paper - 1] !== oldest[paper - 1] > oldest[paper - 2];
    if (full || turns) {
      shards.push({ start, end: paper });
      start = paper;
    }
  }
  if (oldest.length > 0) shards.push({ start, end: oldest.length });
  const first = (shard: ShardPlan) => oldest.slice(shard.start, shard.end).reduce((a, b) => Math.min(a, b));
  const oldestFirst = shards.map((_, k) => k).sort((a, b) => first(shards[a]) - first(shards[b]));
  return { shards, oldestFirst };
}

async function readData<T>(siteDir: string, name: string): Promise<T> {
  const file = path.join(siteDir, dataScriptFile(name));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: the offline index must be built first`, { cause: error });
  }
  return readDataScript<T>(text, name);
}

/**
 * Indexes papers `[start, end)` in a fresh Pagefind process and writes the bundle to
 * `outputPath`, reading their records a record shard at a time.
 */
async function writeShard(siteDir: string, plan: ShardPlan, language: Language, outputPath: string): Promise<number> {
  try {
    // The index is in the interface's language, which the pages' `lang` names too: Pagefind
    // picks the stemmer by it, and the search page loads the index of its `lang`.
    const created = await pagefind.createIndex({ forceLanguage: language });
    failOn('creating the index', created.errors);
    if (!created.index) throw new Error('Pagefind returned no index');
    const { index } = created;
    const firstShard = Math.floor(plan.start / RECORD_SHARD_SIZE);
    const lastShard = Math.floor((plan.end - 1) / RECORD_SHARD_SIZE);
    // Every record is sent before any answer is awaited: Pagefind's service answers each
    // message in turn, and waiting for each answer before the next costs a round trip per paper.
    const adding: Promise<void>[] = [];
    for (let n = firstShard; n <= lastShard; n += 1) {
      const records = await readData<RecordShard>(siteDir, recordShardName(n));
      const from = Math.max(plan.start - n * RECORD_SHARD_SIZE, 0);
      const to = Math.min(plan.end - n * RECORD_SHARD_SIZE, records.length);
      for (const record of records.slice(from, to)) {
        adding.push(
          index
            .addCustomRecord(toPagefindRecord(record, language))
            .then((result) => failOn(`adding ${record.path}`, result.errors)),
        );
      }
    }
    await Promise.all(adding);
    const written = await index.writeFiles({ outputPath });
    failOn('writing the index', written.errors);
    return plan.end - plan.start;
  } finally {
    // The Node API runs Pagefind as a child process; closing it ends that process (and frees
    // its memory before the next shard starts) and lets the build exit.
    await pagefind.close();
  }
}

/** What `pagefind-entry.json` says of a bundle's index, per language. */
interface PagefindEntry {
  languages?: Record<string, { hash?: string; wasm?: string }>;
}

/**
 * The tag of the bundles' indexes (their hashes joined) and the files every search loads first
 * (src/shared/pagefind.ts), from each bundle's `pagefind-entry.json`.
 */
async function bundleFacts(siteDir: string, folders: readonly string[]): Promise<Pick<ShardManifest, 'tag' | 'files'>> {
  const entries = await Promise.all(
    folders.map(
      async (folder) =>
        JSON.parse(
          await readFile(path.join(siteDir, PAGEFIND_DIR, folder, 'pagefind-entry.json'), 'utf8'),
        ) as PagefindEntry,
    ),
  );
  const tag = entries
    .flatMap((entry) => Object.values(entry.languages ?? {}).map((language) => language.hash ?? ''))
    .join('.');
  if (!tag) throw new Error('Pagefind wrote no index hash to pagefind-entry.json');
  const files = folders.flatMap((folder, k) => {
    const at = (file: string) => `${PAGEFIND_DIR}/${folder}${file}`;
    const languages = Object.values(entries[k].languages ?? {});
    return [
      at('pagefind.js'),
      at(`pagefind-entry.json?ts=${encodeURIComponent(tag)}`),
      ...languages.flatMap((language) => [
        at(`pagefind.${language.hash}.pf_meta`),
        at(`wasm.${language.wasm ?? 'unknown'}.pagefind`),
      ]),
    ];
  });
  return { tag, files };
}

/**
 * Indexes the search records of the built site in `siteDir` and writes the bundle to
 * `<siteDir>/pagefind/`, in shards of at most `shardPages` papers.
 */
export async function buildSearchIndex(
  siteDir: string,
  shardPages = shardPagesFromEnv(),
): Promise<{ pages: number; shards: number }> {
  try {
    const main = await readData<MainIndex>(siteDir, mainIndexName());
    if (main.papers === 0) throw new Error(`the site in ${siteDir} has no papers to index`);
    const plan = planShards(main.sort.oldest, shardPages);
    const bundleDir = path.join(siteDir, PAGEFIND_DIR);
    // A previous build may have left more shards than this one writes.
    await rm(bundleDir, { recursive: true, force: true });
    let pages = 0;
    for (const [k, shard] of plan.shards.entries()) {
      pages += await writeShard(siteDir, shard, main.language, path.join(bundleDir, shardFolder(k)));
    }
    const folders = plan.shards.map((_, k) => shardFolder(k));
    const manifest: ShardManifest = {
      shards: folders,
      oldestFirst: plan.oldestFirst,
      ...(await bundleFacts(siteDir, folders)),
    };
    await mkdir(bundleDir, { recursive: true });
    await writeFile(path.join(siteDir, SHARDS_MANIFEST), `${JSON.stringify(manifest)}\n`);
    return { pages, shards: plan.shards.length };
  } catch (error) {
    throw new Error(`Search index not built: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, shards } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${pages} papers (${shards} ${shards === 1 ? 'shard' : 'shards'})`);
      },
    },
  };
}

/**
 * `node integrations/pagefind.ts` — how `npm run build` runs this step: after `astro build`
 * has exited, over DIST_DIR (or dist/). Inside `astro:build:done` Pagefind's own memory
 * came on top of what Astro still holds there; as a separate process the build's peak is the
 * larger of the two, not their sum (scale benchmark, bench/results.md). The integration
 * above stays for `astro build` users.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const siteDir = path.resolve(process.env.DIST_DIR ?? 'dist');
  const started = performance.now();
  buildSearchIndex(siteDir).then(
    ({ pages, shards }) =>
      console.log(
        `[pagefind] Pagefind indexed ${pages} papers (${shards} ${shards === 1 ? 'shard' : 'shards'}) in ${Math.round(performance.now() - started)} ms`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
