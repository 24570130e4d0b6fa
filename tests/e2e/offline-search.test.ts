/**
 * Search from disk behaves like search when hosted: the same search page, run over HTTP
 * (Pagefind) and from file:// (the offline index), must list the same papers for the same
 * query, filters and sort — in the same order for the date sorts — with the same facet
 * values and counts (every facet, the ones counted on request included). Checked on the seed
 * site and on a fixture site of the cases the seed lacks (tests/fixtures/search-site: Chinese,
 * Japanese, Korean and Arabic titles, keywords, undated papers, a paper without an abstract,
 * an affiliation with a display name). One Chromium, one tab; no file-access flags.
 */
import path from 'node:path';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { DIST } from '../helpers/dist.ts';
import { searchSettled } from '../helpers/search-page.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';
import { nuErrors } from '../helpers/vnu.ts';

interface Site {
  dist: string;
  server: StaticSite;
  fileRoot: string;
}

interface Listing {
  status: string;
  /** Paper slugs in the order shown. */
  slugs: string[];
  /** `<time datetime>` of each hit ("" for an undated one). */
  dates: string[];
  /** Dates as shown ("9 June 2022", "2022", "n.d."). */
  dateLabels: string[];
  /** Every facet as shown: legend → "value count" lines. */
  facets: Record<string, string[]>;
}

const FIXTURE = path.resolve('tests/fixtures/search-site/papers');
// Inside the project (git-ignored): Astro 7 puts prerender chunks under <cwd>/.astro/ otherwise.
const work = path.resolve('test-results', `search-fixture-${process.pid}`);

let browser: Browser;
let page: Page;
let problems: string[];
let seed: Site;
let fixture: Site;
const foreign: string[] = [];

async function open(dist: string): Promise<Site> {
  return { dist, server: await serveSite(dist, '/'), fileRoot: pathToFileURL(`${dist}/`).href };
}

beforeAll(async () => {
  const built = buildSite({
    PAPERS_DIR: FIXTURE,
    DIST_DIR: path.join(work, 'dist'),
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
    SITE_BASE: '/',
  });
  browser = await launchBrowser();
  page = await browser.newPage();
  problems = watchForProblems(page).errors;
  seed = await open(DIST);
  await built;
  fixture = await open(path.join(work, 'dist'));
  page.on('request', (request) => {
    const url = request.url();
    const ours = [seed, fixture].some((site) => url.startsWith(site.server.url) || url.startsWith(site.fileRoot));
    if (!ours && !url.startsWith('data:')) foreign.push(url);
  });
});

afterAll(async () => {
  await browser?.close();
  await seed?.server.close();
  await fixture?.server.close();
  rmSync(work, { recursive: true, force: true });
});

/** Waits until the search page has finished the search its URL (or last action) asks for. */
function settled(): Promise<string> {
  return searchSettled(page, /^(?!Searching…$)./);
}

/** Presses every button that reveals more (counts on request, all values, more results) until none is left. */
async function revealEverything(): Promise<void> {
  for (;;) {
    const button = page
      .locator('[data-search-facets] button, [data-search-more]:not([hidden])')
      .filter({ hasText: /^(Show (authors|affiliations|tags)|Show all \d+|Show more results)$/ })
      .first();
    if ((await button.count()) === 0) return;
    const label = (await button.textContent()) ?? '';
    const before = await page.locator('.search-hit, [data-search-facets] input').count();
    await button.click();
    if (label === 'Show more results') {
      await page.waitForFunction(
        (n) => document.querySelectorAll('.search-hit, [data-search-facets] input').length > n,
        before,
      );
    } else {
      // Counting on request runs the search again; showing all values redraws the facet.
      await page.waitForFunction(
        (text) => ![...document.querySelectorAll('[data-search-facets] button')].some((b) => b.textContent === text),
        label,
      );
      await settled();
    }
  }
}

