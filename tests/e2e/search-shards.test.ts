/**
 * The search page over a sharded Pagefind index, in real Chromium: the seed site is built
 * once more with PAGEFIND_SHARD_PAGES=20 (50 papers → 3 shards) and must find what the
 * unsharded main build (dist/, or DIST_DIR) finds: the same papers, the same facet counts,
 * and the date sorts in order across shard boundaries. Expected dates come from the
 * built site's papers.json.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { DIST } from '../helpers/dist.ts';
import { searchSettled, showEveryResult } from '../helpers/search-page.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';

// Inside the project (git-ignored): with an outDir outside the working directory Astro 7
// puts prerender chunks in the shared <cwd>/.astro/.prerender/.
const work = path.resolve('test-results', `search-shards-${process.pid}`);
const shardedDist = path.join(work, 'dist');
const SHARD_PAGES = 20;

/** Slug → date (`YYYY-MM-DD`) of every paper, from a built site's papers.json. */
function paperDates(dist: string): Map<string, string> {
  const { papers } = JSON.parse(readFileSync(path.join(dist, 'papers.json'), 'utf8')) as {
    papers: { slug: string; date: string }[];
  };
  return new Map(papers.map((paper) => [paper.slug, paper.date]));
}

/** Slugs of every result of the current search, in order, pressing "Show more results" until all are listed. */
async function allSlugs(page: Page): Promise<string[]> {
  await showEveryResult(page);
  const hrefs = await page
    .locator('.search-hit a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => {
    const match = /papers\/([^/]+)\/(?:index\.html)?$/.exec(href);
    if (!match) throw new Error(`not a paper link: ${href}`);
    return match[1];
  });
}

/** The year facet's values and counts as the page shows them. */
async function yearCounts(page: Page): Promise<Record<string, string>> {
  const group = page.locator('fieldset[data-facet="year"]');
  const all = group.getByRole('button', { name: /^Show all/ });
  if (await all.isVisible()) await all.click();
  const pairs = await group
    .locator('label')
    .evaluateAll((labels) =>
      labels.map((label) => [
        label.querySelector('input')?.value ?? '',
        label.querySelector('.count')?.textContent ?? '',
      ]),
    );
  return Object.fromEntries(pairs);
}

describe('search over a sharded index', () => {
  let sharded: StaticSite;
  let unsharded: StaticSite;
  let browser: Browser;
  let page: Page;
  let problems: { errors: string[] };
  let dates: Map<string, string>;
  const requested: string[] = [];

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await buildSite({
      DIST_DIR: shardedDist,
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
      PAGEFIND_SHARD_PAGES: String(SHARD_PAGES),
    });
    dates = paperDates(shardedDist);
    sharded = await serveSite(shardedDist);
    unsharded = await serveSite(DIST);
    browser = await launchBrowser();
    page = await browser.newPage();
    problems = watchForProblems(page);
    page.on('request', (request) => requested.push(request.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await sharded?.close();
    await unsharded?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const search = async (site: StaticSite, query: string) => {
    await page.goto(`${site.url}search/${query}`);
    return searchSettled(page);
  };

  it('builds 3 shards from the 50 seed papers, newest first', () => {
    expect(dates.size).toBe(50);
    const manifest = JSON.parse(readFileSync(path.join(shardedDist, 'pagefind', 'shards.json'), 'utf8'));
    expect(manifest).toMatchObject({ shards: ['', 'shard-1/', 'shard-2/'], oldestFirst: [2, 1, 0] });
    // The unsharded build the site tests share is one shard.
    expect(JSON.parse(readFileSync(path.join(DIST, 'pagefind', 'shards.json'), 'utf8'))).toMatchObject({
      shards: [''],
      oldestFirst: [0],
    });
  });

  it('ranks the ESMFold paper first for “ESMFold”, loading every shard', async () => {
    requested.length = 0;
    await search(sharded, '?q=ESMFold');
    const slugs = await allSlugs(page);
    expect(slugs[0]).toBe('mechanisms-of-ai-protein-folding-in-esmfold');
    for (const shard of ['pagefind/pagefind.js', 'pagefind/shard-1/pagefind.js', 'pagefind/shard-2/pagefind.js']) {
      expect(requested, shard).toContain(`${sharded.url}${shard}`);
    }
  });

  it('finds the same papers and year counts as the unsharded build', async () => {
    // “language” is in papers of every shard; “heads” only in some, which Pagefind would
    // ignore in the others if the back end let it.
    for (const term of ['language', 'attention heads']) {
      await search(unsharded, `?q=${encodeURIComponent(term)}`);
      const expected = await allSlugs(page);
      const expectedYears = await yearCounts(page);
      await search(sharded, `?q=${encodeURIComponent(term)}`);
      const found = await allSlugs(page);
      expect(found.toSorted(), term).toEqual(expected.toSorted());
      expect(await yearCounts(page), term).toEqual(expectedYears);
      expect(Object.keys(expectedYears).length, term).toBeGreaterThan(1);
      // Results from every shard: the 20 newest papers are shard 0.
      if (term === 'language') expect(expected.length).toBeGreaterThan(SHARD_PAGES);
    }
  });

  it('sorts newest first and oldest first across all results and shards, in the unsharded order', async () => {
    await search(unsharded, '?q=language&sort=date-desc');
    const unshardedNewest = await allSlugs(page);
    await search(sharded, '?q=language&sort=date-desc');
    const newest = await allSlugs(page);
    expect(newest).toEqual(unshardedNewest);
    expect(await page.getByLabel('Sort by').inputValue()).toBe('date-desc');
    const newestDates = newest.map((slug) => dates.get(slug));
    expect(newestDates.length).toBeGreaterThan(SHARD_PAGES);
    expect(newestDates).toEqual(newestDates.toSorted().reverse());

    await page.getByLabel('Sort by').selectOption({ label: 'Oldest first' });
    const oldest = await allSlugs(page);
    // Oldest first is exactly newest first reversed, papers of one day included.
    expect(oldest).toEqual(newest.toReversed());
    expect(oldest.map((slug) => dates.get(slug))).toEqual(newestDates.toSorted());
  });

  it('logged no console error and no failed request', () => {
    expect(problems.errors).toEqual([]);
  });
});
