/**
 * What the "Cite" block costs per paper page: `npm run bench:citations -- --papers 10000 [--runs 3]`.
 *
 * Generates N papers (bench/generate.ts, imported by the real listing parser), gives them
 * every kind and the bibliographic fields of real entries (journal, volume, pages…), maps
 * them to CSL-JSON (src/lib/csl.ts) and times, in CPU seconds of this process:
 *
 * - the site's formatting: every configured style, papers in batches of the size the build
 *   uses (src/lib/citations.ts);
 * - the naive way, one citeproc call per paper and style (what the batches replace);
 * - RIS (the per-paper files, /papers.ris and the reading list share one string per paper)
 *   and CSL-JSON.
 *
 * Prints medians of the runs and writes bench/results/citations-<N>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateListing } from './generate.ts';
import { median } from './lib/measure.ts';
import { parseListing } from '../src/importer/listing.ts';
import { formatReferences, REFERENCE_BATCH as BATCH, toRis } from '../src/lib/citation-js.ts';
import { toCsl, type CslItem } from '../src/lib/csl.ts';
import { publicationKind } from '../src/lib/publication-kind.ts';
import { SITE } from '../src/site.config.ts';
import type { PaperInput } from '../src/schema.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    // The naive per-paper formatting takes minutes at 10k; time it on this many papers and scale.
    'naive-sample': { type: 'string', default: '1000' },
  },
});
const papers = Number(values.papers);
const runs = Number(values.runs);
const naiveSample = Math.min(papers, Number(values['naive-sample']));

/** Bibliographic fields of each kind, as a lab's BibTeX or Zotero library has them. */
const KINDS: Partial<PaperInput>[] = [
  {
    bibtexType: 'article',
    venue: 'Transactions of the Association for Computational Linguistics',
    volume: '11',
    issue: '3',
    pages: '210--229',
    doi: '10.1162/tacl_a_00551',
    publisher: 'MIT Press',
  },
  {
    bibtexType: 'inproceedings',
    venue: 'Proceedings of the 61st Annual Meeting of the ACL',
    pages: '1012--1030',
    publisher: 'Association for Computational Linguistics',
    address: 'Toronto, Canada',
  },
  { bibtexType: 'misc', arxivId: '2301.01234' },
  { bibtexType: 'phdthesis', school: 'Massachusetts Institute of Technology' },
  { bibtexType: 'techreport', institution: 'Allen Institute for AI', issue: 'AI2-TR-7' },
  { bibtexType: 'misc', publisher: 'Google Patents', note: 'US Patent 9,037,464' },
];

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function timed<T>(run: () => T): { seconds: number; value: T } {
  const start = cpuSeconds();
  const value = run();
  return { seconds: cpuSeconds() - start, value };
}

const listing = generateListing({ papers });
const { papers: drafts } = parseListing(listing.text, { file: 'bench.txt', asOf: listing.asOf });
const items: CslItem[] = drafts.map((draft, i) => {
  const data = { ...draft.data, ...KINDS[i % KINDS.length] } as PaperInput;
  return toCsl({
    ...data,
    key: `paper${i}`,
    title: data.title,
    authors: data.authors ?? [],
    editors: [],
    datePrecision: data.datePrecision ?? 'day',
    kind: publicationKind(data),
    abstract: draft.body,
    tags: data.tags ?? [],
    links: data.links ?? [],
  });
});
console.error(`[bench citations] ${items.length} papers, styles: ${SITE.citationStyles.map((s) => s.id).join(', ')}`);

// Warm-up: citeproc builds each style's engine on first use.
for (const style of SITE.citationStyles) formatReferences(items.slice(0, BATCH), style);

const batched: number[] = [];
const naive: number[] = [];
const ris: number[] = [];
const cslJson: number[] = [];
for (let run = 0; run < runs; run++) {
  batched.push(
    timed(() => {
      for (let start = 0; start < items.length; start += BATCH) {
        for (const style of SITE.citationStyles) formatReferences(items.slice(start, start + BATCH), style);
      }
    }).seconds,
  );
  naive.push(
    timed(() => {
      for (const item of items.slice(0, naiveSample)) {
        for (const style of SITE.citationStyles) formatReferences([item], style);
      }
    }).seconds *
      (items.length / naiveSample),
  );
  ris.push(timed(() => items.map((item) => toRis([item]))).seconds);
  cslJson.push(timed(() => items.map((item) => JSON.stringify(item, null, 2))).seconds);
  console.error(`[bench citations] run ${run + 1}/${runs} done`);
}

const perPaperMs = (seconds: number) => Number(((seconds * 1000) / items.length).toFixed(3));
const result = {
  papers: items.length,
  runs,
  styles: SITE.citationStyles.map((style) => style.id),
  batch: BATCH,
  cpuSeconds: {
    referencesBatched: Number(median(batched).toFixed(2)),
    referencesOnePerCall: Number(median(naive).toFixed(2)),
    ris: Number(median(ris).toFixed(2)),
    cslJson: Number(median(cslJson).toFixed(2)),
  },
  perPaperMs: {
    referencesBatched: perPaperMs(median(batched)),
    referencesOnePerCall: perPaperMs(median(naive)),
    ris: perPaperMs(median(ris)),
    cslJson: perPaperMs(median(cslJson)),
  },
  note: `one-per-call timed on ${naiveSample} papers and scaled to ${items.length}`,
};
console.log(JSON.stringify(result, null, 2));
const dir = path.join(fileURLToPath(new URL('.', import.meta.url)), 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, `citations-${items.length}.json`), `${JSON.stringify(result, null, 2)}\n`);