/** Opens the search page of `site` with `query` in one mode and reads every result and facet. */
async function listing(site: Site, mode: 'hosted' | 'file', query: string): Promise<Listing> {
  const searchPage = mode === 'hosted' ? `${site.server.url}search/` : `${site.fileRoot}search/index.html`;
  await page.goto(`${searchPage}${query}`);
  const status = await settled();
  await revealEverything();
  const hits = await page.locator('.search-hit').evaluateAll((items) =>
    items.map((item) => ({
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      date: item.querySelector('time')?.getAttribute('datetime') ?? '',
      label: item.querySelector('.search-hit-meta')?.textContent ?? '',
    })),
  );
  const facets = await page
    .locator('[data-search-facets] fieldset')
    .evaluateAll((groups) =>
      Object.fromEntries(
        groups.map((group) => [
          group.querySelector('legend')?.textContent ?? '',
          [...group.querySelectorAll('label')].map((label) => (label.textContent ?? '').replace(/\s+/g, ' ').trim()),
        ]),
      ),
    );
  return {
    status: status.trim(),
    slugs: hits.map(
      (hit) => /papers\/([^/]+)\/(?:index\.html)?$/.exec(hit.href)?.[1] ?? `not a paper link: ${hit.href}`,
    ),
    dates: hits.map((hit) => hit.date),
    dateLabels: hits.map((hit) => hit.label),
    facets,
  };
}

/** Runs `query` on `site` hosted and from disk and checks they agree; returns the hosted listing. */
async function sameBothWays(site: Site, query: string): Promise<Listing> {
  const hosted = await listing(site, 'hosted', query);
  const offline = await listing(site, 'file', query);
  expect(offline.status, query).toBe(hosted.status);
  expect(offline.facets, query).toEqual(hosted.facets);
  if (/[?&]sort=date-/.test(query)) {
    expect(offline.slugs, query).toEqual(hosted.slugs);
    expect(offline.dateLabels, query).toEqual(hosted.dateLabels);
  } else {
    expect(offline.slugs.toSorted(), query).toEqual(hosted.slugs.toSorted());
  }
  return hosted;
}

describe('search opened from disk matches search when hosted, on the seed site', () => {
  it.each([
    ['a title word', '?q=ESMFold'],
    ['an author without the accent', '?q=viegas'],
    ['an author surname', '?q=Belinkov'],
    ['a word in several forms', '?q=hallucination'],
    ['two words', '?q=language+models'],
    ['the start of a word', '?q=interp'],
    ['a plural', '?q=circuits'],
    ['a topic name', '?q=computation'],
    ['a compound word', '?q=in-context'],
    ['a year as a word', '?q=2024+models'],
    ['a word with the has-code filter', '?q=model&code=yes'],
    ['a word with two topic filters', '?q=model&topic=Computation+and+Language&topic=Machine+Learning'],
    ['a word with an author filter', '?q=model&author=Yonatan+Belinkov'],
    ['an author filter, newest first', '?q=language&author=Yonatan+Belinkov&sort=date-desc'],
    ['an affiliation filter with a display name', '?q=language&affiliation=Allen+Institute+for+AI'],
    ['an affiliation filter, oldest first', '?q=models&affiliation=MIT&sort=date-asc'],
    ['a year filter, oldest first', '?q=hallucination&year=2024&sort=date-asc'],
    ['newest first', '?q=language&sort=date-desc'],
    ['oldest first', '?q=language&sort=date-asc'],
    [
      'two years and a topic, newest first',
      '?q=model&year=2024&year=2025&topic=Computation+and+Language&sort=date-desc',
    ],
  ])('lists the same papers, order and facet counts for %s (%s)', async (_name, query) => {
    const hosted = await sameBothWays(seed, query);
    expect(hosted.slugs.length, `hosted results for ${query}`).toBeGreaterThan(0);
  });

  it('puts the ESMFold paper first in both', async () => {
    const hosted = await listing(seed, 'hosted', '?q=ESMFold');
    const offline = await listing(seed, 'file', '?q=ESMFold');
    expect(hosted.slugs[0]).toBe('mechanisms-of-ai-protein-folding-in-esmfold');
    expect(offline.slugs[0]).toBe(hosted.slugs[0]);
  });

  it('shows one spelling per author in the author facet, both ways', async () => {
    const hosted = await sameBothWays(seed, '?q=interpretability');
    const authors = hosted.facets.Author ?? [];
    expect(authors.some((line) => line.startsWith('Fernanda Viégas '))).toBe(true);
    expect(authors.some((line) => line.startsWith('Fernanda Viegas '))).toBe(false);
  });

  it('opens a paper from a result link from disk, at a real file', async () => {
    await listing(seed, 'file', '?q=viegas');
    const link = page.locator('.search-hit a').first();
    const title = ((await link.textContent()) ?? '').trim();
    await Promise.all([page.waitForURL(/\/papers\/[^/]+\/index\.html$/), link.click()]);
    expect((await page.locator('h1').first().innerText()).trim()).toBe(title);
  });
});

