/**
 * Search in `npm run dev` works on the live content: the dev server has no Pagefind bundle, so
 * the search page uses the offline back end over the index its endpoint renders on request. A
 * paper added while the server runs is found by the next search, so editing and searching go
 * together. One dev server over a folder of its own papers; real Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { astroEnv } from '../helpers/build.ts';

// Outside the project: Vite's file watcher ignores test-results/, where the other tests' sites go.
const work = mkdtempSync(path.join(tmpdir(), 'dev-search-'));
const papers = path.join(work, 'papers');

function paper(file: string, title: string, author: string, abstract: string): void {
  writeFileSync(
    path.join(papers, file),
    `---\ntitle: ${JSON.stringify(title)}\nauthors:\n  - ${JSON.stringify(author)}\ndate: 2026-03-02\ncategory: cs.LG\n---\n\n${abstract}\n`,
  );
}

let server: ChildProcess;
let origin: string;
let output = '';
let browser: Browser;
let page: Page;
let problems: string[];

/** Starts `astro dev` on a free port and resolves with its origin once it says where it listens. */
function startDevServer(): Promise<string> {
  // Astro moves to the next port when 4399 is taken; the address is read from what it prints.
  server = spawn('npm', ['exec', '--', 'astro', 'dev', '--host', '127.0.0.1', '--port', '4399'], {
    env: astroEnv({
      PAPERS_DIR: papers,
      NOTES_DIR: path.join(work, 'notes'),
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
      SITE_BASE: '/',
      NO_COLOR: '1',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found) resolve(found[1]);
    };
    server.stdout?.on('data', listen);
    server.stderr?.on('data', listen);
    server.on('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output}`)));
  });
}

beforeAll(async () => {
  mkdirSync(papers);
  mkdirSync(path.join(work, 'notes'));
  paper(
    'zebrafish-fins.md',
    'Regenerating Fins in Zebrafish Models',
    'Ana Lima',
    'We study how zebrafish regrow fins after injury.',
  );
  paper(
    'korean-classification.md',
    '한국어 문서 분류를 위한 대조 학습',
    '김민준',
    'Contrastive learning for documents.',
  );
  origin = await startDevServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  problems = watchForProblems(page).errors;
});

afterAll(async () => {
  await browser?.close();
  // The dev server runs under npm exec: stop the whole process group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

/** Opens the search page for `term` and returns the titles and links of its hits, once shown. */
async function search(term: string): Promise<{ title: string; href: string }[]> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(term)}`, { timeout: 120_000 });
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      return /match|no paper|not available/i.test(status);
    },
    undefined,
    { timeout: 120_000 },
  );
  return page
    .locator('.search-hit-title a')
    .evaluateAll((links) =>
      links.map((link) => ({ title: link.textContent?.trim() ?? '', href: (link as HTMLAnchorElement).href })),
    );
}

describe('search in npm run dev', () => {
  it('finds a paper by a word of its abstract, linking a page the dev server serves', async () => {
    const hits = await search('zebrafish');
    expect(await page.locator('[data-search-status]').textContent()).not.toMatch(/not available/i);
    expect(hits.map((hit) => hit.title)).toEqual(['Regenerating Fins in Zebrafish Models']);
    const response = await page.goto(hits[0].href);
    expect(response?.status()).toBe(200);
    await expect(page.locator('main h1').textContent({ timeout: 120_000 })).resolves.toContain(
      'Regenerating Fins in Zebrafish Models',
    );
  });

  it('finds a paper by one word of its Korean title', async () => {
    const hits = await search('분류');
    expect(hits.map((hit) => hit.title)).toEqual(['한국어 문서 분류를 위한 대조 학습']);
  });

  it('finds a paper written while the server runs', async () => {
    paper('narwhal-tusks.md', 'Sensing with Narwhal Tusks', 'Ana Lima', 'Narwhal tusks as sensory organs.');
    let titles: string[] = [];
    for (let attempt = 0; attempt < 30 && titles.length === 0; attempt += 1) {
      titles = (await search('narwhal')).map((hit) => hit.title);
      if (titles.length === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(titles).toEqual(['Sensing with Narwhal Tusks']);
  });

  it('warms up no Pagefind bundle, which dev does not have, from a page’s header box', async () => {
    const asked: string[] = [];
    const record = (request: { url(): string }) => asked.push(request.url());
    page.on('request', record);
    try {
      await page.goto(`${origin}/papers/`, { waitUntil: 'load', timeout: 120_000 });
      // The idle page's prefetches, then a focus of the box and a typed word.
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search papers' });
      await box.click();
      await box.pressSequentially('zebrafish');
      await page.waitForTimeout(500);
    } finally {
      page.off('request', record);
    }
    expect(asked.filter((url) => /\/pagefind\/|search-warmup/.test(url))).toEqual([]);
  });

  it('loads every file it asks for', () => {
    expect(problems).toEqual([]);
  });
});
