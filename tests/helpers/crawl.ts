/**
 * A crawler for the built site in a real Chromium: from the home page it follows every
 * internal link (and every image candidate) to every page and file, and records failed
 * requests, console errors, requests that leave the site, links that name a folder from
 * file:// and served links that still show `index.html`. Used by the crawl tests of the
 * English site, the example lab and the sites in other languages.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { watchForProblems } from './browser.ts';

/** Where a crawl runs: the home page URL and what counts as inside the site. */
export interface Mode {
  name: string;
  /** URL of the site root folder, ending in `/`. */
  root: string;
  /** The home page to start from. */
  home: string;
}

export interface CrawlReport {
  pages: string[];
  /** Non-page files that links point at (feeds, BibTeX, JSON). */
  files: string[];
  /** Image files named by `<img>` and `<source>` (src and every srcset candidate). */
  images: string[];
  problems: string[];
  /** Requests that left the site's origin (or its folder on disk). */
  foreignRequests: string[];
  /** Links that point at a folder rather than a file from file://, or leave the site. */
  badLinks: string[];
  /** Served pages whose links still show `index.html` (the pretty-links enhancement failed). */
  uglyLinks: string[];
}

/** A page is HTML we navigate to; anything else (bib, xml, json) is only checked to exist. */
function isPage(url: URL): boolean {
  return url.pathname.endsWith('/') || url.pathname.endsWith('.html');
}

async function fileExists(url: URL): Promise<boolean> {
  return stat(fileURLToPath(url)).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** What a crawler on one tab offers: crawling, and the record of problems for other steps. */
export interface Crawler {
  crawl(mode: Mode): Promise<CrawlReport>;
  /** Starts a fresh record of problems; requests outside `mode`'s site count as foreign. */
  enterMode(mode: Mode): void;
  /** Console errors and failed requests since the last `enterMode`. */
  problems: string[];
  /** Requests outside the site since the last `enterMode`. */
  foreign: string[];
}

/** A crawler driving `page`. */
export function createCrawler(page: Page): Crawler {
  const problems = watchForProblems(page).errors;
  const foreign: string[] = [];
  let allowedRequest: (url: URL) => boolean = () => false;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!allowedRequest(url)) foreign.push(request.url());
  });

  function enterMode(mode: Mode): void {
    const rootUrl = new URL(mode.root);
    allowedRequest = (url) =>
      rootUrl.protocol === 'file:'
        ? url.protocol === 'file:' && url.href.startsWith(mode.root)
        : url.origin === rootUrl.origin && url.pathname.startsWith(rootUrl.pathname);
    problems.length = 0;
    foreign.length = 0;
  }

  async function crawl(mode: Mode): Promise<CrawlReport> {
    const report: CrawlReport = {
      pages: [],
      files: [],
      images: [],
      problems: [],
      foreignRequests: [],
      badLinks: [],
      uglyLinks: [],
    };
    const isFileMode = mode.root.startsWith('file:');
    const rootUrl = new URL(mode.root);
    enterMode(mode);

    const seen = new Set<string>([mode.home]);
    const queue = [mode.home];
    while (queue.length > 0) {
      const target = queue.shift() as string;
      const url = new URL(target);
      if (!isPage(url)) {
        (/\.(avif|webp|jpe?g|png|gif|svg)$/i.test(url.pathname) ? report.images : report.files).push(target);
        const ok = isFileMode ? await fileExists(url) : (await fetch(target)).ok;
        if (!ok) report.problems.push(`missing file ${target}`);
        continue;
      }
      const before = problems.length;
      await page.goto(target, { waitUntil: 'load' });
      report.pages.push(target);
      const links = await page.$$eval(
        'a[href], link[href]:not([rel~="stylesheet"]):not([rel~="preload"]):not([rel~="canonical"])',
        (elements) =>
          elements.map((element) => ({
            href: (element as HTMLAnchorElement).href,
            raw: element.getAttribute('href') ?? '',
          })),
      );
      // Every image candidate, resolved against the page as the browser would.
      const images = await page.$$eval('img[src], img[srcset], source[srcset]', (elements) =>
        elements.flatMap((element) => {
          const urls = (element.getAttribute('srcset') ?? '')
            .split(',')
            .map((candidate) => candidate.trim().split(/\s+/)[0])
            .filter(Boolean);
          const src = element.getAttribute('src');
          return [...(src ? [src] : []), ...urls].map((raw) => ({ href: new URL(raw, document.baseURI).href, raw }));
        }),
      );
      for (const link of [...links, ...images]) {
        const linkUrl = new URL(link.href);
        if (!['file:', 'http:', 'https:'].includes(linkUrl.protocol)) continue; // mailto: and the like
        if (!isFileMode && linkUrl.origin !== rootUrl.origin) continue; // an external site
        if (isFileMode && linkUrl.protocol !== 'file:') continue; // an external site
        linkUrl.hash = '';
        const next = linkUrl.href;
        if (!next.startsWith(mode.root)) {
          report.badLinks.push(`${target} → ${link.raw} leaves the site`);
          continue;
        }
        if (isFileMode && linkUrl.pathname.endsWith('/'))
          report.badLinks.push(`${target} → ${link.raw} names a folder, not a file`);
        if (!isFileMode && /(^|\/)index\.html([?#]|$)/.test(link.raw)) report.uglyLinks.push(`${target} → ${link.raw}`);
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
      for (const problem of problems.slice(before)) report.problems.push(`${target}: ${problem}`);
    }
    report.foreignRequests = [...foreign];
    return report;
  }

  return { crawl, enterMode, problems, foreign };
}
