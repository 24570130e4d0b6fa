/**
 * The benchmark's result record and its Markdown rendering (bench/results.md), with each
 * issue-7 target checked against the figures it applies to.
 */
import type { GeneratedListing } from '../generate.ts';
import type { SiteStats } from './site-stats.ts';
import type { SearchTransfer } from './search-transfer.ts';

export interface StepSummary {
  /** Median wall seconds. */
  seconds: number;
  /** Every run's seconds, in order. */
  runs: number[];
  /** Median of the runs' peak process-tree RSS, bytes. */
  peakTreeRss: number;
  /** Median of the runs' largest single-process peak RSS, bytes. */
  peakProcessRss: number;
  /** Median user+system CPU seconds of the step's process tree (GNU time), if measured. */
  cpuSeconds?: number;
}

/** Seconds per build phase, from the build's log (see bench/run.ts buildPhases). */
export interface BuildPhases {
  contentSync?: number;
  bundle?: number;
  render?: number;
  buildDoneHooks?: number;
  /** The Pagefind step (from its log line), when it logs one. */
  pagefindStep?: number;
  /** From Astro's "Complete!" to the end of `npm run build`: steps run after Astro exits. */
  afterAstro?: number;
  /** The build's own log lines about Pagefind. */
  pagefindLog: string[];
  /** Render seconds and pages per kind of page (papers, authors, author page 2…), one run. */
  routes?: Record<string, { pages: number; seconds: number }>;
}

export interface BenchResult {
  papers: number;
  runs: number;
  seed: number;
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    freeMemoryGiBAtStart: number;
    node: string;
    /** 1/5/15-minute load averages when the run began (other builds share the machine). */
    loadBefore: number[];
    peakLoad1m: number;
  };
  listing: GeneratedListing['stats'];
  imported: number;
  import: StepSummary;
  full: StepSummary & { phases: BuildPhases };
  pagefind?: StepSummary;
  /** Node heap limit given to the builds (--max-old-space-size), when not Node's default. */
  heapMb?: number;
  bare?: StepSummary & { phases: BuildPhases };
  fullSite: SiteStats;
  bareSite?: SiteStats;
  search: SearchTransfer[];
  bareSearch?: SearchTransfer[];
  /** The site's /search/ page per query (bench/search-bytes.ts): first search of a visit, then warm. */
  searchPage?: { query: string; when: string; bytes: number; uncompressedBytes: number; requests: number }[];
}

/** A size whose run stopped (memory cap, crash): what was measured before, and why. */
export interface FailedRun {
  papers: number;
  at: string;
  error: string;
  completed: Record<string, unknown>;
  machine: { cpus: number; memoryGiB: number; node: string; load: number[] };
  options: { heapMb: string; maxRssGb?: string };
}

const MiB = 2 ** 20;
const s = (seconds: number | undefined) =>
  seconds === undefined ? '–' : seconds < 10 ? `${seconds.toFixed(2)} s` : `${seconds.toFixed(1)} s`;
