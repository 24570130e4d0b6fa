/**
 * `npm run bench:lighthouse -- [--dist dist] [--runs 3] [--baseline other-dist] [--label latest]
 *  [--only home,search] [--schemes light,dark]`
 *
 * Lighthouse 12 (npm, pinned) against Debian's Chromium on the built site served with gzip
 * (bench/lib/gzip-server.ts), with Lighthouse's default mobile settings (Moto G Power
 * screen, simulated slow 4G, 4× CPU slowdown). Every page kind is measured in the light
 * and the dark colour scheme, several runs each, and the medians of the four category
 * scores and of CLS, LCP and TBT are printed as a Markdown table and saved to
 * bench/results/lighthouse-<label>.json.
 *
 * The pages are picked from the built site, so the script works on any content: the home
 * page, the largest paper, author and topic page (the most text on one first screen), the
 * search page with the most common title word as its query, the reading list, and the
 * people and publications pages when the site has them. A page kind a new route adds
 * joins by being listed in `pageKinds` below.
 *
 * Not a test: scores move with machine load (TBT most), hence medians of several runs.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { median } from './lib/measure.ts';
import { serveWithGzip } from './lib/gzip-server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    label: { type: 'string', default: 'latest' },
    only: { type: 'string' },
    // Another build of the same content (say, of the main branch) measured in the same run.
    baseline: { type: 'string' },
    schemes: { type: 'string', default: 'light,dark' },
  },
});

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

/** One page kind and the site path measured for it. */
interface PageKind {
  kind: string;
  path: string;
}

/** One Lighthouse run's figures: scores 0–100, CLS unitless, LCP and TBT in ms. */
interface RunFigures {
  scores: Record<Category, number>;
  cls: number;
  lcp: number;
  tbt: number;
}

interface Row {
  kind: string;
  path: string;
  scheme: Scheme;
  /** Medians over the runs. */
  median: RunFigures;
  runs: RunFigures[];
}

/** The sub-folder of `dir` whose index.html is largest (the fullest first screen of that kind). */
function largestPage(dist: string, dir: string): string | undefined {
  const folder = path.join(dist, dir);
  if (!existsSync(folder)) return undefined;
  let best: { name: string; size: number } | undefined;
  for (const name of readdirSync(folder).sort()) {
    const file = path.join(folder, name, 'index.html');
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (!best || size > best.size) best = { name, size };
  }
  return best && `/${dir}/${best.name}/`;
}

/** The most common word of five letters or more in the papers' titles: a query with many results. */
function commonTitleWord(dist: string): string {
  const data = JSON.parse(readFileSync(path.join(dist, 'papers.json'), 'utf8')) as { papers: { title: string }[] };
  const counts = new Map<string, number>();
  for (const { title } of data.papers)
    for (const word of title.toLowerCase().match(/\p{L}{5,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  const [word] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['paper'];
  return word;
}

function pageKinds(dist: string): PageKind[] {
  const kinds: (PageKind | undefined)[] = [
    { kind: 'home', path: '/' },
    ...(['papers', 'authors', 'topics'] as const).map((dir) => {
      const page = largestPage(dist, dir);
      return page ? { kind: dir.replace(/s$/, ''), path: page } : undefined;
    }),
    { kind: 'search', path: `/search/?q=${encodeURIComponent(commonTitleWord(dist))}` },
    { kind: 'reading list', path: '/reading-list/' },
    // Sections a site has only with the content for them (a lab's people and publications).
    ...['people', 'publications'].map((section) =>
      existsSync(path.join(dist, section, 'index.html')) ? { kind: section, path: `/${section}/` } : undefined,
    ),
  ];
  return kinds.filter((kind): kind is PageKind => kind !== undefined);
}

async function measure(url: string, port: number): Promise<RunFigures> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
  ) as Record<Category, number>;
  const numeric = (id: string): number => {
    const value = lhr.audits[id]?.numericValue;
    if (value === undefined) throw new Error(`Lighthouse reported no ${id} for ${url}`);
    return value;
  };
  return {
    scores,
    cls: numeric('cumulative-layout-shift'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
  };
}

function medianOf(runs: RunFigures[]): RunFigures {
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, median(runs.map((run) => run.scores[id]))])) as Record<
      Category,
      number
    >,
    cls: median(runs.map((run) => run.cls)),
    lcp: median(runs.map((run) => run.lcp)),
    tbt: median(runs.map((run) => run.tbt)),
  };
}

