/**
 * Round trip: a lab's `.bib` file is imported into a temporary folder, the site is built
 * from that folder alone, and the site's `/papers.bib` is read back with the importer's
 * parser (`@retorquere/bibtex-parser` underneath): every entry must come back with the same
 * key, type, title, authors, year and venue. The build is small (four papers) because it runs
 * inside `npm test`.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/importer/bibtex.ts';
import { runImport } from '../../src/importer/cli.ts';
import { buildSite } from '../helpers/build.ts';
import type { ParseResult } from '../../src/importer/types.ts';

const FIXTURE = 'tests/fixtures/bibtex/roundtrip/lab.bib';

let work: string;
let dist: string;
let imported: ParseResult;
let exported: ParseResult;
/** The page folder of each entry key (the importer names files after titles). */
const slugOfKey = new Map<string, string>();

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'bibtex-roundtrip-'));
  const papers = path.join(work, 'papers');
  dist = path.join(work, 'dist');
  const messages: string[] = [];
  const code = runImport([FIXTURE, '--out', papers], { log: (l) => messages.push(l), error: (l) => messages.push(l) });
  expect(code, messages.join('\n')).toBe(0);
  for (const name of readdirSync(papers)) {
    const key = /^bibtexKey: (.+)$/m.exec(readFileSync(path.join(papers, name), 'utf8'))?.[1];
    if (key) slugOfKey.set(key, name.replace(/\.md$/, ''));
  }

  await buildSite({ PAPERS_DIR: papers, DIST_DIR: dist, ASTRO_CACHE_DIR: path.join(work, 'cache') });

  imported = parseBibtex(readFileSync(FIXTURE, 'utf8'), { file: FIXTURE });
  const bib = path.join(dist, 'papers.bib');
  exported = parseBibtex(readFileSync(bib, 'utf8'), { file: bib });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** What must survive the trip, per entry key. */
function essentials(result: ParseResult) {
  return new Map(
    result.papers.map(({ data }) => [
      data.bibtexKey,
      {
        type: data.bibtexType,
        title: data.title,
        authors: data.authors,
        authorsTruncated: data.authorsTruncated,
        year: data.date?.slice(0, 4),
        venue: data.venue,
      },
    ]),
  );
}

/** The built page of the paper with this entry key. */
function pageHtml(key: string): string {
  return readFileSync(path.join(dist, 'papers', slugOfKey.get(key) ?? key, 'index.html'), 'utf8');
}

/** The visible text of a paper's built page (tags dropped, `&amp;` decoded). */
function pageText(key: string): string {
  const html = pageHtml(key);
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('a .bib file imported, built and exported as /papers.bib', () => {
  it('reads back every entry with the same key, type, title, authors, year and venue', () => {
    expect(imported.papers.map((p) => p.data.bibtexKey)).toEqual([
      'viegas2023umlaut',
      'belinkov2022probing',
      'cruz2021thesis',
      'team2024model',
    ]);
    expect(exported.issues).toEqual([]);
    expect(essentials(exported)).toEqual(essentials(imported));
  });

  it('keeps the LaTeX-converted title, the names and the venue as the lab wrote them', () => {
    const entry = essentials(exported).get('viegas2023umlaut');
    expect(entry).toEqual({
      type: 'article',
      title: 'Über BERT: Probing $\\mathcal{O}(n^2)$ Attention in GPT-2 — a Case Study',
      authors: ['Fernanda Viégas', 'Jan van der Berg', 'John Smith Jr.', 'Big Science Workshop'],
      authorsTruncated: true,
      year: '2023',
      venue: 'Transactions of the Association for Computational Linguistics',
    });
    expect(essentials(exported).get('team2024model')?.title).toBe('The Jamba Model Card: Rock & Roll at 50%');
  });

  it('shows the venue on the paper page, and only the year for an entry without a month', () => {
    expect(pageText('viegas2023umlaut')).toContain('Transactions of the Association for Computational Linguistics');
    expect(pageText('belinkov2022probing')).toContain('Proceedings of the 60th Annual Meeting of the ACL');
    const thesis = pageHtml('cruz2021thesis');
    // A year-only entry is dated January 1 internally; the page must not claim that day.
    const shown = [...thesis.matchAll(/<time datetime="2021[^"]*"[^>]*>([^<]*)<\/time>/g)].map((m) => m[1].trim());
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text).toBe('2021');
    expect(pageText('cruz2021thesis')).not.toMatch(/January|Jan\.? 1\b/);
  });
});
