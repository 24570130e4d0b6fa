/**
 * Launches Debian's Chromium through playwright-core. Playwright's own browser
 * download is not available here, so the executable path is fixed (overridable with
 * CHROMIUM_PATH).
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Collects console errors and failed requests of a page so a test can assert there were none. */
export function watchForProblems(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // Chromium aborts a request still under way (a favicon, say) when the page navigates
    // away; that is the test moving on, not a broken link. A missing file shows as an HTTP
    // 404 (below) or net::ERR_FILE_NOT_FOUND from file://, which are still reported.
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`failed request: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { errors };
}
