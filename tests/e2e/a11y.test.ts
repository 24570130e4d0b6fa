/**
 * Accessibility in Chromium against the built site served over HTTP: axe-core finds no
 * violation on one page of each type, in the light and the dark theme (the lab's pages on
 * the seed site and on the example lab, whose members have photos); the skip link, theme
 * switch and copy button work from the keyboard.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PAPERS_DIR, readPapers } from '../build/support/content.ts';
import { slugify } from '../../src/lib/slug.ts';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const papers = readPapers().sort((a, b) => (a.date < b.date ? 1 : -1));
// A paper with math in its abstract when there is one: KaTeX markup is the riskiest part.
const paper = papers.find((candidate) => /\$[^$]+\$/.test(candidate.body)) ?? papers[0];
const author = slugify(paper.authors[0]);
const affiliation = papers.flatMap((candidate) => candidate.affiliations)[0];
// A paper whose notes have footnotes (and, in the seed, math and a table) when there is one.
const notesDir = path.join(PAPERS_DIR, '..', 'notes');
const noteFiles = existsSync(notesDir)
  ? readdirSync(notesDir).map((file) => readFileSync(path.join(notesDir, file), 'utf8'))
  : [];
const notedPaper = (noteFiles.find((note) => note.includes('[^')) ?? noteFiles[0])?.match(
  /^paper:\s*"?([^"\n]+)"?$/m,
)?.[1];

/** One page of each type the site has. */
const PAGES: Record<string, string> = {
  home: '',
  paper: `papers/${paper.slug}/`,
  'all papers': 'papers/',
  'author index': 'authors/',
  author: `authors/${author}/`,
  'topic index': 'topics/',
  topic: `topics/${slugify(paper.category)}/`,
  'year index': 'years/',
  year: `years/${paper.date.slice(0, 4)}/`,
  'affiliation index': 'affiliations/',
  ...(affiliation ? { affiliation: `affiliations/${slugify(affiliation)}/` } : {}),
  people: 'people/',
  publications: 'publications/',
  'lab member': 'authors/yonatan-belinkov/',
  'not found': '404.html',
  ...(notedPaper ? { 'paper with notes': `papers/${notedPaper}/` } : {}),
  notes: 'notes/',
  sessions: 'sessions/',
};

/** Pages of the example lab (served under /lab/): photos, every link kind, alumni. */
const LAB_PAGES: Record<string, string> = {
  'lab home': '',
  'lab people': 'people/',
  'lab publications': 'publications/',
  'filtered publications': 'publications/conference/member/mei-chen/',
  'profile with a photo and every link': 'authors/ada-okafor/',
  'profile of an alumnus': 'authors/tomas-ferreira/',
  'profile of a member with no paper': 'authors/priya-raman/',
};

let site: StaticSite;
let labSite: StaticSite;
let browser: Browser;

beforeAll(async () => {
  const lab = inject('labSite');
  site = await serveSite();
  labSite = await serveSite(lab.dist, lab.base);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await labSite?.close();
});

const ALL_PAGES: [string, () => string][] = [
  ...Object.entries(PAGES).map(([name, sitePath]): [string, () => string] => [name, () => site.url + sitePath]),
  ...Object.entries(LAB_PAGES).map(([name, sitePath]): [string, () => string] => [name, () => labSite.url + sitePath]),
];

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (scheme) => {
  let context: BrowserContext;
  let page: Page;
  let problems: { errors: string[] };

  beforeAll(async () => {
    context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchForProblems(page);
  });

  afterAll(async () => {
    await context.close();
  });

  it.each(ALL_PAGES)('finds no violation on the %s page', async (_name, pageUrl) => {
    const response = await page.goto(pageUrl());
    expect(response?.status()).toBe(200);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // The theme really applied: a dark page has a dark background, a light page a light one.
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3 > 128 ? 'light' : 'dark').toBe(scheme);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});

describe('keyboard and progressive enhancements', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ colorScheme: 'light', viewport: { width: 375, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context.close();
  });

  it('offers a skip link as the first Tab stop, which moves focus to the main content', async () => {
    await page.goto(site.url + PAGES.paper);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('switches to the dark theme from the keyboard and remembers it on the next page', async () => {
    await page.goto(site.url);
    const toggle = page.locator('[data-theme-toggle]');
    await expect.poll(() => toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await page.goto(site.url + PAGES.paper);
    // Set before first paint by the inline head script, not later by the deferred one.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(
      (background.match(/\d+/g) ?? [])
        .map(Number)
        .slice(0, 3)
        .every((channel) => channel < 80),
    ).toBe(true);
    await page.locator('[data-theme-toggle]').click();
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('copies the BibTeX entry with the copy button and says so', async () => {
    await page.goto(site.url + PAGES.paper);
    const button = page.getByRole('button', { name: 'Copy BibTeX' });
    await button.click();
    await expect.poll(() => page.locator('[data-copy-status="bibtex"]').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#bibtex').textContent());
    expect(copied).toMatch(/^@\w+\{[^,]+,\n {2}title = \{\{/);
  });

  it('reads every page without JavaScript: content is there and no control is left that cannot work', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const bare = await noScript.newPage();
    await bare.goto(site.url + PAGES.paper);
    expect(await bare.locator('h1').textContent()).not.toBe('');
    expect(await bare.locator('.abstract-text .katex').count()).toBe(paper.body.match(/\$[^$]+\$/g)?.length ?? 0);
    expect(await bare.locator('[data-theme-toggle]').isVisible()).toBe(false);
    // Every copy button (one per citation style, one for BibTeX) stays hidden; the text is there to select.
    expect(await bare.locator('[data-copy-target]').count()).toBeGreaterThan(1);
    expect(await bare.locator('[data-copy-target]:visible').count()).toBe(0);
    expect(await bare.locator('#cite-apa').textContent()).not.toBe('');
    await noScript.close();
  });
});
