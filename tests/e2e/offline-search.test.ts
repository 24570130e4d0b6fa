/**
 * Search from disk behaves like search when hosted (issue 5): the same search page, run
 * once over HTTP (stock Pagefind) and once from file:// (the offline index), must list the
 * same papers for the same query, filters and sort, with the same facet counts, and its
 * result links must open the papers. One Chromium, one tab; no file-access flags.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { DIST } from '../helpers/dist.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';

interface Listing {
  status: string;
  /** Paper slugs in the order shown. */
  slugs: string[];
  dates: string[];
  /** Dates as shown ("9 June 2022", "2022"). */
  dateLabels: string[];
  /** The year filter's options as shown, e.g. `2024 3`. */
  years: string[];
}

let browser: Browser;
let page: Page;
let site: StaticSite;
let problems: string[];
const foreign: string[] = [];
const fileRoot = pathToFileURL(`${DIST}/`).href;

beforeAll(async () => {
  site = await serveSite(DIST, '/');
  browser = await launchBrowser();
  page = await browser.newPage();
  problems = watchForProblems(page).errors;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(site.url) && !url.startsWith(fileRoot) && !url.startsWith('data:')) foreign.push(url);
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Waits until the search page has finished the search its URL asks for. */
async function settled(): Promise<string> {
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-search-status]')?.textContent ?? '';
    return text !== '' && !document.querySelector('[data-search-hits]')?.hasAttribute('aria-busy');
  });
  return (await page.locator('[data-search-status]').textContent()) ?? '';
}

/** Opens the search page with `query` (a URL query string) in one mode and reads every result. */
async function listing(mode: 'hosted' | 'file', query: string): Promise<Listing> {
  const searchPage = mode === 'hosted' ? `${site.url}search/` : `${fileRoot}search/index.html`;
  await page.goto(`${searchPage}${query}`);
  const status = await settled();
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    const before = await page.locator('.search-hit').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-hit').length > n, before);
  }
  const hits = await page.locator('.search-hit').evaluateAll((items) =>
    items.map((item) => ({
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      date: item.querySelector('time')?.getAttribute('datetime') ?? '',
      label: item.querySelector('time')?.textContent ?? '',
    })),
  );
  const years = await page
    .getByRole('group', { name: 'Year' })
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => (box.closest('label')?.textContent ?? '').replace(/\s+/g, ' ').trim()));
  return {
    status: status.trim(),
    slugs: hits.map(
      (hit) => /papers\/([^/]+)\/(?:index\.html)?$/.exec(hit.href)?.[1] ?? `not a paper link: ${hit.href}`,
    ),
    dates: hits.map((hit) => hit.date),
    dateLabels: hits.map((hit) => hit.label),
    years,
  };
}

describe('search opened from disk matches search when hosted', () => {
  it.each([
    ['a title word', '?q=ESMFold'],
    ['an author without the accent', '?q=viegas'],
    ['an author surname', '?q=Belinkov'],
    ['a word in several forms', '?q=hallucination'],
    ['two words', '?q=language+models'],
    ['the start of a word', '?q=interp'],
    ['a plural', '?q=circuits'],
    ['a category name', '?q=computation'],
    ['a word with the has-code filter', '?q=model&code=yes'],
    ['a word with two topic filters', '?q=model&topic=Computation+and+Language&topic=Machine+Learning'],
  ])('lists the same papers with the same year counts for %s (%s)', async (_name, query) => {
    const hosted = await listing('hosted', query);
    const offline = await listing('file', query);
    expect(hosted.slugs.length, `hosted results for ${query}`).toBeGreaterThan(0);
    expect([...offline.slugs].sort()).toEqual([...hosted.slugs].sort());
    expect(offline.status).toBe(hosted.status);
    expect(offline.years).toEqual(hosted.years);
  });

  it('puts the ESMFold paper first in both', async () => {
    const hosted = await listing('hosted', '?q=ESMFold');
    const offline = await listing('file', '?q=ESMFold');
    expect(offline.slugs[0]).toBe(hosted.slugs[0]);
    expect(offline.slugs[0]).toBe('mechanisms-of-ai-protein-folding-in-esmfold');
  });

  it('applies the same year filter and date sort, and shows the same dates', async () => {
    const query = '?q=hallucination&year=2024&sort=date-asc';
    const hosted = await listing('hosted', query);
    const offline = await listing('file', query);
    expect(hosted.dates.length).toBeGreaterThan(1);
    expect(hosted.dates.every((date) => date.startsWith('2024'))).toBe(true);
    expect(offline.dates).toEqual(hosted.dates);
    expect(offline.dateLabels).toEqual(hosted.dateLabels);
    expect([...offline.slugs].sort()).toEqual([...hosted.slugs].sort());
  });

  it('opens a paper from a result link from disk, at a real file', async () => {
    await listing('file', '?q=viegas');
    const link = page.locator('.search-hit a').first();
    const title = ((await link.textContent()) ?? '').trim();
    await Promise.all([page.waitForURL(/\/papers\/[^/]+\/index\.html$/), link.click()]);
    expect((await page.locator('h1').first().innerText()).trim()).toBe(title);
  });

  it('made no failed request, no request to another host and logged no console error', () => {
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
