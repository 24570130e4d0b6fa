/**
 * Citations from the one CSL-JSON mapping (src/lib/csl.ts): each kind of paper field by
 * field, RIS read back by Citation.js, BibTeX read back by Citation.js's BibTeX reader
 * and held to the same fields, formatted references alone and in batches, a lab's own
 * CSL style, the citation_* tags per kind and the COinS span.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { fixtureCatalog } from '../helpers/fixture-catalog.ts';
import { formatReferences, parseRisRecords, standaloneStyle, toRis, checkStyles } from '../../src/lib/citation-js.ts';
import citationFiles from '../../integrations/citation-files.ts';
import { citationFile, citeView, orderedStyles, writePaperCitationFiles } from '../../src/lib/citations.ts';
import { CITATION_FORMATS, paperCitationFile } from '../../src/shared/citation-formats.ts';
import { coinsTitle } from '../../src/lib/coins.ts';
import { cslName, displayName, toCsl, type CslItem, type CslName } from '../../src/lib/csl.ts';
import { citationTags, paperJsonLd } from '../../src/lib/head.ts';
import type { PaperView } from '../../src/lib/papers.ts';

const catalog = fixtureCatalog('tests/fixtures/citations/site/papers');
const paper = (slug: string): PaperView => {
  const found = catalog.bySlug.get(slug);
  if (!found) throw new Error(`no fixture paper ${slug}`);
  return found;
};
const SIX_KINDS = {
  journal: 'deep-learning',
  conference: 'attention-is-all-you-need',
  preprint: 'linearity-of-relation-decoding',
  thesis: 'internal-language-representations-thesis',
  report: 'annotator-agreement-report',
  patent: 'word-representations-patent',
} as const;

/** The item without its abstract (checked on its own below), for readable expectations. */
function withoutAbstract(item: CslItem): Omit<CslItem, 'abstract'> {
  const { abstract, ...rest } = item;
  expect(abstract).toBeTruthy();
  return rest;
}

