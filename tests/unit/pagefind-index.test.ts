import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../integrations/pagefind.ts';

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

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the Pagefind build step', () => {
  it('indexes paper pages only and writes the bundle the search page loads', async () => {
    const dir = await site({
      'papers/a/index.html': '<html lang="en"><body><article data-pagefind-body><h1>Paper A</h1></article></body></html>',
      'papers/page/2/index.html': '<html lang="en"><body><h1>Listing</h1></body></html>',
      'authors/x/index.html': '<html lang="en"><body><h1>Author X</h1></body></html>',
    });
    await expect(buildSearchIndex(dir)).resolves.toEqual({ pages: 1 });
    expect(existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('fails the build, naming the folder, when there is no paper page to index', async () => {
    const dir = await site({ 'index.html': '<html lang="en"><body><h1>Home</h1></body></html>' });
    const failure = buildSearchIndex(dir);
    await expect(failure).rejects.toThrow(`Search index not built: Pagefind found no paper pages (papers/*/index.html) in ${dir}`);
    await expect(failure).rejects.toHaveProperty('cause');
  });
});