describe('search opened from disk matches search when hosted, on papers in any script', () => {
  it.each([
    ['a word of a Chinese title', '?q=医学', ['zh-medical-segmentation']],
    ['two words of a Chinese title typed together', '?q=医学图像', ['zh-medical-segmentation']],
    ['a word of a Japanese title', '?q=セグメンテーション', ['ja-medical-imaging']],
    ['another word of a Japanese title', '?q=医用', ['ja-medical-imaging']],
    ['a word of a Korean title', '?q=의료', ['ko-medical-segmentation']],
    ['the start of a Korean word', '?q=딥러닝', ['ko-medical-segmentation']],
    ['a word of an Arabic title', '?q=المشاعر', ['ar-arabic-sentiment']],
    ['a keyword', '?q=machine+translation', ['old-survey']],
    ['a title with math', '?q=entmax', ['math-title']],
  ])('finds the paper by %s (%s) both ways', async (_name, query, slugs) => {
    const hosted = await sameBothWays(fixture, query);
    expect(hosted.slugs).toEqual(slugs);
  });

  it.each([
    ['a keyword filter', '?q=models&tag=interpretability'],
    ['a keyword filter on two keywords', '?q=learning&tag=Deep+Learning&tag=interpretability'],
    ['a keyword filter on a keyword no match has', '?q=models&tag=deep+learning&tag=survey&sort=date-asc'],
    ['undated papers last, newest first', '?q=transformer&sort=date-desc'],
    ['undated papers last, oldest first', '?q=transformer&sort=date-asc'],
    ['papers of one day, oldest first', '?q=2024&sort=date-asc'],
    ['a display-name affiliation', '?q=gpt-4&affiliation=Allen+Institute+for+AI'],
    ['an author spelled two ways', '?q=viegas&sort=date-desc'],
  ])('lists the same papers, order and facet counts for %s (%s)', async (_name, query) => {
    const hosted = await sameBothWays(fixture, query);
    expect(hosted.slugs.length, `hosted results for ${query}`).toBeGreaterThan(0);
  });

  it('lists undated papers last both ways, with “n.d.” for their date', async () => {
    for (const sort of ['date-desc', 'date-asc']) {
      const hosted = await sameBothWays(fixture, `?q=transformer&sort=${sort}`);
      const undated = hosted.dates.map((date) => date === '');
      expect(undated.includes(true), sort).toBe(true);
      expect(undated, sort).toEqual(undated.toSorted((a, b) => Number(a) - Number(b)));
      expect(hosted.dateLabels.filter((label) => label.includes('n.d.')).length, sort).toBe(
        undated.filter(Boolean).length,
      );
    }
  });

  it('passes the Nu HTML checker on every page of the fixture site', async () => {
    expect(await nuErrors(fixture.dist)).toEqual([]);
  });
});

describe('both ways', () => {
  it('made no failed request, no request to another host and logged no console error', () => {
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