describe('the CSL-JSON mapping, field by field', () => {
  it('maps a journal article to its journal, volume, issue, pages, publisher, ISSN, DOI and keywords', () => {
    expect(withoutAbstract(paper(SIX_KINDS.journal).csl)).toEqual({
      id: 'lecun2015deep',
      type: 'article-journal',
      'citation-key': 'lecun2015deep',
      title: 'Deep learning',
      author: [
        { given: 'Yann', family: 'LeCun' },
        { given: 'Yoshua', family: 'Bengio' },
        { given: 'Geoffrey', family: 'Hinton' },
      ],
      issued: { 'date-parts': [[2015, 5, 28]] },
      'container-title': 'Nature',
      volume: '521',
      issue: '7553',
      page: '436-444',
      publisher: 'Nature Publishing Group',
      ISSN: '0028-0836',
      DOI: '10.1038/nature14539',
      keyword: 'deep learning,representation learning',
    });
  });

  it('maps a conference paper to its proceedings, editors, place, URL, and its arXiv id to a note', () => {
    expect(withoutAbstract(paper(SIX_KINDS.conference).csl)).toEqual({
      id: 'vaswani2017attention',
      type: 'paper-conference',
      'citation-key': 'vaswani2017attention',
      title: 'Attention Is All You Need',
      author: [
        { given: 'Ashish', family: 'Vaswani' },
        { given: 'Noam', family: 'Shazeer' },
        { given: 'Niki', family: 'Parmar' },
        { given: 'Jakob', family: 'Uszkoreit' },
        { given: 'Llion', family: 'Jones' },
        { given: 'Aidan N.', family: 'Gomez' },
        { given: 'Łukasz', family: 'Kaiser' },
        { given: 'Illia', family: 'Polosukhin' },
      ],
      editor: [
        { given: 'Isabelle', family: 'Guyon' },
        { given: 'Ulrike', family: 'von Luxburg' },
      ],
      issued: { 'date-parts': [[2017]] },
      'container-title': 'Advances in Neural Information Processing Systems 30',
      page: '5998-6008',
      publisher: 'Curran Associates, Inc.',
      'publisher-place': 'Long Beach, CA, USA',
      URL: 'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
      keyword: 'transformers,attention',
      note: 'arXiv: 1706.03762',
    });
  });

  it('maps a preprint to an article numbered by its arXiv id, published by arXiv', () => {
    expect(withoutAbstract(paper(SIX_KINDS.preprint).csl)).toMatchObject({
      id: 'hernandez2023linearity',
      type: 'article',
      title: 'Linearity of Relation Decoding in Transformer Language Models',
      issued: { 'date-parts': [[2023, 8, 17]] },
      number: 'arXiv:2308.09124',
      publisher: 'arXiv',
      URL: 'https://arxiv.org/abs/2308.09124',
    });
    expect(paper(SIX_KINDS.preprint).csl.author).toHaveLength(8);
    expect(paper(SIX_KINDS.preprint).csl['container-title']).toBeUndefined();
  });

  it('maps a thesis to its school as publisher and its degree as genre', () => {
    expect(withoutAbstract(paper(SIX_KINDS.thesis).csl)).toEqual({
      id: 'belinkov2018internal',
      type: 'thesis',
      'citation-key': 'belinkov2018internal',
      title:
        'On Internal Language Representations in Deep Learning: An Analysis of Machine Translation and Speech Recognition',
      author: [{ given: 'Yonatan', family: 'Belinkov' }],
      issued: { 'date-parts': [[2018]] },
      publisher: 'Massachusetts Institute of Technology',
      'publisher-place': 'Cambridge, MA, USA',
      genre: 'PhD thesis',
      URL: 'https://dspace.mit.edu/handle/1721.1/118079',
      keyword: 'interpretability',
    });
  });

  it('maps a report to its institution, number and series', () => {
    expect(withoutAbstract(paper(SIX_KINDS.report).csl)).toEqual({
      id: 'garcia2019measuring',
      type: 'report',
      'citation-key': 'garcia2019measuring',
      title: 'Measuring Annotator Agreement on Relation Extraction Benchmarks',
      author: [
        { given: 'Maria', family: 'García-López' },
        { given: 'Ming', family: 'Li' },
      ],
      issued: { 'date-parts': [[2019, 5]] },
      'collection-title': 'LTI Technical Reports',
      number: 'CMU-LTI-19-004',
      publisher: 'Carnegie Mellon University, Language Technologies Institute',
      'publisher-place': 'Pittsburgh, PA',
      URL: 'https://example.org/reports/CMU-LTI-19-004.pdf',
      keyword: 'annotation,relation extraction',
    });
  });

  it('reads a Google Scholar patent’s office and number from its note, and keeps the note', () => {
    expect(withoutAbstract(paper(SIX_KINDS.patent).csl)).toEqual({
      id: 'mikolov2015computing',
      type: 'patent',
      'citation-key': 'mikolov2015computing',
      title: 'Computing numeric representations of words in a high-dimensional space',
      author: [
        { given: 'Tomas', family: 'Mikolov' },
        { given: 'Kai', family: 'Chen' },
        { given: 'Gregory S.', family: 'Corrado' },
        { given: 'Jeffrey A.', family: 'Dean' },
      ],
      issued: { 'date-parts': [[2015, 5, 19]] },
      number: '9,037,464',
      authority: 'U.S.',
      publisher: 'Google Patents',
      note: 'US Patent 9,037,464',
    });
  });

  it('carries the abstract as plain text', () => {
    expect(paper(SIX_KINDS.report).csl.abstract).toBe(
      'We measure how often annotators agree on the relations of five benchmarks & find that agreement drops below 0.6 for implicit relations.',
    );
  });

  it('keeps organisations, one-word names and CJK names whole, a suffix in its slot and a particle with the family name', () => {
    expect(cslName('BigScience Workshop')).toEqual({ literal: 'BigScience Workshop' });
    expect(cslName('Plato')).toEqual({ literal: 'Plato' });
    expect(cslName('王小明')).toEqual({ literal: '王小明' });
    expect(cslName('Martin Luther King Jr.')).toEqual({ given: 'Martin Luther', family: 'King', suffix: 'Jr.' });
    expect(cslName('Jean-Pierre de la Fontaine')).toEqual({ given: 'Jean-Pierre', family: 'de la Fontaine' });
    for (const name of ['Martin Luther King Jr.', 'Jean-Pierre de la Fontaine', 'Łukasz Kaiser', '王小明']) {
      expect(displayName(cslName(name))).toBe(name);
    }
    expect(displayName({ family: '王', given: '小明' })).toBe('王小明');
  });

  it('leaves out what a paper does not have: no date, no authors, no empty fields', () => {
    const item = toCsl({
      key: 'anon',
      title: 'A web page',
      authors: [],
      datePrecision: 'day',
      kind: 'other',
      abstract: '',
      tags: [],
      links: [{ url: 'https://example.org/page' }],
      editors: [],
      bibtexType: 'online',
    });
    expect(item).toEqual({
      id: 'anon',
      type: 'webpage',
      'citation-key': 'anon',
      title: 'A web page',
      URL: 'https://example.org/page',
    });
  });
});

