/**
 * Writes the offline search index: classic-script (JSONP-style) files that the offline
 * back end loads with `<script src>` when the site is opened from disk, where Pagefind's
 * loader cannot run (file:// blocks its ES module import, fetch, WASM and workers).
 * Hosted visitors never load these files; they keep stock Pagefind.
 *
 * The index is built from `papers.json`, the site's own export of the loader's data
 * (src/lib/papers.ts), so the offline results show exactly what the pages show. The file
 * layout is described in src/client/search/offline-format.ts.
 */
import { writeFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import {
  FIELD_WEIGHTS,
  FORMAT_VERSION,
  INDEX_CALLBACK,
  INDEX_DIR,
  NO_TOPIC,
  TEXT_SHARD_SIZE,
  shardKey,
  words,
  type MainIndex,
  type TextShard,
  type WordShard,
} from '../src/client/search/offline-format.ts';
import { createOfflineBackend } from '../src/client/search/offline-backend.ts';
import { formatPaperDate, UNDATED_LABEL } from '../src/lib/dates.ts';
import { plainTitle } from '../src/lib/text.ts';
import { normaliseBase } from './relative-links.ts';

/** What the offline index needs of one paper. */
export interface OfflinePaper {
  /** Site path, base excluded: `/papers/x/`. */
  path: string;
  title: string;
  authors: string[];
  /** `YYYY-MM-DD`. */
  date: string;
  /** The date as the pages show it: "9 June 2022", or "2022" when only the year is known. */
  dateLabel: string;
  /** Readable category name (the `topic` facet); absent when the paper has none. */
  topic?: string;
  affiliations: string[];
  hasCode: boolean;
  /** Plain-text abstract, searched and used for excerpts. */
  abstract: string;
  /**
   * Other searchable text, weighted like the abstract. Pagefind searches the page's meta
   * values too (category name, date label), so "language" finds every paper in
   * "Computation and Language" when hosted; the offline index must as well.
   */
  metaText: string;
}

/** One index file: its path inside the index folder and its script text. */
export interface IndexFile {
  file: string;
  text: string;
}

function script(name: string, data: unknown): string {
  return `${INDEX_CALLBACK}(${JSON.stringify(name)},${JSON.stringify(data)});\n`;
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

/** Builds every file of the offline index for `papers` (in the order results tie-break on). */
export function buildOfflineIndex(papers: readonly OfflinePaper[]): IndexFile[] {
  const authorNames = new ValueTable();
  const topicNames = new ValueTable();
  const affiliationNames = new ValueTable();
  // word → flat [paperDelta, weight, …], the shard format itself. Papers are visited in
  // order, so a word's last entry is the current paper's or an earlier one: appending is
  // enough, and flat number arrays keep 100k papers' postings compact in memory.
  const postings = new Map<string, { flat: number[]; last: number }>();

  papers.forEach((paper, position) => {
    const add = (text: string, weight: number): void => {
      for (const word of words(text)) {
        const list = postings.get(word);
        if (!list) postings.set(word, { flat: [position, weight], last: position });
        else if (list.last === position) list.flat[list.flat.length - 1] += weight;
        else {
          list.flat.push(position - list.last, weight);
          list.last = position;
        }
      }
    };
    add(paper.title, FIELD_WEIGHTS.title);
    add(paper.authors.join(' '), FIELD_WEIGHTS.authors);
    add(paper.abstract, FIELD_WEIGHTS.abstract);
    add(paper.metaText, FIELD_WEIGHTS.abstract);
  });

  const shards = new Map<string, WordShard>();
  for (const word of [...postings.keys()].sort()) {
    const key = shardKey(word);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = {}));
    shard[word] = postings.get(word)?.flat ?? [];
  }

  const main: MainIndex = {
    version: FORMAT_VERSION,
    papers: papers.length,
    dates: papers.map((paper) => paper.date),
    authors: papers.map((paper) => paper.authors.map((name) => authorNames.position(name))),
    topics: papers.map((paper) => (paper.topic === undefined ? NO_TOPIC : topicNames.position(paper.topic))),
    affiliations: papers.map((paper) => paper.affiliations.map((name) => affiliationNames.position(name))),
    code: papers.map((paper) => (paper.hasCode ? 1 : 0)),
    authorNames: authorNames.values,
    topicNames: topicNames.values,
    affiliationNames: affiliationNames.values,
    wordShards: [...shards.keys()],
    textShards: Math.ceil(papers.length / TEXT_SHARD_SIZE),
  };

  const files: IndexFile[] = [{ file: 'index.js', text: script('index', main) }];
  for (const [key, shard] of shards) files.push({ file: `w/${key}.js`, text: script(`w/${key}`, shard) });
  for (let shard = 0; shard < main.textShards; shard += 1) {
    const slice = papers.slice(shard * TEXT_SHARD_SIZE, (shard + 1) * TEXT_SHARD_SIZE);
    const texts: TextShard = {
      paths: slice.map((paper) => paper.path.replace(/^\/|\/$/g, '')),
      titles: slice.map((paper) => paper.title),
      dateLabels: slice.map((paper) => paper.dateLabel),
      abstracts: slice.map((paper) => paper.abstract),
    };
    files.push({ file: `t/${shard}.js`, text: script(`t/${shard}`, texts) });
  }
  return files;
}

