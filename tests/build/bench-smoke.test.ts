/**
 * The scale benchmark's smoke test (issue 7): 500 generated papers go through the real
 * importer and the real production build (temp folders; content/ and dist/ untouched),
 * and the site that comes out must be whole. No timing assertions: timing targets live in
 * `npm run bench`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateListing, type GeneratedListing } from '../../bench/generate.ts';
import { parse as parseYaml } from 'yaml';
import { slugify } from '../../src/lib/slug.ts';
import { buildSite } from '../helpers/build.ts';

const run = promisify(execFile);
const PAPERS = 500;

// Inside the project (git-ignored bench/out/): with an outDir outside the working
// directory Astro 7 puts prerender chunks in the shared <cwd>/.astro/.prerender/.
const work = path.resolve('bench/out', `smoke-${process.pid}`);
const dist = path.join(work, 'dist');
// The site tests' link resolver reads DIST_DIR when it is loaded: point it at this build.
const previousDist = process.env.DIST_DIR;
process.env.DIST_DIR = dist;
const { attr, findAll, parseFile, resolveLink } = await import('./support/html.ts');
let listing: GeneratedListing;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file));
}

describe(`a generated ${PAPERS}-paper site`, () => {
  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    listing = generateListing({ papers: PAPERS, seed: 7 });
    const listingFile = path.join(work, 'listing.txt');
    writeFileSync(listingFile, listing.text);
    const papersDir = path.join(work, 'papers');
    await run('npm', ['run', '--silent', 'import', '--', listingFile, '--out', papersDir, '--as-of', listing.asOf], {
      maxBuffer: 64 * 2 ** 20,
    });
    await buildSite({ PAPERS_DIR: papersDir, DIST_DIR: dist, ASTRO_CACHE_DIR: path.join(work, 'cache') });
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    if (previousDist === undefined) delete process.env.DIST_DIR;
    else process.env.DIST_DIR = previousDist;
  });

  it('imports every generated paper into its own Markdown file', () => {
    expect(readdirSync(path.join(work, 'papers')).filter((file) => file.endsWith('.md'))).toHaveLength(PAPERS);
  });

  it('builds one page per paper', () => {
    const paperPages = readdirSync(path.join(dist, 'papers'), { withFileTypes: true }).filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(path.join(dist, 'papers', entry.name, 'index.html')) &&
        !/^\d+$/.test(entry.name),
    );
    expect(paperPages).toHaveLength(PAPERS);
  });

  it('gives the most prolific author a page that reaches every one of their papers', () => {
    const { name } = listing.stats.topAuthor;
    const papersDir = path.join(work, 'papers');
    // A paper's slug is its file name (the glob loader's id).
    const theirs = readdirSync(papersDir)
      .filter((file) =>
        (
          parseYaml(
            readFileSync(path.join(papersDir, file), 'utf8')
              .split('\n---')[0]
              .replace(/^---\n/, ''),
          ) as { authors: string[] }
        ).authors.includes(name),
      )
      .map((file) => file.replace(/\.md$/, ''));
    expect(theirs.length).toBeGreaterThan(50);
    // The list may be spread over paginated pages (authors/<slug>/2/ …).
    const linked = new Set<string>();
    for (const file of htmlFiles(path.join(dist, 'authors', slugify(name)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/href="[^"]*?papers\/([^/"]+)\/(?:index\.html)?"/g))
        linked.add(match[1]);
    }
    expect(theirs.filter((slug) => !linked.has(slug))).toEqual([]);
  });

  it('builds the search index', () => {
    expect(existsSync(path.join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('links every page only to files that exist', () => {
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(PAPERS);
    const broken: string[] = [];
    for (const page of pages) {
      const tree = parseFile(page);
      for (const element of findAll(tree, (el) => ['a', 'link', 'script', 'img', 'source'].includes(el.tagName))) {
        const href = attr(element, 'href') ?? attr(element, 'src');
        if (!href) continue;
        const target = resolveLink(page, href);
        if (target && !existsSync(target.file)) broken.push(`${path.relative(dist, page)} → ${href}`);
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
  });
});
