/**
 * Reading notes and sessions in real Chromium over the built site: a word only a note has
 * finds its paper hosted (Pagefind) and from disk (the offline index), the "Has notes" filter
 * keeps papers with notes, the sessions page follows the reader's clock (and reads right
 * without JavaScript as of the build), and the reading list links a starred paper's notes.
 * Expectations are read from content/ (or PAPERS_DIR / NOTES_DIR).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { DIST } from '../helpers/dist.ts';
import { showEveryResult } from '../helpers/search-page.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';

const PAPERS_DIR = path.resolve(process.env.PAPERS_DIR ?? 'content/papers');
const NOTES_DIR = path.resolve(process.env.NOTES_DIR ?? path.join(PAPERS_DIR, '..', 'notes'));

const read = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => ({
      slug: file.replace(/\.md$/, ''),
      ...parseFrontmatter(readFileSync(path.join(dir, file), 'utf8')),
    }));
const papers = read(PAPERS_DIR).filter((paper) => !paper.frontmatter.draft);
const notes = read(NOTES_DIR).filter((note) => !note.frontmatter.draft && note.content.trim() !== '');
/** Slugs of the papers that have notes with text. */
const noted = new Set(notes.map((note) => String(note.frontmatter.paper)));

/** A word some note has that no paper's title or abstract has (the test needs one). */
const NOTE_ONLY_WORD = 'Jacobian';

let browser: Browser;
let site: StaticSite;
let page: Page;
let problems: { errors: string[] };

beforeAll(async () => {
  site = await serveSite();
  browser = await launchBrowser();
  page = await browser.newPage();
  problems = watchForProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Waits for the search the page's URL asks for, then lists every result's paper slug. */
async function resultSlugs(): Promise<string[]> {
  await showEveryResult(page);
  const hrefs = await page
    .locator('.search-hit a[data-hit]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => /papers\/([^/]+)\/(?:index\.html)?$/.exec(href)?.[1] ?? href);
}

const searchPage = (mode: 'hosted' | 'file') =>
  mode === 'hosted' ? `${site.url}search/` : `${pathToFileURL(`${DIST}/`).href}search/index.html`;

describe.each(['hosted', 'file'] as const)('notes in search (%s)', (mode) => {
  it('finds a paper by a word only its notes have', async () => {
    const expected = notes
      .filter((note) => note.content.toLowerCase().includes(NOTE_ONLY_WORD.toLowerCase()))
      .map((note) => String(note.frontmatter.paper));
    expect(expected.length).toBeGreaterThan(0);
    for (const paper of papers) {
      expect(`${paper.frontmatter.title} ${paper.content}`.toLowerCase()).not.toContain(NOTE_ONLY_WORD.toLowerCase());
    }
    await page.goto(`${searchPage(mode)}?q=${NOTE_ONLY_WORD}`);
    expect((await resultSlugs()).sort()).toEqual([...new Set(expected)].sort());
    expect(problems.errors).toEqual([]);
  });

  it('keeps only papers with notes when “Has notes” is ticked, and counts them', async () => {
    await page.goto(`${searchPage(mode)}?q=language`);
    const all = await resultSlugs();
    const withNotes = all.filter((slug) => noted.has(slug));
    expect(withNotes.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(withNotes.length);
    const box = page.getByRole('group', { name: 'Notes' }).getByRole('checkbox', { name: /Has notes/ });
    expect(((await box.locator('xpath=..').textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
      `Has notes ${withNotes.length}`,
    );
    await box.check();
    expect((await resultSlugs()).sort()).toEqual([...withNotes].sort());
    expect(new URL(page.url()).searchParams.get('notes')).toBe('yes');
    expect(problems.errors).toEqual([]);
  });
});

describe('the sessions page', () => {
  /** Session ids listed under `list` (upcoming or past), in page order, and whether its "none" line shows. */
  async function listed(target: Page, list: 'upcoming' | 'past') {
    const ids = await target
      .locator(`[data-sessions-list="${list}"] > li`)
      .evaluateAll((items) => items.map((item) => item.id));
    const none = await target.locator(`[data-sessions-empty="${list}"]`).isVisible();
    return { ids, none };
  }

  const sessionIds = [
    ...new Set(
      read(NOTES_DIR)
        .map((note) => note.frontmatter.session)
        .filter((day): day is Date | string => day !== undefined)
        .map((day) => `session-${day instanceof Date ? day.toISOString().slice(0, 10) : day}`),
    ),
  ].sort();

  it('moves every session to “past” by the reader’s clock once they are over, most recent first', async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.clock.setFixedTime(new Date('2099-01-01T00:00:00Z'));
    await reader.goto(`${site.url}sessions/`);
    await reader.waitForFunction(() =>
      /your device/.test(document.querySelector('[data-sessions-basis]')?.textContent ?? ''),
    );
    expect(await listed(reader, 'upcoming')).toEqual({ ids: [], none: true });
    expect(await listed(reader, 'past')).toEqual({ ids: [...sessionIds].reverse(), none: false });
    await context.close();
  });

  it('lists every session as upcoming, soonest first, for a reader before them all', async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.clock.setFixedTime(new Date('2000-01-01T00:00:00Z'));
    await reader.goto(`${site.url}sessions/`);
    await reader.waitForFunction(() =>
      /your device/.test(document.querySelector('[data-sessions-basis]')?.textContent ?? ''),
    );
    expect(await listed(reader, 'upcoming')).toEqual({ ids: sessionIds, none: false });
    expect(await listed(reader, 'past')).toEqual({ ids: [], none: true });
    await context.close();
  });

  it('reads right without JavaScript, as of the time the site was built', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const reader = await context.newPage();
    await reader.goto(`${site.url}sessions/`);
    const asOf = Date.parse((await reader.locator('[data-sessions]').getAttribute('data-sessions-as-of')) ?? '');
    const ends = await reader
      .locator('li[data-session-end]')
      .evaluateAll((items) => items.map((item) => [item.id, item.getAttribute('data-session-end') ?? ''] as const));
    const upcoming = ends
      .filter(([, end]) => Date.parse(end) > asOf)
      .map(([id]) => id)
      .sort();
    expect((await listed(reader, 'upcoming')).ids).toEqual(upcoming);
    expect(await reader.locator('[data-sessions-basis]').textContent()).toMatch(/when this page was built/);
    await context.close();
  });
});

describe('the reading list', () => {
  it('links a starred paper’s notes from its row', async () => {
    const [slug] = [...noted];
    const count = notes.filter((note) => note.frontmatter.paper === slug).length;
    await page.goto(`${site.url}reading-list/`);
    await page.evaluate(
      ({ key, slug }) =>
        localStorage.setItem(
          key,
          JSON.stringify({ version: 1, papers: { [slug]: { starred: true, read: false, starredAt: 1 } } }),
        ),
      { key: 'paperlist:reading-list', slug },
    );
    await page.reload();
    const link = page.locator('[data-rl-items] [data-rl-meta] a');
    await link.waitFor();
    expect(await link.textContent()).toBe(`${count} ${count === 1 ? 'note' : 'notes'}`);
    await link.click();
    await page.waitForURL(/#notes$/);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`papers/${slug}/(index\\.html)?$`));
    expect(await page.locator('#notes').isVisible()).toBe(true);
    expect(problems.errors).toEqual([]);
  });
});
