/**
 * The scale benchmark: `npm run bench -- --papers N [--runs R] [--seed S] [--keep]`.
 *
 * In a temporary folder under bench/out/ (content/ is never touched) it generates a listing of N papers
 * (bench/generate.ts), imports it with the real importer CLI, builds the full site exactly
 * as production does (`npm run build` with PAPERS_DIR/DIST_DIR/ASTRO_CACHE_DIR pointing into
 * the temp folder, so Pagefind and the offline index run as integrations), and builds the
 * bare baseline (bench/bare: one minimal page per paper + Pagefind) on the same papers.
 * Each build starts cold (empty dist and cache). Runs of full and bare alternate so a busy
 * machine slows both alike. Medians go to bench/results/<N>.json and bench/results.md.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { markdownConfigDefaults, parseFrontmatter } from '@astrojs/markdown-remark';
import { markdownProcessor, type MarkdownEngine } from '../src/lib/markdown.ts';
import { generateListing } from './generate.ts';
import { median, runStep, type StepResult } from './lib/measure.ts';
import { siteStats, type SiteStats } from './lib/site-stats.ts';
import { searchTransfer, type SearchTransfer } from './lib/search-transfer.ts';
import { renderResults, type BenchResult, type BuildPhases, type FailedRun, type StepSummary } from './lib/report.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS_DIR = path.join(ROOT, 'bench/results');

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '1000' },
    runs: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'skip-bare': { type: 'boolean', default: false },
    // Skip the separate Pagefind CLI timing (at 100k it alone needs ~10 GB).
    'skip-pagefind-cli': { type: 'boolean', default: false },
    // Kill a step whose process tree passes this many GiB (protects a shared machine).
    'max-rss-gb': { type: 'string', default: '12' },
    // Node heap limit (MiB) for the builds; Node's default (~4 GiB here) is too small past ~50k papers.
    'heap-mb': { type: 'string' },
    verbose: { type: 'boolean', default: false },
    // Only rewrite bench/results.md from bench/results/*.json (after editing the report).
    'report-only': { type: 'boolean', default: false },
    // Build the full site with the abstracts on each Markdown engine instead (Sätteri, then
    // remark, alternating): writes bench/results/markdown-<N>.json, not <N>.json.
    'compare-markdown': { type: 'boolean', default: false },
  },
});
const papers = Number(values.papers);
if (!Number.isInteger(papers) || papers < 1)
  throw new Error(`--papers must be a positive integer, got ${values.papers}`);
// Medians need several runs; at 100k one run already takes minutes.
const runs = Number(values.runs ?? (papers <= 2000 ? 5 : papers <= 20000 ? 3 : 1));
const maxTreeRss = Number(values['max-rss-gb']) * 2 ** 30;
const heapEnv: Record<string, string> = values['heap-mb']
  ? { NODE_OPTIONS: `--max-old-space-size=${Number(values['heap-mb'])}` }
  : {};
const log = (message: string) => console.error(`[bench ${papers}] ${message}`);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (values['report-only']) {
  writeResultsMarkdown();
  process.exit(0);
}

// The temp folder sits in the (git-ignored) bench/out/, inside the project: when outDir is
// outside the working directory, Astro 7 writes its prerender chunks to <cwd>/.astro/.prerender/
// instead (getOutDirWithinCwd), which parallel builds overwrite under each other.
mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
const work = mkdtempSync(path.join(ROOT, 'bench/out', `run-${papers}-`));
log(`working in ${work}`);

function summarize(results: StepResult[]): StepSummary {
  return {
    seconds: median(results.map((r) => r.seconds)),
    runs: results.map((r) => Number(r.seconds.toFixed(2))),
    peakTreeRss: median(results.map((r) => r.peakTreeRss)),
    peakProcessRss: median(results.map((r) => r.peakProcessRss)),
    cpuSeconds: results.every((r) => r.cpuSeconds !== undefined)
      ? median(results.map((r) => r.cpuSeconds as number))
      : undefined,
  };
}

/** Seconds at which the first line matching `pattern` arrived. */
function lineAt(step: StepResult, pattern: RegExp): number | undefined {
  return step.lines.find((line) => pattern.test(line.text))?.at;
}

/**
 * Splits an Astro build into phases from the log lines it prints (arrival times, ms
 * resolution): content sync, Vite bundling, page rendering, and the `astro:build:done`
 * hooks (link rewriting, Pagefind, offline index, sitemap) up to "page(s) built".
 */