describe('RIS written from the mapping, read back by Citation.js', () => {
  const papers = Object.values(SIX_KINDS).map(paper);
  const ris = toRis(papers.map((p) => p.csl));
  const read = parseRisRecords(ris);

  it('reads back one record per paper with every field of the CSL item', () => {
    expect(read).toHaveLength(6);
    papers.forEach((p, i) => {
      const back = read[i];
      const csl = p.csl;
      expect(back.title).toBe(csl.title);
      expect(back.author).toEqual(csl.author);
      expect(back.issued).toEqual(csl.issued);
      expect(back.abstract).toBe(csl.abstract);
      for (const field of ['container-title', 'volume', 'issue', 'page', 'DOI', 'URL', 'ISSN'] as const) {
        expect(back[field], `${p.slug} ${field}`).toBe(csl[field]);
      }
      // Citation.js reads no publisher for a journal or patent (RIS has PB for them; Zotero and EndNote read it).
      if (p.csl.type.startsWith('article') || p.csl.type === 'patent')
        expect(ris.split('\n')).toContain(`PB  - ${csl.publisher}`);
      else expect(back.publisher, p.slug).toBe(csl.publisher);
      expect(back.keyword, p.slug).toBe(csl.keyword);
      expect(back.id ?? back['citation-key'], p.slug).toBe(csl.id);
    });
  });

  it('writes each kind with its RIS type', () => {
    expect([...ris.matchAll(/^TY {2}- (\w+)$/gm)].map((match) => match[1])).toEqual([
      'JOUR',
      'CONF',
      'JOUR',
      'THES',
      'RPRT',
      'PAT',
    ]);
  });

  it('keeps the arXiv id, the editors, the report number and the patent number', () => {
    expect(read[1].note).toBe('arXiv: 1706.03762');
    expect((read[1].editor as CslName[]).map(displayName)).toEqual(['Isabelle Guyon', 'Ulrike von Luxburg']);
    expect(read[2].number).toBe('arXiv:2308.09124');
    expect(ris).toMatch(/^SN {2}- CMU-LTI-19-004$/m);
    expect(ris).toMatch(/^SN {2}- 9,037,464$/m);
  });

  it('never cuts a value over lines and writes dates in full', () => {
    for (const line of ris.split('\n')) expect(line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line), line).toBe(true);
    expect(ris).toMatch(/^DA {2}- 2015\/05\/28\/$/m);
    expect(ris).toMatch(/^DA {2}- 2019\/05\/\/$/m);
  });
});

