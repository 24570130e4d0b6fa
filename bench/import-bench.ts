/**
 * Import benchmark: a 10,000-entry listing (bench/generate.ts, seed-like) imported
 * several times; prints the median of each measurement. Target: < 3 s for 10k entries.
 *
 * - core: parse + plan (validate, slug, serialise) in this process, no file system;
 * - cli, fresh: `node src/importer/cli.ts` end to end into an empty folder (process start,
 *   reading, writing 10k files);
 * - cli, re-import: the same into the folder it just wrote (all unchanged).
 *
 * Usage: `npm run bench:import [-- --papers 10000 --runs 5]`
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { planWrites } from '../src/importer/plan.ts';
import { parseSource } from '../src/importer/source.ts';
import { generateListing } from './generate.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
  },
});
const papers = Number(values.papers);
const runs = Number(values.runs);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const format = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
try {
  const listing = generateListing({ papers });
  const file = join(dir, 'listing.txt');
  writeFileSync(file, listing.text);
  console.log(`Import benchmark: ${papers} entries (${(listing.text.length / 1e6).toFixed(1)} MB), ${runs} runs each, median shown`);

  const core: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const parsed = parseSource(listing.text, { file, asOf: listing.asOf });
    const plan = planWrites(parsed.papers, new Map(), { from: file });
    core.push(performance.now() - start);
    const written = plan.actions.filter((action) => action.kind === 'create').length;
    if (parsed.issues.length || plan.issues.length || written !== papers) {
      throw new Error(`expected ${papers} clean entries, got ${written} to write and ${parsed.issues.length + plan.issues.length} issues`);
    }
  }
  console.log(`  core (parse + plan, no I/O):   ${format(median(core))}`);

  const cli = (out: string) => {
    const start = performance.now();
    const child = spawnSync(process.execPath, ['src/importer/cli.ts', file, '--out', out, '--as-of', listing.asOf], { encoding: 'utf8' });
    const elapsed = performance.now() - start;
    if (child.status !== 0) throw new Error(`import failed (${child.status}):\n${child.stderr}`);
    return { elapsed, summary: child.stdout.trim().split('\n').pop() ?? '' };
  };
  const fresh: number[] = [];
  const again: number[] = [];
  let summaries: string[] = [];
  for (let run = 0; run < runs; run++) {
    const out = join(dir, `out-${run}`);
    const first = cli(out);
    const second = cli(out);
    fresh.push(first.elapsed);
    again.push(second.elapsed);
    summaries = [first.summary, second.summary];
    if (readdirSync(out).length !== papers) throw new Error(`expected ${papers} files in ${out}`);
    rmSync(out, { recursive: true, force: true });
  }
  console.log(`  cli, fresh folder (end to end): ${format(median(fresh))}   ${summaries[0]}`);
  console.log(`  cli, re-import (all unchanged): ${format(median(again))}   ${summaries[1]}`);
  const worst = Math.max(median(fresh), median(again));
  console.log(`${worst < 3000 ? 'OK' : 'SLOW'}: ${format(worst)} for ${papers} entries (target < 3 s for 10,000)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