function buildPhases(step: StepResult): BuildPhases {
  const synced = lineAt(step, /\[types\] Generated|\[content\] Synced content/);
  const entrypoints = lineAt(step, /Building static entrypoints/);
  const renderStartIndex = step.lines.findIndex((line) => /generating static routes/.test(line.text));
  const renderStart = renderStartIndex >= 0 ? step.lines[renderStartIndex].at : undefined;
  const renderDone =
    renderStartIndex >= 0
      ? step.lines.slice(renderStartIndex).find((line) => /✓ Completed in/.test(line.text))?.at
      : undefined;
  const built = lineAt(step, /page\(s\) built in/);
  // The site's Pagefind step logs one line when done; the line before it marks its start
  // (the integration runs right after the relative-links step, which logs too).
  const pagefindIndex = step.lines.findIndex((line) => /Pagefind indexed|pagefind: indexed/i.test(line.text));
  const before = step.lines
    .slice(0, Math.max(0, pagefindIndex))
    .filter((line) => line.text.trim())
    .pop();
  const diff = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? Math.max(0, b - a) : undefined;
  return {
    contentSync: synced,
    bundle: diff(entrypoints, renderStart),
    render: diff(renderStart, renderDone),
    buildDoneHooks: diff(renderDone, built),
    pagefindStep: pagefindIndex >= 0 ? diff(before?.at, step.lines[pagefindIndex].at) : undefined,
    afterAstro: diff(lineAt(step, /\[build\] Complete!/), step.seconds),
    pagefindLog: step.lines
      .filter((line) => /pagefind/i.test(line.text))
      .map((line) => line.text.trim())
      .slice(-3),
    routes: routeTimes(step),
  };
}

/**
 * Render time per kind of page, from the `├─ /authors/x/index.html (+3ms)` lines Astro
 * prints for every page: which routes the render phase spends its time on.
 */