/** The fields of `papers.json` (src/lib/exports.ts) the offline index reads; the rest is ignored. */
const papersJsonSchema = z.object({
  papers: z.array(
    z.object({
      url: z.url(),
      title: z.string(),
      authors: z.array(z.string()),
      date: z.string().optional(),
      datePrecision: z.enum(['day', 'month', 'year']),
      categoryName: z.string().optional(),
      affiliations: z.array(z.string()),
      hasCode: z.boolean(),
      abstract: z.string(),
    }),
  ),
});

/**
 * Reads the papers from the site's `papers.json`, failing with the reason if its shape
 * changed. Its URLs are absolute (origin + base + path); `base` is cut off to get site paths.
 */
export async function readPapersJson(file: string, base: string): Promise<OfflinePaper[]> {
  const text = await readFile(file, 'utf8');
  const parsed = papersJsonSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`offline search: ${file} does not have the fields the offline index needs`, {
      cause: parsed.error,
    });
  }
  return parsed.data.papers.map((paper) => {
    const { pathname } = new URL(paper.url);
    if (!pathname.startsWith(base)) {
      throw new Error(`offline search: ${paper.url} in ${file} is not under the site base ${base}`);
    }
    const dateLabel = paper.date === undefined ? UNDATED_LABEL : formatPaperDate(paper.date, paper.datePrecision);
    return {
      path: `/${pathname.slice(base.length)}`,
      // As the pages' <title> and Pagefind's title meta show it: math as TeX without `$`.
      title: plainTitle(paper.title),
      authors: paper.authors,
      // An undated paper sorts after every dated one, as on the site.
      date: paper.date ?? '',
      dateLabel,
      topic: paper.categoryName,
      affiliations: paper.affiliations,
      hasCode: paper.hasCode,
      abstract: paper.abstract,
      // The meta values PaperSearchData gives Pagefind besides title and authors.
      metaText: [paper.categoryName, dateLabel, paper.date].filter(Boolean).join(' '),
    };
  });
}

/** Writes the offline index of the built site in `root`; returns the total size in bytes. */
export async function writeOfflineIndex(root: string, base: string): Promise<{ files: number; bytes: number }> {
  const papers = await readPapersJson(path.join(root, 'papers.json'), base);
  const files = buildOfflineIndex(papers);
  const outDir = path.join(root, INDEX_DIR);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'w'), { recursive: true });
  await mkdir(path.join(outDir, 't'), { recursive: true });
  // Synchronous writes, one file open at a time (see rewriteSite in relative-links.ts).
  for (const file of files) writeFileSync(path.join(outDir, file.file), file.text);
  return { files: files.length, bytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) };
}

/** The Astro integration; it reads the built papers.json, so any place after the pages are written works. */
export default function offlineSearch(): AstroIntegration {
  let base = '/';
  return {
    name: 'offline-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { files, bytes } = await writeOfflineIndex(fileURLToPath(dir), base);
        logger.info(`offline search index: ${files} files, ${(bytes / 1024).toFixed(0)} KiB`);
      },
    },
  };
}

/** What a reader's browser loads from disk for one search and its first page of hits. */
export interface QueryCost {
  query: string;
  total: number;
  files: string[];
  bytes: number;
}

/**
 * Sizes of the offline index built from `<root>/papers.json`, and the bytes a search
 * for each of `queries` loads (main table, word shards, text shards of the first 10 hits),
 * found by running the real back end over the files.
 */
export async function measureOfflineIndex(root: string, base: string, queries: readonly string[]) {
  const papers = await readPapersJson(path.join(root, 'papers.json'), base);
  const files = buildOfflineIndex(papers);
  const sizes = new Map(files.map((file) => [file.file.replace(/\.js$/, ''), Buffer.byteLength(file.text)]));
  const texts = new Map(files.map((file) => [file.file.replace(/\.js$/, ''), file.text]));
  const bytesOf = (prefix: string): number =>
    [...sizes].filter(([name]) => name.startsWith(prefix)).reduce((sum, [, size]) => sum + size, 0);
  const costs: QueryCost[] = [];
  for (const query of queries) {
    const loaded: string[] = [];
    const backend = createOfflineBackend(async <T>(name: string): Promise<T> => {
      loaded.push(name);
      let data: unknown;
      new Function(INDEX_CALLBACK, texts.get(name) ?? '')((_name: string, value: unknown) => (data = value));
      return data as T;
    });
    const outcome = await backend.search({ term: query, filters: {}, sort: 'relevance' });
    await outcome.hits(0, 10);
    costs.push({
      query,
      total: outcome.total,
      files: loaded,
      bytes: loaded.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0),
    });
  }
  return {
    papers: papers.length,
    files: files.length,
    totalBytes: bytesOf(''),
    mainBytes: sizes.get('index') ?? 0,
    wordShardBytes: bytesOf('w/'),
    largestWordShard: Math.max(...[...sizes].filter(([name]) => name.startsWith('w/')).map(([, size]) => size)),
    textShardBytes: bytesOf('t/'),
    costs,
  };
}

// `npm exec -- node integrations/offline-search.ts <dist> [base] [query…]` prints the sizes above.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'dist', base = '/', ...queries] = process.argv.slice(2);
  const report = await measureOfflineIndex(
    path.resolve(root),
    normaliseBase(base),
    queries.length > 0 ? queries : ['ESMFold', 'language', 'l'],
  );
  console.log(JSON.stringify(report, null, 2));
}
