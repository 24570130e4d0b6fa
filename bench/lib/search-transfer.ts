/**
 * Bytes a reader's browser downloads for one search, measured in real Chromium against the
 * built site served over HTTP. The page calls Pagefind's JS API exactly as a search UI does
 * (init, search, load the first page of results), from a blank same-origin page so nothing
 * the site's own pages preload is counted or cached. Each query gets a fresh browser
 * context: an empty cache, like a first visit. A sharded index (pagefind/shards.json lists
 * more than one bundle) is searched as the search page does: every shard, results merged by
 * score, a shard lacking a word another has left out (src/client/search/pagefind-backend.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { serveSite } from '../../tests/helpers/server.ts';

export interface SearchTransfer {
  query: string;
  /** Results Pagefind found. */
  results: number;
  /**
   * Bytes a host that gzips text responses sends (as GitHub Pages, Netlify and most do):
   * Pagefind's index files are already gzip, counted as they are; its JS/JSON get gzipped.
   */
  bytes: number;
  /** Bytes from the plain test server, which compresses nothing (headers + body). */
  uncompressedBytes: number;
  requests: number;
  /** Each request: site-relative path and its (gzip-host) bytes, largest first. */
  files: { path: string; bytes: number }[];
}

/** dist-relative URL path of Pagefind's `pagefind.js`, e.g. `pagefind/pagefind.js`. */
function findPagefindScript(dist: string): string {
  const queue = [''];
  while (queue.length) {
    const rel = queue.shift() as string;
    for (const entry of readdirSync(path.join(dist, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isFile() && entry.name === 'pagefind.js') return child;
      if (entry.isDirectory() && child.split('/').length < 3) queue.push(child);
    }
  }
  throw new Error(`no pagefind.js in ${dist}: the search index was not built`);
}

/** dist-relative paths of every shard's `pagefind.js`, newest shard first (one on most sites). */
function findShardScripts(dist: string): string[] {
  const script = findPagefindScript(dist);
  const dir = script.slice(0, -'pagefind.js'.length);
  const manifest = path.join(dist, dir, 'shards.json');
  if (!existsSync(manifest)) return [script];
  const { shards } = JSON.parse(readFileSync(manifest, 'utf8')) as { shards: string[] };
  return shards.map((shard) => `${dir}${shard}pagefind.js`);
}

async function measureQuery(
  browser: Browser,
  siteUrl: string,
  scripts: string[],
  query: string,
  shown: number,
): Promise<SearchTransfer> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const blank = `${siteUrl}__bench_blank__.html`;
  await page.route(blank, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  await page.goto(blank);
  const sizes: Promise<{ path: string; plain: number; gzip: number }>[] = [];
  page.on('requestfinished', (request) => {
    sizes.push(
      (async () => {
        const measured = await request.sizes();
        const response = await request.response();
        const type = response?.headers()['content-type'] ?? '';
        const body = response ? await response.body().catch(() => undefined) : undefined;
        const textual = /javascript|json|css|text|html|svg/.test(type);
        const payload = textual && body ? gzipSync(body).length : measured.responseBodySize;
        return {
          path: request.url().slice(siteUrl.length),
          plain: measured.responseHeadersSize + measured.responseBodySize,
          gzip: measured.responseHeadersSize + payload,
        };
      })(),
    );
  });
  const results = await page.evaluate(
    async ({ scriptUrls, query, shown }) => {
      interface Result {
        score: number;
        data: () => Promise<unknown>;
      }
      interface Pagefind {
        options(options: { noWorker: boolean }): Promise<void>;
        init(): Promise<void>;
        search(term: string): Promise<{ results: Result[] }>;
      }
      // Pagefind's documented browser API: an ES module with init() and search(); one per shard.
      const shards = await Promise.all(
        scriptUrls.map(async (url) => {
          const pagefind = (await import(url)) as Pagefind;
          // In the page, as the site's search runs it (src/client/search/pagefind-backend.ts).
          await pagefind.options({ noWorker: true });
          await pagefind.init();
          return pagefind;
        }),
      );
      const searches = await Promise.all(shards.map((pagefind) => pagefind.search(query)));
      const words = shards.length > 1 && !/^\s*".+"\s*$/.test(query) ? [...new Set(query.trim().split(/\s+/))] : [];
      const found = await Promise.all(
        shards.map((pagefind) =>
          Promise.all(
            (words.length > 1 ? words : []).map(async (word) => (await pagefind.search(word)).results.length > 0),
          ),
        ),
      );
      const kept = searches.filter((_, k) => found[k].every((has, w) => has || !found.some((shard) => shard[w])));
      const merged = kept.flatMap((search) => search.results).sort((a, b) => b.score - a.score);
      await Promise.all(merged.slice(0, shown).map((result) => result.data()));
      return merged.length;
    },
    { scriptUrls: scripts.map((script) => `${siteUrl}${script}`), query, shown },
  );
  // Let the last "requestfinished" events of the search arrive before adding up.
  await page.waitForTimeout(500);
  const all = await Promise.all(sizes);
  await context.close();
  return {
    query,
    results,
    bytes: all.reduce((sum, file) => sum + file.gzip, 0),
    uncompressedBytes: all.reduce((sum, file) => sum + file.plain, 0),
    requests: all.length,
    files: all.map((file) => ({ path: file.path, bytes: file.gzip })).sort((a, b) => b.bytes - a.bytes),
  };
}

/** Measures each query against `dist`, loading `shown` results (a search page's first page). */
export async function searchTransfer(dist: string, queries: string[], shown = 10): Promise<SearchTransfer[]> {
  const scripts = findShardScripts(dist);
  const site = await serveSite(dist);
  const browser = await launchBrowser();
  try {
    const measured: SearchTransfer[] = [];
    for (const query of queries) measured.push(await measureQuery(browser, site.url, scripts, query, shown));
    return measured;
  } finally {
    await browser.close();
    await site.close();
  }
}
