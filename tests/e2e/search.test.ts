/**
 * The search page in real Chromium against the built site served over HTTP: ranking,
 * filters, sort, URL state, keyboard use and the header box. Expected results are read
 * from the content files (content/papers, or PAPERS_DIR), never written into the test.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request, Route } from 'playwright-core';
import { parse } from 'yaml';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { searchSettled, showEveryResult } from '../helpers/search-page.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';

const PAPERS_DIR = path.resolve(process.env.PAPERS_DIR ?? 'content/papers');

interface ContentPaper {
  slug: string;
  title: string;
  authors: string[];
  date: string;
  abstract: string;
}

async function readPapers(): Promise<ContentPaper[]> {
  const files = (await readdir(PAPERS_DIR)).filter((file) => file.endsWith('.md'));
  const papers = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(PAPERS_DIR, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter`);
      const data = parse(match[1]) as { title: string; authors: string[]; date: string | Date; draft?: boolean };
      const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date;
      return data.draft
        ? []
        : [{ slug: file.replace(/\.md$/, ''), title: data.title, authors: data.authors, date, abstract: match[2] }];
    }),
  );
  return papers.flat();
}

/** The slug a result link points at (`../papers/<slug>/`). */
function slugOf(href: string): string {
  const match = /papers\/([^/]+)\/(?:index\.html)?$/.exec(href);
  if (!match) throw new Error(`not a paper link: ${href}`);
  return match[1];
}

interface Result {
  slug: string;
  title: string;
  date: string;
}

/** Every result of the current search, pressing "Show more results" until all are listed. */
async function allResults(page: Page): Promise<Result[]> {
  await showEveryResult(page);
  return page
    .locator('.search-hit')
    .evaluateAll((items) =>
      items.map((item) => ({
        slug: item.querySelector('a')?.getAttribute('href') ?? '',
        title: item.querySelector('a')?.textContent ?? '',
        date: item.querySelector('time')?.getAttribute('datetime') ?? '',
      })),
    )
    .then((items) => items.map((item) => ({ ...item, slug: slugOf(item.slug) })));
}

/** Pagefind's index parts, which a search needs before it can rank. */
const INDEX_PARTS = '**/pagefind/index/**';

/**
 * Holds back the page's requests for index parts (those `held` picks; all by default) until
 * `release`; `stop` releases them and lets later requests through.
 */
async function holdIndexParts(page: Page, held: (request: Request) => boolean = () => true) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const handler = async (route: Route) => {
    if (held(route.request())) await released;
    await route.continue();
  };
  await page.route(INDEX_PARTS, handler);
  return {
    release,
    async stop() {
      release();
      await page.unroute(INDEX_PARTS, handler);
    },
  };
}

/** The header search box of the current page. */
const headerBox = (page: Page) => page.getByRole('banner').getByRole('searchbox', { name: 'Search papers' });

