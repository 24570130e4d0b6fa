/**
 * Citations on a built site (tests/fixtures/citations/site: a journal article, a conference
 * paper, a preprint, a thesis, a report and a patent). Every export is read back by a
 * reader other than its writer (@retorquere/bibtex-parser for BibTeX, Citation.js for RIS
 * and CSL-JSON) and compared field by field with the Markdown files as written, read here
 * without src/lib. The formatted references, meta tags, JSON-LD and COinS are checked in
 * the HTML as a reader, Zotero or Google Scholar receives it, and paper pages are weighed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePage } from '../../bench/lib/site-stats.ts';
import { parseSource } from '../../src/importer/source.ts';
import { publicationKind } from '../../src/lib/publication-kind.ts';
import { DIST } from '../helpers/dist.ts';
import { attr, byClass, findAll, parsePage, text } from './support/html.ts';

const FIXTURE = path.resolve('tests/fixtures/citations/site/papers');
const ASTRO = path.resolve('node_modules/astro/bin/astro.mjs');
let work: string;
let dist: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'citations-site-'));
  dist = path.join(work, 'dist');
  await promisify(execFile)(process.execPath, [ASTRO, 'build', '--silent'], {
    env: {
      ...process.env,
      PAPERS_DIR: FIXTURE,
      DIST_DIR: dist,
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
      SITE_BASE: '/',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fixture paper's frontmatter and abstract, as written in its file. */
interface Source {
  title: string;
  authors: string[];
  date: string;
  datePrecision?: 'year' | 'month';
  venue?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  school?: string;
  institution?: string;
  doi?: string;
  arxivId?: string;
  url?: string;
  note?: string;
  tags?: string[];
  bibtexKey?: string;
  bibtexType?: string;
  abstract: string;
}

function source(slug: string): Source {
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(
    readFileSync(path.join(FIXTURE, `${slug}.md`), 'utf8'),
  ) as RegExpExecArray;
  const data = parseYaml(yaml, { schema: 'failsafe' }) as Omit<Source, 'abstract'>;
  return { ...data, abstract: body.trim() };
}

/** Each kind, its fixture, and what its exports must say beyond the fields every paper shares. */
interface KindSpec {
  slug: string;
  bibtexType: string;
  /** The BibTeX field that names the venue. */
  venueField?: 'journal' | 'booktitle';
  ris: string;
  csl: string;
}
const KINDS: Record<'journal' | 'conference' | 'preprint' | 'thesis' | 'report' | 'patent', KindSpec> = {
  journal: { slug: 'deep-learning', bibtexType: 'article', venueField: 'journal', ris: 'JOUR', csl: 'article-journal' },
  conference: {
    slug: 'attention-is-all-you-need',
    bibtexType: 'inproceedings',
    venueField: 'booktitle',
    ris: 'CONF',
    csl: 'paper-conference',
  },
  preprint: { slug: 'linearity-of-relation-decoding', bibtexType: 'misc', ris: 'JOUR', csl: 'article' },
  thesis: { slug: 'internal-language-representations-thesis', bibtexType: 'phdthesis', ris: 'THES', csl: 'thesis' },
  report: { slug: 'annotator-agreement-report', bibtexType: 'techreport', ris: 'RPRT', csl: 'report' },
  patent: { slug: 'word-representations-patent', bibtexType: 'misc', ris: 'PAT', csl: 'patent' },
};
type Kind = keyof typeof KINDS;
const kinds = Object.keys(KINDS) as Kind[];

/** The date parts a paper's date gives at its precision. */
function dateParts(paper: Source): number[] {
  const [y, m, d] = paper.date.split('-').map(Number);
  return paper.datePrecision === 'year' ? [y] : paper.datePrecision === 'month' ? [y, m] : [y, m, d];
}

/** A CSL name as the display name the Markdown file writes. */
function nameOf(name: { given?: string; family?: string; literal?: string }): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(' ');
}

const readCsl = (input: unknown, forceType: string) =>
  plugins.input.chain(input, { forceType, generateGraph: false }) as Record<string, unknown>[];

