/**
 * The example lab (served under /lab/) in a reader's browser: which photo file Chromium
 * picks on a phone and a desktop screen at 1x, 2x and 3x, how many bytes it downloads for
 * a photo that started as a 4 MB camera JPEG, that photos further down /people/ wait until
 * the reader scrolls near them, and the publication filters followed with JavaScript off.
 */
import type { Browser, Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchForProblems } from '../helpers/browser.ts';
import { serveSite, type StaticSite } from '../helpers/server.ts';

/** The budget: what a photo may cost on the page. */
const PHOTO_BUDGET_BYTES = 40_000;

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  const lab = inject('labSite');
  site = await serveSite(lab.dist, lab.base);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** An image file the page downloaded: its bytes on the wire and its width in pixels. */
interface Downloaded {
  bytes: number;
  width: number;
  format: string;
}

/** Opens `sitePath` in a fresh page and records every image it downloads. */
async function openRecordingImages(
  sitePath: string,
  options: { width: number; height?: number; scale: number },
): Promise<{ page: Page; images: Map<string, Downloaded>; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width: options.width, height: options.height ?? 900 },
    deviceScaleFactor: options.scale,
  });
  const { errors } = watchForProblems(page);
  const images = new Map<string, Downloaded>();
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'image') return;
    pending.push(
      response.body().then(async (body) => {
        const { width = 0, format = '' } = await sharp(body).metadata();
        images.set(new URL(response.url()).pathname.split('/').pop() ?? '', { bytes: body.length, width, format });
      }),
    );
  });
  await page.goto(site.url + sitePath, { waitUntil: 'load' });
  await Promise.all(pending);
  return { page, images, errors };
}

describe('a profile photo in the browser', () => {
  // sizes="(max-width: 40rem) 112px, 160px": the CSS width times the screen's density,
  // up to the largest file made (320 px).
  const cases = [
    { width: 375, scale: 1, pixels: 112 },
    { width: 375, scale: 2, pixels: 224 },
    { width: 375, scale: 3, pixels: 320 },
    { width: 1280, scale: 1, pixels: 160 },
    { width: 1280, scale: 2, pixels: 320 },
    { width: 1280, scale: 3, pixels: 320 },
  ];

  it.each(cases)(
    'at $width px and $scale× Chromium downloads one AVIF $pixels px wide, within 40 KB',
    async ({ width, scale, pixels }) => {
      const { page, images, errors } = await openRecordingImages('authors/ada-okafor/', { width, scale });
      const photo = page.locator('.profile-figure img');
      const shown = await photo.evaluate((img: HTMLImageElement) => ({
        file: img.currentSrc.split('/').pop() ?? '',
        box: img.getBoundingClientRect().width,
      }));
      expect(shown.box).toBe(width < 640 ? 112 : 160);
      // Exactly one file of the photo was downloaded: the one shown, an AVIF, small.
      const photoFiles = [...images].filter(([name]) => name.startsWith('ada-okafor.'));
      expect(photoFiles.map(([name]) => name)).toEqual([shown.file]);
      const [, downloaded] = photoFiles[0];
      expect(downloaded.format).toBe('heif');
      expect(shown.file).toMatch(/\.avif$/);
      expect(downloaded.width).toBe(pixels);
      expect(downloaded.bytes).toBeGreaterThan(0);
      expect(downloaded.bytes).toBeLessThanOrEqual(PHOTO_BUDGET_BYTES);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe('photos on /people/', () => {
  it('load the first screen’s photo at once and an alumnus’s photo further down only when scrolled near', async () => {
    // A phone: cards stack, and the alumni are far below the first screen.
    const { page, images, errors } = await openRecordingImages('people/', { width: 375, height: 700, scale: 2 });
    const loaded = () => [...images.keys()].map((name) => name.split('.')[0]);
    expect(loaded()).toContain('ada-okafor');
    expect(loaded()).not.toContain('tomas-ferreira');
    const tomas = page.locator('.person-card', { hasText: 'Tomás Ferreira' }).locator('img');
    // Further than Chromium's lazy-loading margin (1,250 px) below the first screen.
    expect(await tomas.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().top)).toBeGreaterThan(
      700 + 1250,
    );
    await tomas.scrollIntoViewIfNeeded();
    await expect.poll(() => tomas.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // The recorder reads each image's bytes after its response arrives, so it can trail the <img>.
    await expect.poll(loaded).toContain('tomas-ferreira');
    const tomas2x = [...images].find(([name]) => name.startsWith('tomas-ferreira.'))?.[1];
    expect(tomas2x).toMatchObject({ format: 'heif', width: 160 });
    expect(tomas2x?.bytes).toBeLessThanOrEqual(PHOTO_BUDGET_BYTES);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a member’s page from a click anywhere on their card, photo included', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(site.url + 'people/');
    // Where the reader's finger lands: on the photo (the name's link covers the whole card).
    const box = await page.locator('.person-card', { hasText: 'Ada Okafor' }).locator('img').boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.click((box?.x ?? 0) + 40, (box?.y ?? 0) + 40);
    await page.waitForURL(/\/authors\/ada-okafor\//);
    expect(await page.locator('h1').innerText()).toBe('Ada Okafor');
    await page.close();
  });
});

describe('publication filters', () => {
  it('narrow the list by type and member and back, as plain links with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const { errors } = watchForProblems(page);
    const titles = () => page.locator('.publication .paper-row-title').allInnerTexts();
    const choose = async (row: string, option: string) => {
      const link = page.locator('.filter-row', { hasText: row }).getByRole('link', { name: option });
      await Promise.all([page.waitForURL(/publications\//), link.click()]);
      await page.waitForLoadState('load');
    };
    await page.goto(site.url + 'publications/');
    expect(await titles()).toHaveLength(8);

    await choose('Type', 'Conference papers 2');
    // Without JavaScript the links name the files themselves (…/index.html).
    expect(page.url()).toBe(`${site.url}publications/conference/index.html`);
    expect(await titles()).toEqual([
      'Shortcut Features Survive Fine-Tuning in Natural Language Inference',
      'Robot Grasping from Language Instructions',
    ]);

    await choose('Member', 'Mei Chen 1');
    expect(page.url()).toBe(`${site.url}publications/conference/member/mei-chen/index.html`);
    expect(await titles()).toEqual(['Robot Grasping from Language Instructions']);
    expect(await page.locator('.filter-row a[aria-current="page"]').allInnerTexts()).toEqual([
      'Conference papers 1',
      'Mei Chen 1',
    ]);
    // Mei wrote no thesis: that choice is shown, not linked to an empty page.
    expect(
      await page
        .locator('.filter-row', { hasText: 'Type' })
        .getByRole('link', { name: /Theses/ })
        .count(),
    ).toBe(0);

    await choose('Type', 'All 2');
    expect(page.url()).toBe(`${site.url}publications/member/mei-chen/index.html`);
    expect(await titles()).toEqual([
      'An Audit of Benchmark Contamination in Public Leaderboards',
      'Robot Grasping from Language Instructions',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