describe('BibTeX and the CSL mapping agree', () => {
  // The BibTeX writer (src/lib/bibtex.ts) is the one export not made by Citation.js: its
  // entries, read by Citation.js's own BibTeX reader, must name the same paper as the CSL item.
  it.each(Object.entries(SIX_KINDS))('gives a %s the same title, authors, year, venue, DOI and URL', (_kind, slug) => {
    const p = paper(slug);
    const [fromBibtex] = plugins.input.chain(p.bibtex, { generateGraph: false }) as unknown as CslItem[];
    expect(fromBibtex.id).toBe(p.csl.id);
    expect(fromBibtex.title).toBe(p.csl.title);
    expect(fromBibtex.author?.map(displayName)).toEqual(p.csl.author?.map(displayName));
    expect(fromBibtex.issued?.['date-parts']?.[0][0]).toBe(p.csl.issued?.['date-parts']?.[0][0]);
    if (p.csl['container-title']) expect(fromBibtex['container-title']).toBe(p.csl['container-title']);
    expect(fromBibtex.DOI).toBe(p.csl.DOI);
    if (p.csl.DOI === undefined) expect(fromBibtex.URL).toBe(p.csl.URL);
  });
});

describe('formatted references', () => {
  const styles = orderedStyles();
  const items = catalog.papers.map((p) => p.csl);

  it('formats APA, Vancouver and Harvard, APA first, as configured', () => {
    expect(styles.map((style) => style.id)).toEqual(['apa', 'vancouver', 'harvard1']);
  });

  it('reads the same in a batch as alone, even next to papers by the same authors in the same year', () => {
    // Two papers by Belinkov in one year would be "2023a" and "2023b" in one bibliography.
    const twin = { ...paper(SIX_KINDS.preprint).csl, id: 'twin', title: 'Another paper' };
    for (const style of styles) {
      const batch = formatReferences([...items, twin], style);
      for (const item of items)
        expect(batch.get(item.id), `${style.id} ${item.id}`).toBe(formatReferences([item], style).get(item.id));
      expect(batch.get('twin')).not.toMatch(/2023[ab]/);
    }
  }, 120_000);

  it('gives every paper the reference the shipped style gives it alone, though the standalone form drops sorting and in-text citations', () => {
    for (const id of ['apa', 'harvard1']) {
      const standalone = formatReferences(items, { id, name: id });
      for (const item of items) {
        const shipped = plugins.output.format('bibliography', [item], {
          format: 'html',
          template: id,
          lang: 'en-US',
          hyperlinks: true,
        }) as string;
        const entry = /<div[^>]*class="csl-entry"[^>]*>\s*([\s\S]*?)\s*<\/div>/.exec(shipped)?.[1];
        expect(standalone.get(item.id), `${id} ${item.id}`).toBe(entry);
      }
    }
    const lean = standaloneStyle(plugins.config.get('@csl').styles.get('apa') ?? '');
    expect(lean).not.toMatch(/<sort>|collapse=|et-al-min="3"/);
    expect(lean).toContain('<bibliography');
  }, 120_000);

  it('drops the citation number of numeric styles: a page shows one reference', () => {
    const vancouver = formatReferences([paper(SIX_KINDS.journal).csl], styles[1]).get('lecun2015deep');
    expect(vancouver).toBe(
      'LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015 May 28;521(7553):436–44. doi:<a href="https://doi.org/10.1038/nature14539">10.1038/nature14539</a>',
    );
  });

  it('formats with a lab’s own CSL file, made standalone like the others', () => {
    const lab = { id: 'lab', name: 'Our lab', file: 'tests/fixtures/citations/styles/lab-short.csl' };
    const formatted = formatReferences([paper(SIX_KINDS.journal).csl, paper(SIX_KINDS.thesis).csl], lab);
    expect(formatted.get('lecun2015deep')).toBe(
      'LeCun Y, Bengio Y, &#38; Hinton G 2015. Deep learning. <i>Nature</i>.',
    );
    expect(formatted.get('belinkov2018internal')).toBe(
      'Belinkov Y 2018. On Internal Language Representations in Deep Learning: An Analysis of Machine Translation and Speech Recognition.',
    );
    expect(standaloneStyle(readFileSync(lab.file, 'utf8'))).not.toMatch(/citation-number|disambiguate|subsequent/);
  });

  it('gives each page its own references whatever order pages ask in, the default style first', () => {
    const alone = (slug: string) =>
      orderedStyles().map((style) => formatReferences([paper(slug).csl], style).get(paper(slug).csl.id));
    for (const slug of [...Object.values(SIX_KINDS)].reverse()) {
      const view = citeView(paper(slug), catalog);
      expect(view.references.map((reference) => reference.id)).toEqual(['cite-apa', 'cite-vancouver', 'cite-harvard1']);
      expect(view.references.map((reference) => reference.html)).toEqual(alone(slug));
      expect(view.downloads.map((download) => download.path)).toEqual([
        `/papers/${slug}/citation.bib`,
        `/papers/${slug}/citation.ris`,
        `/papers/${slug}/citation.csl.json`,
      ]);
    }
    expect(citeView(paper(SIX_KINDS.journal), catalog).downloads.map((download) => download.filename)).toEqual([
      'lecun2015deep.bib',
      'lecun2015deep.ris',
      'lecun2015deep.csl.json',
    ]);
  }, 120_000);

  it('fails at the start of the build, naming the file, when a style cannot be used', () => {
    expect(() => checkStyles([{ id: 'missing', name: 'Missing', file: 'styles/none.csl' }])).toThrow(
      /citation style "missing": cannot read .*styles\/none\.csl, expected a CSL style file/,
    );
    expect(() => checkStyles([{ id: 'not-csl', name: 'Not CSL', file: 'package.json' }])).toThrow(
      /package\.json is not a CSL style/,
    );
    expect(() => checkStyles([{ id: 'ieee', name: 'IEEE' }])).toThrow(
      /does not ship with Citation\.js.*give its \.csl file/,
    );
    expect(() => orderedStyles([{ id: 'apa', name: 'APA' }], 'chicago')).toThrow(
      /defaultCitationStyle "chicago" is not one of citationStyles \(apa\)/,
    );
  });
});

