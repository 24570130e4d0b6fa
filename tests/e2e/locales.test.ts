/**
 * The site in the lab's language (issue 18): the seed site built once in Korean and once in
 * Arabic (`SITE_LOCALE`), then read as a reader of each language gets it. Every page says its
 * language and direction; no English interface string is left on any page (checked against
 * the English dictionary, paper content aside), in the feeds and calendar, or in what the
 * search page's script writes; dates, counts and spans of years are the language's; paper
 * content stays as written; search finds a paper served and from file://; axe and the Nu
 * checker find nothing; a file:// crawl is clean. The Arabic site is laid out right to left,
 * with Latin titles and dates each in their own direction, and screenshots of its home and a
 * paper page at 375 px are written to test-results/screenshots/ for a person to look at.
 *
 * One build per language, shared by every check of this file.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { createCrawler, type Crawler } from '../helpers/crawl.ts';
import { englishLeft, englishPieces, interfaceTexts } from '../helpers/interface-language.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';
import { nuErrors } from '../helpers/vnu.ts';
import { attr, findAll, listFiles, parseFile, parsePage, text } from '../build/support/html.ts';
import { SITE } from '../../src/site.config.ts';
import type { Language } from '../../src/shared/i18n/languages.ts';

/** A whole-site crawl or a Java run over every page: minutes on a loaded 2-core machine. */
const LONG_MS = 600_000;
const PAPER = 'papers/mechanisms-of-ai-protein-folding-in-esmfold/';
const TITLE = 'Mechanisms of AI Protein Folding in ESMFold';
/** The lab's own words in its settings: content, as written, whatever the interface's language. */
const SETTINGS = [SITE.title, SITE.description, SITE.intro];
/** Isolation marks (FSI…PDI) around inserted names and numbers are invisible: compare without them. */
const visible = (value: string) => value.replace(/[\u2066-\u2069]/g, '');

interface LanguageCase {
  language: Language;
  dir: 'ltr' | 'rtl';
  ogLocale: string;
  /** ESMFold's date on its page (5 February 2026). */
  paperDate: string;
  /** The day of the first upcoming session on /sessions/ (Tuesday 8 December 2026). */
  sessionDay: string;
  /** The home page's count of papers (50). */
  papers: string;
  /** Yonatan Belinkov's summary line: 20 papers, active 2021–2026. */
  authorSummary: string;
  /** The search page's status for "ESMFold": one paper. */
  oneMatch: string;
  /** The heading of the topic facet. */
  topicFacet: string;
  /** The reading group's name, starting each calendar event. */
  group: string;
}

const CASES: LanguageCase[] = [
  {
    language: 'ko',
    dir: 'ltr',
    ogLocale: 'ko_KR',
    paperDate: '2026년 2월 5일',
    sessionDay: '2026년 12월 8일 화요일',
    papers: '논문 50편',
    authorSummary: '논문 20편, 최신순. 활동 기간 2021~2026.',
    oneMatch: '‘ESMFold’와(과) 일치하는 논문 1편.',
    topicFacet: '주제',
    group: '독회',
  },
  {
    language: 'ar',
    dir: 'rtl',
    ogLocale: 'ar_EG',
    paperDate: '5 فبراير 2026',
    sessionDay: 'الثلاثاء، 8 ديسمبر 2026',
    papers: '50 ورقة',
    authorSummary: '20 ورقة، الأحدث أولًا. نشط 2021–2026.',
    oneMatch: 'ورقة واحدة تطابق «ESMFold».',
    topicFacet: 'الموضوع',
    group: 'مجموعة القراءة',
  },
];

let work: string;
const dists = new Map<Language, string>();
let browser: Browser;

