/**
 * Choosing the parser: by extension, then by content, unless `format` forces one.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, parseSource } from '../../src/importer/source.ts';

const LISTING = 'CLJun 9, 2022\nA Small PaperJane Doe\nAn abstract.\n';
const BIBTEX = '% exported\n@article{doe2022, title = {A Small Paper}, author = {Doe, Jane}, year = {2022}}\n';

describe('choosing the source format', () => {
  it('a .bib or .txt extension decides, whatever the content', () => {
    expect(detectFormat('lab.bib', LISTING)).toBe('bibtex');
    expect(detectFormat('LAB.BIBTEX', LISTING)).toBe('bibtex');
    expect(detectFormat('papers.txt', BIBTEX)).toBe('listing');
  });

  it('without a known extension, a file starting with @type{ is BibTeX and anything else a listing', () => {
    expect(detectFormat('export', BIBTEX)).toBe('bibtex');
    expect(detectFormat('listing.md', LISTING)).toBe('listing');
  });

  it('a .ris or .json extension, or a TY line or a JSON bracket at the start, names RIS or CSL-JSON', () => {
    expect(detectFormat('zotero.ris', LISTING)).toBe('ris');
    expect(detectFormat('library.csl.json', LISTING)).toBe('csl-json');
    expect(detectFormat('export', '\uFEFF\r\nTY  - JOUR\r\nTI  - A\r\nER  - \r\n')).toBe('ris');
    expect(detectFormat('export', '  [{"type": "article", "title": "A"}]')).toBe('csl-json');
  });

  it('parseSource runs the detected parser, or the forced one', () => {
    expect(
      parseSource(LISTING, { file: 'x.txt', asOf: '2026-11-25' }).papers.map((paper) => paper.data.authors),
    ).toEqual([['Jane Doe']]);
    expect(
      parseSource(BIBTEX, { file: 'x.bib', defaultCategory: 'cs.CL' }).papers.map((paper) => paper.data.title),
    ).toEqual(['A Small Paper']);
    const forced = parseSource(BIBTEX, { file: 'x.bib', format: 'listing', asOf: '2026-11-25' });
    expect(forced.papers).toEqual([]);
    expect(forced.issues[0]?.message).toMatch(/^expected a metadata line such as /);
  });
});
