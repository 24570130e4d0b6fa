/**
 * The Cite block of a paper page in Chromium, opened straight from disk (file://) as a
 * reader who downloaded the site would: every style's reference is in the page with or
 * without JavaScript, the other styles open from their <details>, each copy button copies
 * exactly its reference, and each download link names the paper's own file, which
 * Citation.js reads back as the paper of the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { DIST } from '../helpers/dist.ts';
import { readPapers } from '../build/support/content.ts';

// The newest paper: the one a reader most likely cites.
const paper = readPapers().sort((a, b) => (a.date < b.date ? 1 : -1))[0];
const pageUrl = pathToFileURL(`${DIST}/papers/${paper.slug}/index.html`).href;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The reference of a style as the reader sees it: the paragraph's text, spaces collapsed. */
async function referenceText(page: Page, style: string): Promise<string> {
  return ((await page.locator(`#cite-${style}`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('the Cite block opened from disk', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: { errors: string[] };

  beforeAll(async () => {
    context = await browser.newContext();
    // No origin: file:// pages have none to name.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
    problems = watchForProblems(page);
    await page.goto(pageUrl);
  });
  afterAll(async () => {
    await context.close();
  });

  it('shows the APA reference with the paper’s first author and year, the other styles one click away', async () => {
    const apa = await referenceText(page, 'apa');
    expect(apa).toContain(paper.authors[0].split(/\s+/).pop());
    expect(apa).toContain(`(${paper.date.slice(0, 4)}`);
    expect(await page.locator('#cite-apa').isVisible()).toBe(true);
    for (const [style, name] of [
      ['vancouver', 'Vancouver'],
      ['harvard1', 'Harvard'],
    ]) {
      expect(await page.locator(`#cite-${style}`).isVisible()).toBe(false);
      await page.locator('summary', { hasText: name }).click();
      expect(await page.locator(`#cite-${style}`).isVisible()).toBe(true);
      expect(await referenceText(page, style)).toContain(paper.authors[0].split(/\s+/).pop());
    }
    expect(problems.errors).toEqual([]);
  });

  it('copies each style’s reference exactly as shown, and says so', async () => {
    for (const [style, name] of [
      ['apa', 'APA'],
      ['vancouver', 'Vancouver'],
    ]) {
      const button = page.getByRole('button', { name: `Copy ${name}` });
      await expect.poll(() => button.isVisible()).toBe(true);
      await button.click();
      await expect.poll(() => page.locator(`[data-copy-status="cite-${style}"]`).textContent()).toBe('Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await page.locator(`#cite-${style}`).textContent());
    }
  });

  it('links each download to the paper’s own file beside the page, which reads back as this paper', async () => {
    const title = await page.locator('meta[name="citation_title"]').getAttribute('content');
    const links = await page
      .locator('.citation-downloads a[download]')
      .evaluateAll((anchors) => anchors.map((a) => ({ href: (a as HTMLAnchorElement).href, name: a.textContent })));
    expect(links.map((link) => link.name)).toEqual(['BibTeX', 'RIS', 'CSL-JSON']);
    const files = links.map((link) => fileURLToPath(link.href));
    for (const file of files) expect(existsSync(file), file).toBe(true);
    const [bib, ris, csl] = files.map((file) => readFileSync(file, 'utf8'));
    expect(parseBibtex(bib, { english: false }).entries.map((entry) => entry.fields.title)).toEqual([title]);
    const fromRis = plugins.input.chain(ris, { forceType: '@ris/file', generateGraph: false }) as { title: string }[];
    expect(fromRis.map((item) => item.title)).toEqual([title]);
    expect((JSON.parse(csl) as { title: string }[]).map((item) => item.title)).toEqual([title]);
  });
});

describe('the Cite block without JavaScript, from disk', () => {
  it('has every reference and the BibTeX entry in the page, the other styles open natively, no copy button shown', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pageUrl);
    for (const style of ['apa', 'vancouver', 'harvard1']) expect(await referenceText(page, style)).not.toBe('');
    expect(await page.locator('#bibtex').textContent()).toMatch(/^@\w+\{/);
    await page.locator('summary', { hasText: 'Harvard' }).click();
    expect(await page.locator('#cite-harvard1').isVisible()).toBe(true);
    expect(await page.locator('.cite [data-copy-target]:visible').count()).toBe(0);
    await context.close();
  });
});
