/**
 * The Pagefind build step: it indexes the search records the offline index holds (written
 * here exactly as the build writes them), in shards when asked, and fails loudly.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, planShards, shardPagesFromEnv } from '../../integrations/pagefind.ts';
import { buildOfflineIndex } from '../../src/lib/offline-index.ts';
import { dataScript, dataScriptFile } from '../../src/shared/data-script.ts';
import type { Language } from '../../src/shared/i18n/languages.ts';
import type { SearchRecord } from '../../src/shared/search-record.ts';

const made: string[] = [];

/** Records of papers given newest first (`null` for an undated one), with their sort positions. */
function records(papers: { slug: string; date: string | null }[]): SearchRecord[] {
  const dated = papers.filter((paper) => paper.date).length;
  let datedSeen = 0;
  let undatedSeen = 0;
  return papers.map((paper, newest) => ({
    path: `/papers/${paper.slug}/`,
    text: {
      title: `Paper ${paper.slug}`,
      authors: 'Ada Lovelace',
      tags: '',
      topic: 'Machine Learning',
      abstract: `The abstract of ${paper.slug}.`,
      notes: '',
      dateLabel: paper.date ?? 'n.d.',
      date: paper.date ?? '',
    },
    etAl: false,
    filters: { topic: ['Machine Learning'] },
    sort: { newest, oldest: paper.date ? dated - 1 - datedSeen++ : dated + undatedSeen++ },
  }));
}

/** A built site holding the offline index of `list`, as the build writes it. */
async function site(list: SearchRecord[], language: Language = 'en'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pagefind-index-'));
  made.push(dir);
  for (const file of buildOfflineIndex(list, language)) {
    const target = path.join(dir, dataScriptFile(file.name));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, dataScript(file.name, file.value));
  }
  return dir;
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
  it('indexes every search record and writes the bundle and shard list the search page loads', async () => {
    const dir = await site(records([{ slug: 'a', date: '2024-01-01' }]));
    await expect(buildSearchIndex(dir, 25_000)).resolves.toEqual({ pages: 1, shards: 1 });
    expect(existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    await expect(bundleUrls(path.join(dir, 'pagefind'))).resolves.toEqual(['/papers/a/']);
    const manifest = JSON.parse(await readFile(path.join(dir, 'pagefind', 'shards.json'), 'utf8'));
    expect(manifest).toEqual({
      shards: [''],
      oldestFirst: [0],
      tag: expect.stringMatching(/^en_\w+$/),
      files: [
        'pagefind/pagefind.js',
        `pagefind/pagefind-entry.json?ts=${manifest.tag}`,
        `pagefind/pagefind.${manifest.tag}.pf_meta`,
        'pagefind/wasm.en.pagefind',
      ],
    });
    // Every file the warm-up loads exists.
    for (const file of manifest.files as string[])
      expect(existsSync(path.join(dir, file.replace(/\?.*$/, ''))), file).toBe(true);
  });

  it('builds the index in the language the offline index was built in (the interface language)', async () => {
    const dir = await site(records([{ slug: 'a', date: '2024-01-01' }]), 'ko');
    await buildSearchIndex(dir, 25_000);
    const entry = JSON.parse(await readFile(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, unknown>;
    };
    expect(Object.keys(entry.languages)).toEqual(['ko']);
  });

  it('fails the build, naming the file, when the offline index is missing or has no papers', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'pagefind-index-'));
    made.push(empty);
    const failure = buildSearchIndex(empty, 25_000);
    await expect(failure).rejects.toThrow(
      /^Search index not built: cannot read .*offline-search\/index\.js: the offline index must be built first/,
    );
    await expect(failure).rejects.toHaveProperty('cause');
    await expect(buildSearchIndex(await site([]), 25_000)).rejects.toThrow(/has no papers to index/);
  });

  it('writes one bundle per shard, newest papers first, and lists them in shards.json', async () => {
    const dir = await site(
      records([
        { slug: 'newest', date: '2025-01-01' },
        { slug: 'new', date: '2024-05-05' },
        { slug: 'mid', date: '2023-06-01' },
        { slug: 'old', date: '2021-01-01' },
        { slug: 'oldest', date: '2019-03-03' },
      ]),
    );
    // A shard left by an earlier, bigger build must not survive.
    await mkdir(path.join(dir, 'pagefind', 'shard-7'), { recursive: true });
    await expect(buildSearchIndex(dir, 2)).resolves.toEqual({ pages: 5, shards: 3 });
    const bundle = path.join(dir, 'pagefind');
    const manifest = JSON.parse(await readFile(path.join(bundle, 'shards.json'), 'utf8'));
    expect(manifest).toMatchObject({
      shards: ['', 'shard-1/', 'shard-2/'],
      oldestFirst: [2, 1, 0],
      tag: expect.stringMatching(/^en_\w+\.en_\w+\.en_\w+$/),
    });
    expect(manifest.files).toHaveLength(12);
    expect(manifest.files).toContain('pagefind/shard-2/pagefind.js');
    await expect(bundleUrls(bundle)).resolves.toEqual(['/papers/new/', '/papers/newest/']);
    await expect(bundleUrls(path.join(bundle, 'shard-1'))).resolves.toEqual(['/papers/mid/', '/papers/old/']);
    await expect(bundleUrls(path.join(bundle, 'shard-2'))).resolves.toEqual(['/papers/oldest/']);
    for (const shard of ['', 'shard-1', 'shard-2'])
      expect(existsSync(path.join(bundle, shard, 'pagefind.js')), shard).toBe(true);
    expect(existsSync(path.join(bundle, 'shard-7'))).toBe(false);
  });
});