describe('every export read back field by field', () => {
  const bySlug = <T>(records: T[], key: (record: T) => string) =>
    new Map(records.map((record) => [key(record), record]));
  const keyOf = (slug: string) => source(slug).bibtexKey ?? '';

  it.each(kinds)('gives back a %s from /papers.csl.json as Citation.js reads it', (kind) => {
    const { slug, csl } = KINDS[kind];
    const paper = source(slug);
    const items = readCsl(JSON.parse(readFileSync(path.join(dist, 'papers.csl.json'), 'utf8')), '@csl/list+object');
    expect(items).toHaveLength(kinds.length);
    const item = [...items].find((candidate) => candidate.title === paper.title) as Record<string, unknown>;
    expect(item.type).toBe(csl);
    expect((item.author as object[]).map(nameOf)).toEqual(paper.authors);
    expect((item.issued as { 'date-parts': number[][] })['date-parts'][0]).toEqual(dateParts(paper));
    expect(item.abstract).toBe(paper.abstract);
    expect(item.DOI).toBe(paper.doi);
    expect(item.volume).toBe(paper.volume);
    expect(item.page).toBe(paper.pages?.replace('--', '-'));
    expect(item.URL).toBe(paper.url ?? (paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : undefined));
    expect(item.keyword).toBe(paper.tags?.join(','));
    if (kind === 'journal' || kind === 'conference') expect(item['container-title']).toBe(paper.venue);
    expect(item.publisher).toBe(
      kind === 'thesis'
        ? paper.school
        : kind === 'report'
          ? paper.institution
          : kind === 'preprint'
            ? 'arXiv'
            : paper.publisher,
    );
    if (kind === 'journal') expect(item.issue).toBe(paper.issue);
    if (kind === 'report') expect(item.number).toBe(paper.issue);
    if (kind === 'preprint') expect(item.number).toBe(`arXiv:${paper.arxivId}`);
    if (kind === 'conference') expect(item.note).toBe(`arXiv: ${paper.arxivId}`);
    if (kind === 'patent') expect([item.number, item.note]).toEqual(['9,037,464', paper.note]);
  });

  it.each(kinds)('gives back a %s from /papers.ris as Citation.js reads it', (kind) => {
    const { slug, ris } = KINDS[kind];
    const paper = source(slug);
    const text = readFileSync(path.join(dist, 'papers.ris'), 'utf8');
    const records = bySlug(readCsl(text, '@ris/file'), (record) => String(record.title));
    expect(records.size).toBe(kinds.length);
    const item = records.get(paper.title) as Record<string, unknown>;
    expect(item.id).toBe(paper.bibtexKey ?? item.id);
    expect((item.author as object[]).map(nameOf)).toEqual(paper.authors);
    expect((item.issued as { 'date-parts': number[][] })['date-parts'][0]).toEqual(dateParts(paper));
    expect(item.abstract).toBe(paper.abstract);
    expect(item.DOI).toBe(paper.doi);
    expect(item.volume).toBe(paper.volume);
    expect(item.page).toBe(paper.pages?.replace('--', '-'));
    expect(item.keyword).toBe(paper.tags?.join(','));
    if (kind === 'journal' || kind === 'conference') expect(item['container-title']).toBe(paper.venue);
    if (kind === 'thesis') expect(item.publisher).toBe(paper.school);
    if (kind === 'report') expect([item.publisher, item.number]).toEqual([paper.institution, paper.issue]);
    if (kind === 'conference') expect(item.publisher).toBe(paper.publisher);
    if (kind === 'preprint') expect(item.number).toBe(`arXiv:${paper.arxivId}`);
    // The record's type, as a reference manager files it.
    const record = text.split(/\n\n/).find((chunk) => chunk.includes(`TI  - ${paper.title}\n`)) ?? '';
    expect(record.split('\n')[0]).toBe(`TY  - ${ris}`);
  });

  it.each(kinds)('gives back a %s from /papers.bib as @retorquere/bibtex-parser reads it', (kind) => {
    const { slug, bibtexType } = KINDS[kind];
    const paper = source(slug);
    const library = parseBibtex(readFileSync(path.join(dist, 'papers.bib'), 'utf8'), {
      english: false,
      unsupported: (_node, tex) => tex,
    });
    expect(library.errors).toEqual([]);
    const entry = library.entries.find((candidate) => candidate.fields.title === paper.title);
    expect(entry?.type).toBe(bibtexType);
    const fields = entry?.fields ?? {};
    if (paper.bibtexKey) expect(entry?.key).toBe(paper.bibtexKey);
    expect((fields.author ?? []).map((name) => name.name ?? `${name.firstName} ${name.lastName}`)).toEqual(
      paper.authors,
    );
    expect(fields.year).toBe(paper.date.slice(0, 4));
    expect(fields.doi).toBe(paper.doi);
    expect(fields.eprint).toBe(paper.arxivId);
    const venueField = KINDS[kind].venueField;
    if (venueField) expect(fields[venueField]).toBe(paper.venue);
    const arxivUrl = paper.arxivId && `https://arxiv.org/abs/${paper.arxivId}`;
    // A lab's own entry gives its own url back; a paper from a listing points at its arXiv page or DOI.
    const madeUrl = paper.bibtexType ? undefined : (arxivUrl ?? (paper.doi && `https://doi.org/${paper.doi}`));
    expect(fields.url).toBe(paper.url ?? madeUrl ?? undefined);
    expect([...(fields.keywords ?? [])].sort()).toEqual([...(paper.tags ?? [])].sort());
  });

  it('gives each paper its own three files, each the same record as the whole-site file', () => {
    const siteRis = readFileSync(path.join(dist, 'papers.ris'), 'utf8');
    const siteCsl = JSON.parse(readFileSync(path.join(dist, 'papers.csl.json'), 'utf8')) as { id: string }[];
    const siteBib = readFileSync(path.join(dist, 'papers.bib'), 'utf8');
    for (const kind of kinds) {
      const { slug } = KINDS[kind];
      const folder = path.join(dist, 'papers', slug);
      const ris = readFileSync(path.join(folder, 'citation.ris'), 'utf8');
      expect(ris.match(/^TY {2}- /gm)).toHaveLength(1);
      expect(siteRis).toContain(ris.trim());
      const csl = JSON.parse(readFileSync(path.join(folder, 'citation.csl.json'), 'utf8')) as { id: string }[];
      expect(csl).toEqual([siteCsl.find((item) => item.id === keyOf(slug) || item.id === csl[0].id)]);
      const bib = readFileSync(path.join(folder, 'citation.bib'), 'utf8');
      expect(siteBib).toContain(bib.trim());
    }
  });
});

