/**
 * Screenshots for a person to look at (not a test, nothing is compared): the home page,
 * a paper page, an author page, /notes/, /sessions/, /people/ and /publications/ (when the site has
 * them) at phone and desktop widths, light and dark, written to tests/e2e/screenshots/ (git-ignored).
 * Run after a build; SITE_BASE serves a site built under a sub-path there:
 *   DIST_DIR=/tmp/x-dist SITE_BASE=/lab npm exec -- node tests/e2e/take-screenshots.ts [paper-slug] [author-slug]
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { serveSite } from '../helpers/server.ts';
import { DIST } from '../helpers/dist.ts';

const OUT = path.resolve('tests/e2e/screenshots');
const WIDTHS = [375, 1280];
const [paperSlug = 'mechanisms-of-ai-protein-folding-in-esmfold', authorSlug = 'yonatan-belinkov'] =
  process.argv.slice(2);
const PAGES: Record<string, string> = {
  home: '',
  paper: `papers/${paperSlug}/`,
  author: `authors/${authorSlug}/`,
};
for (const name of ['notes', 'sessions', 'people', 'publications']) {
  if (existsSync(path.join(DIST, name, 'index.html'))) PAGES[name] = `${name}/`;
}

await mkdir(OUT, { recursive: true });
const site = await serveSite(DIST, process.env.SITE_BASE ?? '/');
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const [name, sitePath] of Object.entries(PAGES)) {
        await page.goto(site.url + sitePath, { waitUntil: 'networkidle' });
        // Tall pages in slices of at most 1.6 widths, so each stays legible when viewed.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const slice = Math.round(width * 1.6);
        for (let y = 0, n = 1; y < height; y += slice, n++) {
          const file = path.join(OUT, `${name}-${width}-${scheme}-${n}.png`);
          await page.screenshot({
            path: file,
            fullPage: true,
            clip: { x: 0, y, width, height: Math.min(slice, height - y) },
          });
          console.log(file);
        }
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