const mem = (bytes: number) =>
  bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : `${Math.round(bytes / MiB)} MiB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

interface Target {
  name: string;
  applies: (r: BenchResult) => boolean;
  figure: (r: BenchResult) => string | undefined;
  met: (r: BenchResult) => boolean | undefined;
}

const ratio = (r: BenchResult) => (r.bare ? r.full.seconds / r.bare.seconds : undefined);

/** Issue 7's targets. "≤ 10 minutes" at 100k counts import + full build. */
export const TARGETS: Target[] = [
  {
    name: 'full site ≤ 1.7× bare build time (10k)',
    applies: (r) => r.papers >= 10000 && r.papers < 100000,
    figure: (r) => (ratio(r) === undefined ? undefined : `${ratio(r)?.toFixed(2)}×`),
    met: (r) => (ratio(r) === undefined ? undefined : (ratio(r) as number) <= 1.7),
  },
  {
    name: 'full build peak RSS ≤ 1.5 GB (10k)',
    applies: (r) => r.papers >= 10000 && r.papers < 100000,
    figure: (r) => mem(r.full.peakTreeRss),
    met: (r) => r.full.peakTreeRss <= 1.5e9,
  },
  {
    name: 'import + build ≤ 10 min (100k)',
    applies: (r) => r.papers >= 100000,
    figure: (r) => s(r.import.seconds + r.full.seconds),
    met: (r) => r.import.seconds + r.full.seconds <= 600,
  },
  {
    name: 'peak RSS ≤ 8 GB (100k)',
    applies: (r) => r.papers >= 100000,
    figure: (r) => mem(Math.max(r.import.peakTreeRss, r.full.peakTreeRss)),
    met: (r) => Math.max(r.import.peakTreeRss, r.full.peakTreeRss) <= 8e9,
  },
  {
    name: 'paper page ≤ 20 KB gzip HTML+CSS, no render-blocking script',
    applies: () => true,
    figure: (r) => `${kb(r.fullSite.paperPage.totalGzip)}, ${r.fullSite.paperPage.renderBlockingScripts} blocking`,
    met: (r) => r.fullSite.paperPage.totalGzip <= 20000 && r.fullSite.paperPage.renderBlockingScripts === 0,
  },
  {
    name: 'search ≤ 150 KB per query (10k)',
    applies: (r) => r.papers >= 10000,
    figure: (r) => {
      const page = r.searchPage?.filter((p) => p.when === 'first search of a visit') ?? [];
      const list = page.length ? page : r.search;
      return `${list.map((q) => `“${q.query}” ${kb(q.bytes)}`).join(', ')} (${page.length ? '/search/ page' : 'Pagefind API'}, gzip host)`;
    },
    met: (r) => {
      const page = r.searchPage?.filter((p) => p.when === 'first search of a visit') ?? [];
      const list = page.length ? page : r.search;
      return list.length ? list.every((q) => q.bytes <= 150000) : undefined;
    },
  },
];

function row(label: string, cells: string[]): string {
  return `| ${label} | ${cells.join(' | ')} |`;
}

/** Markdown for one or more results (one column per size). */
export function renderResults(results: BenchResult[], failed: FailedRun[] = []): string {
  const head = row(
    '',
    results.map((r) => `**${count(r.papers)} papers**`),
  );
  const rule = `|---|${results.map(() => '---:').join('|')}|`;
  const cells = (f: (r: BenchResult) => string) => results.map(f);
  const searchCell = (list: SearchTransfer[] | undefined, i: number) => {
    const q = list?.[i];
    return q
      ? `${kb(q.bytes)} gzip / ${kb(q.uncompressedBytes ?? q.bytes)} plain (${q.requests} req, ${count(q.results)} hits, “${q.query}”)`
      : '–';
  };
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench -- --papers N` (bench/run.ts); raw figures in `bench/results/<N>.json`.',
    'Times are medians of the runs (each build cold: empty dist and cache); RSS is the peak of the',
    'whole process tree (npm → node → Pagefind binary), sampled every 100 ms from /proc.',
    '',
    head,
    rule,
    row(
      'runs (median of)',
      cells((r) => String(r.runs)),
    ),
    row(
      'distinct authors / top author’s papers',
      cells((r) => `${count(r.listing.distinctAuthors)} / ${count(r.listing.topAuthor.papers)}`),
    ),
    row(
      'import time',
      cells((r) => s(r.import.seconds)),
    ),
    row(
      'import peak RSS',
      cells((r) => mem(r.import.peakTreeRss)),
    ),
    row(
      '**full build time** (`npm run build`)',
      cells((r) => `**${s(r.full.seconds)}**`),
    ),
    row(
      '– start-up + content sync',
      cells((r) => s(r.full.phases.contentSync)),
    ),
    row(
      '– Vite bundle',
      cells((r) => s(r.full.phases.bundle)),
    ),
    row(
      '– render pages',
      cells((r) => s(r.full.phases.render)),
    ),
    row(
      '– build:done hooks (sitemap, stylesheet links, offline index)',
      cells((r) => s(r.full.phases.buildDoneHooks)),
    ),
    row(
      '– after `astro build` exits (separate steps)',
      cells((r) => s(r.full.phases.afterAstro)),
    ),
    row(
      '– Pagefind step (from its log line)',
      cells((r) => s(r.full.phases.pagefindStep)),
    ),
    row(
      'full build peak RSS (tree)',
      cells((r) => mem(r.full.peakTreeRss)),
    ),
    row(
      'full build peak RSS (largest process)',
      cells((r) => mem(r.full.peakProcessRss)),
    ),
    row(
      'search index time (Pagefind CLI alone over full dist)',
      cells((r) => s(r.pagefind?.seconds)),
    ),
    row(
      'search index peak RSS',
      cells((r) => (r.pagefind ? mem(r.pagefind.peakTreeRss) : '–')),
    ),
    row(
      '**bare build time** (bench/bare)',
      cells((r) => (r.bare ? `**${s(r.bare.seconds)}**` : '–')),
    ),
    row(
      '– bare render pages',
      cells((r) => s(r.bare?.phases.render)),
    ),
    row(
      '– bare build:done (Pagefind)',
      cells((r) => s(r.bare?.phases.pagefindStep ?? r.bare?.phases.buildDoneHooks)),
    ),
    row(
      'bare build peak RSS',
      cells((r) => (r.bare ? mem(r.bare.peakTreeRss) : '–')),
    ),
    row(
      '**ratio full / bare time**',
      cells((r) => (ratio(r) === undefined ? '–' : `**${ratio(r)?.toFixed(2)}×**`)),
    ),
    row(
      'full / bare CPU seconds (user+sys)',
      cells((r) =>
        r.full.cpuSeconds && r.bare?.cpuSeconds
          ? `${s(r.full.cpuSeconds)} / ${s(r.bare.cpuSeconds)} = ${(r.full.cpuSeconds / r.bare.cpuSeconds).toFixed(2)}×`
          : '–',
      ),
    ),
    row(
      'wall time per page built (full / bare)',
      cells((r) =>
        r.bare && r.bareSite
          ? `${((r.full.seconds * 1000) / r.fullSite.pages).toFixed(1)} / ${((r.bare.seconds * 1000) / r.bareSite.pages).toFixed(1)} ms = ${(r.full.seconds / r.fullSite.pages / (r.bare.seconds / r.bareSite.pages)).toFixed(2)}×`
          : '–',
      ),
    ),
    row(
      'ratio full / bare peak RSS',
      cells((r) => (r.bare ? `${(r.full.peakTreeRss / r.bare.peakTreeRss).toFixed(2)}×` : '–')),
    ),
    row(
      'pages (full / bare)',
      cells((r) => `${count(r.fullSite.pages)} / ${r.bareSite ? count(r.bareSite.pages) : '–'}`),
    ),
    row(
      'dist size (full / bare)',
      cells((r) => `${mb(r.fullSite.distBytes)} / ${r.bareSite ? mb(r.bareSite.distBytes) : '–'}`),
    ),
    row(
      '– of which search indexes (full)',
      cells((r) => mb(r.fullSite.pagefindBytes)),
    ),
    row(
      'paper page gzip HTML + CSS',
      cells(
        (r) =>
          `${kb(r.fullSite.paperPage.totalGzip)} (${kb(r.fullSite.paperPage.htmlGzip)} + ${kb(r.fullSite.paperPage.cssGzip)})`,
      ),
    ),
    row(
      'render-blocking scripts on it',
      cells((r) => String(r.fullSite.paperPage.renderBlockingScripts)),
    ),
    row(
      'search transfer, common word',
      cells((r) => searchCell(r.search, 0)),
    ),
    row(
      'search transfer, rare word',
      cells((r) => searchCell(r.search, 1)),
    ),
    row(
      'bare search transfer, common word',
      cells((r) => searchCell(r.bareSearch, 0)),
    ),
    ...[0, 1].map((i) =>
      row(
        `/search/ page, ${i === 0 ? 'common' : 'rare'} word, first search of a visit (bench/search-bytes.ts)`,
        cells((r) => {
          const q = r.searchPage?.filter((p) => p.when === 'first search of a visit')[i];
          return q ? `${kb(q.bytes)} gzip / ${kb(q.uncompressedBytes)} plain (${q.requests} req, “${q.query}”)` : '–';
        }),
      ),
    ),
    '',
    '## Targets (issue 7)',
    '',
    '| target | size | figure | met |',
    '|---|---:|---|---|',
  ];
  for (const target of TARGETS) {
    for (const r of results.filter(target.applies)) {
      const met = target.met(r);
      lines.push(
        `| ${target.name} | ${count(r.papers)} | ${target.figure(r) ?? '–'} | ${met === undefined ? '–' : met ? 'yes' : '**no**'} |`,
      );
    }
  }
  lines.push('', "## Where the render time goes (full site, ms per page, from Astro's per-page log)", '');
  const kinds = [...new Set(results.flatMap((r) => Object.keys(r.full.phases.routes ?? {})))].sort(
    (a, b) =>
      Math.max(...results.map((r) => r.full.phases.routes?.[b]?.seconds ?? 0)) -
      Math.max(...results.map((r) => r.full.phases.routes?.[a]?.seconds ?? 0)),
  );
  lines.push(head, rule);
  for (const kind of kinds.slice(0, 12)) {
    lines.push(
      row(
        `\`${kind}\``,
        cells((r) => {
          const route = r.full.phases.routes?.[kind];
          return route
            ? `${count(route.pages)} pages, ${s(route.seconds)} (${((route.seconds * 1000) / route.pages).toFixed(1)} ms/page)`
            : '–';
        }),
      ),
    );
  }
  if (failed.length) {
    lines.push('', '## Sizes that did not finish', '');
    for (const run of failed) {
      const done = run.completed as { import?: StepSummary; full?: StepSummary };
      lines.push(
        `### ${count(run.papers)} papers (${run.at.slice(0, 16).replace('T', ' ')} UTC, Node heap ${run.options.heapMb} MiB, RSS cap ${run.options.maxRssGb} GiB, load ${run.machine.load.join(' / ')})`,
        '',
        done.import
          ? `- import: ${s(done.import.seconds)}, peak ${mem(done.import.peakTreeRss)}`
          : '- import: did not finish',
        done.full
          ? `- full build: ${s(done.full.seconds)}, peak ${mem(done.full.peakTreeRss)}`
          : '- full build: did not finish',
        '',
        '```',
        run.error.slice(0, 1500),
        '```',
        '',
      );
    }
  }
  lines.push('', '## Machines', '');
  for (const r of results) {
    const m = r.machine;
    lines.push(
      `- ${count(r.papers)} papers, ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM (${m.freeMemoryGiBAtStart} free), Node ${m.node}; load average ${m.loadBefore.join(' / ')} at start, peak 1-min load ${m.peakLoad1m} (the machine is shared with other builds).`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
