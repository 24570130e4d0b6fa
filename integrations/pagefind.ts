/**
 * Builds the hosted search index with Pagefind's Node API once the site is written (and
 * its links made relative). Only paper pages carry `data-pagefind-body`, so they alone
 * become results; their filters, sort keys and meta come from PaperSearchData.astro.
 *
 * Sharding: Pagefind holds the whole index in memory while it builds (~0.1 GiB per 1,000
 * paper pages, 10.6 GiB at 100,000), so a big site is indexed as several independent
 * bundles ("shards") of at most PAGEFIND_SHARD_PAGES pages (default 25,000), one after
 * another, each in a Pagefind process that exits before the next starts. Shards are date
 * ranges, newest first: shard 0 is written to `pagefind/` (where a one-shard site's whole
 * index is, as before), shard k ≥ 1 to `pagefind/shard-<k>/`. `pagefind/shards.json` lists
 * them for the search page (src/client/search/pagefind-backend.ts), which searches every
 * shard and merges the results.
 *
 * Pagefind reports most problems as `errors: string[]` instead of throwing; each one is
 * re-thrown here with the Pagefind messages as `cause`, so a broken index fails the build
 * instead of shipping a site whose search silently finds nothing.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
// The search page reads the shard list from where this step writes it: one name for both.
import { SHARDS_MANIFEST } from '../src/client/search/pagefind-backend.ts';
import { UNDATED_SORT_KEY } from '../src/lib/dates.ts';

/** Where the bundle goes inside the built site; the search UI loads `pagefind/pagefind.js`. */
export const PAGEFIND_DIR = 'pagefind';

/** Paper pages per shard unless PAGEFIND_SHARD_PAGES says otherwise (~3 GiB of Pagefind memory). */
export const DEFAULT_SHARD_PAGES = 25_000;

/** Paper pages: `papers/<slug>/index.html` (listing pages there have no data-pagefind-body). */
const PAPER_PAGES = 'papers/*/index.html';

/** The shard manifest, as written to `pagefind/shards.json`. */
export interface ShardManifest {
  /** Each shard's folder relative to `pagefind/` ("" for the first), newest papers first. */
  shards: string[];
}

/** What sharding needs of one paper in papers.json. */
export interface IndexedPaper {
  slug: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** Throws when a Pagefind step reported errors, with the messages kept as `cause`. */
function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new Error(`Pagefind failed while ${step}: ${errors.join('; ')}`, { cause: errors });
  }
}

/** The shard folder (relative to `pagefind/`, "" or ending in `/`) of shard `k`. */
export function shardFolder(k: number): string {
  return k === 0 ? '' : `shard-${k}/`;
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

/**
 * Splits papers into shards of at most `size`, newest first (ties keep papers.json's order),
 * so every shard is a date range and shard k holds only papers no newer than shard k − 1's.
 */
export function splitIntoShards<T extends IndexedPaper>(papers: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`shard size must be a positive whole number, not ${size}`);
  const ordered = papers
    .map((paper, position) => ({ paper, position }))
    .sort((a, b) => (a.paper.date === b.paper.date ? a.position - b.position : a.paper.date < b.paper.date ? 1 : -1))
    .map(({ paper }) => paper);
  const shards: T[][] = [];
  for (let start = 0; start < ordered.length; start += size) shards.push(ordered.slice(start, start + size));
  return shards;
}

/** Slugs and dates of every paper in the site's `papers.json` (src/lib/exports.ts). */
async function parseIndexedPapers(siteDir: string): Promise<IndexedPaper[]> {
  const file = path.join(siteDir, 'papers.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the paper list ${file}`, { cause: error });
  }
  const papers = (parsed as { papers?: unknown }).papers;
  if (!Array.isArray(papers)) throw new Error(`${file} has no "papers" array`);
  return papers.map((paper: { slug?: unknown; date?: unknown }, i) => {
    if (typeof paper?.slug !== 'string' || !/^[^/\\]+$/.test(paper.slug) || paper.slug === '.' || paper.slug === '..') {
      throw new Error(`${file}: paper ${i} has no usable "slug"`);
    }
    // An undated paper has no "date" and sorts after every dated one, as on the site.
    if (paper.date === undefined) return { slug: paper.slug, date: UNDATED_SORT_KEY };
    if (typeof paper.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(paper.date)) {
      throw new Error(`${file}: paper ${paper.slug} has a "date" that is not YYYY-MM-DD`);
    }
    return { slug: paper.slug, date: paper.date };
  });
}

/**
 * `parseIndexedPapers` in a worker thread, so the garbage of parsing papers.json (~76 MiB at
 * 10,000 papers, ten times that at 100,000) goes with the worker instead of staying in this
 * process's RSS while Pagefind runs next to it: the build's peak memory is this step's.
 */
export async function readIndexedPapers(siteDir: string): Promise<IndexedPaper[]> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { readIndexedPapers: siteDir } });
  try {
    const [reply] = (await once(worker, 'message')) as [{ papers?: IndexedPaper[]; error?: Error }];
    if (reply.error) throw reply.error;
    return reply.papers ?? [];
  } finally {
    await worker.terminate();
  }
}

