/**
 * The built site works in the three ways readers get it (issue 5): served at a domain
 * root, served under a sub-path, and opened from disk via file://. In each mode a crawler
 * starts at the home page and follows every internal link to every page, asserting no
 * failed request, no request to another host and no console error; then a search for
 * "ESMFold" finds the paper and its result link opens it.
 *
 * Images count as links: every URL of every `<img src>`, `<img srcset>` and `<source srcset>`
 * must load, including the candidates this browser did not pick and lazy ones never
 * scrolled to. The example lab (people with photos, built under /lab/) is crawled served
 * under its sub-path and from file:// too.
 *
 * One Chromium and one tab for all modes. Chromium runs without
 * --allow-file-access-from-files: a reader's browser does not have it.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { createCrawler, type CrawlReport, type Crawler, type Mode } from '../helpers/crawl.ts';
import { DIST } from '../helpers/dist.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';
import { buildSite } from '../helpers/build.ts';

/** A whole-site crawl visits every page: minutes, not seconds, on a 2-core machine other builds load. */
const CRAWL_TIMEOUT_MS = 600_000;

const SUB_PATH = '/lab/papers';
const ESMFOLD_TITLE = 'Mechanisms of AI Protein Folding in ESMFold';

let browser: Browser;
let page: Page;
let crawler: Crawler;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  crawler = createCrawler(page);
});

afterAll(async () => {
  await browser?.close();
});

const crawl = (mode: Mode) => crawler.crawl(mode);

/** Types "ESMFold" into the header search box of the home page and opens the result. */
async function searchForEsmFold(mode: Mode): Promise<{ landedOn: string; heading: string; problems: string[] }> {
  crawler.enterMode(mode);
  await page.goto(mode.home, { waitUntil: 'load' });
  const box = page.locator('header input[type="search"]').first();
  await box.fill('ESMFold');
  await box.press('Enter');
  await page.waitForURL(/search\//);
  const result = page.locator('main').getByRole('link', { name: ESMFOLD_TITLE }).first();
  await result.waitFor({ timeout: 15_000 });
  await Promise.all([page.waitForURL((url) => url.pathname.includes('/papers/')), result.click()]);
  await page.waitForLoadState('load');
  return {
    landedOn: page.url(),
    heading: (await page.locator('h1').first().innerText()).trim(),
    problems: [...crawler.problems],
  };
}

/** Runs `npm run build` with a sub-path base into `outDir`. */
function buildUnderSubPath(outDir: string, cacheDir: string): Promise<void> {
  return buildSite({ SITE_BASE: SUB_PATH, DIST_DIR: outDir, ASTRO_CACHE_DIR: cacheDir });
}

function expectCleanCrawl(report: CrawlReport, isFileMode: boolean, minPages = 50): void {
  expect(report.problems).toEqual([]);
  expect(report.foreignRequests).toEqual([]);
  expect(report.badLinks).toEqual([]);
  if (!isFileMode) expect(report.uglyLinks).toEqual([]);
  // The home page links onward: a crawl that found only a handful of pages did not crawl.
  expect(report.pages.length).toBeGreaterThan(minPages);
  expect(report.pages.some((url) => /\/papers\/[^/]+\/(index\.html)?$/.test(url))).toBe(true);
}

async function expectSearchOpensPaper(mode: Mode): Promise<void> {
  const outcome = await searchForEsmFold(mode);
  expect(outcome.heading).toBe(ESMFOLD_TITLE);
  expect(outcome.landedOn.startsWith(mode.root)).toBe(true);
  expect(outcome.problems).toEqual([]);
  expect(crawler.foreign).toEqual([]);
}

describe('served at the domain root', () => {
  let site: StaticSite;
  let mode: Mode;
  beforeAll(async () => {
    site = await serveSite(DIST, '/');
    mode = { name: 'root', root: site.url, home: site.url };
  });
  afterAll(() => site?.close());

  it(
    'every page and linked file loads with no failed request, foreign request or console error',
    async () => {
      expectCleanCrawl(await crawl(mode), false);
    },
    CRAWL_TIMEOUT_MS,
  );

  it('a search for ESMFold finds the paper and its result link opens it', async () => {
    await expectSearchOpensPaper(mode);
  });
});

describe('served under a sub-path', () => {
  let site: StaticSite;
  let mode: Mode;
  let tempDir: string;
  beforeAll(async () => {
    // Inside the project (git-ignored test-results/): with an outDir outside the working
    // directory, Astro 7 writes prerender chunks to the shared <cwd>/.astro/.prerender/,
    // which a parallel build would overwrite.
    await mkdir('test-results', { recursive: true });
    tempDir = await mkdtemp(path.resolve('test-results', 'crawl-sub-path-'));
    const outDir = path.join(tempDir, 'dist');
    await buildUnderSubPath(outDir, path.join(tempDir, 'cache'));
    site = await serveSite(outDir, SUB_PATH);
    mode = { name: 'sub-path', root: site.url, home: site.url };
  });
  afterAll(async () => {
    await site?.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  it(
    'every page and linked file loads under /lab/papers/ with no failed request, foreign request or console error',
    async () => {
      expectCleanCrawl(await crawl(mode), false);
    },
    CRAWL_TIMEOUT_MS,
  );

  it('a search for ESMFold under the sub-path finds the paper and its result link opens it', async () => {
    await expectSearchOpensPaper(mode);
  });
});

describe('opened from disk via file://', () => {
  const root = pathToFileURL(`${DIST}/`).href;
  const mode: Mode = { name: 'file', root, home: `${root}index.html` };

  it(
    'every link names a real file and every page loads with no failed request, foreign request or console error',
    async () => {
      expectCleanCrawl(await crawl(mode), true);
    },
    CRAWL_TIMEOUT_MS,
  );

  it('a search for ESMFold from disk finds the paper through the offline index and its result link opens it', async () => {
    await expectSearchOpensPaper(mode);
    expect(page.url()).toMatch(/\/papers\/[^/]+\/index\.html$/);
  });
});

describe('the example lab (people with photos) served under /lab/ and opened from disk', () => {
  const lab = inject('labSite');
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveSite(lab.dist, lab.base);
  });
  afterAll(() => site?.close());

  /** People, profiles and photos were crawled: the AVIF, WebP and JPEG candidates of both photos. */
  function expectPhotosCrawled(report: CrawlReport): void {
    expect(report.pages.some((url) => /\/people\/(index\.html)?$/.test(url))).toBe(true);
    expect(report.pages.some((url) => /\/authors\/ada-okafor\/(index\.html)?$/.test(url))).toBe(true);
    const photos = report.images.filter((url) => url.includes('/_astro/'));
    expect(new Set(photos.map((url) => /\.(\w+)$/.exec(url)?.[1]))).toEqual(new Set(['avif', 'webp', 'jpg']));
    expect(report.images.filter((url) => url.includes('tomas-ferreira')).length).toBeGreaterThan(0);
  }

  it(
    'every page, link and image candidate loads under /lab/ with no failed request, foreign request or console error',
    async () => {
      const report = await crawl({ name: 'lab sub-path', root: site.url, home: site.url });
      expectCleanCrawl(report, false, 30);
      expectPhotosCrawled(report);
    },
    CRAWL_TIMEOUT_MS,
  );

  it(
    'every link and image candidate names a real file from file://, and every page loads cleanly',
    async () => {
      const root = pathToFileURL(`${lab.dist}/`).href;
      const report = await crawl({ name: 'lab file', root, home: `${root}index.html` });
      expectCleanCrawl(report, true, 30);
      expectPhotosCrawled(report);
    },
    CRAWL_TIMEOUT_MS,
  );
});
