/**
 * Import benchmark: a 10,000-entry listing (bench/generate.ts, seed-like) and a
 * 2,500-entry lab `.bib` file (bench/generate-bib.ts) imported several times; prints the
 * median of each measurement. Targets: < 3 s for the 10k listing; ≤ 3 s wall and ≤ 300 MB
 * peak RSS for the 2.5k `.bib`, end to end.
 *
 * - core: parse + plan (validate, slug, serialise) in this process, no file system;
 * - cli, fresh: `node src/importer/cli.ts` end to end into an empty folder (process start,
 *   reading, writing 10k files);
 * - cli, re-import: the same into the folder it just wrote (all unchanged).
 *
 * Usage: `npm run bench:import [-- --papers 10000 --bib 2500 --runs 5]`
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { planWrites } from '../src/importer/plan.ts';
import { parseSource } from '../src/importer/source.ts';
import { generateListing } from './generate.ts';
import { generateBibtex } from './generate-bib.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000' },
    bib: { type: 'string', default: '2500' },
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
  console.log(
    `Import benchmark: ${papers} entries (${(listing.text.length / 1e6).toFixed(1)} MB), ${runs} runs each, median shown`,
  );

  const core: number[] = [];
  const coreCpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const parsed = parseSource(listing.text, { file, asOf: listing.asOf });
    const plan = planWrites(parsed.papers, new Map(), { from: file });
    core.push(performance.now() - start);
    const usage = process.cpuUsage(startCpu);
    coreCpu.push((usage.user + usage.system) / 1000);
    const written = plan.actions.filter((action) => action.kind === 'create').length;
    if (parsed.issues.length || plan.issues.length || written !== papers) {
      throw new Error(
        `expected ${papers} clean entries, got ${written} to write and ${parsed.issues.length + plan.issues.length} issues`,
      );
    }
  }
  console.log(`  core (parse + plan, no I/O):   ${format(median(core))} wall, ${format(median(coreCpu))} CPU`);

  // GNU time reports the child's CPU seconds: on a busy machine (parallel builds) the
  // wall time mostly measures the wait for a core, the CPU time what the import costs.
  const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'cpu %U %S rss %M'] : [];
  const cli = (out: string, source = file, extra = ['--as-of', listing.asOf]) => {
    const command = [...timer, process.execPath, 'src/importer/cli.ts', source, '--out', out, ...extra];
    const start = performance.now();
    const child = spawnSync(command[0], command.slice(1), { encoding: 'utf8' });
    const elapsed = performance.now() - start;
    if (child.status !== 0) throw new Error(`import failed (${child.status}):\n${child.stderr}`);
    const times = /cpu ([\d.]+) ([\d.]+) rss (\d+)\s*$/.exec(child.stderr);
    const cpu = times ? (Number(times[1]) + Number(times[2])) * 1000 : Number.NaN;
    const rss = times ? Number(times[3]) * 1024 : Number.NaN;
    return { elapsed, cpu, rss, summary: child.stdout.trim().split('\n').pop() ?? '' };
  };
  const fresh: { elapsed: number; cpu: number }[] = [];
  const again: { elapsed: number; cpu: number }[] = [];
  let summaries: string[] = [];
  for (let run = 0; run < runs; run++) {
    const out = join(dir, `out-${run}`);
    const first = cli(out);
    const second = cli(out);
    fresh.push(first);
    again.push(second);
    summaries = [first.summary, second.summary];
    if (readdirSync(out).length !== papers) throw new Error(`expected ${papers} files in ${out}`);
    // Folders are removed at the end, not here: deleting 10k files makes the file system
    // busy for seconds and the next run would pay for it.
  }
  const show = (samples: { elapsed: number; cpu: number }[]) =>
    `${format(median(samples.map((s) => s.elapsed)))} wall, ${format(median(samples.map((s) => s.cpu)))} CPU`;
  console.log(`  cli, fresh folder (end to end): ${show(fresh)}   ${summaries[0]}`);
  console.log(`  cli, re-import (all unchanged): ${show(again)}   ${summaries[1]}`);
  const worst = Math.max(median(fresh.map((s) => s.elapsed)), median(again.map((s) => s.elapsed)));
  console.log(
    `${worst < 3000 ? 'OK' : 'SLOW'}: ${format(worst)} wall for ${papers} entries end to end (target < 3 s for 10,000; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );

  // A lab's .bib file: parsed by @retorquere/bibtex-parser, LaTeX converted, every field mapped.
  const entries = Number(values.bib);
  const bib = join(dir, 'lab.bib');
  writeFileSync(bib, generateBibtex(entries));
  const bibRuns: { elapsed: number; cpu: number; rss: number }[] = [];
  let bibSummary = '';
  for (let run = 0; run < runs; run++) {
    const out = join(dir, `bib-${run}`);
    const result = cli(out, bib, []);
    bibRuns.push(result);
    bibSummary = result.summary;
    if (readdirSync(out).filter((name) => name.endsWith('.md')).length !== entries) {
      throw new Error(`expected ${entries} files in ${out}: ${result.summary}`);
    }
  }
  const bibWall = median(bibRuns.map((s) => s.elapsed));
  const bibRss = median(bibRuns.map((s) => s.rss));
  console.log(
    `  .bib, ${entries} entries (end to end): ${format(bibWall)} wall, ${format(median(bibRuns.map((s) => s.cpu)))} CPU, ${(bibRss / 1e6).toFixed(0)} MB peak RSS   ${bibSummary}`,
  );
  console.log(
    `${bibWall <= 3000 && bibRss <= 300e6 ? 'OK' : 'OVER'}: ${format(bibWall)} wall, ${(bibRss / 1e6).toFixed(0)} MB for a ${entries}-entry .bib (target ≤ 3 s, ≤ 300 MB on an idle machine; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