describe('metadata for reference managers and Google Scholar', () => {
  const tagsOf = (slug: string) => {
    const tags = citationTags(paper(slug), `https://example.org/papers/${slug}/`);
    const byName = new Map<string, string[]>();
    for (const tag of tags) if ('name' in tag) byName.set(tag.name, [...(byName.get(tag.name) ?? []), tag.content]);
    return byName;
  };
  const VENUE_TAGS = [
    'citation_journal_title',
    'citation_conference_title',
    'citation_dissertation_institution',
    'citation_technical_report_institution',
  ];
  const venueTags = (slug: string) =>
    Object.fromEntries(
      VENUE_TAGS.flatMap((name) => (tagsOf(slug).has(name) ? [[name, tagsOf(slug).get(name)?.[0]]] : [])),
    );

  it('gives every paper a title, its authors and its date (Google Scholar’s required tags)', () => {
    for (const slug of Object.values(SIX_KINDS)) {
      const tags = tagsOf(slug);
      expect(tags.get('citation_title')).toEqual([paper(slug).titleText]);
      expect(tags.get('citation_author')).toEqual(paper(slug).authors.map((author) => author.asWritten));
      expect(tags.get('citation_publication_date')?.[0]).toMatch(/^\d{4}(\/\d{2}){0,2}$/);
    }
  });

  it('names the journal of an article with its volume, issue, pages, DOI, ISSN and PDF', () => {
    const tags = tagsOf(SIX_KINDS.journal);
    expect(venueTags(SIX_KINDS.journal)).toEqual({ citation_journal_title: 'Nature' });
    expect(
      Object.fromEntries([...tags].filter(([name]) => !['citation_author', 'citation_title'].includes(name))),
    ).toEqual({
      citation_publication_date: ['2015/05/28'],
      citation_journal_title: ['Nature'],
      citation_volume: ['521'],
      citation_issue: ['7553'],
      citation_firstpage: ['436'],
      citation_lastpage: ['444'],
      citation_publisher: ['Nature Publishing Group'],
      citation_issn: ['0028-0836'],
      citation_doi: ['10.1038/nature14539'],
      citation_pdf_url: ['https://www.nature.com/articles/nature14539.pdf'],
      citation_keywords: ['deep learning; representation learning'],
      citation_abstract_html_url: ['https://example.org/papers/deep-learning/'],
    });
  });

  it('names the proceedings of a conference paper, never a journal', () => {
    expect(venueTags(SIX_KINDS.conference)).toEqual({
      citation_conference_title: 'Advances in Neural Information Processing Systems 30',
    });
    expect(tagsOf(SIX_KINDS.conference).get('citation_arxiv_id')).toEqual(['1706.03762']);
    expect(tagsOf(SIX_KINDS.conference).get('citation_firstpage')).toEqual(['5998']);
  });

  it('gives a preprint its arXiv id and online date and no journal or conference', () => {
    expect(venueTags(SIX_KINDS.preprint)).toEqual({});
    expect(tagsOf(SIX_KINDS.preprint).get('citation_arxiv_id')).toEqual(['2308.09124']);
    expect(tagsOf(SIX_KINDS.preprint).get('citation_online_date')).toEqual(['2023/08/17']);
  });

  it('names a thesis’s and a report’s institution, and a report’s number', () => {
    expect(venueTags(SIX_KINDS.thesis)).toEqual({
      citation_dissertation_institution: 'Massachusetts Institute of Technology',
    });
    expect(venueTags(SIX_KINDS.report)).toEqual({
      citation_technical_report_institution: 'Carnegie Mellon University, Language Technologies Institute',
    });
    expect(tagsOf(SIX_KINDS.report).get('citation_technical_report_number')).toEqual(['CMU-LTI-19-004']);
  });

  it('gives a PDF URL only for the paper’s own PDF link, never one made up', () => {
    expect(tagsOf(SIX_KINDS.report).get('citation_pdf_url')).toEqual([
      'https://example.org/reports/CMU-LTI-19-004.pdf',
    ]);
    // An arXiv preprint has a PDF on arXiv, but not one this page links as its own.
    expect(tagsOf(SIX_KINDS.preprint).has('citation_pdf_url')).toBe(false);
  });

  it('describes a journal article in JSON-LD as part of an issue of a volume of a periodical', () => {
    const jsonLd = paperJsonLd(paper(SIX_KINDS.journal), 'https://example.org/papers/deep-learning/');
    expect(jsonLd).toMatchObject({
      '@type': 'ScholarlyArticle',
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: '7553',
        isPartOf: {
          '@type': 'PublicationVolume',
          volumeNumber: '521',
          isPartOf: { '@type': 'Periodical', name: 'Nature', issn: '0028-0836' },
        },
      },
      pagination: '436-444',
      pageStart: '436',
      pageEnd: '444',
      identifier: [{ '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1038/nature14539' }],
      sameAs: ['https://doi.org/10.1038/nature14539'],
    });
  });

  it('describes a conference paper as part of its proceedings, presented at its event, with its arXiv id', () => {
    const jsonLd = paperJsonLd(paper(SIX_KINDS.conference), 'https://example.org/papers/attention-is-all-you-need/');
    expect(jsonLd).toMatchObject({
      isPartOf: { '@type': 'Book', name: 'Advances in Neural Information Processing Systems 30' },
      publication: { '@type': 'PublicationEvent', location: { name: 'Long Beach, CA, USA' } },
      identifier: [{ propertyID: 'arXiv', value: '1706.03762' }],
      sameAs: [
        'https://arxiv.org/abs/1706.03762',
        'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
      ],
    });
  });
});

