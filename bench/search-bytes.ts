/**
 * Bytes the search page makes a reader download for one query, on a generated site.
 *
 *     npm exec -- node bench/search-bytes.ts [--papers 10000] [--seed 1] [--dist <built site>] [--keep]
 *       [--query word]…
 *
 * Without --dist it generates N papers (bench/generate.ts), imports them with the real
 * importer CLI and builds the real site (PAPERS_DIR/DIST_DIR/ASTRO_CACHE_DIR in a temp
 * folder under bench/out/, content/ untouched). Then, in Chromium, for each query (default:
 * the generator's common word and its rare word) in a fresh context (empty cache): open
 * /search/, wait for it to load, type the query and wait for the first results; then again
 * after another search in the same visit (warm: Pagefind's fixed files already loaded). Only what
 * the search itself fetches is counted (Pagefind's script, worker, WASM, entry, metadata,
 * index and filter chunks, result fragments), not the page.
 *
 * What is measured: every response's body as the static test server sends it (Playwright's
 * `request.sizes().responseBodySize`, page and worker requests). Pagefind's
 * index files (`*.pf_*`, `*.pagefind`) are gzip-compressed at build time and sent as they
 * are; a static host would gzip its JavaScript and JSON too, which the test server
 * does not, so for those the figure "as a host serves it" counts their gzip size (level 9,
 * as computed here) instead of their raw size. Both figures are printed.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { searchSettled } from '../tests/helpers/search-page.ts';
import { serveSite } from '../tests/helpers/server.ts';
import { buildGeneratedSite } from './lib/generated-site.ts';
/** The issue's budget for one query on a 10,000-paper site. */
const BUDGET = 150 * 1024;

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    dist: { type: 'string' },
    query: { type: 'string', multiple: true },
    keep: { type: 'boolean', default: false },
  },
});
const log = (message: string) => console.error(`[search-bytes] ${message}`);

interface Fetched {
  url: string;
  /** Body bytes as the test server sent them. */
  sent: number;
  /** Body bytes a gzip-serving host would send. */
  hosted: number;
}

interface Measured {
  query: string;
  status: string;
  results: number;
  fetched: Fetched[];
}

/** Index files Pagefind gzips itself at build time; everything else a host would gzip. */
const PRECOMPRESSED = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

/**
 * Records every response of the page, its worker included: Pagefind searches in a Web
 * Worker, and Playwright reports a dedicated worker's requests as the page's.
 */
function recordResponses(page: Page, dist: string, siteUrl: string): Promise<Fetched>[] {
  const fetched: Promise<Fetched>[] = [];
  page.on('requestfinished', (request) => {
    const url = request.url();
    // The search's own downloads; the page (and its lazily fetched favicon) is not the search.
    if (!url.startsWith(`${siteUrl}pagefind/`)) return;
    fetched.push(
      request.sizes().then((sizes) => {
        const file = path.join(dist, decodeURIComponent(new URL(url).pathname.slice(new URL(siteUrl).pathname.length)));
        const body = existsSync(file) ? readFileSync(file) : undefined;
        // The test server sends files as they are on disk; Playwright reports no body size
        // for a worker's own script, so the file's length is the reliable figure.
        const sent = body?.length ?? sizes.responseBodySize;
        const hosted = body && !PRECOMPRESSED.test(file) ? gzipSync(body, { level: 9 }).length : sent;
        return { url: url.slice(siteUrl.length), sent, hosted };
      }),
    );
  });
  return fetched;
}

/** Types `query` into the search page and waits until its results are shown. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.getByLabel('Search titles, authors and abstracts').fill(query);
  await searchSettled(page, new RegExp(`“${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`), 120_000);
  await page.waitForLoadState('networkidle');
}

/**
 * One query in a fresh context (empty cache). With `warmUp`, that word is searched first
 * and not counted: what a later search of the same visit costs, once Pagefind's script,
 * WASM, metadata and facet files are loaded.
 */
async function measure(
  browser: Browser,
  siteUrl: string,
  dist: string,
  query: string,
  warmUp?: string,
): Promise<Measured> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${siteUrl}search/`);
  await page.waitForLoadState('networkidle');
  if (warmUp) await searchFor(page, warmUp);
  const recorded = recordResponses(page, dist, siteUrl);
  await searchFor(page, query);
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  const results = await page.locator('.search-hit').count();
  const fetched = await Promise.all(recorded);
  await context.close();
  return { query, status, results, fetched };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  let dist = values.dist ? path.resolve(values.dist) : undefined;
  let queries = values.query ?? [];
  let work: string | undefined;
  if (!dist) {
    const built = buildGeneratedSite(Number(values.papers), Number(values.seed), log);
    work = built.work;
    dist = built.dist;
    if (queries.length === 0) queries = [built.commonWord, built.rareWord];
  }
  if (queries.length === 0) throw new Error('give --query words when measuring an existing --dist');

  const site = await serveSite(dist);
  const browser = await launchBrowser();
  try {
    // Each query cold (first search of a visit), then warm (after a search for the next query).
    const runs = queries.flatMap((query, i) => [
      { query, warmUp: undefined },
      { query, warmUp: queries[(i + 1) % queries.length] === query ? 'zzzz' : queries[(i + 1) % queries.length] },
    ]);
    for (const { query, warmUp } of runs) {
      const result = await measure(browser, site.url, dist, query, warmUp);
      const sent = result.fetched.reduce((sum, f) => sum + f.sent, 0);
      const hosted = result.fetched.reduce((sum, f) => sum + f.hosted, 0);
      const when = warmUp ? `after a search for “${warmUp}”` : 'first search of a visit';
      console.log(`\n“${query}”, ${when}: ${result.status} (${result.results} shown)`);
      for (const f of result.fetched)
        console.log(`  ${kb(f.sent).padStart(9)} sent  ${kb(f.hosted).padStart(9)} gzip-hosted  ${f.url}`);
      console.log(
        `  total: ${kb(sent)} as sent by the test server, ${kb(hosted)} as a gzip-serving host sends it, ${result.fetched.length} requests${warmUp ? '' : `; budget ${kb(BUDGET)}: ${hosted <= BUDGET ? 'met' : 'NOT met'}`}`,
      );
    }
  } finally {
    await browser.close();
    await site.close();
    if (work && !values.keep) rmSync(work, { recursive: true, force: true });
    else if (work) log(`kept ${work}`);
  }
}

await main();
