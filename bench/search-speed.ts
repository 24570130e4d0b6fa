/**
 * How fast search answers a reader on a cold visit, in Chromium, on a generated site.
 *
 *     npm run bench:search -- [--papers 10000] [--seed 1] [--dist <built site>] [--runs 5]
 *       [--typing-ms 120] [--pause-ms 0] [--query word]… [--keep]
 *
 * Without --dist it generates N papers (bench/generate.ts), imports and builds them
 * (bench/lib/generated-site.ts). The site is served as a static host serves it
 * (bench/lib/static-host.ts: gzip, `Cache-Control: max-age=600` and ETags, as GitHub Pages
 * does). Each run starts with an empty cache in a fresh browser context:
 *
 * 1. open a paper page and wait until it has loaded;
 * 2. click the header search box and type the query, `--typing-ms` per key (0: pasted);
 * 3. after `--pause-ms` (a reader glancing at what they typed; 0: at once),
 *    press Enter and time until the first result is painted on /search/ (the frame after it
 *    is added), with the bytes transferred from Enter until the page has settled;
 * 4. on /search/, type more letters, one at a time, and time each keystroke until the
 *    updated results are painted.
 *
 * Network conditions, through Chromium's DevTools protocol (Network.emulateNetworkConditions):
 * none ("unthrottled", this machine), and Lighthouse's mobile profile (150 ms round trip,
 * 1.6 Mbps down, 750 kbps up). Medians over the runs are printed with the minimum and maximum.
 * `--trace` also prints each request of every case's first run: when it started and ended
 * (ms from Enter; negative while typing), its bytes, and whether it failed or was cancelled.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { searchSettled } from '../tests/helpers/search-page.ts';
import { buildGeneratedSite } from './lib/generated-site.ts';
import { serveStaticHost } from './lib/static-host.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    dist: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'typing-ms': { type: 'string', default: '120' },
    'pause-ms': { type: 'string', default: '0' },
    query: { type: 'string', multiple: true },
    later: { type: 'string', default: 'ing' },
    keep: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
  },
});
const log = (message: string) => console.error(`[search-speed] ${message}`);

const PROFILES = {
  unthrottled: undefined,
  'throttled (150 ms RTT, 1.6 Mbps)': {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  },
} as const;

interface Run {
  /** Enter → first result painted, ms. */
  firstResult: number;
  /** Bytes received from Enter until the search page settled. */
  bytes: number;
  /** Bytes received while the reader was on the paper page, typing. */
  typingBytes: number;
  /** Each later keystroke → updated results painted, ms. */
  keystrokes: number[];
}

/** Recorded in every page: when the first hit was painted, and each keystroke's update. */
const INSTRUMENT = `
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const marks = (window.__searchSpeed = { firstHit: 0, inserted: 0, domReady: 0, updates: [] });
  document.addEventListener('DOMContentLoaded', () => (marks.domReady = now()));
  let inputAt = 0;
  let expected = '';
  document.addEventListener('input', (event) => {
    inputAt = performance.now();
    expected = String(event.target && event.target.value || '').trim();
  }, true);
  const observer = new MutationObserver(() => {
    if (!marks.inserted && document.querySelector('.search-hit')) {
      marks.inserted = now();
      requestAnimationFrame(() => (marks.firstHit = now()));
    }
    const status = document.querySelector('[data-search-status]');
    const hits = document.querySelector('[data-search-hits]');
    if (inputAt && status && hits && !hits.hasAttribute('aria-busy') && status.textContent.includes('“' + expected + '”')) {
      const started = inputAt;
      inputAt = 0;
      requestAnimationFrame(() => marks.updates.push(performance.now() - started));
    }
  });
  // From the start of the document: the search page's script may paint before DOMContentLoaded.
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();
`;

const ms = (value: number) => `${Math.round(value)} ms`;
const kb = (value: number) => `${(value / 1024).toFixed(0)} KB`;