if (!isMainThread && typeof workerData?.readIndexedPapers === 'string') {
  parseIndexedPapers(workerData.readIndexedPapers).then(
    (papers) => parentPort?.postMessage({ papers }),
    (error: unknown) => parentPort?.postMessage({ error }),
  );
}

/** Where a shard's pages are linked for Pagefind to read, inside the site while it indexes. */
const SHARD_PAGES_DIR = '.pagefind-shard-pages';

/**
 * Gives one shard's paper pages their own folder, `<siteDir>/.pagefind-shard-pages/papers/
 * <slug>/index.html`, as hard links (copies where links fail), so Pagefind's addDirectory
 * reads exactly them with the URLs they have in the site. addDirectory parses a folder
 * about twice as fast as adding the same pages one by one with addHTMLFile.
 */
function linkShardPages(siteDir: string, papers: readonly IndexedPaper[], root: string): void {
  rmSync(root, { recursive: true, force: true });
  for (const paper of papers) {
    const from = path.join(siteDir, 'papers', paper.slug, 'index.html');
    const dir = path.join(root, 'papers', paper.slug);
    mkdirSync(dir, { recursive: true });
    try {
      linkSync(from, path.join(dir, 'index.html'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error(`${from} is in papers.json but was not built`, { cause: error });
      copyFileSync(from, path.join(dir, 'index.html'));
    }
  }
}

/**
 * Indexes paper pages in a fresh Pagefind process and writes the bundle to `outputPath`:
 * every paper page of the site (`papers` undefined, a one-shard site: as before sharding),
 * or one shard's.
 */
async function writeShard(
  siteDir: string,
  papers: readonly IndexedPaper[] | undefined,
  outputPath: string,
): Promise<number> {
  let linked: string | undefined;
  try {
    // The listings are English; forcing it keeps one index even if a page's lang changes.
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    failOn('creating the index', created.errors);
    if (!created.index) throw new Error('Pagefind returned no index');
    const { index } = created;
    if (papers) {
      linked = path.join(siteDir, SHARD_PAGES_DIR);
      linkShardPages(siteDir, papers, linked);
    }
    const source = linked ?? siteDir;
    const added = await index.addDirectory({ path: source, glob: PAPER_PAGES });
    failOn(`indexing ${source}`, added.errors);
    if (added.page_count === 0) {
      throw new Error(`Pagefind found no paper pages (${PAPER_PAGES}) in ${siteDir}`);
    }
    const written = await index.writeFiles({ outputPath });
    failOn('writing the index', written.errors);
    return added.page_count;
  } finally {
    // The Node API runs Pagefind as a child process; closing it ends that process (and frees
    // its memory before the next shard starts) and lets the build exit.
    await pagefind.close();
    if (linked) rmSync(linked, { recursive: true, force: true });
  }
}

/**
 * Indexes the built site in `siteDir` and writes the bundle to `<siteDir>/pagefind/`, in
 * shards of at most `shardPages` paper pages (PAGEFIND_SHARD_PAGES, default 25,000).
 */
export async function buildSearchIndex(
  siteDir: string,
  shardPages = shardPagesFromEnv(),
): Promise<{ pages: number; shards: number }> {
  try {
    const papers = await readIndexedPapers(siteDir);
    if (papers.length === 0) {
      throw new Error(`Pagefind found no paper pages (${PAPER_PAGES}) in ${siteDir}`);
    }
    const shards = splitIntoShards(papers, shardPages);
    const bundleDir = path.join(siteDir, PAGEFIND_DIR);
    // A previous build may have left more shards than this one writes.
    await rm(bundleDir, { recursive: true, force: true });
    let pages = 0;
    for (const [k, shard] of shards.entries()) {
      pages += await writeShard(siteDir, shards.length === 1 ? undefined : shard, path.join(bundleDir, shardFolder(k)));
    }
    const manifest: ShardManifest = { shards: shards.map((_, k) => shardFolder(k)) };
    await mkdir(bundleDir, { recursive: true });
    await writeFile(path.join(siteDir, SHARDS_MANIFEST), `${JSON.stringify(manifest)}\n`);
    return { pages, shards: shards.length };
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
        logger.info(`Pagefind indexed ${pages} paper pages (${shards} ${shards === 1 ? 'shard' : 'shards'})`);
      },
    },
  };
}

/**
 * `node integrations/pagefind.ts` — how `npm run build` runs this step: after `astro build`
 * has exited, over DIST_DIR (or dist/). Inside `astro:build:done` Pagefind's own memory
 * (~1.3 GB at 10,000 papers, ~0.4 KB per indexed word) came on top of the ~1.6 GB Astro still
 * holds there; as a separate process the build's peak is the larger of the two, not their sum
 * (scale benchmark, bench/results.md). The integration above stays for `astro build` users.
 */
if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const siteDir = path.resolve(process.env.DIST_DIR ?? 'dist');
  const started = performance.now();
  buildSearchIndex(siteDir).then(
    ({ pages, shards }) =>
      console.log(
        `[pagefind] Pagefind indexed ${pages} paper pages (${shards} ${shards === 1 ? 'shard' : 'shards'}) in ${Math.round(performance.now() - started)} ms`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
