/**
 * The paper schema's additions for real lab files: undated and category-less papers,
 * bibliographic and al-folio fields, link kinds; dates read as the file writes them; the
 * publication kind; and what the one loader makes of such papers (sorting, tags, years).
 */
import { describe, expect, it } from 'vitest';
import { paperSchema } from '../../src/schema.ts';
import { dateAsWritten } from '../../src/lib/papers-loader.ts';
import { publicationKind } from '../../src/lib/publication-kind.ts';
import { buildCatalog, type PaperEntry } from '../../src/lib/papers.ts';
import { byYear } from '../../src/lib/groups.ts';

/** A collection entry as Astro hands it to the loader, validated by the real schema. */
function entry(id: string, data: Record<string, unknown>, body = ''): PaperEntry {
  return {
    id,
    collection: 'papers',
    data: paperSchema.parse(data),
    body,
    filePath: `content/papers/${id}.md`,
  } as PaperEntry;
}

describe('the paper schema', () => {
  it('accepts a paper with only a title: no date, no category, no authors', () => {
    const parsed = paperSchema.parse({ title: 'A web page' });
    expect(parsed.date).toBeUndefined();
    expect(parsed.category).toBeUndefined();
    expect(parsed.authors).toEqual([]);
    expect(parsed.editors).toEqual([]);
    expect(parsed.selected).toBe(false);
  });

  it('keeps bibliographic and al-folio fields as written', () => {
    const fields = {
      volume: '12',
      issue: '3',
      pages: '123--145',
      publisher: 'ACM',
      address: 'New York, NY, USA',
      editors: ['Ann Editor'],
      series: 'LNCS',
      edition: '2nd',
      isbn: '978-3-16-148410-0',
      issn: '0001-0782',
      school: 'MIT',
      institution: 'Bell Labs',
      organization: 'IEEE',
      howpublished: 'Blog post',
      note: 'In press',
      eprint: '2301.00001',
      archivePrefix: 'arXiv',
      primaryClass: 'q-bio.NC',
      url: 'https://example.org/paper',
      selected: true,
      abbr: 'NeurIPS',
      preview: 'paper.png',
      bibtexShow: true,
      award: 'Best Paper Award',
      additionalInfo: 'Oral presentation',
    };
    expect(paperSchema.parse({ title: 'T', ...fields })).toMatchObject(fields);
  });

  it('knows arXiv categories outside computer science and rejects made-up ones', () => {
    for (const category of [
      'stat.ML',
      'math.PR',
      'physics.bio-ph',
      'q-bio.NC',
      'q-fin.ST',
      'eess.SP',
      'econ.EM',
      'hep-th',
    ]) {
      expect(paperSchema.safeParse({ title: 'T', category }).success, category).toBe(true);
    }
    expect(paperSchema.safeParse({ title: 'T', category: 'cs.XY' }).success).toBe(false);
  });

  it('types links by kind and rejects an unknown kind', () => {
    const link = { label: 'Slides', url: 'https://example.org/s.pdf', kind: 'slides' };
    expect(paperSchema.parse({ title: 'T', links: [link] }).links).toEqual([link]);
    expect(paperSchema.safeParse({ title: 'T', links: [{ ...link, kind: 'podcast' }] }).success).toBe(false);
  });

  it('rejects a day that does not exist, naming the value', () => {
    for (const date of ['2024-02-30', '2024-13-01', '2023-02-29']) {
      const result = paperSchema.safeParse({ title: 'T', date });
      expect(result.success, date).toBe(false);
      expect(result.error?.issues[0].path).toEqual(['date']);
      expect(result.error?.issues[0].message).toContain(`"${date}"`);
    }
    expect(paperSchema.parse({ title: 'T', date: '2024-02-29' }).date).toBe('2024-02-29');
  });
});

describe('dates read as written', () => {
  const file = (line: string) => `---\ntitle: T\n${line}\nauthors:\n  - A\n---\nBody with date: 2020-01-01\n`;

  it('gives the text of an impossible date, not the day YAML overflowed it to', () => {
    expect(dateAsWritten(file('date: 2024-02-30'))).toBe('2024-02-30');
    expect(dateAsWritten(file('date: 2024-13-01  # edited by hand'))).toBe('2024-13-01');
  });

  it('keeps the day of a timestamp and the text of a quoted date', () => {
    expect(dateAsWritten(file('date: 2024-02-03T10:00:00Z'))).toBe('2024-02-03');
    expect(dateAsWritten(file("date: '2024-02-03'"))).toBe('2024-02-03');
  });

  it('reads only the frontmatter', () => {
    expect(dateAsWritten('---\ntitle: T\n---\ndate: 2020-01-01\n')).toBeUndefined();
  });
});

