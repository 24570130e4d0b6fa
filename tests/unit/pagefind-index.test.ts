import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, shardPagesFromEnv, splitIntoShards } from '../../integrations/pagefind.ts';

const made: string[] = [];
async function site(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pagefind-index-'));
  made.push(dir);
  for (const [file, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), html);
  }
  return dir;
}

const paperPage = (title: string, date: string) =>
  `<html lang="en"><body><article data-pagefind-body><h1>${title}</h1><span data-pagefind-sort="date">${date}</span></article></body></html>`;

/** A built site with these papers (pages + papers.json, in the given order). */
async function paperSite(
  papers: { slug: string; date: string }[],
  extra: Record<string, string> = {},
): Promise<string> {
  const pages: Record<string, string> = { ...extra };
  for (const paper of papers) pages[`papers/${paper.slug}/index.html`] = paperPage(`Paper ${paper.slug}`, paper.date);
  pages['papers.json'] = JSON.stringify({
    title: 'Test',
    count: papers.length,
    papers: papers.map((paper) => ({
      ...paper,
      url: `https://example.org/lab/papers/${paper.slug}/`,
      title: `Paper ${paper.slug}`,
    })),
  });
  return site(pages);
}

/** The result URLs in one Pagefind bundle, read from its (gzipped) fragment files. */
async function bundleUrls(bundle: string): Promise<string[]> {
  const files = await readdir(path.join(bundle, 'fragment'));
  const urls = await Promise.all(
    files.map(async (file) => {
      const text = gunzipSync(await readFile(path.join(bundle, 'fragment', file))).toString('utf8');
      return (JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string }).url;
    }),
  );
  return urls.sort();
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the Pagefind build step', () => {
  it('indexes the paper pages papers.json lists and writes the bundle the search page loads', async () => {
    const dir = await paperSite([{ slug: 'a', date: '2024-01-01' }], {
      'papers/page/2/index.html': '<html lang="en"><body><h1>Listing</h1></body></html>',
      'authors/x/index.html': '<html lang="en"><body><h1>Author X</h1></body></html>',
    });
    await expect(buildSearchIndex(dir, 25_000)).resolves.toEqual({ pages: 1, shards: 1 });
    expect(existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    // The URL addDirectory gave it: the page's folder from the site root, base not included.
    await expect(bundleUrls(path.join(dir, 'pagefind'))).resolves.toEqual(['/papers/a/']);
    expect(JSON.parse(await readFile(path.join(dir, 'pagefind', 'shards.json'), 'utf8'))).toEqual({ shards: [''] });
  });

  it('fails the build, naming the folder, when there is no paper page to index', async () => {
    const dir = await paperSite([], { 'index.html': '<html lang="en"><body><h1>Home</h1></body></html>' });
    const failure = buildSearchIndex(dir, 25_000);
    await expect(failure).rejects.toThrow(
      `Search index not built: Pagefind found no paper pages (papers/*/index.html) in ${dir}`,
    );
    await expect(failure).rejects.toHaveProperty('cause');
  });

  it('fails when papers.json is missing, or a paper it lists has no page in a sharded build', async () => {
    const noList = await site({ 'papers/a/index.html': paperPage('A', '2024-01-01') });
    await expect(buildSearchIndex(noList, 25_000)).rejects.toThrow(
      /Search index not built: cannot read the paper list .*papers\.json/,
    );
    const noPage = await paperSite([
      { slug: 'a', date: '2024-01-01' },
      { slug: 'b', date: '2023-01-01' },
    ]);
    await rm(path.join(noPage, 'papers', 'b'), { recursive: true });
    await expect(buildSearchIndex(noPage, 1)).rejects.toThrow(
      /Search index not built: .*papers\/b\/index\.html is in papers\.json but was not built/,
    );
    expect(existsSync(path.join(noPage, '.pagefind-shard-pages'))).toBe(false);
  });

  it('writes one bundle per shard, newest papers first, and lists them in shards.json', async () => {
    // papers.json order is not date order here: sharding sorts by date itself.
    const dir = await paperSite([
      { slug: 'mid', date: '2023-06-01' },
      { slug: 'newest', date: '2025-01-01' },
      { slug: 'oldest', date: '2019-03-03' },
      { slug: 'new', date: '2024-05-05' },
      { slug: 'old', date: '2021-01-01' },
    ]);
    // A shard left by an earlier, bigger build must not survive.
    await mkdir(path.join(dir, 'pagefind', 'shard-7'), { recursive: true });
    await expect(buildSearchIndex(dir, 2)).resolves.toEqual({ pages: 5, shards: 3 });
    const bundle = path.join(dir, 'pagefind');
    expect(JSON.parse(await readFile(path.join(bundle, 'shards.json'), 'utf8'))).toEqual({
      shards: ['', 'shard-1/', 'shard-2/'],
    });
    await expect(bundleUrls(bundle)).resolves.toEqual(['/papers/new/', '/papers/newest/']);
    await expect(bundleUrls(path.join(bundle, 'shard-1'))).resolves.toEqual(['/papers/mid/', '/papers/old/']);
    await expect(bundleUrls(path.join(bundle, 'shard-2'))).resolves.toEqual(['/papers/oldest/']);
    for (const shard of ['', 'shard-1', 'shard-2'])
      expect(existsSync(path.join(bundle, shard, 'pagefind.js')), shard).toBe(true);
    expect(existsSync(path.join(bundle, 'shard-7'))).toBe(false);
    // The shards' page links are gone: they must not be published with the site.
    expect(existsSync(path.join(dir, '.pagefind-shard-pages'))).toBe(false);
  });
});

describe('splitting papers into shards', () => {
  it('orders papers newest first, keeping the given order for equal dates, in shards of at most the size', () => {
    const papers = [
      { slug: 'b', date: '2022-01-01' },
      { slug: 'a', date: '2024-01-01' },
      { slug: 'c', date: '2022-01-01' },
      { slug: 'd', date: '2020-12-31' },
      { slug: 'e', date: '2023-07-01' },
    ];
    const shards = splitIntoShards(papers, 2);
    expect(shards.map((shard) => shard.map((paper) => paper.slug))).toEqual([['a', 'e'], ['b', 'c'], ['d']]);
    expect(splitIntoShards(papers, 5)).toHaveLength(1);
    expect(splitIntoShards(papers, 25_000)[0].map((paper) => paper.slug)).toEqual(['a', 'e', 'b', 'c', 'd']);
    expect(splitIntoShards([], 3)).toEqual([]);
    expect(() => splitIntoShards(papers, 0)).toThrow(/positive/);
  });

  it('reads the shard size from PAGEFIND_SHARD_PAGES, default 25,000', () => {
    expect(shardPagesFromEnv(undefined)).toBe(25_000);
    expect(shardPagesFromEnv('')).toBe(25_000);
    expect(shardPagesFromEnv('2500')).toBe(2500);
    expect(() => shardPagesFromEnv('0')).toThrow(/PAGEFIND_SHARD_PAGES/);
    expect(() => shardPagesFromEnv('1e3x')).toThrow(/PAGEFIND_SHARD_PAGES/);
  });
});
