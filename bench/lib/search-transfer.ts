/**
 * Bytes a reader's browser downloads for one search, measured in real Chromium against the
 * built site served over HTTP. The page calls Pagefind's JS API exactly as a search UI does
 * (init, search, load the first page of results), from a blank same-origin page so nothing
 * the site's own pages preload is counted or cached. Each query gets a fresh browser
 * context: an empty cache, like a first visit.
 */
import { readdirSync } from 'node:fs';
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

async function measureQuery(browser: Browser, siteUrl: string, script: string, query: string, shown: number): Promise<SearchTransfer> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const blank = `${siteUrl}__bench_blank__.html`;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
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
    async ({ scriptUrl, query, shown }) => {
      // Pagefind's documented browser API: an ES module with init() and search().
      const pagefind = await import(scriptUrl);
      await pagefind.init();
      const search = await pagefind.search(query);
      await Promise.all(search.results.slice(0, shown).map((result: { data: () => Promise<unknown> }) => result.data()));
      return search.results.length as number;
    },
    { scriptUrl: `${siteUrl}${script}`, query, shown },
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
  const script = findPagefindScript(dist);
  const site = await serveSite(dist);
  const browser = await launchBrowser();
  try {
    const measured: SearchTransfer[] = [];
    for (const query of queries) measured.push(await measureQuery(browser, site.url, script, query, shown));
    return measured;
  } finally {
    await browser.close();
    await site.close();
  }
}