describe('publication kind', () => {
  it('follows the entry type, with preprint servers and patents recognised', () => {
    expect(publicationKind({ bibtexType: 'article', venue: 'Nature' })).toBe('journal');
    expect(publicationKind({ bibtexType: 'article', venue: 'arXiv preprint arXiv:2301.00001' })).toBe('preprint');
    expect(publicationKind({ bibtexType: 'article', venue: 'bioRxiv' })).toBe('preprint');
    expect(publicationKind({ bibtexType: 'inproceedings', venue: 'NeurIPS' })).toBe('conference');
    expect(publicationKind({ bibtexType: 'phdthesis' })).toBe('thesis');
    expect(publicationKind({ bibtexType: 'techreport' })).toBe('report');
    expect(publicationKind({ bibtexType: 'incollection' })).toBe('book');
    expect(publicationKind({ bibtexType: 'patent' })).toBe('patent');
    expect(publicationKind({ bibtexType: 'misc', note: 'US Patent 9,123,456' })).toBe('patent');
    expect(publicationKind({ bibtexType: 'misc', publisher: 'Google Patents' })).toBe('patent');
    expect(publicationKind({ arxivId: '2301.00001' })).toBe('preprint');
    expect(publicationKind({ bibtexType: 'misc', howpublished: 'Blog post' })).toBe('other');
  });
});

describe('the loader with undated, category-less and tagged papers', () => {
  const catalog = buildCatalog([
    entry('undated', { title: 'In press', authors: ['Ana Lima'], tags: ['Cameras', 'prosthetics'] }),
    entry('old', { title: 'Old', authors: ['Ana Lima'], date: '2019-05-01', category: 'q-bio.NC' }),
    entry('new', {
      title: 'New',
      authors: ['Ana Lima'],
      date: '2024-01-01',
      datePrecision: 'year',
      tags: ['cameras', 'Cameras', 'Prosthetics', 'prosthetics'],
    }),
  ]);

  it('sorts undated papers after every dated one and shows them as n.d.', () => {
    expect(catalog.papers.map((paper) => paper.slug)).toEqual(['new', 'old', 'undated']);
    const undated = catalog.bySlug.get('undated');
    expect(undated?.dateLabel).toBe('n.d.');
    expect(undated?.year).toBeUndefined();
    expect(undated?.dateMachine).toBeUndefined();
  });

  it('keeps undated papers out of the year pages and gives them their own run in listings', () => {
    expect(catalog.years.map((year) => year.name)).toEqual(['2024', '2019']);
    expect(byYear(catalog.papers).map((run) => run.label)).toEqual(['2024', '2019', 'n.d.']);
  });

  it('gives a paper without a category no topic and no topic page', () => {
    expect(catalog.bySlug.get('new')?.topic).toBeUndefined();
    expect(catalog.topics.map((topic) => topic.code)).toEqual(['q-bio.NC']);
    expect(catalog.topics[0].name).toBe('Neurons and Cognition');
  });

  it('deduplicates tags without regard to case, each with one slug across the site', () => {
    expect(catalog.bySlug.get('new')?.tags).toEqual([
      { slug: 'cameras', name: 'Cameras' },
      { slug: 'prosthetics', name: 'Prosthetics' },
    ]);
    expect(catalog.bySlug.get('undated')?.tags.map((tag) => tag.slug)).toEqual(['cameras', 'prosthetics']);
  });

  it('exports an undated paper without a year', () => {
    expect(catalog.bySlug.get('undated')?.bibtex).not.toMatch(/year/);
    expect(catalog.bySlug.get('old')?.bibtex).toMatch(/year = \{2019\}/);
  });
});

describe('an entry that cannot be made into a page', () => {
  it('names its Markdown file in the error', () => {
    const broken = entry('broken', { title: 'Broken', authors: ['Ana Lima'] });
    // Only a file the schema never checked can break the loader; simulate one.
    (broken.data as { title: unknown }).title = 42;
    expect(() => buildCatalog([broken])).toThrow(/^content\/papers\/broken\.md: /);
  });
});