function median(numbers: number[]): number {
  const sorted = numbers.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Bytes of a finished request's response, headers included. */
async function receivedBytes(request: Request): Promise<number> {
  const sizes = await request.sizes();
  return sizes.responseHeadersSize + sizes.responseBodySize;
}

/**
 * Bytes received by the page and any worker it starts (Playwright reports a dedicated worker's
 * requests as the page's; the DevTools session of the page alone would miss them).
 */
function bytesCounter(page: Page): () => number {
  let total = 0;
  page.on('requestfinished', (request) => void receivedBytes(request).then((bytes) => (total += bytes)));
  return () => total;
}

/** Each request's start and end (ms since the epoch), bytes, and failure, for --trace. */
function requestLog(page: Page): (zero: number) => string[] {
  const rows: { url: string; start: number; end?: number; bytes?: number; failure?: string }[] = [];
  const byRequest = new Map<object, (typeof rows)[number]>();
  page.on('request', (request) => {
    const row = { url: request.url(), start: Date.now() };
    rows.push(row);
    byRequest.set(request, row);
  });
  page.on('requestfinished', (request) => {
    const row = byRequest.get(request);
    if (!row) return;
    row.end = Date.now();
    void receivedBytes(request).then((bytes) => (row.bytes = bytes));
  });
  page.on('requestfailed', (request) => {
    const row = byRequest.get(request);
    if (!row) return;
    row.end = Date.now();
    row.failure = request.failure()?.errorText ?? 'failed';
  });
  return (zero) =>
    rows.map((row) => {
      const { pathname, search } = new URL(row.url);
      const when = (at: number | undefined) => (at === undefined ? '…' : String(at - zero).padStart(6));
      const size = row.bytes === undefined ? '' : kb(row.bytes);
      return `${when(row.start)} → ${when(row.end)} ms ${size.padStart(7)} ${row.failure ?? ''} ${pathname}${search}`;
    });
}

async function oneRun(
  browser: Browser,
  siteUrl: string,
  paperPath: string,
  query: string,
  typingMs: number,
  pauseMs: number,
  profile: (typeof PROFILES)[keyof typeof PROFILES],
  trace: boolean,
): Promise<Run> {
  const context = await browser.newContext();
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const received = bytesCounter(page);
  const requests = trace ? requestLog(page) : undefined;
  // The page's emulated conditions apply to its workers' requests too (checked: a worker's
  // fetch takes the added round trip).
  const cdp = await context.newCDPSession(page);
  if (profile) await cdp.send('Network.emulateNetworkConditions', profile);
  await page.goto(`${siteUrl}${paperPath}`, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const beforeTyping = received();
  await page.getByRole('searchbox', { name: 'Search papers' }).click();
  await page.keyboard.type(query, { delay: typingMs });
  await page.waitForTimeout(pauseMs);
  const atEnter = received();
  const enterAt = Date.now();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\//, { timeout: 120_000 });
  await page.waitForFunction(
    () => (window as unknown as { __searchSpeed: { firstHit: number } }).__searchSpeed.firstHit > 0,
    undefined,
    {
      timeout: 120_000,
    },
  );
  const firstHit = await page.evaluate(
    () => (window as unknown as { __searchSpeed: { firstHit: number } }).__searchSpeed.firstHit,
  );
  await searchSettled(page, /match/, 120_000);
  await page.waitForLoadState('networkidle');
  const bytes = received() - atEnter;
  const input = page.getByLabel('Search titles, authors and abstracts');
  await input.press('End');
  for (const key of values.later) {
    const done = await page.evaluate(
      () => (window as unknown as { __searchSpeed: { updates: number[] } }).__searchSpeed.updates.length,
    );
    await page.keyboard.type(key);
    await page.waitForFunction(
      (count) => (window as unknown as { __searchSpeed: { updates: number[] } }).__searchSpeed.updates.length > count,
      done,
      { timeout: 120_000 },
    );
  }
  const keystrokes = await page.evaluate(
    () => (window as unknown as { __searchSpeed: { updates: number[] } }).__searchSpeed.updates,
  );
  if (requests) {
    const marks = await page.evaluate(() => {
      const { domReady, inserted, firstHit } = (window as unknown as { __searchSpeed: Record<string, number> })
        .__searchSpeed;
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const at = (ms: number) => performance.timeOrigin + ms;
      return { start: at(navigation.startTime), responseEnd: at(navigation.responseEnd), domReady, inserted, firstHit };
    });
    const since = Object.entries(marks).map(([mark, at]) => `${mark} ${Math.round(at - enterAt)}`);
    console.log(['', ...requests(enterAt), `search page (ms from Enter): ${since.join(', ')}`, ''].join('\n'));
  }
  await context.close();
  return { firstResult: firstHit - enterAt, bytes, typingBytes: atEnter - beforeTyping, keystrokes };
}

async function main(): Promise<void> {
  let dist = values.dist ? path.resolve(values.dist) : undefined;
  let queries = values.query ?? [];
  let work: string | undefined;
  if (!dist) {
    const built = buildGeneratedSite(Number(values.papers), Number(values.seed), log);
    ({ work, dist } = built);
    if (queries.length === 0) queries = [built.commonWord, built.rareWord];
  }
  if (queries.length === 0) throw new Error('give --query words when measuring an existing --dist');
  const runs = Number(values.runs);
  const typingMs = Number(values['typing-ms']);
  const pauseMs = Number(values['pause-ms']);

  const host = await serveStaticHost(dist);
  const browser = await launchBrowser();
  try {
    // A paper page to start from: the first result of the first query's search page would do,
    // but any paper page is as cold; the newest paper's is used.
    const paperPath = await host.firstPaperPath();
    console.log(
      `\nSearch speed on ${dist} (${paperPath}), ${runs} runs each, typing ${typingMs} ms per key, Enter ${pauseMs} ms after the last\n`,
    );
    console.log(
      '| network | query | Enter → first result (median, min–max) | bytes after Enter | bytes while typing | later keystroke → results (median, max) |',
    );
    console.log('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const [name, profile] of Object.entries(PROFILES)) {
      for (const query of queries) {
        const measured: Run[] = [];
        for (let run = 0; run < runs; run += 1) {
          measured.push(
            await oneRun(browser, host.url, paperPath, query, typingMs, pauseMs, profile, values.trace && run === 0),
          );
        }
        const first = measured.map((run) => run.firstResult);
        const keys = measured.flatMap((run) => run.keystrokes);
        console.log(
          `| ${name} | “${query}” | ${ms(median(first))} (${ms(Math.min(...first))}–${ms(Math.max(...first))}) | ${kb(median(measured.map((run) => run.bytes)))} | ${kb(median(measured.map((run) => run.typingBytes)))} | ${ms(median(keys))} (${ms(Math.max(...keys))}) |`,
        );
      }
    }
  } finally {
    await browser.close();
    await host.close();
    if (work && !values.keep) rmSync(work, { recursive: true, force: true });
    else if (work) log(`kept ${work}`);
  }
}

await main();