describe('search over HTTP', () => {
  let site: StaticSite;
  let browser: Browser;
  let page: Page;
  let problems: { errors: string[] };
  let papers: ContentPaper[];
  /** URLs the page requested, to prove which searches never touched the index. */
  const requested: string[] = [];

  beforeAll(async () => {
    papers = await readPapers();
    site = await serveSite();
    browser = await launchBrowser();
    page = await browser.newPage();
    problems = watchForProblems(page);
    page.on('request', (request) => requested.push(request.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const search = async (query: string) => {
    await page.goto(`${site.url}search/${query}`);
    return searchSettled(page);
  };

  it('ranks the ESMFold paper first for “ESMFold”', async () => {
    const expected = papers.find((paper) => paper.title === 'Mechanisms of AI Protein Folding in ESMFold');
    expect(expected, 'the seed paper is in the content').toBeDefined();
    await search('?q=ESMFold');
    const results = await allResults(page);
    expect(results[0]).toMatchObject({ slug: expected?.slug, title: expected?.title });
  });

  it('ranks papers with the word in their title above papers with it only in the abstract', async () => {
    for (const [term, stem] of [
      ['hallucination', /hallucinat/i],
      ['circuit', /circuit/i],
    ] as const) {
      const inTitle = papers.filter((paper) => stem.test(paper.title)).map((paper) => paper.slug);
      await search(`?q=${term}`);
      const ranked = (await allResults(page)).map((result) => result.slug);
      expect(inTitle.length, term).toBeGreaterThan(0);
      expect(ranked.length, term).toBeGreaterThan(inTitle.length);
      expect(ranked.slice(0, inTitle.length).sort(), term).toEqual([...inTitle].sort());
    }
  });

  it('finds only 2024 papers about hallucination when the 2024 year filter is ticked', async () => {
    await search('?q=hallucination');
    await page
      .getByRole('group', { name: 'Year' })
      .getByRole('checkbox', { name: /^2024\b/ })
      .check();
    const results = await allResults(page);
    const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
    const expected = papers.filter(
      (paper) => paper.date.startsWith('2024') && /hallucinat/i.test(`${paper.title} ${paper.abstract}`),
    );
    expect(expected.length).toBeGreaterThan(0);
    for (const result of results) {
      const paper = bySlug.get(result.slug);
      expect(paper?.date.slice(0, 4), result.slug).toBe('2024');
      expect(`${paper?.title} ${paper?.abstract}`, result.slug).toMatch(/hallucinat/i);
    }
    expect(results.map((r) => r.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    expect(page.url()).toMatch(/[?&]year=2024(&|$)/);
  });

  it('lists every paper by Belinkov for “Belinkov”', async () => {
    await search('?q=Belinkov');
    const results = await allResults(page);
    const expected = papers.filter((paper) => paper.authors.some((name) => /belinkov/i.test(name)));
    expect(expected.length).toBeGreaterThan(10);
    expect(results.map((r) => r.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
  });

  it('shows an excerpt of the abstract, not the title and authors again', async () => {
    await search('?q=Belinkov');
    await allResults(page);
    const shown = await page.locator('.search-hit').evaluateAll((items) =>
      items.map((item) => ({
        href: item.querySelector('a')?.getAttribute('href') ?? '',
        excerpt: item.querySelector('.search-hit-excerpt')?.textContent ?? '',
      })),
    );
    const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
    const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];
    expect(shown.length).toBeGreaterThan(10);
    for (const { href, excerpt } of shown) {
      const paper = bySlug.get(slugOf(href));
      const abstractWords = new Set(words(paper?.abstract ?? ''));
      expect(words(excerpt).length, href).toBeGreaterThan(5);
      // Every word of the excerpt is from the abstract; "Belinkov" (an author) is not in one.
      expect(
        words(excerpt).filter((word) => !abstractWords.has(word)),
        href,
      ).toEqual([]);
      expect(excerpt.startsWith(paper?.title ?? '-'), href).toBe(false);
    }
  });

  it('finds Viégas when the reader types “viegas” without the accent', async () => {
    await search('?q=viegas');
    const results = await allResults(page);
    const expected = papers.filter((paper) => paper.authors.some((name) => name.includes('Viégas')));
    expect(expected.length).toBeGreaterThan(0);
    expect(results.map((r) => r.slug)).toEqual(expect.arrayContaining(expected.map((p) => p.slug)));
  });

  it('sorts results newest first and oldest first by date', async () => {
    await search('?q=language');
    const sort = page.getByLabel('Sort by');
    await sort.selectOption({ label: 'Newest first' });
    const newest = (await allResults(page)).map((r) => r.date);
    expect(newest.length).toBeGreaterThan(5);
    expect(newest).toEqual([...newest].sort().reverse());
    await sort.selectOption({ label: 'Oldest first' });
    const oldest = (await allResults(page)).map((r) => r.date);
    expect(oldest).toEqual([...newest].sort());
  });

  it('keeps the query, filters and sort in the URL across a reload, and Back undoes a filter', async () => {
    await search('?q=models');
    await page.getByLabel('Sort by').selectOption({ label: 'Oldest first' });
    await searchSettled(page);
    const topic = page.getByRole('group', { name: 'Topic' }).getByRole('checkbox').first();
    const topicName = ((await topic.locator('xpath=..').textContent()) ?? '').replace(/\s*\d+\s*$/, '').trim();
    await topic.check();
    const before = await allResults(page);
    expect(new URL(page.url()).searchParams.get('topic')).toBe(topicName);

    await page.reload();
    const after = await allResults(page);
    expect(await page.getByLabel('Search titles, authors and abstracts').inputValue()).toBe('models');
    expect(await page.getByLabel('Sort by').inputValue()).toBe('date-asc');
    await expect(
      page
        .getByRole('group', { name: 'Topic' })
        .getByRole('checkbox', { name: new RegExp(`^${topicName}`) })
        .isChecked(),
    ).resolves.toBe(true);
    expect(after).toEqual(before);

    await page.goBack();
    await searchSettled(page);
    expect(new URL(page.url()).searchParams.get('topic')).toBeNull();
    expect(await page.getByLabel('Sort by').inputValue()).toBe('date-asc');
  });

  it('can be used with the keyboard alone: type, arrow down to a result, Enter opens it', async () => {
    await page.goto(`${site.url}search/`);
    const box = page.getByLabel('Search titles, authors and abstracts');
    await box.focus();
    await page.keyboard.type('ESMFold');
    await searchSettled(page);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Mechanisms of AI Protein Folding in ESMFold');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-term');
    await page.keyboard.press('ArrowDown');
    await Promise.all([
      page.waitForURL(/papers\/mechanisms-of-ai-protein-folding-in-esmfold\//),
      page.keyboard.press('Enter'),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Mechanisms of AI Protein Folding in ESMFold');
  });

  it('counts authors when asked, and an author filter keeps only that author’s papers', async () => {
    await search('?q=language+models');
    const authors = page.getByRole('group', { name: 'Author' });
    await authors.getByRole('button', { name: 'Show authors' }).click();
    await searchSettled(page);
    const first = authors.getByRole('checkbox').first();
    await expect(first.evaluate((box) => box === document.activeElement)).resolves.toBe(true);
    const label = ((await first.locator('xpath=..').textContent()) ?? '').trim();
    const [, name, count] = /^(.*\S)\s+(\d+)$/.exec(label) ?? [];
    await first.press('Space');
    const results = await allResults(page);
    expect(results).toHaveLength(Number(count));
    const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
    for (const result of results) expect(bySlug.get(result.slug)?.authors, result.slug).toContain(name);
  });

  it('lists every author with their count when “Show all” is pressed', async () => {
    await search('?q=language');
    const results = await allResults(page);
    const authors = page.getByRole('group', { name: 'Author' });
    await authors.getByRole('button', { name: 'Show authors' }).click();
    await searchSettled(page);
    const all = authors.getByRole('button', { name: /^Show all \d+$/ });
    const total = Number(/\d+/.exec((await all.textContent()) ?? '')?.[0]);
    expect(total).toBeGreaterThan(9);
    await all.click();
    const labels = (await authors.locator('label').allTextContents()).map((label) => label.trim());
    expect(labels).toHaveLength(total);
    const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
    for (const label of labels.slice(0, 5)) {
      const [, name, count] = /^(.*\S)\s+(\d+)$/.exec(label) ?? [];
      const listing = results.filter((result) => bySlug.get(result.slug)?.authors.includes(name));
      expect(Number(count), name).toBe(listing.length);
    }
  });

  it('passes axe with results, filters and a selected filter, in the light and the dark theme', async () => {
    await search('?q=language&year=2024');
    await page.getByRole('button', { name: 'Show authors' }).click();
    await searchSettled(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), `${colorScheme} theme`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: null });
  });

  it('says when nothing matches and offers to remove the filters', async () => {
    await search('?q=hallucination&year=2024&topic=Sound');
    expect(await searchSettled(page)).toMatch(/^No papers match “hallucination”/);
    await page.getByRole('button', { name: 'Remove all filters' }).click();
    expect(await searchSettled(page)).toMatch(/papers? match/);
    expect(new URL(page.url()).searchParams.get('year')).toBeNull();
  });

  it('does not search the index for a filter without a term, and links the static pages instead', async () => {
    requested.length = 0;
    await search('?year=2024&author=Yonatan+Belinkov');
    // Pagefind's script and shard list load with the page, ready for typing; no part of the index does.
    expect(requested.filter((url) => /\.pf_(index|fragment|filter)$/.test(url))).toEqual([]);
    const year = page.getByRole('link', { name: 'Year: 2024' });
    await Promise.all([page.waitForURL(/years\/2024\/$/), year.click()]);
    expect(await page.locator('h1').textContent()).toContain('2024');
    await page.goBack();
    await page.getByRole('link', { name: 'Author: Yonatan Belinkov' }).click();
    await page.waitForURL(/authors\/yonatan-belinkov\/$/);
  });

  it('links every affiliation picked without a term to the page the build made for it', async () => {
    // Display names from the site config ("Allen Institute for AI") are not the pages' slugs (allen-ai).
    await page.goto(`${site.url}affiliations/`);
    const listed = await page
      .locator('main .count-list a')
      .evaluateAll((links) =>
        links.map((link) => ({ name: link.textContent?.trim() ?? '', href: (link as HTMLAnchorElement).href })),
      );
    expect(listed.length).toBeGreaterThan(3);
    expect(listed.map((entry) => entry.name)).toContain('Allen Institute for AI');
    for (const { name, href } of listed) {
      await search(`?affiliation=${encodeURIComponent(name)}`);
      const link = page.getByRole('link', { name: `Affiliation: ${name}`, exact: true });
      await Promise.all([page.waitForURL(href), link.click()]);
      expect(await page.locator('h1').textContent(), name).toContain(name);
    }
  });

  it('submits the header search box from any page to the search page', async () => {
    await page.goto(`${site.url}papers/`);
    await headerBox(page).fill('ESMFold');
    await Promise.all([page.waitForURL(/search\/\?q=ESMFold$/), headerBox(page).press('Enter')]);
    const results = await allResults(page);
    expect(results[0].title).toBe('Mechanisms of AI Protein Folding in ESMFold');
  });

  /**
   * Presses Enter in the header box, the search page's own index parts held back, and returns
   * the titles it shows before then (handed over by the header box) and its own results after.
   */
  async function enterWithIndexHeld(urlPattern: RegExp): Promise<{ handedOver: string[]; own: Result[] }> {
    // Only the search page's own requests are held: the header box's search runs before it opens.
    const hold = await holdIndexParts(page, (request) => request.frame().url().includes('/search/'));
    try {
      await Promise.all([page.waitForURL(urlPattern), headerBox(page).press('Enter')]);
      await page.locator('.search-hit').first().waitFor();
      const handedOver = await page.locator('.search-hit-title a').allTextContents();
      hold.release();
      return { handedOver, own: await allResults(page) };
    } finally {
      await hold.stop();
    }
  }

  it('shows the results the header box searched ahead before the search page’s own index parts arrive', async () => {
    await page.goto(`${site.url}papers/`);
    await headerBox(page).click();
    await headerBox(page).pressSequentially('hallucination');
    await page.waitForFunction(() => sessionStorage.getItem('paperlist:search-handoff')?.includes('"hallucination"'));
    const { handedOver, own } = await enterWithIndexHeld(/search\/\?q=hallucination$/);
    expect(handedOver.length).toBe(Math.min(10, own.length));
    expect(handedOver).toEqual(own.slice(0, handedOver.length).map((result) => result.title));
    expect(await page.evaluate(() => sessionStorage.getItem('paperlist:search-handoff'))).toBeNull();
  });

  it('opens the search page on Enter once the header box has found the first results, and paints them at once', async () => {
    await page.goto(`${site.url}papers/`);
    await headerBox(page).click();
    await headerBox(page).pressSequentially('attention heads');
    const { handedOver, own } = await enterWithIndexHeld(/search\/\?q=attention\+heads$/);
    expect(handedOver.length).toBeGreaterThan(0);
    expect(handedOver).toEqual(own.slice(0, handedOver.length).map((result) => result.title));
  });

  it('opens the search page on Enter even when the header box’s search cannot finish', async () => {
    const hold = await holdIndexParts(page);
    try {
      await page.goto(`${site.url}papers/`);
      await headerBox(page).click();
      await headerBox(page).fill('ESMFold');
      await Promise.all([page.waitForURL(/search\/\?q=ESMFold$/, { timeout: 10_000 }), headerBox(page).press('Enter')]);
      hold.release();
      const results = await allResults(page);
      expect(results[0].title).toBe('Mechanisms of AI Protein Folding in ESMFold');
    } finally {
      await hold.stop();
    }
  });

  it('works when the site is served under a sub-path', async () => {
    const sub = await serveSite(undefined, '/lab/papers/');
    try {
      await page.goto(`${sub.url}search/?q=viegas`);
      const results = await allResults(page);
      expect(results.length).toBeGreaterThan(0);
      await page.locator('.search-hit a').first().click();
      await page.waitForURL(new RegExp(`^${sub.url}papers/${results[0].slug}/$`));
    } finally {
      await sub.close();
    }
  });

  it('logged no console error and no failed request', () => {
    expect(problems.errors).toEqual([]);
  });
});
