/**
 * Pages hold still while they load (issue 14): in real Chromium against the built site, a
 * PerformanceObserver adds up every layout shift from the first paint until the page has
 * settled — web fonts in, search results and facet counts shown, reading-list buttons
 * revealed — and the sum stays within 0.02 (Lighthouse's CLS counts at most this).
 *
 * The web font files are held back well past the first paint, as on a slow connection:
 * the page must first paint in the metric-matched fallbacks (checked: the web fonts had
 * not loaded at the first frame, and both fallback faces found a local font) and must not
 * move when the fonts arrive. Phone and desktop widths, since line breaks depend on both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { DIST } from '../helpers/dist.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';

/** How long font files are held back: well past the first paint. */
const FONT_DELAY_MS = 1500;
const LIMIT = 0.02;

const VIEWPORTS = {
  phone: { width: 412, height: 823 },
  desktop: { width: 1280, height: 800 },
} as const;

interface Shift {
  value: number;
  sources: string[];
}

interface LoadRecord {
  shifts: Shift[];
  firstFrame?: FirstFrame;
  /** The metric-matched fallback families whose local font was found and used. */
  fallbacksUsed: string[];
  webFontsLoaded: boolean;
}

/** What the first frame showed. */
interface FirstFrame {
  /** Whether a web font face had loaded by then (it must not: they are held back). */
  webFontLoaded: boolean;
  /** The search results region, if the page has one. */
  results?: { top: number; left: number; height: number; hits: number };
}

declare global {
  interface Window {
    __layoutShifts: Shift[];
    __firstFrame?: FirstFrame;
  }
}

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveSite(DIST);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A context whose pages record layout shifts from the start and get their web fonts late. */
async function slowFontContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.__layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        const sources = (entry.sources ?? []).map((source) => {
          const node = source.node;
          return node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : String(node?.nodeName);
        });
        window.__layoutShifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // The first frame: the web fonts are still on their way, so the fallback faces are in use.
    requestAnimationFrame(() => {
      const webFontLoaded = [...document.fonts].some(
        (face) => !face.family.endsWith(' fallback') && face.status === 'loaded',
      );
      const results = document.querySelector('.search-results');
      const box = results?.getBoundingClientRect();
      window.__firstFrame = {
        webFontLoaded,
        results: box && {
          top: box.top,
          left: box.left,
          height: box.height,
          hits: document.querySelectorAll('.search-hit').length,
        },
      };
    });
  });
  await context.route(/\.woff2(\?.*)?$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, FONT_DELAY_MS));
    await route.continue();
  });
  return context;
}

/** Loads `path`, waits for `ready` and for the late fonts, and returns what moved. */
async function load(page: Page, sitePath: string, ready: (page: Page) => Promise<unknown>): Promise<LoadRecord> {
  await page.goto(new URL(sitePath.replace(/^\//, ''), site.url).href, { waitUntil: 'load' });
  await ready(page);
  await page.evaluate(() => document.fonts.ready);
  // Two frames after the last change, so its shift (if any) has been reported.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))),
  );
  return page.evaluate(() => ({
    shifts: window.__layoutShifts,
    firstFrame: window.__firstFrame,
    // A local() face loads only when text is set in it, and only if the local font exists.
    fallbacksUsed: [
      ...new Set(
        [...document.fonts]
          .filter((face) => face.family.endsWith(' fallback') && face.status === 'loaded')
          .map((face) => face.family.replace(/^"|"$/g, '')),
      ),
    ].sort(),
    webFontsLoaded:
      document.fonts.check('16px "Inter Variable"') &&
      document.fonts.check('16px "Source Serif 4 Variable"') &&
      [...document.fonts].some((face) => face.family === 'Inter Variable' && face.status === 'loaded'),
  }));
}

const total = (shifts: Shift[]) => shifts.reduce((sum, shift) => sum + shift.value, 0);

function expectSteady(record: LoadRecord): void {
  // The message lists the shifts, so a failure names what moved.
  expect(total(record.shifts), JSON.stringify(record.shifts)).toBeLessThanOrEqual(LIMIT);
  // The fonts really came late: the first frame was set in the metric-matched fallbacks.
  expect(record.firstFrame?.webFontLoaded).toBe(false);
  expect(record.fallbacksUsed).toEqual(['Inter Variable fallback', 'Source Serif 4 Variable fallback']);
  expect(record.webFontsLoaded).toBe(true);
}

/** The site's papers, as its own export lists them. */
const papers = (
  JSON.parse(readFileSync(path.join(DIST, 'papers.json'), 'utf8')) as { papers: { slug: string; title: string }[] }
).papers;

/** A paper whose page shows math (KaTeX's stylesheet and fonts load too), else the first. */
function paperWithMath(): string {
  const withMath = papers.find((paper) =>
    readFileSync(path.join(DIST, 'papers', paper.slug, 'index.html'), 'utf8').includes('class="katex'),
  );
  return (withMath ?? papers[0]).slug;
}

/** A word of the first paper's title that the search finds. */
const query = (papers[0].title.match(/\p{L}{6,}/u) ?? ['model'])[0];

const readingListButtonsShown = (page: Page) =>
  page.waitForFunction(() => document.querySelector('[data-reading-list]:not([hidden])') !== null);

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  describe(`on a ${name} screen with web fonts arriving late`, () => {
    let context: BrowserContext;
    let page: Page;
    let problems: string[];
    beforeAll(async () => {
      context = await slowFontContext(viewport);
      page = await context.newPage();
      problems = watchForProblems(page).errors;
    });
    afterAll(() => context?.close());

    it('the home page does not move while its fonts and reading-list buttons arrive', async () => {
      expectSteady(await load(page, '/', readingListButtonsShown));
      expect(problems).toEqual([]);
    });

    it('a paper page with math does not move while its fonts, KaTeX and buttons arrive', async () => {
      expectSteady(await load(page, `/papers/${paperWithMath()}/`, readingListButtonsShown));
      expect(problems).toEqual([]);
    });

    it('the search page opened with a query keeps its results and filters in place as they arrive', async () => {
      const record = await load(page, `/search/?q=${encodeURIComponent(query)}`, (loaded) =>
        loaded.waitForFunction(
          () => document.querySelectorAll('.search-hit').length > 0 && document.querySelector('.search-facet') !== null,
        ),
      );
      expectSteady(record);
      // The results region was laid out at the first frame, before any result, where the results then appeared.
      const first = record.firstFrame?.results;
      expect(first?.hits).toBe(0);
      expect(first?.height).toBeGreaterThan(viewport.height / 2);
      const now = await page.evaluate(() => document.querySelector('.search-results')?.getBoundingClientRect());
      expect({ top: now?.top, left: now?.left }).toEqual({ top: first?.top, left: first?.left });
      expect(problems).toEqual([]);
    });

    it('the reading list page does not move while the script fills it in', async () => {
      const record = await load(page, '/reading-list/', (loaded) =>
        loaded.waitForFunction(() => document.querySelector<HTMLElement>('[data-reading-list-page]')?.hidden === false),
      );
      expectSteady(record);
      expect(problems).toEqual([]);
    });
  });
}