function routeTimes(step: StepResult): Record<string, { pages: number; seconds: number }> {
  const routes: Record<string, { pages: number; seconds: number }> = {};
  for (const { text } of step.lines) {
    const match = /[├└]─ (\/\S*) \(\+(\d+)ms\)/.exec(text);
    if (!match) continue;
    const parts = match[1].replace(/^\//, '').split('/');
    // papers/<slug>/index.html → "papers/*"; authors/<slug>/2/index.html → "authors/*/N".
    const kind =
      parts.length <= 1
        ? parts[0]
        : parts.length === 2
          ? `${parts[0]}/`
          : parts.length === 3
            ? `${parts[0]}/*`
            : `${parts[0]}/*/N`;
    routes[kind] ??= { pages: 0, seconds: 0 };
    routes[kind].pages++;
    routes[kind].seconds += Number(match[2]) / 1000;
  }
  return routes;
}

function medianPhases(all: BuildPhases[]): BuildPhases {
  const pick = (key: 'contentSync' | 'bundle' | 'render' | 'buildDoneHooks' | 'pagefindStep' | 'afterAstro') => {
    const list = all.map((p) => p[key]).filter((v): v is number => v !== undefined);
    return list.length ? median(list) : undefined;
  };
  return {
    contentSync: pick('contentSync'),
    bundle: pick('bundle'),
    render: pick('render'),
    buildDoneHooks: pick('buildDoneHooks'),
    pagefindStep: pick('pagefindStep'),
    afterAstro: pick('afterAstro'),
    pagefindLog: all[all.length - 1]?.pagefindLog ?? [],
    routes: all[Math.floor(all.length / 2)]?.routes ?? {},
  };
}

/**
 * What the site's own /search/ page downloads for a query, measured by the search helper's
 * bench/search-bytes.ts (it types into the real page in Chromium) on the same dist. Parsed
 * from its printed totals; undefined when the script is missing or fails.
 */
async function searchPageBytes(dist: string, queries: string[]): Promise<BenchResult['searchPage']> {
  const script = path.join(ROOT, 'bench/search-bytes.ts');
  if (!existsSync(script)) return undefined;
  try {
    const step = await runStep(process.execPath, [script, '--dist', dist, ...queries.flatMap((q) => ['--query', q])], {
      cwd: ROOT,
    });
    const found: NonNullable<BenchResult['searchPage']> = [];
    let current: { query: string; when: string } | undefined;
    for (const { text } of step.lines) {
      const head = /^“(.+?)”, (.+?): /.exec(text);
      if (head) current = { query: head[1], when: head[2] };
      const total =
        /total: ([\d.]+) KB as sent by the test server, ([\d.]+) KB as a gzip-serving host sends it, (\d+) requests/.exec(
          text,
        );
      if (total && current) {
        found.push({
          ...current,
          bytes: Number(total[2]) * 1024,
          uncompressedBytes: Number(total[1]) * 1024,
          requests: Number(total[3]),
        });
      }
    }
    return found;
  } catch (error) {
    log(`search page not measured: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
    return undefined;
  }
}

function countFiles(dir: string, suffix: string): number {
  return readdirSync(dir).filter((file) => file.endsWith(suffix)).length;
}

/** What finished before a run failed, written to bench/results/<N>.failed.json. */
const progress: Record<string, unknown> = {};

function writeResultsMarkdown(): void {
  const files = readdirSync(RESULTS_DIR);
  const all = files
    .filter((file) => /^\d+\.json$/.test(file))
    .map((file) => JSON.parse(readFileSync(path.join(RESULTS_DIR, file), 'utf8')) as BenchResult)
    .sort((a, b) => a.papers - b.papers);
  const failed = files
    .filter((file) => /^\d+\.failed\.json$/.test(file))
    .map((file) => JSON.parse(readFileSync(path.join(RESULTS_DIR, file), 'utf8')) as FailedRun);
  writeFileSync(path.join(ROOT, 'bench/results.md'), renderResults(all, failed));
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const load = { before: loadavg().map((l) => Number(l.toFixed(2))), peak: 0 };
  const loadTimer = setInterval(() => (load.peak = Math.max(load.peak, loadavg()[0])), 5000);

  // 1. Generate.
  const listing = generateListing({ papers, seed: Number(values.seed) });
  const listingFile = path.join(work, 'listing.txt');
  writeFileSync(listingFile, listing.text);
  progress.listing = listing.stats;
  log(`generated ${papers} papers (${(listing.text.length / 1e6).toFixed(1)} MB): ${JSON.stringify(listing.stats)}`);

  // 2. Import with the real importer CLI.
  if (!existsSync(path.join(ROOT, 'src/importer/cli.ts'))) {
    throw new Error(
      'src/importer/cli.ts does not exist yet: the importer (issue 2) has not landed, nothing to measure',
    );
  }
  const papersDir = path.join(work, 'papers');
  const imports: StepResult[] = [];
  for (let run = 0; run < runs; run++) {
    rmSync(papersDir, { recursive: true, force: true });
    const step = await runStep(
      npm,
      ['run', '--silent', 'import', '--', listingFile, '--out', papersDir, '--as-of', listing.asOf],
      { cwd: ROOT, echo: values.verbose },
    );
    imports.push(step);
    log(
      `import run ${run + 1}/${runs}: ${step.seconds.toFixed(2)} s, peak ${(step.peakTreeRss / 2 ** 20).toFixed(0)} MiB`,
    );
  }
  const imported = countFiles(papersDir, '.md');
  progress.import = summarize(imports);
  if (imported !== papers) log(`WARNING: the importer wrote ${imported} files for ${papers} papers`);

  if (values['compare-markdown']) {
    await compareMarkdownEngines(papersDir, startedAt, listing.stats);
    return;
  }

  // 3. Build full and bare, alternating, each cold.
  const fullDist = path.join(work, 'dist');
  const bareDist = path.join(work, 'bare-dist');
  const fullBuilds: StepResult[] = [];
  const bareBuilds: StepResult[] = [];
  const pagefindRuns: StepResult[] = [];
  for (let run = 0; run < runs; run++) {
    for (const folder of ['dist', 'cache', 'bare-dist', 'bare-cache', 'pagefind-timing']) {
      rmSync(path.join(work, folder), { recursive: true, force: true });
    }
    const full = await runStep(npm, ['run', 'build'], {
      cwd: ROOT,
      env: { PAPERS_DIR: papersDir, DIST_DIR: fullDist, ASTRO_CACHE_DIR: path.join(work, 'cache'), ...heapEnv },
      echo: values.verbose,
      maxTreeRss,
    });
    fullBuilds.push(full);
    progress.full = summarize(fullBuilds);
    log(
      `full build run ${run + 1}/${runs}: ${full.seconds.toFixed(1)} s (${full.cpuSeconds?.toFixed(0)} s CPU), peak ${(full.peakTreeRss / 2 ** 20).toFixed(0)} MiB`,
    );

    // Pagefind alone over the built site (its CLI, same version and options as the site's
    // integration): the search-index cost and memory without the build around it.
    if (!values['skip-pagefind-cli']) {
      const pagefind = await runStep(
        path.join(ROOT, 'node_modules/.bin/pagefind'),
        [
          '--site',
          fullDist,
          '--glob',
          'papers/*/index.html',
          '--force-language',
          'en',
          '--output-path',
          path.join(work, 'pagefind-timing'),
        ],
        { cwd: ROOT, maxTreeRss },
      );
      pagefindRuns.push(pagefind);
      log(
        `pagefind over full dist run ${run + 1}/${runs}: ${pagefind.seconds.toFixed(1)} s, peak ${(pagefind.peakTreeRss / 2 ** 20).toFixed(0)} MiB`,
      );
    }

    if (!values['skip-bare']) {
      const bare = await runStep(npm, ['exec', '--', 'astro', 'build', '--root', 'bench/bare'], {
        cwd: ROOT,
        env: { PAPERS_DIR: papersDir, DIST_DIR: bareDist, ASTRO_CACHE_DIR: path.join(work, 'bare-cache'), ...heapEnv },
        echo: values.verbose,
        maxTreeRss,
      });
      bareBuilds.push(bare);
      log(
        `bare build run ${run + 1}/${runs}: ${bare.seconds.toFixed(1)} s (${bare.cpuSeconds?.toFixed(0)} s CPU), peak ${(bare.peakTreeRss / 2 ** 20).toFixed(0)} MiB`,
      );
    }
  }

  // 4. What the reader gets.
  const fullStats: SiteStats = siteStats(fullDist);
  const bareStats: SiteStats | undefined = bareBuilds.length ? siteStats(bareDist) : undefined;
  const queries = [listing.stats.commonWord, listing.stats.rareWord];
  // A site without a Pagefind bundle is reported (as no figures), not a crash: the other
  // numbers are still worth having.
  const fullSearch: SearchTransfer[] = await searchTransfer(fullDist, queries).catch((error: unknown) => {
    log(`search not measured: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  const searchPage = await searchPageBytes(fullDist, queries);
  const bareSearch: SearchTransfer[] | undefined = bareBuilds.length
    ? await searchTransfer(bareDist, queries)
    : undefined;
  clearInterval(loadTimer);

  const result: BenchResult = {
    papers,
    runs,
    seed: Number(values.seed),
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      freeMemoryGiBAtStart: Number((freemem() / 2 ** 30).toFixed(1)),
      node: process.version,
      loadBefore: load.before,
      peakLoad1m: Number(Math.max(load.peak, loadavg()[0]).toFixed(2)),
    },
    listing: listing.stats,
    imported,
    import: summarize(imports),
    full: { ...summarize(fullBuilds), phases: medianPhases(fullBuilds.map(buildPhases)) },
    pagefind: pagefindRuns.length ? summarize(pagefindRuns) : undefined,
    heapMb: values['heap-mb'] ? Number(values['heap-mb']) : undefined,
    bare: bareBuilds.length
      ? { ...summarize(bareBuilds), phases: medianPhases(bareBuilds.map(buildPhases)) }
      : undefined,
    fullSite: fullStats,
    bareSite: bareStats,
    search: fullSearch,
    searchPage,
    bareSearch,
  };

  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${papers}.json`), `${JSON.stringify(result, null, 2)}\n`);
  rmSync(path.join(RESULTS_DIR, `${papers}.failed.json`), { force: true });
  writeResultsMarkdown();
  console.log(renderResults([result]));
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

/** One engine's builds in the Markdown comparison. */
interface EngineSummary extends StepSummary {
  /** Median seconds from start to the end of content sync, where Astro renders the Markdown. */
  contentSync?: number;
  /** Every run's user+system CPU seconds, in order. */
  cpuRuns: number[];
  /** Median CPU seconds to render every abstract with this engine alone, in one process. */
  renderOnlyCpu: number;
}

/**
 * CPU seconds to render `bodies` with an engine's Astro renderer, in this process: the
 * engine's own cost, which the machine's load barely moves (unlike wall time).
 */
async function renderCpuSeconds(engine: MarkdownEngine, bodies: readonly string[]): Promise<number> {
  const renderer = await markdownProcessor(engine).createRenderer({ ...markdownConfigDefaults });
  const start = process.cpuUsage();
  for (const body of bodies) await renderer.render(body);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/**
 * The full build with the abstracts on Sätteri (the site's default) and on the notes' remark
 * pipeline (`MARKDOWN_ENGINE=remark`, src/lib/markdown.ts), alternating which goes first so a
 * busy machine slows both alike. Everything else about the builds is the same.
 */
async function compareMarkdownEngines(
  papersDir: string,
  startedAt: string,
  listingStats: Record<string, unknown>,
): Promise<void> {
  const engines = ['satteri', 'remark'] as const;
  const builds: Record<MarkdownEngine, StepResult[]> = { satteri: [], remark: [] };
  const renderOnly: Record<MarkdownEngine, number[]> = { satteri: [], remark: [] };
  const bodies = readdirSync(papersDir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => parseFrontmatter(readFileSync(path.join(papersDir, file), 'utf8')).content);
  for (let run = 0; run < runs; run++) {
    const order: readonly MarkdownEngine[] = run % 2 === 0 ? engines : [...engines].reverse();
    for (const engine of order) {
      renderOnly[engine].push(await renderCpuSeconds(engine, bodies));
      log(`${engine} renders ${bodies.length} abstracts in ${renderOnly[engine].at(-1)?.toFixed(2)} CPU s`);
      for (const folder of ['dist', 'cache']) rmSync(path.join(work, folder), { recursive: true, force: true });
      const step = await runStep(npm, ['run', 'build'], {
        cwd: ROOT,
        env: {
          PAPERS_DIR: papersDir,
          DIST_DIR: path.join(work, 'dist'),
          ASTRO_CACHE_DIR: path.join(work, 'cache'),
          MARKDOWN_ENGINE: engine,
          ...heapEnv,
        },
        echo: values.verbose,
        maxTreeRss,
      });
      builds[engine].push(step);
      log(
        `${engine} build run ${run + 1}/${runs}: ${step.seconds.toFixed(1)} s (${step.cpuSeconds?.toFixed(0)} s CPU), content sync ${buildPhases(step).contentSync?.toFixed(1)} s`,
      );
    }
  }
  const summary = (engine: MarkdownEngine): EngineSummary => {
    const results = builds[engine];
    const syncs = results.map((r) => buildPhases(r).contentSync).filter((v): v is number => v !== undefined);
    return {
      ...summarize(results),
      contentSync: syncs.length ? median(syncs) : undefined,
      cpuRuns: results.flatMap((r) => (r.cpuSeconds === undefined ? [] : [Number(r.cpuSeconds.toFixed(2))])),
      renderOnlyCpu: median(renderOnly[engine]),
    };
  };
  const satteri = summary('satteri');
  const remark = summary('remark');
  const share = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? (a - b) / b : undefined;
  const result = {
    papers,
    runs,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, load: loadavg().map((l) => Number(l.toFixed(2))) },
    listing: listingStats,
    satteri,
    remark,
    /**
     * What rendering the abstracts with remark adds to the build, as a share of the Sätteri
     * build: in wall time (noisy on a shared machine), in CPU time, and as the render-only CPU
     * difference over the Sätteri build's CPU time.
     */
    remarkExtra: {
      wall: share(remark.seconds, satteri.seconds),
      cpu: share(remark.cpuSeconds, satteri.cpuSeconds),
      renderOnly:
        satteri.cpuSeconds === undefined
          ? undefined
          : (remark.renderOnlyCpu - satteri.renderOnlyCpu) / satteri.cpuSeconds,
    },
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `markdown-${papers}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const fmt = (summaryOf: EngineSummary) =>
    `${summaryOf.seconds.toFixed(1)} s wall (runs ${summaryOf.runs.join(', ')}), ` +
    `${summaryOf.cpuSeconds?.toFixed(1)} s CPU (runs ${summaryOf.cpuRuns.join(', ')}), ` +
    `content sync ${summaryOf.contentSync?.toFixed(1)} s; the abstracts alone: ${summaryOf.renderOnlyCpu.toFixed(2)} CPU s`;
  const percent = (value: number | undefined) => (value === undefined ? '–' : `${(value * 100).toFixed(1)} %`);
  console.log(`abstracts on Sätteri: ${fmt(satteri)}`);
  console.log(`abstracts on remark:  ${fmt(remark)}`);
  console.log(
    `remark adds ${percent(result.remarkExtra.wall)} wall, ${percent(result.remarkExtra.cpu)} CPU, ` +
      `${percent(result.remarkExtra.renderOnly)} of the build's CPU in render-only terms`,
  );
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  // A size that cannot finish is a result too: keep what was measured and why it stopped.
  const failure: FailedRun = {
    papers,
    at: new Date().toISOString(),
    error: error instanceof Error ? error.message : String(error),
    completed: progress,
    machine: {
      cpus: cpus().length,
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      load: loadavg().map((l) => Number(l.toFixed(2))),
    },
    options: { heapMb: values['heap-mb'] ?? 'default', maxRssGb: values['max-rss-gb'] },
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${papers}.failed.json`), `${JSON.stringify(failure, null, 2)}\n`);
  writeResultsMarkdown();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