describe('planning shards', () => {
  const oldestOf = (papers: { slug: string; date: string | null }[]) =>
    records(papers).map((record) => record.sort.oldest);

  it('cuts the newest-first order into runs of at most the size, and orders them oldest first in reverse', () => {
    const oldest = oldestOf(['a', 'b', 'c', 'd', 'e'].map((slug, i) => ({ slug, date: `202${5 - i}-01-01` })));
    expect(planShards(oldest, 2)).toEqual({
      shards: [
        { start: 0, end: 2 },
        { start: 2, end: 4 },
        { start: 4, end: 5 },
      ],
      oldestFirst: [2, 1, 0],
    });
    expect(planShards(oldest, 5).shards).toEqual([{ start: 0, end: 5 }]);
    expect(planShards([], 3).shards).toEqual([]);
    expect(() => planShards(oldest, 0)).toThrow(/positive/);
  });

  it('gives undated papers, last in both orders, shards of their own that stay last oldest first', () => {
    const oldest = oldestOf([
      { slug: 'a', date: '2024-01-01' },
      { slug: 'b', date: '2023-01-01' },
      { slug: 'c', date: '2022-01-01' },
      { slug: 'x', date: null },
      { slug: 'y', date: null },
    ]);
    expect(oldest).toEqual([2, 1, 0, 3, 4]);
    const plan = planShards(oldest, 4);
    expect(plan.shards).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 5 },
    ]);
    expect(plan.oldestFirst).toEqual([0, 1]);
    // Joined in that order, each shard's oldest-first list gives the whole order.
    const joined = plan.oldestFirst.flatMap((k) =>
      oldest.slice(plan.shards[k].start, plan.shards[k].end).toSorted((a, b) => a - b),
    );
    expect(joined).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads the shard size from PAGEFIND_SHARD_PAGES, default 25,000', () => {
    expect(shardPagesFromEnv(undefined)).toBe(25_000);
    expect(shardPagesFromEnv('')).toBe(25_000);
    expect(shardPagesFromEnv('2500')).toBe(2500);
    expect(() => shardPagesFromEnv('0')).toThrow(/PAGEFIND_SHARD_PAGES/);
    expect(() => shardPagesFromEnv('1e3x')).toThrow(/PAGEFIND_SHARD_PAGES/);
  });
});
