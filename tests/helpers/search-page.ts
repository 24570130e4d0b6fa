/**
 * Reading the search page (src/client/search/page.ts) in a browser test: when a search has
 * finished, and every result it found.
 */
import type { Page } from 'playwright-core';

/**
 * Waits until the search the page's URL or the last action asked for has finished: its results
 * and summary shown and its facets counted (neither region `aria-busy`). Returns the status
 * line; with `status`, also waits until the line matches it.
 */
export async function searchSettled(page: Page, status: RegExp = /./, timeout?: number): Promise<string> {
  await page.waitForFunction(
    ({ source, flags }) => {
      const text = document.querySelector('[data-search-status]')?.textContent ?? '';
      return (
        new RegExp(source, flags).test(text) &&
        !document.querySelector('[data-search-hits]')?.hasAttribute('aria-busy') &&
        !document.querySelector('[data-search-facets]')?.hasAttribute('aria-busy')
      );
    },
    { source: status.source, flags: status.flags },
    { timeout },
  );
  return (await page.locator('[data-search-status]').textContent()) ?? '';
}

/** Waits for the search to finish, then presses "Show more results" until every result is listed. */
export async function showEveryResult(page: Page): Promise<void> {
  await searchSettled(page);
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    const before = await page.locator('.search-hit').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-hit').length > n, before);
  }
}