describe('COinS', () => {
  const coins = (slug: string) => new URLSearchParams(coinsTitle(paper(slug).csl, paper(slug).kind));

  it('describes a journal article in the journal format with its pages and DOI', () => {
    const kev = coins(SIX_KINDS.journal);
    expect(kev.get('ctx_ver')).toBe('Z39.88-2004');
    expect(kev.get('rft_val_fmt')).toBe('info:ofi/fmt:kev:mtx:journal');
    expect(kev.get('rft.genre')).toBe('article');
    expect(kev.get('rft.atitle')).toBe('Deep learning');
    expect(kev.get('rft.jtitle')).toBe('Nature');
    expect(kev.getAll('rft.au')).toEqual(['LeCun, Yann', 'Bengio, Yoshua', 'Hinton, Geoffrey']);
    expect([kev.get('rft.volume'), kev.get('rft.issue'), kev.get('rft.spage'), kev.get('rft.epage')]).toEqual([
      '521',
      '7553',
      '436',
      '444',
    ]);
    expect(kev.getAll('rft_id')).toEqual(['info:doi/10.1038/nature14539']);
    expect(kev.get('rft.date')).toBe('2015-05-28');
  });

  it('uses the book format for proceedings, the dissertation format for a thesis, the patent format for a patent', () => {
    expect(coins(SIX_KINDS.conference).get('rft.genre')).toBe('proceeding');
    expect(coins(SIX_KINDS.conference).get('rft.btitle')).toBe('Advances in Neural Information Processing Systems 30');
    expect(coins(SIX_KINDS.thesis).get('rft_val_fmt')).toBe('info:ofi/fmt:kev:mtx:dissertation');
    expect(coins(SIX_KINDS.thesis).get('rft.inst')).toBe('Massachusetts Institute of Technology');
    expect(coins(SIX_KINDS.report).get('rft.genre')).toBe('report');
    expect(coins(SIX_KINDS.preprint).get('rft.genre')).toBe('preprint');
    expect(coins(SIX_KINDS.patent).get('rft_val_fmt')).toBe('info:ofi/fmt:kev:mtx:patent');
    expect(coins(SIX_KINDS.patent).get('rft.number')).toBe('9,037,464');
    expect(coins(SIX_KINDS.patent).get('rft.cc')).toBe('US');
  });
});

