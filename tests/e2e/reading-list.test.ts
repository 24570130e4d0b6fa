/**
 * The reading list in real Chromium against the built site, served over HTTP and opened
 * from disk (file://): star papers on different pages, reload, see them on
 * /reading-list/, mark one read, export BibTeX, RIS, CSL-JSON and links and import them back; and a
 * browser that refuses storage gets a message, not a crash.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { parse } from '@retorquere/bibtex-parser';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { DIST } from '../helpers/dist.ts';
import { searchSettled, showEveryResult } from '../helpers/search-page.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';

/** Slugs of the papers whose buttons a listing page shows, in page order. */
async function slugsListedOn(file: string): Promise<string[]> {
  const html = await readFile(path.join(DIST, file), 'utf8');
  return [...new Set([...html.matchAll(/data-reading-list="([^"]+)"/g)].map((match) => match[1]))];
}

/**
 * Whether a paper's title is plain text. BibTeX parsers render `$x^2$` as "x²", so the
 * journey compares titles only for papers without math.
 */
async function hasPlainTitle(slug: string): Promise<boolean> {
  const html = await readFile(path.join(DIST, 'papers', slug, 'index.html'), 'utf8').catch(() => '');
  const title = /<meta name="citation_title" content="([^"]*)"/.exec(html)?.[1];
  return title !== undefined && !/[$\\^_{}]/.test(title);
}

/** A listing page (/papers/ or a year) with at least `count` plain-titled papers that have buttons. */
async function findListing(count: number): Promise<{ file: string; slugs: string[]; all: string[] }> {
  const years = await readdir(path.join(DIST, 'years')).catch(() => []);
  for (const file of ['papers/index.html', ...years.map((year) => `years/${year}/index.html`)]) {
    const listed = await slugsListedOn(file).catch(() => []);
    const plain = await Promise.all(listed.map(hasPlainTitle));
    const slugs = listed.filter((_, i) => plain[i]);
    if (slugs.length >= count) return { file, slugs, all: listed };
  }
  throw new Error('no listing page with reading-list buttons on enough papers');
}

function buttons(page: Page, slug: string): { star: Locator; read: Locator } {
  const group = page.locator(`[data-reading-list="${slug}"]`).first();
  return {
    star: group.getByRole('button', { name: 'Star', exact: true }),
    read: group.getByRole('button', { name: 'Mark read', exact: true }),
  };
}

async function listedTitles(page: Page): Promise<string[]> {
  return page.locator('[data-rl-items] > li [data-rl-title]').allInnerTexts();
}

async function downloadText(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations on the page, as `rule: selectors` lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }
    ).axe;
    const { violations } = await axe.run();
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** How long a poll waits for the page to catch up (CI runs this beside other work on two cores). */
const WAIT = { timeout: 10_000 };

let browser: Browser;
let site: StaticSite;
let listing: { file: string; slugs: string[]; all: string[] };