beforeAll(async () => {
  // Inside the project (git-ignored test-results/), as the sub-path crawl explains: Astro 7
  // shares <cwd>/.astro/.prerender/ between builds whose outDir is outside the project.
  await mkdir('test-results', { recursive: true });
  work = await mkdtemp(path.resolve('test-results', 'locales-'));
  // One build at a time: the machine has two cores.
  for (const { language } of CASES) {
    const dist = path.join(work, language, 'dist');
    await buildSite({
      SITE_LOCALE: language,
      SITE_BASE: '/',
      DIST_DIR: dist,
      ASTRO_CACHE_DIR: path.join(work, language, 'cache'),
      // "Now" for the build (2026-12-01T12:00Z): the session of 8 December is upcoming.
      SOURCE_DATE_EPOCH: '1796126400',
    });
    dists.set(language, dist);
  }
  browser = await launchBrowser();
}, LONG_MS);

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(CASES)('the seed site in $language', (expected) => {
  const dist = () => dists.get(expected.language) as string;
  const page = (sitePath: string) => parsePage(sitePath, dist());
  const pages = () => listFiles(dist()).filter((file) => file.endsWith('.html'));

  describe('as built', () => {
    it('says its language and direction on every page, and its Open Graph locale', () => {
      const wrong = pages().flatMap((file) => {
        const tree = parseFile(path.join(dist(), file));
        const html = findAll(tree, (element) => element.tagName === 'html')[0];
        const og = findAll(tree, (element) => attr(element, 'property') === 'og:locale')[0];
        const found = `${attr(html, 'lang')} ${attr(html, 'dir')} ${og ? attr(og, 'content') : '-'}`;
        const wanted = `${expected.language} ${expected.dir} ${expected.ogLocale}`;
        return found === wanted ? [] : [`${file}: ${found}`];
      });
      expect(wrong).toEqual([]);
      expect(pages().length).toBeGreaterThan(100);
    });

    it('shows no English interface string on any page', () => {
      const pieces = englishPieces(expected.language);
      const left = pages().flatMap((file) =>
        englishLeft(interfaceTexts(parseFile(path.join(dist(), file)), SETTINGS), pieces).map(
          (line) => `${file}: ${line}`,
        ),
      );
      expect(left).toEqual([]);
    });

    it('writes dates, counts and spans of years as the language does', () => {
      const paperTime = findAll(page(PAPER), (element) => attr(element, 'dateTime') === '2026-02-05')[0];
      expect(visible(text(paperTime))).toBe(expected.paperDate);
      const sessions = page('/sessions/');
      const upcoming = findAll(sessions, (element) => attr(element, 'dataSessionsList') === 'upcoming')[0];
      const firstDay = findAll(upcoming, (element) => element.tagName === 'time')[0];
      expect(visible(text(firstDay))).toBe(expected.sessionDay);
      const stats = findAll(page('/'), (element) => attr(element, 'className') === 'stats')[0];
      expect(visible(text(findAll(stats, (element) => element.tagName === 'a')[0]))).toBe(expected.papers);
      const summary = findAll(page('/authors/yonatan-belinkov/'), (element) => element.tagName === 'p').map((element) =>
        visible(text(element)),
      );
      expect(summary).toContain(expected.authorSummary);
    });

    it('keeps paper content as written: the English title and abstract of a paper', () => {
      const paperPage = page(PAPER);
      expect(text(findAll(paperPage, (element) => element.tagName === 'h1')[0])).toBe(TITLE);
      const abstract = findAll(paperPage, (element) => attr(element, 'className') === 'abstract-text')[0];
      expect(text(abstract)).toMatch(/^How do protein structure prediction models fold proteins\?/);
    });

    it('names the language in both feeds and writes the calendar in it', async () => {
      for (const feed of ['rss.xml', 'notes/rss.xml']) {
        expect(await readFile(path.join(dist(), feed), 'utf8')).toContain(`<language>${expected.language}</language>`);
      }
      const notesFeed = await readFile(path.join(dist(), 'notes/rss.xml'), 'utf8');
      expect(englishLeft([notesFeed.replace(/<item>[\s\S]*<\/item>/g, '')], englishPieces(expected.language))).toEqual(
        [],
      );
      const calendar = new ICAL.Component(ICAL.parse(await readFile(path.join(dist(), 'sessions.ics'), 'utf8')));
      const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(visible(event.summary).startsWith(`${expected.group}: `)).toBe(true);
        const description = visible(event.description);
        expect(description).not.toMatch(/Presented by|Note by/);
      }
      expect(visible(String(calendar.getFirstPropertyValue('x-wr-calname')))).toBe(`${SITE.title}: ${expected.group}`);
    });

    it(
      'passes the Nu HTML checker on every page',
      async () => {
        expect(await nuErrors(dist())).toEqual([]);
      },
      LONG_MS,
    );
  });

  describe('in the browser', () => {
    let site: StaticSite;
    let tab: Page;
    let crawler: Crawler;
    beforeAll(async () => {
      site = await serveSite(dist(), '/');
      tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      crawler = createCrawler(tab);
    });
    afterAll(async () => {
      await tab?.close();
      await site?.close();
    });

    /** Searches `url` (a search page with `?q=ESMFold`) and returns the status line once the result shows. */
    async function searchEsmFold(url: string): Promise<string> {
      await tab.goto(url, { waitUntil: 'load' });
      await tab.locator('main').getByRole('link', { name: TITLE }).first().waitFor({ timeout: 30_000 });
      await tab.locator('[data-search-facets] legend').first().waitFor({ timeout: 30_000 });
      return visible((await tab.locator('[data-search-status]').textContent()) ?? '');
    }

    /** What the search page shows now, interface only (results' titles, names and excerpts aside). */
    async function searchPageTexts(): Promise<string[]> {
      return tab.evaluate(() => {
        const shown: string[] = [];
        const walker = document.createTreeWalker(document.querySelector('main') as Node, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('[dir="auto"], script, style, template')) continue;
          shown.push(node.textContent ?? '');
        }
        for (const element of document.querySelectorAll('main [aria-label], main [title], main [placeholder]')) {
          for (const name of ['aria-label', 'title', 'placeholder']) shown.push(element.getAttribute(name) ?? '');
        }
        return shown;
      });
    }

    it('finds a paper served over HTTP and says so in the language, with facets in the language', async () => {
      crawler.enterMode({ name: 'served', root: site.url, home: site.url });
      expect(await searchEsmFold(`${site.url}search/?q=ESMFold`)).toBe(expected.oneMatch);
      expect(await tab.locator('[data-search-facets] legend').allTextContents()).toContain(expected.topicFacet);
      expect(englishLeft(await searchPageTexts(), englishPieces(expected.language))).toEqual([]);
      expect(crawler.problems).toEqual([]);
    });

    it('finds a paper from file:// through the offline index', async () => {
      const root = pathToFileURL(`${dist()}/`).href;
      crawler.enterMode({ name: 'file', root, home: `${root}index.html` });
      expect(await searchEsmFold(`${root}search/index.html?q=ESMFold`)).toBe(expected.oneMatch);
      expect(englishLeft(await searchPageTexts(), englishPieces(expected.language))).toEqual([]);
      expect(crawler.problems).toEqual([]);
    });

    it('passes axe on the home, a paper, search results, sessions and the reading list', async () => {
      const violations: string[] = [];
      for (const sitePath of ['', PAPER, 'search/?q=ESMFold', 'sessions/', 'reading-list/']) {
        await tab.goto(site.url + sitePath, { waitUntil: 'networkidle' });
        violations.push(...(await axeViolations(tab)).map((violation) => `/${sitePath}: ${violation}`));
      }
      expect(violations).toEqual([]);
    });

    it(
      'opens from file:// with every link naming a real file and no failed request or console error',
      async () => {
        const root = pathToFileURL(`${dist()}/`).href;
        const report = await crawler.crawl({ name: 'file', root, home: `${root}index.html` });
        expect(report.problems).toEqual([]);
        expect(report.foreignRequests).toEqual([]);
        expect(report.badLinks).toEqual([]);
        expect(report.pages.length).toBeGreaterThan(100);
      },
      LONG_MS,
    );

    it.runIf(expected.dir === 'rtl')(
      'lays the page out right to left, with a Latin title and a date each reading in their own direction',
      async () => {
        await tab.setViewportSize({ width: 375, height: 800 });
        await tab.goto(site.url + PAPER, { waitUntil: 'networkidle' });
        const layout = await tab.evaluate(() => {
          const links = [...document.querySelectorAll<HTMLElement>('.main-nav a')].slice(0, 2);
          const direction = (selector: string) => {
            const element = document.querySelector(selector);
            return element ? getComputedStyle(element).direction : 'missing';
          };
          return {
            main: direction('main'),
            title: direction('h1'),
            bibtex: direction('pre'),
            // The first header link sits right of the second: the navigation runs right to left.
            navRunsLeft: links[0].getBoundingClientRect().left > links[1].getBoundingClientRect().left,
          };
        });
        expect(layout).toEqual({ main: 'rtl', title: 'ltr', bibtex: 'ltr', navRunsLeft: true });
        await mkdir('test-results/screenshots', { recursive: true });
        for (const [name, sitePath] of [
          ['home', ''],
          ['paper', PAPER],
        ]) {
          await tab.goto(site.url + sitePath, { waitUntil: 'networkidle' });
          await tab.screenshot({
            path: `test-results/screenshots/${expected.language}-${name}-375.png`,
            fullPage: true,
          });
        }
        await tab.setViewportSize({ width: 1280, height: 900 });
      },
    );
  });
});