describe('each paper’s own citation files', () => {
  it('are written beside the paper’s page during a build, the same records its download links and the whole-site files give', () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'citation-files-'));
    const { hooks } = citationFiles();
    // The integration's hooks as Astro calls them, with the one argument they read.
    hooks['astro:config:done']?.({ config: { outDir: pathToFileURL(`${outDir}/`) } } as never);
    hooks['astro:build:start']?.({} as never);
    const journal = paper(SIX_KINDS.journal);
    try {
      writePaperCitationFiles(journal);
      for (const format of CITATION_FORMATS) {
        const file = path.join(outDir, paperCitationFile(journal.slug, format));
        expect(readFileSync(file, 'utf8')).toBe(citationFile([journal], format));
      }
    } finally {
      hooks['astro:build:done']?.({} as never);
    }
    // Outside a build (astro dev) nothing is written: the routes serve the files.
    const conference = paper(SIX_KINDS.conference);
    writePaperCitationFiles(conference);
    expect(existsSync(path.join(outDir, 'papers', conference.slug))).toBe(false);
    rmSync(outDir, { recursive: true });
  });

  it('have a route for astro dev at the very path the download links name, for every format', () => {
    for (const format of CITATION_FORMATS) {
      expect(existsSync(`src/pages${paperCitationFile('[slug]', format)}.ts`), format).toBe(true);
    }
  });
});
