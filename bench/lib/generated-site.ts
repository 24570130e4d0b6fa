/**
 * A generated site for the search benchmarks: N papers from bench/generate.ts, imported with
 * the real importer CLI and built with `npm run build`, all in a folder under bench/out/
 * (content/ is never touched).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateListing } from '../generate.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with status ${result.status}`);
}

export interface GeneratedSite {
  /** The work folder (listing, papers, cache, dist). */
  work: string;
  dist: string;
  /** The generator's most common abstract word and a word in exactly one paper. */
  commonWord: string;
  rareWord: string;
}

/** Generates, imports and builds a site of `papers` papers. */
export function buildGeneratedSite(papers: number, seed: number, log: (message: string) => void): GeneratedSite {
  mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  // Inside the project: Astro 7 puts prerender chunks under <cwd>/.astro/ when outDir is outside it.
  const work = mkdtempSync(path.join(ROOT, 'bench/out', 'search-site-'));
  const listing = generateListing({ papers, seed });
  const listingFile = path.join(work, 'listing.txt');
  writeFileSync(listingFile, listing.text);
  log(`generated ${papers} papers; common word “${listing.stats.commonWord}”, rare word “${listing.stats.rareWord}”`);
  const papersDir = path.join(work, 'papers');
  run('npm', ['run', '--silent', 'import', '--', listingFile, '--out', papersDir, '--as-of', listing.asOf]);
  const dist = path.join(work, 'dist');
  log('building the site (this takes a while at 10k papers)…');
  run('npm', ['run', '--silent', 'build'], {
    PAPERS_DIR: papersDir,
    DIST_DIR: dist,
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
  });
  return { work, dist, commonWord: listing.stats.commonWord, rareWord: listing.stats.rareWord };
}