function renderTable(rows: Row[]): string {
  const lines = [
    '| page | scheme | performance | accessibility | best practices | SEO | CLS | LCP | TBT |',
    '| ---- | ------ | ----------: | ------------: | -------------: | --: | --: | --: | --: |',
  ];
  for (const { kind, scheme, median: m } of rows) {
    const s = m.scores;
    lines.push(
      `| ${kind} | ${scheme} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ` +
        `${m.cls.toFixed(3)} | ${(m.lcp / 1000).toFixed(2)} s | ${Math.round(m.tbt)} ms |`,
    );
  }
  return lines.join('\n');
}

/** A built site under test: this tree's dist/, and optionally a baseline build to compare with. */
interface Site {
  name: string;
  dist: string;
}

const sites: Site[] = [{ name: values.label, dist: path.resolve(ROOT, values.dist) }];
if (values.baseline) sites.push({ name: 'baseline', dist: path.resolve(ROOT, values.baseline) });
for (const { dist } of sites)
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} holds no built site: run npm run build`);
const runs = Number(values.runs);
const only = values.only?.split(',').map((kind) => kind.trim());
// The pages are picked from the site under test; a baseline of the same content has them too.
const kinds = pageKinds(sites[0].dist).filter((kind) => !only || only.includes(kind.kind));
const schemes = values.schemes.split(',').filter((scheme): scheme is Scheme => SCHEMES.includes(scheme as Scheme));

const servers = await Promise.all(sites.map((site) => serveWithGzip(site.dist)));
const rows = new Map<string, Row[]>(sites.map((site) => [site.name, []]));
try {
  for (const scheme of schemes) {
    // --force-dark-mode makes `prefers-color-scheme: dark` match; Lighthouse leaves it alone.
    const chrome = await chromeLauncher.launch({
      chromePath: CHROME_PATH,
      chromeFlags: ['--headless=new', '--no-sandbox', ...(scheme === 'dark' ? ['--force-dark-mode'] : [])],
    });
    try {
      for (const { kind, path: sitePath } of kinds) {
        const figures = sites.map((): RunFigures[] => []);
        // Runs of the sites alternate, so a busy machine slows them alike.
        for (let run = 0; run < runs; run += 1)
          for (const [index, server] of servers.entries())
            figures[index].push(await measure(new URL(sitePath.slice(1), server.url).href, chrome.port));
        for (const [index, site] of sites.entries()) {
          const row: Row = { kind, path: sitePath, scheme, median: medianOf(figures[index]), runs: figures[index] };
          rows.get(site.name)?.push(row);
          console.error(`${site.name}: ${renderTable([row]).split('\n')[2]}`);
        }
      }
    } finally {
      chrome.kill();
    }
  }
} finally {
  await Promise.all(servers.map((server) => server.close()));
}

const tables = Object.fromEntries([...rows].map(([name, siteRows]) => [name, renderTable(siteRows)]));
for (const [name, table] of Object.entries(tables)) console.log(`\n${name} (medians of ${runs} runs)\n\n${table}`);
const resultsDir = path.join(ROOT, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  path.join(resultsDir, `lighthouse-${values.label}.json`),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      lighthouse: JSON.parse(readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version,
      runsPerPage: runs,
      machine: { cpus: cpus().length, loadavg: loadavg() },
      sites: sites.map((site) => ({ ...site, rows: rows.get(site.name), table: tables[site.name] })),
    },
    null,
    2,
  )}\n`,
);
