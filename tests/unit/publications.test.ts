/**
 * The lab's publication list as the data layer computes it: which papers are the lab's,
 * which kinds and members the filters offer, the paths of filtered pages, each paper's
 * links, and the selected papers in the lab's order.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { paperSchema, personSchema } from '../../src/schema.ts';
import { buildCatalog, type PaperEntry } from '../../src/lib/papers.ts';
import type { PersonEntry } from '../../src/lib/people.ts';
import { labPublications, publicationLinks, publicationsPath, selectedPapers } from '../../src/lib/publications.ts';

/** A paper entry as Astro hands it to the loader, validated by the real schema. */
function paper(id: string, data: Record<string, unknown>): PaperEntry {
  return {
    id,
    collection: 'papers',
    data: paperSchema.parse({ date: '2024-01-01', authors: ['Omar Outsider'], ...data, title: data.title ?? id }),
    body: '',
    filePath: `content/papers/${id}.md`,
  } as PaperEntry;
}

/** A people entry, validated by the real schema (no photo). */
function person(id: string, data: Record<string, unknown>): PersonEntry {
  return {
    id,
    collection: 'people',
    data: personSchema(z.string()).parse(data),
    body: '',
    filePath: `content/people/${id}.md`,
  } as unknown as PersonEntry;
}

const people = [
  person('ada', { name: 'Ada Okafor', otherNames: ['A. Okafor'], role: 'Principal investigator' }),
  person('sam', { name: 'Sam Rivera', role: 'PhD student' }),
  person('tomas', { name: 'Tomás Ferreira', role: 'PhD student', left: 2022 }),
  person('priya', { name: 'Priya Raman', role: 'MSc student' }),
];

describe('the lab’s papers and filters', () => {
  const catalog = buildCatalog(
    [
      paper('journal', {
        authors: ['A. Okafor', 'Lena Fischer'],
        bibtexType: 'article',
        venue: 'TACL',
        date: '2025-05-01',
      }),
      paper('thesis', { authors: ['Tomás Ferreira'], bibtexType: 'phdthesis', date: '2022-09-01' }),
      paper('preprint', { authors: ['Sam Rivera'], arxivId: '2401.00001', date: '2024-01-10' }),
      paper('outside', { authors: ['Lena Fischer'], bibtexType: 'article', venue: 'JMLR' }),
      paper('configured', { authors: ['Yonatan Belinkov'], bibtexType: 'inproceedings', venue: 'ACL' }),
    ],
    people,
  );
  const lab = labPublications(catalog);

  it('counts a paper as the lab’s when a member wrote it under any spelling, alumni and configured names included', () => {
    expect(lab.papers.map((p) => p.slug)).toEqual(['journal', 'preprint', 'configured', 'thesis']);
  });

  it('offers the kinds the lab has, in the fixed order, and members with papers in the order of /people/', () => {
    expect(lab.kinds).toEqual(['journal', 'conference', 'preprint', 'thesis']);
    expect(lab.members.map((m) => m.name)).toEqual(['Ada Okafor', 'Sam Rivera', 'Yonatan Belinkov', 'Tomás Ferreira']);
  });

  it('makes one path per filter, with pages after the first numbered', () => {
    expect(publicationsPath({})).toBe('/publications/');
    expect(publicationsPath({}, 2)).toBe('/publications/2/');
    expect(publicationsPath({ kind: 'thesis' })).toBe('/publications/thesis/');
    expect(publicationsPath({ member: 'ada-okafor' })).toBe('/publications/member/ada-okafor/');
    expect(publicationsPath({ kind: 'journal', member: 'ada-okafor' }, 3)).toBe(
      '/publications/journal/member/ada-okafor/3/',
    );
  });
});

describe('a site without people entries', () => {
  it('still has a lab: the names in SITE.labMembers that have papers, under the spelling their page shows', () => {
    const catalog = buildCatalog([
      paper('one', { authors: ['fernanda viegas', 'Omar Outsider'] }),
      paper('two', { authors: ['Fernanda Viégas'] }),
    ]);
    // The seed config names Yonatan Belinkov, Fernanda Viégas and Martin Wattenberg; only she has papers here.
    expect(catalog.people.map((p) => [p.name, p.role, p.paperCount])).toEqual([['Fernanda Viégas', 'Lab member', 2]]);
    expect(
      labPublications(catalog)
        .papers.map((p) => p.slug)
        .sort(),
    ).toEqual(['one', 'two']);
  });
});

describe('selected papers', () => {
  it('come in the lab’s numbered order first, then the ones marked true newest first, each once', () => {
    const catalog = buildCatalog([
      paper('true-old', { selected: true, date: '2019-01-01' }),
      paper('second', { selected: 2, date: '2018-01-01' }),
      paper('true-new', { selected: true, date: '2025-01-01' }),
      paper('first', { selected: 1, date: '2020-01-01' }),
      paper('also-second', { selected: 2, date: '2023-01-01' }),
      paper('not-selected', { date: '2026-01-01' }),
      paper('draft', { selected: 1, draft: true }),
    ]);
    expect(selectedPapers(catalog.papers).map((p) => p.slug)).toEqual([
      'first',
      'also-second',
      'second',
      'true-new',
      'true-old',
    ]);
  });

  it('rejects a place that is not a whole number from 1, saying what it expects', () => {
    for (const selected of [0, -1, 1.5, 'yes']) {
      const result = paperSchema.safeParse({ title: 'T', selected });
      expect(result.success, String(selected)).toBe(false);
      expect(result.error?.issues[0].message).toBe(
        'expected true, false or a whole number from 1 (the paper’s place among the selected papers)',
      );
    }
  });
});

describe('a paper’s links in a publication list', () => {
  it('puts PDF, Code, Slides, Video and Poster first, labelled by kind, then other links, code repository, arXiv and DOI, each once', () => {
    const [view] = buildCatalog([
      paper('p', {
        links: [
          { label: 'Talk recording', url: 'https://v.example.org/1', kind: 'video' },
          { label: 'Project page', url: 'https://p.example.org/' },
          { label: 'poster.pdf', url: 'https://p.example.org/poster.pdf', kind: 'poster' },
          { label: 'Paper', url: 'https://p.example.org/paper.pdf', kind: 'pdf' },
          { label: 'Deck', url: 'https://p.example.org/slides', kind: 'slides' },
          { label: 'Same PDF again', url: 'https://p.example.org/paper.pdf' },
        ],
        codeUrl: 'https://github.com/example/p',
        arxivId: '2401.00001',
        doi: '10.1000/xyz',
      }),
    ]).papers;
    expect(publicationLinks(view).map((link) => [link.label, link.url])).toEqual([
      ['PDF', 'https://p.example.org/paper.pdf'],
      ['Slides', 'https://p.example.org/slides'],
      ['Video', 'https://v.example.org/1'],
      ['Poster', 'https://p.example.org/poster.pdf'],
      ['Project page', 'https://p.example.org/'],
      ['Code', 'https://github.com/example/p'],
      ['arXiv', 'https://arxiv.org/abs/2401.00001'],
      ['DOI', 'https://doi.org/10.1000/xyz'],
    ]);
  });

  it('does not add the code repository twice when a link already is the code', () => {
    const [view] = buildCatalog([
      paper('p', {
        links: [{ label: 'GitHub', url: 'https://github.com/example/p', kind: 'code' }],
        codeUrl: 'https://github.com/example/p2',
      }),
    ]).papers;
    expect(publicationLinks(view).map((link) => link.label)).toEqual(['Code']);
  });
});