beforeAll(async () => {
  [browser, site, listing] = await Promise.all([launchBrowser(), serveSite(), findListing(2)]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * The whole reader's journey, in one browser context per mode. `at(sitePath)` gives the
 * address of a site path (`papers/x/`) in that mode.
 */
async function journey(
  context: BrowserContext,
  at: (sitePath: string) => string,
  checkAccessibility = false,
): Promise<void> {
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const [first, second] = listing.slugs;

  // Star the first paper on its own page…
  await page.goto(at(`papers/${first}/`));
  const firstTitle = await page.locator('meta[name="citation_title"]').getAttribute('content');
  const onPaper = buttons(page, first);
  await expect.poll(() => onPaper.star.isVisible(), WAIT).toBe(true);
  expect(await onPaper.star.getAttribute('aria-pressed')).toBe('false');
  // With the keyboard: the focused button shows a focus ring and Space presses it.
  await onPaper.star.focus();
  await page.keyboard.press('Space');
  expect(await onPaper.star.getAttribute('aria-pressed')).toBe('true');
  expect(await onPaper.star.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle)).toBe(
    'solid',
  );
  expect(await onPaper.read.getAttribute('aria-pressed')).toBe('false');

  await page.goto(at(`papers/${second}/`));
  const secondTitle = await page.locator('meta[name="citation_title"]').getAttribute('content');
  expect(firstTitle && secondTitle).toBeTruthy();

  // …and the second on a listing row, where the first already shows as starred.
  await page.goto(at(listing.file.replace(/index\.html$/, '')));
  await expect.poll(() => buttons(page, first).star.getAttribute('aria-pressed'), WAIT).toBe('true');
  await buttons(page, second).star.click();
  await page.reload();
  // The buttons take their state from storage once the deferred script has run.
  await expect.poll(() => buttons(page, first).star.getAttribute('aria-pressed'), WAIT).toBe('true');
  await expect.poll(() => buttons(page, second).star.getAttribute('aria-pressed'), WAIT).toBe('true');
  const unstarred = listing.all.find((slug) => slug !== first && slug !== second);
  if (unstarred) expect(await buttons(page, unstarred).star.getAttribute('aria-pressed')).toBe('false');

  // The reading list: newest star first while both are unread.
  await page.goto(at('reading-list/'));
  await expect.poll(() => listedTitles(page), WAIT).toEqual([secondTitle, firstTitle]);
  await page.reload();
  await expect.poll(() => listedTitles(page), WAIT).toEqual([secondTitle, firstTitle]);

  // Marking the top paper read moves it below the unread one, and the order survives a reload.
  const secondRow = buttons(page, second);
  await secondRow.read.click();
  await expect.poll(() => listedTitles(page), WAIT).toEqual([firstTitle, secondTitle]);
  expect(await secondRow.read.getAttribute('aria-pressed')).toBe('true');
  await page.reload();
  await expect.poll(() => listedTitles(page), WAIT).toEqual([firstTitle, secondTitle]);
  if (checkAccessibility) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), `${colorScheme} theme`).toEqual([]);
    }
  }

  // BibTeX export: a real parser reads back both entries with the papers' titles, in list order.
  const bib = await downloadText(page, page.getByRole('button', { name: 'Download BibTeX (.bib)' }));
  expect(bib.name).toBe('reading-list.bib');
  const parsed = parse(bib.text, { sentenceCase: false });
  expect(parsed.errors).toEqual([]);
  const bibTitles = parsed.entries.map((entry) => String(entry.fields.title));
  expect(bibTitles).toEqual([firstTitle, secondTitle]);

  // RIS and CSL-JSON exports: Citation.js reads back the same papers, in list order, with the
  // records each paper's own download holds.
  const ris = await downloadText(page, page.getByRole('button', { name: 'Download RIS (.ris)' }));
  expect(ris.name).toBe('reading-list.ris');
  expect(
    plugins.input.chain(ris.text, { forceType: '@ris/file', generateGraph: false }).map((item) => item.title),
  ).toEqual([firstTitle, secondTitle]);
  const csl = await downloadText(page, page.getByRole('button', { name: 'Download CSL-JSON (.csl.json)' }));
  expect(csl.name).toBe('reading-list.csl.json');
  const exported = JSON.parse(csl.text) as unknown[];
  const items = plugins.input.chain(exported, { forceType: '@csl/list+object', generateGraph: false });
  expect(items.map((item) => item.title)).toEqual([firstTitle, secondTitle]);
  for (const [i, slug] of [first, second].entries()) {
    const own = JSON.parse(await readFile(path.join(DIST, 'papers', slug, 'citation.csl.json'), 'utf8')) as unknown[];
    expect(own).toEqual([exported[i]]);
  }

  // Links export: a Markdown task list with the read paper ticked.
  const links = await downloadText(page, page.getByRole('button', { name: 'Download list of links (.md)' }));
  expect(links.name).toBe('reading-list.md');
  const tasks = links.text.split('\n').filter((line) => line.startsWith('- ['));
  expect(tasks).toHaveLength(2);
  expect(tasks[0]).toMatch(new RegExp(`^- \\[ \\] \\[.+\\]\\(https?://[^)]+/papers/${first}/\\)$`));
  expect(tasks[1]).toMatch(new RegExp(`^- \\[x\\] \\[.+\\]\\(https?://[^)]+/papers/${second}/\\)$`));

  // Clearing the list, then importing the exported file brings both back, read mark included.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect.poll(() => listedTitles(page), WAIT).toEqual([]);
  await expect(page.getByText('No starred papers yet.').isVisible()).resolves.toBe(true);
  await page.getByLabel('Choose a file').setInputFiles({
    name: 'reading-list.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(links.text),
  });
  await expect.poll(() => listedTitles(page), WAIT).toEqual([firstTitle, secondTitle]);
  expect(await page.locator('[data-rl-status]').innerText()).toContain('2 papers added');
  expect(await buttons(page, second).read.getAttribute('aria-pressed')).toBe('true');

  // Pasting the .bib file adds the third paper only if it is in it; here it adds nothing new.
  await page.getByLabel('Or paste links or BibTeX').fill(bib.text);
  await page.getByRole('button', { name: 'Import pasted list' }).click();
  await expect.poll(() => page.locator('[data-rl-status]').innerText(), WAIT).toContain('0 papers added');
  await expect.poll(() => listedTitles(page), WAIT).toEqual([firstTitle, secondTitle]);

  // Unstarring on the list keeps the row (one click undoes a slip) until the next visit.
  await buttons(page, first).star.click();
  expect(await buttons(page, first).star.getAttribute('aria-pressed')).toBe('false');
  expect(await listedTitles(page)).toEqual([firstTitle, secondTitle]);
  expect(await page.locator('[data-rl-count]').innerText()).toBe('1 starred paper, 0 unread.');
  await page.reload();
  await expect.poll(() => listedTitles(page), WAIT).toEqual([secondTitle]);

  expect(problems.errors).toEqual([]);
  await page.close();
}