describe('the site’s own exports imported back', () => {
  it.each([
    ['papers.ris', 'ris'],
    ['papers.csl.json', 'csl-json'],
  ] as const)('reads /%s back as the same papers, field by field', (file, format) => {
    const result = parseSource(readFileSync(path.join(dist, file), 'utf8'), { file, format });
    expect(result.issues).toEqual([]);
    expect(result.papers).toHaveLength(kinds.length);
    for (const kind of kinds) {
      const paper = source(KINDS[kind].slug);
      const back = result.papers.find((draft) => draft.data.title === paper.title)?.data;
      expect(back, paper.title).toBeDefined();
      if (!back) continue;
      expect(publicationKind(back), paper.title).toBe(kind);
      expect(back.authors).toEqual(paper.authors);
      // As much of the date as the paper knows (a year-only date's month and day are placeholders).
      const known = (date = '', precision = 'day') =>
        date.slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10);
      expect(known(back.date, back.datePrecision)).toBe(known(paper.date, paper.datePrecision));
      expect(back.datePrecision ?? 'day').toBe(paper.datePrecision ?? 'day');
      // The site's key for the paper: its own, or the one the site gave it.
      expect(back.bibtexKey).toEqual(paper.bibtexKey ?? expect.stringMatching(/^[a-z]+\d{4}[a-z]+$/));
      for (const field of ['volume', 'doi', 'arxivId', 'school', 'institution'] as const) {
        expect(back[field], `${paper.title} ${field}`).toBe(paper[field]);
      }
      expect(back.pages, paper.title).toBe(paper.pages?.replace('--', '-'));
      expect(back.tags ?? [], paper.title).toEqual(paper.tags ?? []);
      if (kind === 'journal' || kind === 'conference') expect(back.venue).toBe(paper.venue);
      if (kind !== 'preprint' && kind !== 'patent') expect(back.url).toBe(paper.url);
    }
  });
});

describe('the Cite block', () => {
  const page = (slug: string) => parsePage(`/papers/${slug}/`, dist);
  const reference = (slug: string, style: string) => {
    const found = findAll(page(slug), (element) => attr(element, 'id') === `cite-${style}`);
    expect(found).toHaveLength(1);
    return text(found[0]);
  };

  it('gives the APA reference of a journal article exactly as APA writes it', () => {
    expect(reference('deep-learning', 'apa')).toBe(
      'LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436–444. https://doi.org/10.1038/nature14539',
    );
  });

  it('gives the APA reference of a conference paper exactly as APA writes it', () => {
    expect(reference('attention-is-all-you-need', 'apa')).toBe(
      'Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., & Polosukhin, I. (2017). ' +
        'Attention Is All You Need. In I. Guyon & U. von Luxburg (Eds.), Advances in Neural Information Processing Systems 30 ' +
        '(pp. 5998–6008). Curran Associates, Inc. https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
    );
  });

  it('gives a preprint its arXiv number and a thesis its degree and school in APA', () => {
    expect(reference('linearity-of-relation-decoding', 'apa')).toBe(
      'Hernandez, E., Sharma, A. S., Haklay, T., Meng, K., Wattenberg, M., Andreas, J., Belinkov, Y., & Bau, D. (2023). ' +
        'Linearity of Relation Decoding in Transformer Language Models (arXiv:2308.09124). arXiv. https://arxiv.org/abs/2308.09124',
    );
    expect(reference('internal-language-representations-thesis', 'apa')).toContain(
      '[PhD thesis, Massachusetts Institute of Technology]',
    );
  });

  it('has every style, the BibTeX entry and the downloads in the HTML itself, APA open and the others a click away', () => {
    for (const kind of kinds) {
      const html = page(KINDS[kind].slug);
      const cite = byClass(html, 'cite')[0];
      expect(text(findAll(cite, (element) => element.tagName === 'h3')[0])).toBe('APA');
      expect(findAll(cite, (element) => element.tagName === 'summary').map(text)).toEqual(['Vancouver', 'Harvard']);
      expect(reference(KINDS[kind].slug, 'vancouver')).not.toBe('');
      expect(reference(KINDS[kind].slug, 'harvard1')).not.toBe('');
      expect(text(findAll(cite, (element) => attr(element, 'id') === 'bibtex')[0])).toMatch(/^@\w+\{/);
      // Download links are page-relative files next to the page: they open from file:// too.
      const downloads = findAll(cite, (element) => element.tagName === 'a' && attr(element, 'download') !== undefined);
      expect(downloads.map((link) => attr(link, 'href'))).toEqual([
        'citation.bib',
        'citation.ris',
        'citation.csl.json',
      ]);
      for (const link of downloads) {
        expect(existsSync(path.join(dist, 'papers', KINDS[kind].slug, attr(link, 'href') ?? ''))).toBe(true);
      }
    }
    expect(
      findAll(
        page('deep-learning'),
        (element) => element.tagName === 'a' && attr(element, 'download') !== undefined,
      ).map((link) => attr(link, 'download')),
    ).toEqual(['lecun2015deep.bib', 'lecun2015deep.ris', 'lecun2015deep.csl.json']);
  });
});

describe('metadata in the page for Zotero and Google Scholar', () => {
  const head = (slug: string) => {
    const tags = new Map<string, string[]>();
    for (const meta of findAll(parsePage(`/papers/${slug}/`, dist), (element) => element.tagName === 'meta')) {
      const name = attr(meta, 'name');
      if (name?.startsWith('citation_')) tags.set(name, [...(tags.get(name) ?? []), attr(meta, 'content') ?? '']);
    }
    return tags;
  };
  const one = (slug: string, name: string) => head(slug).get(name)?.[0];

  it('gives every page the tags Google Scholar requires: title, each author, publication date', () => {
    for (const kind of kinds) {
      const paper = source(KINDS[kind].slug);
      const tags = head(KINDS[kind].slug);
      expect(tags.get('citation_title')).toEqual([paper.title]);
      expect(tags.get('citation_author')).toEqual(paper.authors);
      expect(tags.get('citation_publication_date')).toEqual([
        dateParts(paper)
          .map((part) => String(part).padStart(2, '0'))
          .join('/'),
      ]);
    }
  });

  it('names the venue with the tag of the paper’s kind and no other', () => {
    const venueTags = (slug: string) =>
      [...head(slug).keys()].filter((name) =>
        /^citation_(journal_title|conference_title|dissertation_institution|technical_report_institution|inbook_title)$/.test(
          name,
        ),
      );
    expect(venueTags('deep-learning')).toEqual(['citation_journal_title']);
    expect(venueTags('attention-is-all-you-need')).toEqual(['citation_conference_title']);
    expect(venueTags('linearity-of-relation-decoding')).toEqual([]);
    expect(venueTags('internal-language-representations-thesis')).toEqual(['citation_dissertation_institution']);
    expect(venueTags('annotator-agreement-report')).toEqual(['citation_technical_report_institution']);
    expect(venueTags('word-representations-patent')).toEqual([]);
    expect(one('deep-learning', 'citation_journal_title')).toBe('Nature');
    expect(one('internal-language-representations-thesis', 'citation_dissertation_institution')).toBe(
      'Massachusetts Institute of Technology',
    );
  });

  it('gives a journal article its volume, issue, pages, DOI and absolute PDF address', () => {
    expect(
      [
        'citation_volume',
        'citation_issue',
        'citation_firstpage',
        'citation_lastpage',
        'citation_doi',
        'citation_pdf_url',
      ].map((name) => one('deep-learning', name)),
    ).toEqual(['521', '7553', '436', '444', '10.1038/nature14539', 'https://www.nature.com/articles/nature14539.pdf']);
  });

  it('gives a preprint its arXiv id and online date, a report its number', () => {
    expect(one('linearity-of-relation-decoding', 'citation_arxiv_id')).toBe('2308.09124');
    expect(one('linearity-of-relation-decoding', 'citation_online_date')).toBe('2023/08/17');
    expect(one('annotator-agreement-report', 'citation_technical_report_number')).toBe('CMU-LTI-19-004');
  });

  it('describes each paper in JSON-LD and in a COinS span', () => {
    const html = parsePage('/papers/deep-learning/', dist);
    const script = findAll(
      html,
      (element) => element.tagName === 'script' && attr(element, 'type') === 'application/ld+json',
    );
    const jsonLd = JSON.parse(text(script[0])) as Record<string, unknown>;
    expect(jsonLd['@type']).toBe('ScholarlyArticle');
    expect(jsonLd.pagination).toBe('436-444');
    expect(jsonLd.isPartOf).toMatchObject({ '@type': 'PublicationIssue', isPartOf: { volumeNumber: '521' } });
    const coins = byClass(html, 'Z3988');
    expect(coins).toHaveLength(1);
    const kev = new URLSearchParams(attr(coins[0], 'title'));
    expect([kev.get('rft_val_fmt'), kev.get('rft.atitle'), kev.get('rft.jtitle')]).toEqual([
      'info:ofi/fmt:kev:mtx:journal',
      'Deep learning',
      'Nature',
    ]);
  });
});

describe('page weight', () => {
  it('keeps every paper page within 20 KB of gzip HTML and CSS, the Cite block included', () => {
    for (const root of [dist, DIST]) {
      const folder = path.join(root, 'papers');
      const slugs = readdirSync(folder).filter((name) => existsSync(path.join(folder, name, 'citation.ris')));
      expect(slugs.length).toBeGreaterThan(0);
      for (const slug of slugs) {
        const weight = measurePage(root, path.join(folder, slug, 'index.html'));
        expect(weight.totalGzip, `${root} ${slug}`).toBeLessThanOrEqual(20 * 1024);
      }
    }
  });
});