describe('the reading list', () => {
  it('keeps papers starred on two pages across reloads, orders read ones last, exports and imports them and passes axe, served over HTTP', async () => {
    const context = await browser.newContext();
    await journey(context, (sitePath) => site.url + sitePath, true);
    await context.close();
  });

  it('does the same when the built site is opened from disk', async () => {
    const context = await browser.newContext();
    await journey(context, (sitePath) => pathToFileURL(path.join(DIST, sitePath, 'index.html')).href);
    await context.close();
  });

  it('limits search results to starred and to unread papers, kept in the URL', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const resultSlugs = async (): Promise<string[]> => {
      await searchSettled(page, /match/);
      await showEveryResult(page);
      const hrefs = await page
        .locator('.search-hit a[data-hit]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      return hrefs.map((href) => /papers\/([^/]+)\/(?:index\.html)?$/.exec(href)?.[1] ?? href);
    };

    await page.goto(`${site.url}search/?q=language`);
    const all = await resultSlugs();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const [starredUnread, starredRead, readOnly] = all;
    await page.evaluate(({ key, papers }) => localStorage.setItem(key, JSON.stringify({ version: 1, papers })), {
      key: 'paperlist:reading-list',
      papers: {
        [starredUnread]: { starred: true, read: false, starredAt: 2 },
        [starredRead]: { starred: true, read: true, starredAt: 1 },
        [readOnly]: { starred: false, read: true, starredAt: 0 },
      },
    });

    await page.goto(`${site.url}search/?q=language&list=starred`);
    expect(await resultSlugs()).toEqual([starredUnread, starredRead]);
    expect(await page.getByRole('checkbox', { name: 'Starred' }).isChecked()).toBe(true);
    // The year counts beside the results count the starred papers, not the whole search.
    const yearCounts = await page
      .locator('fieldset', { has: page.locator('legend', { hasText: 'Year' }) })
      .locator('.count')
      .allInnerTexts();
    expect(yearCounts.reduce((sum, count) => sum + Number(count), 0)).toBe(2);

    await page.getByRole('checkbox', { name: 'Unread' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('list'), WAIT).toEqual(['starred', 'unread']);
    expect(await resultSlugs()).toEqual([starredUnread]);
    expect(await page.locator('[data-search-status]').innerText()).toContain('with Starred, Unread');

    await page.reload();
    expect(await resultSlugs()).toEqual([starredUnread]);

    await page.getByRole('checkbox', { name: 'Starred' }).uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('list'), WAIT).toEqual(['unread']);
    expect(await resultSlugs()).toEqual(all.filter((slug) => slug !== starredRead && slug !== readOnly));

    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('says the list is unavailable, without errors, when the browser refuses storage', async () => {
    const context = await browser.newContext();
    // What Chromium does when site data is blocked: reading window.localStorage throws.
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException(
            "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
            'SecurityError',
          );
        },
      });
    });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const slug = listing.slugs[0];

    await page.goto(`${site.url}papers/${slug}/`);
    const { star, read } = buttons(page, slug);
    await expect.poll(() => star.isVisible(), WAIT).toBe(true);
    expect(await star.isDisabled()).toBe(true);
    expect(await read.isDisabled()).toBe(true);
    expect(await page.locator('[data-reading-list-notice]').innerText()).toContain('Star and Mark read are turned off');

    await page.goto(`${site.url}reading-list/`);
    await expect
      .poll(() => page.locator('[data-rl-status]').innerText(), WAIT)
      .toContain('Your reading list is unavailable');
    expect(await page.getByRole('button', { name: 'Download BibTeX (.bib)' }).isVisible()).toBe(false);

    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
